"""The signed-in resident's home: new matches, deadlines, saved programmes, the life timeline."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.programmes import feed_basis
from naesone_app.core.dates import seoul_today
from naesone_app.core.feed import build_feed
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.db.accounts import utc_now
from naesone_app.db.catalog_cache import CATALOG, url_key
from naesone_app.state.asking import AskingMixin
from naesone_app.state.offline import keep_offline_script
from naesone_app.state.views import ResultCard, next_change_text, result_card


@dataclass
class TimelineItem:
    """One change ahead: when, what happens, to which programme."""

    when: str = ""
    text: str = ""
    key: str = ""
    title: str = ""


class FeedState(AskingMixin, rx.State):
    """Only ever filled for the account behind this browser's session cookie."""

    loaded: bool = False
    has_profile: bool = False
    eligible_count: int = 0
    new_matches: list[ResultCard] = []
    deadlines: list[ResultCard] = []
    saved: list[ResultCard] = []
    timeline: list[TimelineItem] = []

    @rx.event
    async def open_feed(self):
        """on_load: sign-in required; decide the catalogue for the stored profile."""
        locale = self._locale()
        account = await self._me()
        if account is None:
            return rx.redirect("/en/login" if locale == "en" else "/login")
        catalog = CATALOG.get()
        basis = feed_basis(
            actor_of(account),
            lambda profile: facts_on(parse_profile(profile), seoul_today()),
            lambda facts: [
                p.key for p, c in zip(catalog.programs, catalog.statuses(facts), strict=True) if c == 0
            ],
        )
        profile, saved, facts, first_seen = basis.profile, basis.saved, basis.facts, basis.first_seen
        feed = build_feed(catalog, facts, saved, first_seen, utc_now())
        self.has_profile = bool(profile)
        self.eligible_count = len(feed.eligible_keys)
        self.new_matches = [result_card(r, locale) for r in feed.new_matches]
        self.deadlines = [result_card(r, locale) for r in feed.deadlines]
        self.saved = [result_card(r, locale) for r in feed.saved]
        self.timeline = [
            TimelineItem(r.next_change.on.isoformat(), next_change_text(r, locale), url_key(r.program),
                         r.program.text(locale).title)
            for r in feed.timeline
        ]  # fmt: skip
        self.loaded = True
        eligible = [result_card(r, locale) for r in feed.eligible]
        return rx.call_script(keep_offline_script(locale, eligible, self.saved))
