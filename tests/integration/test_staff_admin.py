"""Staff administration and least privilege on SQLite and PostgreSQL: disabling ends sessions and blocks
sign-in, the last admin stays, a temporary password reaches nothing until it is changed, a department's
staff read only residents with a case there, and every change and read is audited."""

from __future__ import annotations

import pytest
from sqlmodel import select

from naesone_app.actions import actor_of, staff
from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import Actor, NotAllowed
from naesone_app.db.account_models import Account, AuditEntry, LoginSession
from naesone_app.db.accounts import account_for_token, authenticate, claim_handoff, start_session
from naesone_app.db.applications import submit
from naesone_app.db.classes import register
from naesone_app.db.engine import transaction
from tests.integration.test_applications import ANSWERS, FORM, KEY, PASSWORD, _account
from tests.integration.test_class_registration import NOW, make_course


def _actor(url: str, account_id: int) -> Actor:
    with transaction(url) as session:
        return actor_of(session.get(Account, account_id))


def _audit(url: str) -> list[tuple[str, int | None, int | None]]:
    with transaction(url) as session:
        return [
            (e.action, e.actor_id, e.subject_id)
            for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))
        ]


def _session(url: str, account_id: int) -> str:
    with transaction(url) as session:
        return start_session(session, account_id)


def _signed_in(url: str, token: str) -> bool:
    with transaction(url) as session:
        return account_for_token(session, token) is not None


def _sign_in(url: str, login: str, password: str = PASSWORD) -> Account | AccountError:
    with transaction(url) as session:
        return authenticate(session, login, password)


def test_disabling_ends_every_session_at_once_and_blocks_sign_in(database: str) -> None:
    admin = _account(database, "admin@junggu.go.kr", "admin")
    clerk = _account(database, "clerk@junggu.go.kr", "staff", "어르신복지과")
    tokens = [_session(database, clerk), _session(database, clerk)]
    assert all(_signed_in(database, t) for t in tokens)

    staff.disable_officer(_actor(database, admin), clerk, True)
    assert not any(_signed_in(database, t) for t in tokens)
    with transaction(database) as session:
        assert all(row.revoked_at is not None for row in session.exec(select(LoginSession)))
    refused = _sign_in(database, "clerk@junggu.go.kr")
    assert isinstance(refused, AccountError) and "중지" in refused.message.msgid
    wrong = _sign_in(database, "clerk@junggu.go.kr", "Not-The-Password-1")  # says nothing more than usual
    assert isinstance(wrong, AccountError) and "중지" not in wrong.message.msgid

    staff.disable_officer(_actor(database, admin), clerk, False)
    again = _sign_in(database, "clerk@junggu.go.kr")
    assert isinstance(again, Account) and again.last_sign_in_at is not None
    assert [(a, who) for a, who, _ in _audit(database)] == [("admin.disabled_staff", admin),
                                                            ("admin.enabled_staff", admin)]  # fmt: skip


def test_an_admin_cannot_disable_themselves_nor_the_last_admin(database: str) -> None:
    first = _account(database, "first@junggu.go.kr", "admin")
    second = _account(database, "second@junggu.go.kr", "admin")
    clerk = _account(database, "clerk@junggu.go.kr", "staff", "어르신복지과")
    with pytest.raises(AccountError):
        staff.disable_officer(_actor(database, first), first, True)
    with pytest.raises(AccountError):
        staff.change_staff(_actor(database, first), first, "staff", "복지정책과")
    with pytest.raises(NotAllowed):  # staff administer nothing
        staff.disable_officer(_actor(database, clerk), second, True)

    stale = _actor(database, first)  # the actor as it was when first's page loaded
    staff.disable_officer(_actor(database, second), first, True)  # two active admins: one may go
    with pytest.raises(AccountError, match="account"):  # second is the last active admin now
        staff.disable_officer(stale, second, True)
    with pytest.raises(AccountError, match="account"):
        staff.change_staff(stale, second, "staff", "복지정책과")
    with transaction(database) as session:
        active = session.exec(
            select(Account.login).where(Account.role == "admin", Account.disabled_at.is_(None))
        )
        assert list(active) == ["second@junggu.go.kr"]
    assert [a for a, _, _ in _audit(database)] == ["admin.disabled_staff"]


