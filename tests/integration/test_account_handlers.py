"""The account handlers as a browser calls them: reset through a real SMTP server, and role checks.

Handlers find the account from the session cookie of the event socket's handshake; here the router
data carries that cookie exactly as Reflex builds it from the handshake headers.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from urllib.parse import urlencode

import pytest
from aiosmtpd.controller import Controller
from reflex.istate.data import RouterData
from reflex.state import State

from naesone_app.api import SESSION_COOKIE
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.engine import transaction
from naesone_app.db.resident_data import grant_consent, save_profile
from naesone_app.state.account_forms import AccountFormsState
from naesone_app.state.staff import StaffState
from naesone_app.state.staff_admin import StaffAdminState, StaffAuditState

PASSWORD = "Sindang-Spring-2026"


class Inbox:
    """An SMTP handler that keeps every message."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=default)
        self.messages.append((envelope.rcpt_tos[0], message.get_content()))
        return "250 OK"


@pytest.fixture
def smtp(monkeypatch) -> Iterator[Inbox]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("NAESONE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NAESONE_SMTP_PORT", str(port))
    monkeypatch.setenv("NAESONE_SMTP_STARTTLS", "0")
    monkeypatch.setenv("NAESONE_PUBLIC_URL", "https://naesone.example")
    yield inbox
    controller.stop()


def _substate(cls, path: str = "/", cookie: str = "", query: dict | None = None):
    root = State()
    as_path = path + ("?" + urlencode(query) if query else "")
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": as_path, "query": query or {}, "headers": {"cookie": cookie}}
    )
    return root.get_substate(cls.get_full_name().split(".")[1:])


def _account(url: str, login: str, role: str = "resident") -> tuple[int, str]:
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD, role=role, department="복지정책과")
        grant_consent(session, account.id, "account")
        grant_consent(session, account.id, "sensitive_profile")
        save_profile(session, account.id, {"age": 70, "situations": ["disabled"]})
        return account.id, start_session(session, account.id)


def test_reset_link_arrives_by_smtp_and_works_once(database: str, smtp: Inbox) -> None:
    _account(database, "halmoni@example.com")
    forms = _substate(AccountFormsState, "/reset")
    AccountFormsState.ask_reset.fn(forms, {"login": "halmoni@example.com"})
    AccountFormsState.ask_reset.fn(forms, {"login": "nobody@example.com"})  # same answer, no mail
    assert forms.notice and not forms.field_errors
    assert [to for to, _ in smtp.messages] == ["halmoni@example.com"]
    link = re.search(r"https://naesone\.example/reset/confirm\?token=([\w-]+)", smtp.messages[0][1])
    assert link, smtp.messages[0][1]
    confirm = _substate(AccountFormsState, "/reset/confirm", query={"token": link.group(1)})
    AccountFormsState.finish_reset.fn(
        confirm, {"password": "Brand-New-Password-7", "password2": "Brand-New-Password-7"}
    )
    assert not confirm.field_errors and confirm.notice
    again = _substate(AccountFormsState, "/reset/confirm", query={"token": link.group(1)})
    AccountFormsState.finish_reset.fn(
        again, {"password": "Other-Password-99", "password2": "Other-Password-99"}
    )
    assert set(again.field_errors) == {"token"}


def test_weak_new_password_is_named_and_changes_nothing(database: str, smtp: Inbox) -> None:
    _account(database, "halmoni@example.com")
    forms = _substate(AccountFormsState, "/reset")
    AccountFormsState.ask_reset.fn(forms, {"login": "halmoni@example.com"})
    token = re.search(r"token=([\w-]+)", smtp.messages[0][1]).group(1)
    confirm = _substate(AccountFormsState, "/reset/confirm", query={"token": token})
    AccountFormsState.finish_reset.fn(confirm, {"password": "short", "password2": "short"})
    assert set(confirm.field_errors) == {"password"}
    AccountFormsState.finish_reset.fn(
        confirm, {"password": "Long-Enough-Pass-1", "password2": "Different-Pass-22"}
    )
    assert set(confirm.field_errors) == {"password2"}


async def test_residents_cannot_use_staff_handlers(database: str) -> None:
    _resident_id, resident_token = _account(database, "halmoni@example.com")
    neighbour_id, _ = _account(database, "neighbour@example.com")
    as_resident = _substate(StaffState, "/staff", cookie=f"{SESSION_COOKIE}={resident_token}")
    await StaffState.view_resident.fn(as_resident, neighbour_id)
    await StaffState.search.fn(as_resident, {"purpose": "error_check", "purpose_text": "checking a bug"})
    admin_page = _substate(StaffAdminState, "/staff/accounts", cookie=f"{SESSION_COOKIE}={resident_token}")
    await StaffAdminState.create.fn(admin_page, {"login": "evil@example.com", "password": PASSWORD,
                                                 "role": "admin", "department": "복지정책과"})  # fmt: skip
    assert as_resident.viewing == [] and as_resident.viewing_login == "" and as_resident.residents == []
    anonymous = _substate(StaffState, "/staff")
    await StaffState.view_resident.fn(anonymous, neighbour_id)
    assert anonymous.viewing == []
    with transaction(database) as session:
        from sqlalchemy import text

        assert session.exec(text("SELECT count(*) FROM account")).one()[0] == 2
        assert session.exec(text("SELECT count(*) FROM audit_log")).one()[0] == 0


async def test_staff_reads_are_audited_and_only_admins_create_staff(database: str) -> None:
    resident_id, _ = _account(database, "halmoni@example.com")
    _, staff_token = _account(database, "clerk@junggu.test", role="staff")
    _, admin_token = _account(database, "admin@junggu.test", role="admin")
    as_staff = _substate(StaffState, "/staff", cookie=f"{SESSION_COOKIE}={staff_token}")
    await StaffState.view_resident.fn(as_staff, resident_id)  # no case of hers in 복지정책과: refused
    assert not as_staff.viewing and as_staff.notice
    staff_admin = _substate(StaffAdminState, "/staff/accounts", cookie=f"{SESSION_COOKIE}={staff_token}")
    await StaffAdminState.create.fn(staff_admin, {"login": "x@junggu.test", "password": PASSWORD,
                                                  "role": "staff", "department": "민원여권과"})  # fmt: skip
    as_admin = _substate(StaffState, "/staff", cookie=f"{SESSION_COOKIE}={admin_token}")
    await StaffState.open_staff.fn(as_admin)
    await StaffState.view_resident.fn(as_admin, resident_id)
    assert as_admin.viewing and as_admin.viewing_login.startswith("ha***")
    admin_page = _substate(StaffAdminState, "/staff/accounts", cookie=f"{SESSION_COOKIE}={admin_token}")
    await StaffAdminState.open_accounts.fn(admin_page)
    await StaffAdminState.create.fn(admin_page, {"login": "new@junggu.test", "password": PASSWORD,
                                                 "role": "staff", "department": "민원여권과"})  # fmt: skip
    assert not admin_page.field_errors
    audit = _substate(StaffAuditState, "/staff/audit", cookie=f"{SESSION_COOKIE}={admin_token}")
    await StaffAuditState.open_audit.fn(audit)
    actions = [row.code for row in audit.rows]
    assert actions.count("staff.read_profile") == 1 and actions.count("admin.created_staff") == 1
    assert actions.count("staff.read_profile_refused") == 1
