"""Who is asking: one mixin that every page state uses to learn the account and the locale of an event.

The account is looked up from the socket's session cookie on every call (SessionState._account), never
kept in state, so a sign-out anywhere takes effect at the next click. The helpers start with `_`: Reflex
never exposes them as events a browser could call.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.core.actor import STAFF_ROLES
from naesone_app.db.account_models import Account
from naesone_app.state.locale import locale_of_path
from naesone_app.state.session import SessionState


class AskingMixin(rx.State, mixin=True):
    """`_locale()`, `_me()`, `_staff()`, `_resident()` for a state: the reader's language and account."""

    def _locale(self) -> str:
        """The language of the page that sent the event: /en/… is English, everything else Korean."""
        return locale_of_path(self.router.url.path)

    async def _me(self) -> Account | None:
        """The signed-in account of this browser right now, or None."""
        return (await self.get_state(SessionState))._account()

    async def _staff(self) -> Account | None:
        """The account if it is an officer's (staff, editor or admin) who has set their own password, else
        None: the check every staff handler makes (a temporary password reaches no staff page)."""
        account = await self._me()
        if account is None or account.role not in STAFF_ROLES or account.must_change_password:
            return None
        return account

    async def _resident(self) -> Account | None:
        """The account if it is a resident's, else None (officers do not register for classes)."""
        account = await self._me()
        return account if account is not None and account.role == "resident" else None
