"""The resident's identity on 내 계정 (see and correct it) and on the apply page (asked once, before the
first application is submitted).

Every handler works on the signed-in account only (actions.identity saves the actor's own identity and
refuses any other); the values live in this browser's state for its own resident and nowhere else.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import stored_profile
from naesone_app.actions.identity import my_identity, save_my_identity
from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.identity import Identity, IdentityError, with_phone_fallback
from naesone_app.core.identity_form import FIELDS, identity_from_form
from naesone_app.db.account_models import Account
from naesone_app.state.applicant_views import phone_text
from naesone_app.state.asking import AskingMixin

MAX_FORM = 20


def shown_values(identity: Identity | None, login: str, profile: dict[str, Any]) -> dict[str, str]:
    """The inputs' values: the stored identity; a phone sign-in number stands in for a missing phone,
    the profile's 생년월일 for a missing one (both only suggested: nothing is saved until the resident
    saves)."""
    shown = with_phone_fallback(identity or Identity(), login)
    values = {k: v or "" for k, v in shown.as_dict().items()}
    values["phone"] = phone_text(values["phone"]) if values["phone"] else ""
    if not values["birth_date"] and isinstance(profile.get("birth_date"), str):
        values["birth_date"] = profile["birth_date"]
    return values


class IdentityState(AskingMixin, rx.State):
    """Filled only for the account behind this browser's session cookie (an officer who applies has one too)."""

    values: dict[str, str] = {}
    version: int = 0  # bumped when the values are (re)loaded, so the inputs show them
    complete: bool = False  # a name and a 생년월일 are saved
    summary: str = ""  # "김영순 · 1954-03-02", shown once complete
    field_errors: dict[str, str] = {}
    notice: str = ""

    def _show(self, me: Account) -> None:
        actor = actor_of(me)
        identity = my_identity(actor)
        self.values = shown_values(identity, me.login, stored_profile(actor))
        self.complete = identity is not None and identity.complete
        self.summary = (
            f"{identity.name} · {identity.birth_date.isoformat()}"
            if identity is not None and identity.birth_date
            else ""
        )
        self.version += 1

    @rx.event
    async def open_identity(self):
        """on_load of /account and /apply (both send anonymous visitors to sign in themselves)."""
        self.field_errors, self.notice, self.values, self.complete, self.summary = {}, "", {}, False, ""
        me = await self._me()
        if me is not None:
            self._show(me)

    async def _save(self, form: Any, need_birth_date: bool) -> None:
        me = await self._me()
        if me is None or not isinstance(form, dict) or len(form) > MAX_FORM:
            return
        typed = {k: form.get(k) for k in FIELDS}
        try:
            identity = identity_from_form(typed, need_birth_date=need_birth_date)
        except IdentityError as exc:
            self.field_errors = {exc.field: render(exc.message, self._locale())}
            self.values = {k: v if isinstance(v, str) else "" for k, v in typed.items()}
            self.notice = ""
            return
        if identity is None:
            return
        save_my_identity(actor_of(me), int(me.id or 0), identity)
        self.field_errors = {}
        self._show(me)
        self.notice = render(Message(N_("내 정보를 저장했어요.")), self._locale())

    @rx.event
    async def save(self, form: dict):
        """내 계정: save the corrected identity (a name at least; each error names its field)."""
        await self._save(form, need_birth_date=False)

    @rx.event
    async def save_for_application(self, form: dict):
        """The apply page: a name and a 생년월일 at least, before the first application."""
        await self._save(form, need_birth_date=True)