def test_a_temporary_password_must_be_changed_before_any_staff_action(database: str) -> None:
    admin = _account(database, "admin@junggu.go.kr", "admin")
    with pytest.raises(AccountError, match="department"):  # free text is refused: the file's names only
        staff.create_staff(_actor(database, admin), "new@junggu.go.kr", PASSWORD, "staff", "어르신 복지과")
    created = staff.create_staff(
        _actor(database, admin), "new@junggu.go.kr", PASSWORD, "staff", "어르신복지과"
    )
    signed = _sign_in(database, "new@junggu.go.kr")
    assert isinstance(signed, Account) and signed.must_change_password
    actor = _actor(database, created.id)
    with pytest.raises(NotAllowed):
        staff.outbound(actor, NOW.date())
    old = _session(database, created.id)

    with pytest.raises(AccountError, match="current"):
        staff.change_own_password(actor, "Not-The-Password-1", "Own-Password-2026!")
    with pytest.raises(AccountError, match="password"):
        staff.change_own_password(actor, PASSWORD, PASSWORD)
    handoff = staff.change_own_password(actor, PASSWORD, "Own-Password-2026!")
    assert not _signed_in(database, old)  # every old session ended
    with transaction(database) as session:
        fresh = claim_handoff(session, handoff)
    assert fresh and _signed_in(database, fresh)
    actor = _actor(database, created.id)
    assert not actor.must_change_password and staff.outbound(actor, NOW.date()) == []
    assert isinstance(_sign_in(database, "new@junggu.go.kr", "Own-Password-2026!"), Account)
    assert [a for a, _, _ in _audit(database)] == [
        "admin.created_staff",
        "account.changed_temporary_password",
    ]


def test_staff_read_only_residents_with_a_case_in_their_department(database: str) -> None:
    applicant = _account(database, "applicant@example.com")
    learner = _account(database, "learner@example.com")
    stranger = _account(database, "stranger@example.com")
    with transaction(database) as session:
        submit(session, applicant, KEY, FORM, ANSWERS, "click-0001")  # to 어르신복지과
    register(learner, make_course(database), "k1", NOW, url=database)  # a class at 명동's centre
    senior = _account(database, "senior@junggu.go.kr", "staff", "어르신복지과")
    family = _account(database, "family@junggu.go.kr", "staff", "가정복지과")
    myeongdong = _account(database, "myeongdong@junggu.go.kr", "staff", "명동 주민센터")
    editor = _account(database, "editor@junggu.go.kr", "editor", "스마트정보과")
    admin = _account(database, "admin@junggu.go.kr", "admin")

    assert staff.read_profile(_actor(database, senior), applicant)[0].id == applicant
    assert staff.read_profile(_actor(database, myeongdong), learner)[0].id == learner
    for officer, resident in ((family, applicant), (senior, learner), (myeongdong, applicant),
                              (senior, stranger), (editor, applicant)):  # fmt: skip
        with pytest.raises(NotAllowed):
            staff.read_profile(_actor(database, officer), resident)
    assert staff.read_profile(_actor(database, admin), stranger)[0].id == stranger
    assert _audit(database) == [
        ("staff.read_profile", senior, applicant),
        ("staff.read_profile", myeongdong, learner),
        ("staff.read_profile_refused", family, applicant),
        ("staff.read_profile_refused", senior, learner),
        ("staff.read_profile_refused", myeongdong, applicant),
        ("staff.read_profile_refused", senior, stranger),
        ("staff.read_profile_refused", editor, applicant),
        ("staff.read_profile", admin, stranger),
    ]


def test_the_resident_browser_is_for_admins_with_a_stated_purpose(database: str) -> None:
    resident = _account(database, "resident@example.com")
    clerk = _account(database, "clerk@junggu.go.kr", "staff", "어르신복지과")
    admin = _account(database, "admin@junggu.go.kr", "admin")
    with pytest.raises(NotAllowed):
        staff.residents(_actor(database, clerk), "", "error_check", "checking a bug")
    with pytest.raises(AccountError, match="purpose"):
        staff.residents(_actor(database, admin), "", "", "checking a bug")
    with pytest.raises(AccountError, match="purpose_text"):
        staff.residents(_actor(database, admin), "", "resident_request", " ")
    assert _audit(database) == []
    found = staff.residents(
        _actor(database, admin), "resident@example.com", "resident_request", "민원 2026-1234"
    )
    assert [a.id for a in found.accounts] == [resident]
    with transaction(database) as session:
        entry = session.exec(select(AuditEntry)).one()
    assert (entry.action, entry.actor_id, entry.subject_id) == ("admin.searched_residents", admin, resident)
    assert entry.detail == "resident_request: 민원 2026-1234"


