"""The class list and "내 강좌": courses of this quarter and the next, and the resident's registrations.

A signed-in resident's stored profile decides the fee reduction shown on each course; the profile is read
on the server and only the resulting words reach the page.
"""

from __future__ import annotations

from datetime import UTC, datetime

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import stored_profile
from naesone_app.actions.classes import confirm_hold
from naesone_app.core.class_policy import quarters_shown
from naesone_app.core.dates import seoul_today
from naesone_app.core.dongs import find_dong
from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.profile import Facts, ProfileError, facts_on, parse_profile
from naesone_app.db.account_models import Account
from naesone_app.db.class_listing import courses_in, my_registrations
from naesone_app.db.class_locks import ClassError
from naesone_app.state.asking import AskingMixin
from naesone_app.state.class_views import (
    CourseCard,
    RegistrationLine,
    course_card,
    registration_line,
    status_label,
)  # fmt: skip
from naesone_app.state.ids import sent_id
from naesone_app.state.session import SessionState

MAX_FILTER = 40
PAGE = 8  # courses per page: about three phone screens of compact cards


def resident_facts(account: Account | None) -> Facts | None:
    """The facts of a signed-in resident's stored profile (None for anyone else or without a profile)."""
    if account is None or account.role != "resident":
        return None
    profile = stored_profile(actor_of(account))
    if not profile:
        return None
    try:
        return facts_on(parse_profile(profile), seoul_today())
    except ProfileError:
        return None


class ClassesState(AskingMixin, rx.State):
    """The courses of the current and next quarter, filtered by centre and category, a page at a time.

    A resident whose profile names their 동 starts at that 동's centre (most go to the one nearby); the
    URL's `?centre=` (a dong code, or `all`) and `?category=` win over that.
    """

    cards: list[CourseCard] = []  # the courses shown: the first `shown` of those that pass the filters
    total: int = 0  # how many pass the filters
    shown: int = PAGE
    centres: list[list[str]] = []  # [dong code, centre name]
    categories: list[str] = []
    category_labels: list[list[str]] = []  # [category, its words in the reader's locale]
    centre: str = ""
    category: str = ""
    home_centre: str = ""  # the resident's own 동 (dong code), when it has a centre with courses
    home_centre_name: str = ""
    signed_in: bool = False
    has_profile: bool = False
    loaded: bool = False
    _all: list[CourseCard] = []

    def _filter(self) -> None:
        passing = [c for c in self._all
                   if (not self.centre or c.dong == self.centre) and (not self.category or c.category == self.category)]  # fmt: skip
        self.total, self.cards = len(passing), passing[: self.shown]

    @rx.event
    async def open_classes(self):
        """on_load: list the courses; a signed-in resident sees the fee after their reduction."""
        locale = self._locale()
        account = await self._me()
        facts = resident_facts(account)
        now = datetime.now(UTC)
        self._all = [
            course_card(listed, locale, now, facts) for listed in courses_in(quarters_shown(seoul_today()))
        ]
        self.centres = list({c.dong: [c.dong, c.centre] for c in self._all}.values())
        names = dict((d, n) for d, n in self.centres)
        self.categories = sorted({c.category for c in self._all if c.category})
        self.category_labels = [
            [c, next(x.category_label for x in self._all if x.category == c)] for c in self.categories
        ]
        home = find_dong(facts.dong) if facts is not None and facts.dong else None
        self.home_centre = home.code if home is not None and home.code in names else ""
        self.home_centre_name = names.get(self.home_centre, "")
        query = self.router.url.query_parameters
        asked = query.get("centre", "")[:MAX_FILTER]
        self.centre = asked if asked in names else ("" if asked == "all" else self.home_centre)
        self.category = query.get("category", "") if query.get("category") in self.categories else ""
        self.signed_in, self.has_profile, self.loaded = account is not None, facts is not None, True
        self.shown = PAGE
        self._filter()

    @rx.event
    def set_centre(self, dong: str):
        """Show one centre's courses ("" for all), from the first page."""
        self.centre = dong if isinstance(dong, str) and dong in {d for d, _ in self.centres} else ""
        self.shown = PAGE
        self._filter()

    @rx.event
    def set_category(self, category: str):
        """Show one category's courses ("" for all), from the first page."""
        self.category = category if isinstance(category, str) and category in self.categories else ""
        self.shown = PAGE
        self._filter()

    @rx.event
    def show_more(self):
        """The next page of courses under the ones already shown."""
        self.shown = min(self.shown + PAGE, max(len(self._all), PAGE))
        self._filter()


class MyClassesState(AskingMixin, rx.State):
    """The signed-in resident's own registrations, and nobody else's; what waits on them comes first."""

    lines: list[RegistrationLine] = []
    todo: list[RegistrationLine] = []  # held seats to confirm (soonest first), then fees to pay
    loaded: bool = False
    outcome: str = ""
    error: str = ""

    def _show(self, account_id: int, locale: str) -> None:
        rows = my_registrations(account_id)
        self.lines = [
            registration_line(row, course, centre.name_en if locale == "en" and centre.name_en else centre.name_ko,
                              locale, centre.dong)
            for row, course, centre in rows
        ]  # fmt: skip
        soonest = {row.id: row.hold_expires_at or row.payment_due_at for row, _, _ in rows}
        held = [line for line in self.lines if line.can_confirm]
        owing = [line for line in self.lines if line.payment]
        self.todo = sorted(held, key=lambda line: soonest[line.id]) + owing

    @rx.event
    async def open_my_classes(self):
        """on_load: sign-in required."""
        locale = self._locale()
        account = await self._me()
        self.lines, self.todo, self.loaded, self.outcome, self.error = [], [], False, "", ""
        if account is None:
            return rx.redirect(("/en" if locale == "en" else "") + "/login?next=" + self.router.url.path)
        self._show(account.id, locale)
        self.loaded = True
        return None

    @rx.event
    async def confirm_seat(self, registration_id: int):
        """Take a seat held for this resident; a registration that is not theirs is refused in confirm_hold."""
        locale = self._locale()
        session_state = await self.get_state(SessionState)
        account = session_state._account()
        if account is None or account.role != "resident" or sent_id(registration_id) is None:
            return
        try:
            row = confirm_hold(registration_id, account.id)
        except ClassError as exc:
            self.error, self.outcome = render(exc.message, locale), ""
        else:
            self.error = ""
            self.outcome = render(
                Message(N_("확정했어요: {status}"), {"status": status_label(row, locale)}), locale
            )
        self._show(account.id, locale)
        session_state.load_session()  # the menu's count of things to do
