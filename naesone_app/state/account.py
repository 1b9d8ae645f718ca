"""The resident's own account: consents, download my data, log out everywhere, delete the account."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import reflex as rx

from naesone_app.core.accounts import AccountError
from naesone_app.core.consent import PURPOSE_BY_KEY, PURPOSES
from naesone_app.core.i18n import N_, Message, format_date, gettext_for, render
from naesone_app.db.accounts import (
    audit,
    authenticate,
    current_consents,
    delete_account,
    export_account,
    grant_consent,
    withdraw_consent,
)  # fmt: skip
from naesone_app.db.engine import transaction
from naesone_app.state.locale import locale_of_path
from naesone_app.state.session import SessionState, clear_script


@dataclass
class ConsentLine:
    """A purpose with whether, when and in which version the resident agreed."""

    purpose: str = ""
    title: str = ""
    required: bool = False
    given: bool = False
    since: str = ""
    outdated: bool = False


class AccountState(rx.State):
    """Filled only for the account behind this browser's session cookie."""

    consents: list[ConsentLine] = []
    field_errors: dict[str, str] = {}
    notice: str = ""

    def _locale(self) -> str:
        return locale_of_path(self.router.url.path)

    async def _me(self):
        return (await self.get_state(SessionState))._account()

    def _show_consents(self, account_id: int) -> None:
        locale = self._locale()
        _ = gettext_for(locale)
        with transaction() as session:
            current = current_consents(session, account_id)
        self.consents = [
            ConsentLine(
                p.key,
                _(p.title),
                p.required,
                p.key in current,
                format_date(current[p.key].granted_at.date(), locale) if p.key in current else "",
                p.key in current and current[p.key].version != p.version,
            )
            for p in PURPOSES
        ]

    @rx.event
    async def open_account(self):
        """on_load: sign-in required."""
        account = await self._me()
        if account is None:
            return rx.redirect("/en/login" if self._locale() == "en" else "/login")
        self.field_errors, self.notice = {}, ""
        self._show_consents(account.id)
        return None

    @rx.event
    async def set_consent(self, purpose: str, given: bool):
        """Give or withdraw an optional consent (withdrawing the sensitive one deletes the profile)."""
        account = await self._me()
        if account is None or purpose not in PURPOSE_BY_KEY or PURPOSE_BY_KEY[purpose].required:
            return
        with transaction() as session:
            if given is True:
                grant_consent(session, account.id, purpose)
            else:
                withdraw_consent(session, account.id, purpose)
            audit(
                session,
                account.id,
                f"consent.{'granted' if given is True else 'withdrawn'}",
                account.id,
                purpose,
            )
        self._show_consents(account.id)

    @rx.event
    async def download_data(self):
        """Everything held about me, as a JSON file."""
        account = await self._me()
        if account is None:
            return None
        with transaction() as session:
            data = export_account(session, account.id)
            audit(session, account.id, "account.exported", account.id)
        return rx.download(
            data=json.dumps(data, ensure_ascii=False, indent=2), filename="naesone-my-data.json"
        )

    @rx.event
    async def delete_me(self, form: dict[str, Any]):
        """Delete the account and all personal data, after the password is given again."""
        account = await self._me()
        if account is None or not isinstance(form, dict):
            return None
        password = form.get("password") if isinstance(form.get("password"), str) else ""
        with transaction() as session:
            checked = authenticate(session, account.login, password[:200])
        if isinstance(checked, AccountError):
            self.field_errors = {"password": render(Message(N_("비밀번호가 맞지 않습니다.")), self._locale())}
            return None
        with transaction() as session:
            delete_account(session, account.id)
        session_state = await self.get_state(SessionState)
        session_state.signed_in, session_state.role, session_state.login_hint = False, "", ""
        return rx.call_script(clear_script("/en" if self._locale() == "en" else "/"))
