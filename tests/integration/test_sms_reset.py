"""Password reset for phone-number accounts: the SMS provider over HTTP (the stand-in on 127.0.0.1), and
the staff-assisted reset at the 주민센터 counter (ID check confirmed, audited, role checked)."""

from __future__ import annotations

import re
import socket
from datetime import timedelta

import pytest
from sqlalchemy import text

from naesone_app.api import SESSION_COOKIE
from naesone_app.core.accounts import AccountError
from naesone_app.db.accounts import account_for_token, complete_reset, staff_reset, utc_now
from naesone_app.db.engine import transaction
from naesone_app.integrations.sms import HttpSmsSender, SmsError, check_recipient
from naesone_app.integrations.sms_standin import SAMPLE_TOKEN, running
from naesone_app.state.account_forms import AccountFormsState
from naesone_app.state.counter_reset import CounterResetState
from tests.integration.test_account_handlers import _account, _substate

PHONE = "010-2345-6789"
LINK = re.compile(r"https://naesone\.example/reset/confirm\?token=([\w-]+)")


@pytest.fixture
def sms(monkeypatch):
    with running() as (base_url, outbox):
        monkeypatch.setenv("NAESONE_SMS_URL", base_url)
        monkeypatch.setenv("NAESONE_SMS_TOKEN", SAMPLE_TOKEN)
        monkeypatch.setenv("NAESONE_PUBLIC_URL", "https://naesone.example")
        yield outbox


def test_the_provider_retries_a_busy_gateway_and_sends_once() -> None:
    with running(fail_first=2) as (base_url, outbox):
        sender = HttpSmsSender(base_url, SAMPLE_TOKEN, backoff_seconds=0.01)
        sender.send(PHONE, "안녕하세요")
        sender.close()
    assert [(m["to"], m["text"]) for m in outbox.messages] == [("01023456789", "안녕하세요")]


def test_the_provider_gives_a_clear_error() -> None:
    with running(fail_first=5) as (base_url, _outbox):
        sender = HttpSmsSender(base_url, SAMPLE_TOKEN, retries=1, backoff_seconds=0.01)
        with pytest.raises(SmsError, match="SMS provider: HTTP 503"):
            sender.send(PHONE, "x")
    with running() as (base_url, _outbox), pytest.raises(SmsError, match="access refused"):
        HttpSmsSender(base_url, "wrong-token", retries=0).send(PHONE, "x")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    with pytest.raises(SmsError, match="no answer after 2 attempts"):
        HttpSmsSender(f"http://127.0.0.1:{closed}", SAMPLE_TOKEN, retries=1, backoff_seconds=0.01).send(
            PHONE, "x"
        )
    with pytest.raises(ValueError, match="to: expected a Korean mobile number"):
        check_recipient("02-3396-4114")


def test_a_phone_account_gets_its_reset_link_by_text_once(database: str, sms) -> None:
    _resident, old_session = _account(database, PHONE.replace("-", ""))
    forms = _substate(AccountFormsState, "/reset")
    AccountFormsState.ask_reset.fn(forms, {"login": PHONE})
    notice = forms.notice
    AccountFormsState.ask_reset.fn(forms, {"login": "010-9999-0000"})  # unknown: same answer, no text
    assert forms.notice == notice and not forms.field_errors
    assert [m["to"] for m in sms.messages] == ["01023456789"]
    token = LINK.search(sms.messages[0]["text"]).group(1)
    confirm = _substate(AccountFormsState, "/reset/confirm", query={"token": token})
    AccountFormsState.finish_reset.fn(
        confirm, {"password": "Brand-New-Password-7", "password2": "Brand-New-Password-7"}
    )
    assert not confirm.field_errors
    with transaction(database) as session:
        assert account_for_token(session, old_session) is None  # every session ended
    again = _substate(AccountFormsState, "/reset/confirm", query={"token": token})
    AccountFormsState.finish_reset.fn(
        again, {"password": "Other-Password-99", "password2": "Other-Password-99"}
    )
    assert set(again.field_errors) == {"token"}


def test_a_reset_link_lapses_after_thirty_minutes(database: str) -> None:
    _account(database, "01023456789")
    clerk, _ = _account(database, "clerk@junggu.test", role="staff")
    with transaction(database) as session:
        _, token = staff_reset(session, clerk, PHONE, True)

    with pytest.raises(AccountError), transaction(database) as session:
        complete_reset(session, token, "Brand-New-Password-7", now=utc_now() + timedelta(minutes=31))


async def test_staff_reset_at_the_counter_needs_the_id_check_and_is_audited(database: str, sms) -> None:
    resident, _ = _account(database, "01023456789")
    _, clerk_token = _account(database, "clerk@junggu.test", role="staff")
    as_clerk = _substate(CounterResetState, "/staff", cookie=f"{SESSION_COOKIE}={clerk_token}")
    await CounterResetState.reset_at_counter.fn(as_clerk, {"reset_login": PHONE})  # ID not confirmed
    assert set(as_clerk.field_errors) == {"reset_id_checked"} and as_clerk.link == ""
    await CounterResetState.reset_at_counter.fn(
        as_clerk, {"reset_login": "010-0000-0000", "reset_id_checked": "on"}
    )
    assert set(as_clerk.field_errors) == {"reset_login"}
    await CounterResetState.reset_at_counter.fn(as_clerk, {"reset_login": PHONE, "reset_id_checked": "on"})
    assert not as_clerk.field_errors and "010****6789" in as_clerk.notice
    assert LINK.search(as_clerk.link) and [m["to"] for m in sms.messages] == ["01023456789"]
    with transaction(database) as session:
        rows = session.exec(text("SELECT action, subject_id FROM audit_log")).all()
    assert [tuple(r) for r in rows] == [("account.reset_by_staff", resident)]


async def test_only_staff_may_reset_at_the_counter(database: str, sms) -> None:
    _, resident_token = _account(database, "01023456789")
    _neighbour, _ = _account(database, "01087654321")
    for cookie in (f"{SESSION_COOKIE}={resident_token}", ""):
        state = _substate(CounterResetState, "/staff", cookie=cookie)
        await CounterResetState.reset_at_counter.fn(
            state, {"reset_login": "010-8765-4321", "reset_id_checked": "on"}
        )
        assert state.link == "" and state.notice == ""
    assert sms.messages == []
    with transaction(database) as session:
        assert session.exec(text("SELECT count(*) FROM password_reset")).one()[0] == 0
    with pytest.raises(PermissionError), transaction(database) as session:
        staff_reset(session, _neighbour, "010-2345-6789", True)
