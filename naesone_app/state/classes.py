"""The class list and "내 강좌": courses of this quarter and the next, and the resident's registrations.

A signed-in resident's stored profile decides the fee reduction shown on each course; the profile is read
on the server and only the resulting words reach the page.
"""

from __future__ import annotations

from datetime import UTC, datetime

import reflex as rx

from naesone_app.core.class_policy import quarters_shown
from naesone_app.core.dates import seoul_today
from naesone_app.core.profile import Facts, ProfileError, facts_on, parse_profile
from naesone_app.db.account_models import Account
from naesone_app.db.accounts import load_profile
from naesone_app.db.class_listing import courses_in, my_registrations
from naesone_app.db.engine import transaction
from naesone_app.state.class_views import CourseCard, RegistrationLine, course_card, registration_line
from naesone_app.state.locale import locale_of_path
from naesone_app.state.session import SessionState

MAX_FILTER = 40


def resident_facts(account: Account | None) -> Facts | None:
    """The facts of a signed-in resident's stored profile (None for anyone else or without a profile)."""
    if account is None or account.role != "resident":
        return None
    with transaction() as session:
        profile = load_profile(session, account.id)
    if not profile:
        return None
    try:
        return facts_on(parse_profile(profile), seoul_today())
    except ProfileError:
        return None


class ClassesState(rx.State):
    """The courses of the current and next quarter, filtered by centre and category."""

    cards: list[CourseCard] = []
    centres: list[list[str]] = []  # [dong code, centre name]
    categories: list[str] = []
    category_labels: list[list[str]] = []  # [category, its words in the reader's locale]
    centre: str = ""
    category: str = ""
    signed_in: bool = False
    has_profile: bool = False
    loaded: bool = False
    _all: list[CourseCard] = []

    def _filter(self) -> None:
        self.cards = [c for c in self._all
                      if (not self.centre or c.dong == self.centre) and (not self.category or c.category == self.category)]  # fmt: skip

    @rx.event
    async def open_classes(self):
        """on_load: list the courses; a signed-in resident sees the fee after their reduction."""
        locale = locale_of_path(self.router.url.path)
        account = (await self.get_state(SessionState))._account()
        facts = resident_facts(account)
        now = datetime.now(UTC)
        self._all = [
            course_card(listed, locale, now, facts) for listed in courses_in(quarters_shown(seoul_today()))
        ]
        self.centres = list({c.dong: [c.dong, c.centre] for c in self._all}.values())
        self.categories = sorted({c.category for c in self._all if c.category})
        self.category_labels = [
            [c, next(x.category_label for x in self._all if x.category == c)] for c in self.categories
        ]
        query = self.router.url.query_parameters
        self.centre = (
            query.get("centre", "")[:MAX_FILTER]
            if query.get("centre") in {d for d, _ in self.centres}
            else ""
        )
        self.category = query.get("category", "") if query.get("category") in self.categories else ""
        self.signed_in, self.has_profile, self.loaded = account is not None, facts is not None, True
        self._filter()

    @rx.event
    def set_centre(self, dong: str):
        """Show one centre's courses ("" for all)."""
        self.centre = dong if isinstance(dong, str) and dong in {d for d, _ in self.centres} else ""
        self._filter()

    @rx.event
    def set_category(self, category: str):
        """Show one category's courses ("" for all)."""
        self.category = category if isinstance(category, str) and category in self.categories else ""
        self._filter()


class MyClassesState(rx.State):
    """The signed-in resident's own registrations, and nobody else's."""

    lines: list[RegistrationLine] = []
    loaded: bool = False

    @rx.event
    async def open_my_classes(self):
        """on_load: sign-in required."""
        locale = locale_of_path(self.router.url.path)
        account = (await self.get_state(SessionState))._account()
        self.lines, self.loaded = [], False
        if account is None:
            return rx.redirect(("/en" if locale == "en" else "") + "/login?next=" + self.router.url.path)
        self.lines = [
            registration_line(row, course, centre.name_en if locale == "en" and centre.name_en else centre.name_ko,
                              locale)
            for row, course, centre in my_registrations(account.id)
        ]  # fmt: skip
        self.loaded = True
        return None
