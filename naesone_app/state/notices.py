"""알림 (/notices): the signed-in resident's notices, newest first, marked read once shown.

The same rows the deliverer pushes (db/notices.py), so a resident without push — an iPhone that did not
install the app, a desktop — reads everything here. The handler takes nothing from the browser: it
only ever reads and marks the signed-in account's own notices.
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.notices import read_inbox
from naesone_app.core.i18n import render
from naesone_app.core.notices import localized_url
from naesone_app.db.notices import InboxNotice
from naesone_app.state.application_views import moment_text
from naesone_app.state.apply import login_redirect
from naesone_app.state.asking import AskingMixin
from naesone_app.state.session import SessionState


@dataclass
class NoticeRow:
    id: int = 0
    title: str = ""
    body: str = ""
    at: str = ""
    href: str = ""
    new: bool = False  # not seen before this visit


def _row(notice: InboxNotice, locale: str) -> NoticeRow:
    return NoticeRow(
        notice.id, render(notice.title, locale), render(notice.body, locale),
        moment_text(notice.created_at, locale), localized_url(notice.url, locale), not notice.read,
    )  # fmt: skip


class NoticesState(AskingMixin, rx.State):
    """The resident's inbox."""

    loaded: bool = False
    rows: list[NoticeRow] = []

    @rx.event
    async def open_notices(self):
        """on_load: sign-in required; shows the notices and marks them read (the menu count goes)."""
        locale = self._locale()
        me = await self._me()
        if me is None:
            self.rows, self.loaded = [], False
            return login_redirect(self.router.url.path, "", locale)
        shown = read_inbox(actor_of(me))
        self.rows = [_row(n, locale) for n in shown]
        (await self.get_state(SessionState)).unread_notices = 0
        self.loaded = True
        return None
