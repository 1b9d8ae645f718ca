"""The outbox and the inbox (db/notices.py), on SQLite and PostgreSQL.

A notice is a row written in the transaction of the change that caused it: a rolled-back change leaves
none, the same key is recorded once, and the inbox reads each resident's own notices only.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from naesone_app.core.i18n import N_, Localized, Message, Moment, Won, render
from naesone_app.db.accounts import create_account
from naesone_app.db.engine import transaction
from naesone_app.db.notices import inbox, mark_read, notices_of, record_notice, unread_count

PASSWORD = "Sindang-Spring-2026"
NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # 11:00 in Seoul
TITLE = Message(N_("신청 상태가 바뀌었어요"))


class Boom(RuntimeError):
    """The change after the notice failed."""


def _resident(url: str, login: str = "halmoni@example.com") -> int:
    with transaction(url) as session:
        return create_account(session, login, PASSWORD).id


def _old_resident(url: str, login: str = "halmoni@example.com") -> int:
    """A resident written as the account table was at 0012 (the model has columns added since)."""
    from sqlalchemy import text

    from naesone_app.db.engine import engine_for

    with engine_for(url).begin() as connection:
        connection.execute(text("INSERT INTO account (login, password_hash, role, department, created_at, failures) "
                                "VALUES (:l, 'x', 'resident', '', :c, 0)"), {"l": login, "c": NOW})  # fmt: skip
        return connection.execute(text("SELECT id FROM account WHERE login = :l"), {"l": login}).one()[0]


def _record(session, account_id: int, key: str = "application_result:1:1", **extra) -> bool:
    body = Message(N_("{program}: {status}"), {"program": Localized("기초연금", "Basic Pension"),
                                                "status": Message(N_("승인"))})  # fmt: skip
    return record_notice(session, account_id=account_id, kind="application_result", key=key, title=TITLE,
                         body=body, url="/application?id=1", now=extra.pop("now", NOW), **extra)  # fmt: skip


def test_a_notice_recorded_in_a_rolled_back_transaction_does_not_exist(database):
    account = _resident(database)
    with pytest.raises(Boom), transaction(database) as session:
        assert _record(session, account)
        raise Boom
    with transaction(database) as session:
        assert notices_of(session, account) == [] and unread_count(session, account) == 0


def test_the_same_key_twice_records_once(database):
    account = _resident(database)
    with transaction(database) as session:
        assert _record(session, account) is True
        assert _record(session, account) is False
    with transaction(database) as session:  # a later transaction (a job re-run) neither fails nor adds one
        assert _record(session, account) is False
        assert _record(session, account, key="application_result:1:2") is True
    with transaction(database) as session:
        assert [n.key for n in notices_of(session, account)] == [
            "application_result:1:1",
            "application_result:1:2",
        ]


def test_the_same_key_for_two_residents_is_two_notices(database):
    first, second = _resident(database), _resident(database, "ajumma@example.com")
    with transaction(database) as session:
        assert _record(session, first) and _record(session, second)


def test_words_are_stored_as_messages_and_read_in_the_readers_locale(database):
    account = _resident(database)
    until = datetime(2026, 12, 9, 9, 0, tzinfo=UTC)
    body = Message(N_("{course}: {when}까지 수강료 {amount}을 자치회관에 내 주세요. 지나면 자리가 다음 대기자에게 넘어가요."),
                   {"course": Localized("서예", "Calligraphy"), "when": Moment(until), "amount": Won(30000)})  # fmt: skip
    with transaction(database) as session:
        record_notice(session, account_id=account, kind="class_update", key="class_update:7:payment_due",
                      title=Message(N_("수강료 납부 기한이 다가와요")), body=body, url="/my-classes", now=NOW)  # fmt: skip
    with transaction(database) as session:
        (shown,) = inbox(session, account)
    assert shown.body == Message(body.msgid, {**body.params, "when": Moment(until)})
    assert "Calligraphy" in render(shown.body, "en") and "₩30,000" in render(shown.body, "en")
    assert render(shown.title, "ko") == "수강료 납부 기한이 다가와요" and shown.url == "/my-classes"


def test_the_inbox_is_newest_first_counts_unread_and_marks_only_the_owners_read(database):
    account, neighbour = _resident(database), _resident(database, "ajumma@example.com")
    with transaction(database) as session:
        for n in range(3):
            _record(session, account, key=f"application_result:1:{n}", now=NOW + timedelta(minutes=n))
        _record(session, neighbour)
    with transaction(database) as session:
        assert [n.id for n in inbox(session, account)] == sorted(
            (n.id for n in inbox(session, account)), reverse=True
        )
        assert unread_count(session, account) == 3 and unread_count(session, neighbour) == 1
        assert mark_read(session, account, NOW) == 3
    with transaction(database) as session:
        assert unread_count(session, account) == 0 and all(n.read for n in inbox(session, account))
        assert unread_count(session, neighbour) == 1  # the neighbour's notice is untouched


@pytest.mark.parametrize(
    ("kind", "key", "url", "problem"),
    [("gossip", "k", "", "kind"), ("deadline", "", "", "key"), ("deadline", "x" * 201, "", "key"),
     ("deadline", "k", "https://evil.example/", "url")],
)  # fmt: skip
def test_a_notice_that_could_never_be_shown_is_refused_by_name(database, kind, key, url, problem):
    account = _resident(database)
    with pytest.raises(ValueError, match=problem), transaction(database) as session:
        record_notice(session, account_id=account, kind=kind, key=key, title=TITLE, body=TITLE, url=url)


def test_notices_are_in_the_export_and_deleted_with_the_account(database):
    from sqlalchemy import text

    from naesone_app.db.engine import engine_for
    from naesone_app.db.personal_data import delete_account, export_account

    account, neighbour = _resident(database), _resident(database, "ajumma@example.com")
    with transaction(database) as session:
        _record(session, account)
        _record(session, neighbour)
    with transaction(database) as session:
        (exported,) = export_account(session, account)["notices"]
    assert exported["title"] == "신청 상태가 바뀌었어요" and exported["body"] == "기초연금: 승인"
    assert exported["page"] == "/application?id=1" and exported["read_at"] is None
    with transaction(database) as session:
        delete_account(session, account)
    with engine_for(database).connect() as connection:
        owners = [row[0] for row in connection.execute(text("SELECT account_id FROM notice"))]
    assert owners == [neighbour]


def test_the_migration_moves_class_notices_into_the_outbox(db_url, monkeypatch):
    """0013: each class_notice row becomes a notice worded as its push was; one already pushed (per
    sent_reminder) is settled and read, one not yet pushed still waits for the deliverer."""
    from alembic.config import Config
    from sqlalchemy import text

    from alembic import command
    from naesone_app.actions.classes import register
    from naesone_app.cli.common import ROOT
    from naesone_app.db.engine import engine_for
    from tests.integration.test_class_registration import NOW, make_course

    monkeypatch.setenv("NAESONE_DATABASE_URL", db_url)
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    command.upgrade(config, "0012")
    first, second = _old_resident(db_url), _old_resident(db_url, "ajumma@example.com")
    course = make_course(db_url, capacity=5)
    seats = [register(a, course, "k", NOW, url=db_url).registration.id for a in (first, second)]
    until = NOW + timedelta(hours=24)
    with engine_for(db_url).begin() as connection:
        insert = text("INSERT INTO class_notice (account_id, registration_id, kind, created_at, until, "
                      "position, amount_krw) VALUES (:a, :r, :k, :c, :u, NULL, :m)")  # fmt: skip
        connection.execute(insert, {"a": first, "r": seats[0], "k": "held", "c": NOW, "u": until, "m": None})
        connection.execute(insert, {"a": second, "r": seats[1], "k": "course_cancelled", "c": NOW, "u": None,
                                    "m": 35000})  # fmt: skip
        pushed = connection.execute(
            text("SELECT id FROM class_notice WHERE account_id = :a"), {"a": second}
        ).one()[0]
        connection.execute(text("INSERT INTO sent_reminder (account_id, dedupe_key, sent_at) VALUES (:a, :k, :s)"),
                           {"a": second, "k": f"class_update:{pushed}", "s": NOW})  # fmt: skip
    command.upgrade(config, "head")
    with transaction(db_url) as session:
        [held] = inbox(session, first)
        [cancelled] = inbox(session, second)
        rows = {n.account_id: n for n in (*notices_of(session, first), *notices_of(session, second))}
    assert render(held.title, "en") == "A seat is held for you: please confirm it" and not held.read
    assert (
        render(cancelled.body, "ko")
        == "요가: 신청 인원이 모자라 폐강됐어요. 낸 돈 ₩35,000을 모두 돌려 드려요."
    )
    assert cancelled.read and rows[second].outcome == "sent" and rows[second].settled_at is not None
    assert rows[first].key == f"class_update:{seats[0]}:held" and rows[first].settled_at is None
    assert rows[first].urgent and rows[first].expires_at == until
    with engine_for(db_url).connect() as connection:
        tables = set(connection.dialect.get_table_names(connection))
    assert "notice" in tables and "class_notice" not in tables
