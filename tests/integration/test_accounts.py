"""Accounts on SQLite and PostgreSQL: sign-up, sign-in, lock-out, sessions, reset, roles, privacy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session

from naesone_app.core.accounts import AccountError
from naesone_app.db.account_models import Account
from naesone_app.db.accounts import (
    account_for_token,
    authenticate,
    claim_handoff,
    complete_reset,
    create_account,
    end_all_sessions,
    request_reset,
    start_session,
    utc_now,
)
from naesone_app.db.engine import engine_for, transaction
from naesone_app.db.personal_data import delete_account, export_account
from naesone_app.db.resident_data import grant_consent, load_profile, save_profile, withdraw_consent

PASSWORD = "Sindang-Spring-2026"
PROFILE = {
    "birth_date": "1958-05-20", "lives_in_junggu": True, "dong": "신당동", "household_size": 1,
    "monthly_income_krw": 1153907, "situations": ["disabled"], "household": ["single_person"],
}  # fmt: skip


def _resident(url: str, login: str = "halmoni@example.com") -> int:
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD)
        grant_consent(session, account.id, "account")
        grant_consent(session, account.id, "sensitive_profile")
        save_profile(session, account.id, PROFILE)
        return account.id


@pytest.mark.parametrize(
    ("login", "password", "field"),
    [
        ("not-an-email", PASSWORD, "login"),
        ("a@b", PASSWORD, "login"),
        ("x" * 300 + "@example.com", PASSWORD, "login"),
        ("new@example.com", "short", "password"),
        ("new@example.com", "password123", "password"),
        ("new@example.com", "x" * 200, "password"),
        ("newperson@example.com", "newperson-is-me", "password"),
    ],
)
def test_bad_sign_up_names_the_field_and_stores_nothing(
    database: str, login: str, password: str, field: str
) -> None:
    with pytest.raises(AccountError) as caught, transaction(database) as session:
        create_account(session, login, password)
    assert caught.value.field == field
    with Session(engine_for(database)) as session:
        assert session.exec(text("SELECT count(*) FROM account")).one()[0] == 0


def test_duplicate_login_is_refused_case_insensitively(database: str) -> None:
    _resident(database)
    with pytest.raises(AccountError) as caught, transaction(database) as session:
        create_account(session, "HALMONI@Example.com", PASSWORD)
    assert caught.value.field == "login"


def test_phone_numbers_are_logins_too(database: str) -> None:
    with transaction(database) as session:
        account = create_account(session, "010-1234-5678", PASSWORD)
    assert account.login == "01012345678"
    with transaction(database) as session:
        assert isinstance(authenticate(session, "010 1234 5678", PASSWORD), Account)


def test_sign_in_wrong_password_and_lock_out(database: str) -> None:
    _resident(database)
    now = utc_now()
    with transaction(database) as session:
        assert isinstance(authenticate(session, "halmoni@example.com", PASSWORD, now), Account)
    for _ in range(5):
        with transaction(database) as session:
            outcome = authenticate(session, "halmoni@example.com", "wrong-password-1", now)
        assert isinstance(outcome, AccountError) and outcome.field == "login"
    with transaction(database) as session:  # locked: even the right password is refused now
        locked = authenticate(session, "halmoni@example.com", PASSWORD, now + timedelta(minutes=1))
    assert isinstance(locked, AccountError)
    assert locked.message.params == {"n": 15}  # minutes left, rounded up
    with transaction(database) as session:  # 15 minutes later it opens again
        assert isinstance(
            authenticate(session, "halmoni@example.com", PASSWORD, now + timedelta(minutes=16)), Account
        )


def test_unknown_login_gets_the_same_answer_as_a_wrong_password(database: str) -> None:
    _resident(database)
    with transaction(database) as session:
        unknown = authenticate(session, "nobody@example.com", PASSWORD)
        wrong = authenticate(session, "halmoni@example.com", "not-the-password")
    assert unknown.message == wrong.message


def test_sessions_expire_and_end_everywhere(database: str) -> None:
    account_id = _resident(database)
    with transaction(database) as session:
        first, second = start_session(session, account_id), start_session(session, account_id)
    now = utc_now()
    with transaction(database) as session:
        assert account_for_token(session, first, now).id == account_id
        assert account_for_token(session, first, now + timedelta(hours=13)) is None  # idle 12 h
    with transaction(database) as session:
        assert account_for_token(session, first, now) is None  # ended for good
        assert account_for_token(session, second, now + timedelta(days=15)) is None  # 14 days absolute
    with transaction(database) as session:
        third = start_session(session, account_id)
        end_all_sessions(session, account_id)
    with transaction(database) as session:
        assert account_for_token(session, third) is None


def test_handoff_tokens_are_single_use_and_short_lived(database: str) -> None:
    account_id = _resident(database)
    with transaction(database) as session:
        handoff = start_session(session, account_id, kind="handoff")
        late = start_session(session, account_id, kind="handoff")
    with transaction(database) as session:
        assert account_for_token(session, handoff) is None  # a handoff is not a session
        browser = claim_handoff(session, handoff)
    with transaction(database) as session:
        assert account_for_token(session, browser).id == account_id
        assert claim_handoff(session, handoff) is None
        assert claim_handoff(session, late, utc_now() + timedelta(seconds=61)) is None


def test_reset_token_sets_a_new_password_once_and_ends_sessions(database: str) -> None:
    account_id = _resident(database)
    with transaction(database) as session:
        old_session = start_session(session, account_id)
        _, token = request_reset(session, "halmoni@example.com")
        assert request_reset(session, "nobody@example.com") is None
    with transaction(database) as session:
        complete_reset(session, token, "Brand-New-Password-7")
    with transaction(database) as session:
        assert account_for_token(session, old_session) is None
        assert isinstance(authenticate(session, "halmoni@example.com", "Brand-New-Password-7"), Account)
    with pytest.raises(AccountError), transaction(database) as session:
        complete_reset(session, token, "Another-Password-8")


def test_sensitive_fields_are_not_readable_in_the_database(database: str, tmp_path) -> None:
    account_id = _resident(database)
    with engine_for(database).connect() as connection:
        stored = " ".join(
            str(v) for row in connection.execute(text("SELECT * FROM resident_profile")) for v in row
        )
    for secret in ("1958-05-20", "1153907", "disabled", "single_person", "신당동"):
        assert secret not in stored
    with transaction(database) as session:
        assert load_profile(session, account_id) == PROFILE
    if database.startswith("sqlite:///"):
        with open(database.removeprefix("sqlite:///"), "rb") as handle:
            raw = handle.read()
        assert b"1153907" not in raw and b"disabled" not in raw


def test_withdrawing_sensitive_consent_deletes_the_profile(database: str) -> None:
    account_id = _resident(database)
    with transaction(database) as session:
        withdraw_consent(session, account_id, "sensitive_profile")
    with transaction(database) as session:
        assert load_profile(session, account_id) == {}
    with pytest.raises(AccountError), transaction(database) as session:
        save_profile(session, account_id, PROFILE)


def test_export_holds_everything_and_deletion_leaves_nothing(database: str) -> None:
    account_id = _resident(database)
    other = _resident(database, "neighbour@example.com")
    with transaction(database) as session:
        start_session(session, account_id)
        data = export_account(session, account_id)
    assert data["profile"] == PROFILE and data["account"]["login"] == "halmoni@example.com"
    assert {c["purpose"] for c in data["consents"]} == {"account", "sensitive_profile"}
    with transaction(database) as session:
        delete_account(session, account_id)
    with engine_for(database).connect() as connection:
        tables = [t for t in ("account", "resident_profile", "login_session", "consent", "saved_program",
                              "seen_match", "password_reset", "audit_log")]  # fmt: skip
        for table in tables:
            for row in connection.execute(text(f"SELECT * FROM {table}")):
                values = " ".join(str(v) for v in row)
                assert "halmoni" not in values, table
                mapping = row._mapping
                for column in ("account_id", "subject_id", "actor_id"):
                    assert mapping.get(column) != account_id, (table, column)
        assert connection.execute(text("SELECT count(*) FROM account")).one()[0] == 1
    with transaction(database) as session:
        assert load_profile(session, other) == PROFILE  # the neighbour is untouched
