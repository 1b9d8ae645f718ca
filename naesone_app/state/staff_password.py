"""An officer sets their own password (/staff/password): first of all the temporary one an admin gave,
before any staff page opens. Every session ends; this browser is signed back in and sent to the desk."""

from __future__ import annotations

from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.staff import change_own_password
from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import STAFF_ROLES
from naesone_app.core.i18n import N_, Message, render
from naesone_app.state.asking import AskingMixin
from naesone_app.state.session import claim_script


def _text(form: Any, field: str) -> str:
    value = form.get(field) if isinstance(form, dict) else None
    return value[:200] if isinstance(value, str) else ""


class StaffPasswordState(AskingMixin, rx.State):
    """The change-password form of an officer."""

    allowed: bool = False
    temporary: bool = False  # still on the admin's temporary password (the page says why it is here)
    field_errors: dict[str, str] = {}

    def _prefix(self) -> str:
        return "/en" if self._locale() == "en" else ""

    @rx.event
    async def open_password(self):
        """on_load: officers only (even on a temporary password: this is where they are sent)."""
        me = await self._me()
        self.field_errors = {}
        if me is None or me.role not in STAFF_ROLES:
            self.allowed = self.temporary = False
            return rx.redirect(self._prefix() or "/")
        self.allowed, self.temporary = True, bool(me.must_change_password)
        return None

    @rx.event
    async def change(self, form: dict[str, Any]):
        """Check the current password, set the new one, sign this browser back in."""
        me = await self._me()
        if me is None or me.role not in STAFF_ROLES:
            return None
        if _text(form, "password") != _text(form, "password2"):
            self.field_errors = {
                "password2": render(Message(N_("두 비밀번호가 같지 않습니다.")), self._locale())
            }
            return None
        try:
            handoff = change_own_password(actor_of(me), _text(form, "current"), _text(form, "password"))
        except AccountError as exc:
            self.field_errors = {exc.field: render(exc.message, self._locale())}
            return None
        self.field_errors, self.temporary = {}, False
        return rx.call_script(claim_script(handoff, f"{self._prefix()}/staff"))