def test_roles_and_departments_change_from_the_file_audited_and_old_free_text_is_reported(
    database: str,
) -> None:
    admin = _account(database, "admin@junggu.go.kr", "admin")
    clerk = _account(database, "clerk@junggu.go.kr", "staff", "노인복지팀")  # typed before the file
    assert staff.unknown_departments(_actor(database, admin)) == [("clerk@junggu.go.kr", "노인복지팀")]
    with pytest.raises(AccountError, match="department"):
        staff.change_staff(_actor(database, admin), clerk, "staff", "노인복지팀")
    with pytest.raises(AccountError, match="role"):
        staff.change_staff(_actor(database, admin), clerk, "resident", "어르신복지과")
    staff.change_staff(_actor(database, admin), clerk, "editor", "스마트정보과")
    assert staff.unknown_departments(_actor(database, admin)) == []
    rows = {a.login: (a.role, a.department) for a in staff.officers(_actor(database, admin))}
    assert rows == {"admin@junggu.go.kr": ("admin", ""), "clerk@junggu.go.kr": ("editor", "스마트정보과")}
    with transaction(database) as session:
        entry = session.exec(select(AuditEntry)).one()
    assert entry.action == "admin.changed_staff" and entry.detail == "staff/노인복지팀 -> editor/스마트정보과"


def test_the_operator_s_report_names_free_text_departments_and_changes_nothing(
    database: str, naesone, monkeypatch
) -> None:
    _account(database, "clerk@junggu.go.kr", "staff", "노인복지팀")
    _account(database, "senior@junggu.go.kr", "staff", "어르신복지과")
    report = naesone("accounts", "departments")
    assert report.code == 1 and report.out.splitlines() == ["clerk@junggu.go.kr\t노인복지팀"]
    assert "not in data/departments.yaml" in report.err
    with transaction(database) as session:
        assert (
            session.exec(select(Account.department).where(Account.login == "clerk@junggu.go.kr")).one()
            == "노인복지팀"
        )
    monkeypatch.setenv("NAESONE_ADMIN_PASSWORD", PASSWORD)
    refused = naesone("accounts", "create-admin", "--login", "chief@junggu.go.kr", "--department", "총무팀")
    assert refused.code != 0 and "--department" in refused.err


def test_migration_0015_adds_the_columns_and_keeps_every_row_that_hangs_off_an_account(
    db_url, monkeypatch
) -> None:
    """On SQLite a batch table copy of `account` would cascade-delete sessions, notices and profiles."""
    from alembic.config import Config
    from sqlalchemy import text

    from alembic import command
    from naesone_app.cli.common import ROOT
    from naesone_app.db.engine import engine_for

    monkeypatch.setenv("NAESONE_DATABASE_URL", db_url)
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    command.upgrade(config, "0015_decision")
    with engine_for(db_url).begin() as connection:
        connection.execute(text("INSERT INTO account (login, password_hash, role, department, created_at, failures) "
                                "VALUES ('clerk@junggu.go.kr', 'x', 'staff', '어르신복지과', :c, 0)"), {"c": NOW})  # fmt: skip
        account_id = connection.execute(text("SELECT id FROM account")).one()[0]
        connection.execute(text("INSERT INTO login_session (token_hash, account_id, created_at, last_seen_at, kind) "
                                "VALUES ('h', :a, :c, :c, 'browser')"), {"a": account_id, "c": NOW})  # fmt: skip
    command.upgrade(config, "head")
    with transaction(db_url) as session:
        clerk = session.get(Account, account_id)
        assert (clerk.disabled_at, clerk.last_sign_in_at, clerk.must_change_password) == (None, None, False)
        assert len(session.exec(select(LoginSession).where(LoginSession.account_id == account_id)).all()) == 1
