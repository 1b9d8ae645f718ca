"""The resident's identity through the actions and states, on SQLite and PostgreSQL: saved by the
resident alone, asked before the first application, and shown to the department's officer beside what
the imported documents state, a mismatch marked."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from naesone_app.actions.accounts import sign_up
from naesone_app.actions.identity import my_identity, save_my_identity
from naesone_app.core.actor import Actor, NotAllowed
from naesone_app.core.identity import Identity
from naesone_app.db.account_models import Account
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.audit import audit_entries
from naesone_app.db.engine import transaction
from naesone_app.db.identity import load_identity
from naesone_app.db.resident_data import grant_consent, save_profile
from naesone_app.integrations.mydata_standin import running
from naesone_app.state.apply import ApplyState
from naesone_app.state.identity import IdentityState
from naesone_app.state.staff_applications import StaffApplicationState
from tests.integration.test_application_handlers import (  # noqa: F401
    LUNCH,
    PASSWORD,
    _account,
    _apply,
    _page,
    app_db,
)

KIM = Identity("김영순", date(1954, 3, 2), "중구 다산로 000", "명동", "01022227272")


def _bare_resident(url: str, login: str, profile: dict | None = None) -> tuple[int, str]:
    """A resident who has not given their identity yet."""
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD)
        grant_consent(session, account.id, "account")
        grant_consent(session, account.id, "sensitive_profile")
        if profile is not None:
            save_profile(session, account.id, profile)
        return account.id, start_session(session, account.id)


def test_a_resident_saves_only_their_own_identity(app_db: str) -> None:  # noqa: F811
    mine, _ = _bare_resident(app_db, "mine@example.com")
    other, _ = _bare_resident(app_db, "other@example.com")
    me = Actor(mine, "resident")
    save_my_identity(me, mine, KIM)
    assert my_identity(me) == KIM
    with pytest.raises(NotAllowed):
        save_my_identity(me, other, Identity("남의 이름"))
    with pytest.raises(NotAllowed):  # nor does an officer write a resident's identity
        save_my_identity(Actor(999, "staff", "어르신복지과"), mine, Identity("남의 이름"))
    with transaction(app_db) as session:
        assert load_identity(session, other) is None and load_identity(session, mine) == KIM
        assert [(e.action, e.actor_id) for e in audit_entries(session) if e.action == "identity.saved"] == [
            ("identity.saved", mine)
        ]


def test_sign_up_keeps_a_typed_identity_with_the_sign_in_number_as_its_phone(app_db: str) -> None:  # noqa: F811
    sign_up("010-3333-4444", PASSWORD, [], None, (), Identity("박민수", date(1970, 5, 6)))
    sign_up("nobody@example.com", PASSWORD, [], None)
    with transaction(app_db) as session:
        by_login = {a.login: a.id for a in session.exec(select(Account)).all()}
        phone_account = next(i for login, i in by_login.items() if "3333" in login)
        assert load_identity(session, phone_account) == Identity(
            "박민수", date(1970, 5, 6), phone="01033334444"
        )
        assert load_identity(session, by_login["nobody@example.com"]) is None


async def test_the_account_form_names_the_field_at_fault_and_prefills_what_it_knows(app_db: str) -> None:  # noqa: F811
    account_id, token = _bare_resident(app_db, "010-5555-6666", profile={"birth_date": "1950-02-03"})
    page = _page(IdentityState, token, "/account")
    await IdentityState.open_identity.fn(page)
    assert page.values["phone"] == "010-5555-6666" and page.values["birth_date"] == "1950-02-03"
    assert not page.complete
    await IdentityState.save.fn(page, {"name": "", "birth_date": "1950-02-03"})
    assert list(page.field_errors) == ["name"]
    await IdentityState.save.fn(page, {"name": "최영", "phone": "123"})
    assert list(page.field_errors) == ["phone"]
    await IdentityState.save.fn(page, {"name": "최영", "birth_date": "1950-02-30"})
    assert list(page.field_errors) == ["birth_date"]
    await IdentityState.save.fn(page, {"name": "최영", "dong": "강남동"})
    assert list(page.field_errors) == ["dong"]
    apply_page = _page(IdentityState, token, "/apply", {"id": LUNCH})
    await IdentityState.save_for_application.fn(apply_page, {"name": "최영"})
    assert list(apply_page.field_errors) == ["birth_date"]  # an application needs the 생년월일 too
    with transaction(app_db) as session:
        assert load_identity(session, account_id) is None  # nothing half-saved
    await IdentityState.save.fn(page, {"name": " 최  영 ", "birth_date": "1950-02-03", "dong": "신당동"})
    assert page.field_errors == {} and page.complete and page.summary == "최 영 · 1950-02-03"
    with transaction(app_db) as session:
        assert load_identity(session, account_id) == Identity("최 영", date(1950, 2, 3), dong="신당동")


async def test_no_application_without_a_name_and_the_officer_sees_the_mismatch(
    app_db: str,  # noqa: F811
    monkeypatch,
) -> None:
    resident_id, token = _bare_resident(app_db, "halmoni@example.com", profile={"age": 70})
    page = _apply(token)
    await ApplyState.open_apply.fn(page)
    await ApplyState.save_field.fn(page, "phone", "010-2345-6789")
    await ApplyState.save_field.fn(page, "meal", "delivery")
    await ApplyState.save_field.fn(page, "dong", "신당동")
    await ApplyState.save_field.fn(page, "birth_date", "1954-03-02")
    await ApplyState.submit_application.fn(page)
    assert not page.submitted and "이름과 생년월일" in page.submit_error
    save_my_identity(Actor(resident_id, "resident"), resident_id, KIM)
    with running() as base_url:
        monkeypatch.setenv("NAESONE_MYDATA_URL", base_url)
        await ApplyState.open_apply.fn(page)
        await ApplyState.give_evidence_consent.fn(page)
        await ApplyState.import_document.fn(page)  # the 등본 and the 차상위 확인서 of the sample resident
        assert page.evidence_error == "" and "차상위계층" in page.evidence_notice
        await ApplyState.save_field.fn(page, "birth_date", "1954-03-02")
        await ApplyState.submit_application.fn(page)
    assert page.submitted, page.submit_error

    _, reviewer = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    _, stranger = _account(app_db, "safety@junggu.example", role="staff", department="안전총괄과")
    query = {"id": str(page.submitted_id)}
    other = _page(StaffApplicationState, stranger, "/staff/application", query)
    await StaffApplicationState.open_review.fn(other)
    assert not other.found and other.applicant_rows == []  # another department learns nothing
    staff = _page(StaffApplicationState, reviewer, "/staff/application", query)
    await StaffApplicationState.open_review.fn(staff)
    rows = {r.key: r for r in staff.applicant_rows}
    assert staff.applicant == "김영순"
    assert rows["name"].status == "confirmed"  # 김영순 ~ 김*순
    assert rows["birth_date"].status == "differs"
    assert "⚠ 서류와 다름: 서류 1959-04-02 (주민등록표등본)" in [s.text for s in rows["birth_date"].stated]
    assert rows["dong"].status == "differs" and rows["address"].status == "confirmed"
    assert rows["phone"].typed == "010-2222-7272" and rows["phone"].href == "tel:01022227272"
    assert rows["moved_in_on"].stated[0].text == "주민등록표등본: 2025-11-01"
    livelihood = next(e for e in staff.evidence if "차상위" in e.name)
    assert ("증명 종류", "차상위계층") in [(s.label, s.value) for s in livelihood.statements]
