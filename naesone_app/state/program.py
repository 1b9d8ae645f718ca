"""The programme page: one programme's facts, and how it stands for this tab's resident."""

from __future__ import annotations

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import stored_profile
from naesone_app.actions.programmes import report_applied as report_applied_elsewhere
from naesone_app.actions.programmes import save, standing
from naesone_app.core.dates import seoul_today
from naesone_app.core.eligibility import evaluate
from naesone_app.core.outbound import REPORTS
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.asking import AskingMixin
from naesone_app.state.ids import address_id
from naesone_app.state.office_views import ContactPart, ProgramOffice, contact_parts, program_office
from naesone_app.state.screening import ScreeningState
from naesone_app.state.views import (
    CriterionLine,
    ProgramView,
    criterion_line,
    nearest_miss_text,
    next_change_text,
    program_view,
)

MAX_KEY_LENGTH = 140


class ProgramState(AskingMixin, rx.State):
    """The programme named by `?id=` in the URL."""

    view: ProgramView = ProgramView()
    found: bool = False
    loaded: bool = False
    status: str = ""
    criteria: list[CriterionLine] = []
    nearest_miss: str = ""
    next_change: str = ""
    signed_in: bool = False
    saved: bool = False
    went_elsewhere: bool = False  # the signed-in resident followed the link to apply elsewhere
    reported: str = ""  # what they told us afterwards: "" | applied | not_yet
    # where to go or call (office with address, hours, tel: and map; or the 15 주민센터 while the 동 is
    # unknown), and the contact text with its numbers as tel: links
    has_office: bool = False
    office: ProgramOffice = ProgramOffice()
    contact: list[ContactPart] = []
    shown_id: str = ""  # the `?id=` this view was loaded for: the page shows it only under that address
    _key: str = ""

    @rx.event
    async def open_program(self):
        """on_load: find the programme and, if the resident answered questions, decide it for them."""
        locale = self._locale()
        requested = address_id(self.router.url.query)
        program = CATALOG.program(requested[:MAX_KEY_LENGTH])
        self.loaded, self.found, self.shown_id = True, program is not None, requested
        self.status, self.criteria, self.nearest_miss, self.next_change = "", [], "", ""
        if program is None:
            self.view = ProgramView()
            return
        self.view = program_view(program, locale)
        self._key = program.key
        await self._show_office(program, locale)
        account = await self._me()
        self.signed_in = account is not None
        self.went_elsewhere, self.reported = False, ""
        if account is not None:
            self.saved, visit = standing(actor_of(account), program.key)
            if visit is not None:
                self.went_elsewhere, self.reported = True, visit.reported
        screening = await self.get_state(ScreeningState)
        answers = screening._profile_for_others()
        if not answers:
            return
        try:
            facts = facts_on(parse_profile(answers), seoul_today())
        except ProfileError:
            return
        result = evaluate(program, facts)
        self.status = result.status
        self.criteria = [criterion_line(v, locale) for v in result.criteria]
        self.nearest_miss = nearest_miss_text(result, locale)
        self.next_change = next_change_text(result, locale)

    async def _show_office(self, program, locale: str) -> None:
        """The office for this resident's 동 (from their answers), and the contact's phone links."""
        dong = (await self.get_state(ScreeningState))._profile_for_others().get("dong")
        account = await self._me()
        if not dong and account is not None:  # a signed-in resident's stored answers
            dong = stored_profile(actor_of(account)).get("dong")
        found = program_office(program, dong if isinstance(dong, str) else None, locale)
        self.has_office, self.office = found is not None, found or ProgramOffice()
        self.contact = contact_parts(self.view.contact)

    @rx.event
    def leave_to_apply(self):
        """The resident followed the tracked link (the visit itself is recorded by /api/go)."""
        self.went_elsewhere = self.signed_in and bool(self.view.apply_link)

    @rx.event
    async def report_applied(self, outcome: str):
        """The resident says whether they finished applying elsewhere (applied / not_yet)."""
        account = await self._me()
        if account is None or not self._key or outcome not in REPORTS:
            return
        try:
            report_applied_elsewhere(actor_of(account), self._key, outcome)
        except LookupError:
            return
        self.went_elsewhere, self.reported = True, outcome

    @rx.event
    async def toggle_save(self):
        """Save or unsave this programme for the signed-in resident."""
        account = await self._me()
        if account is None or not self._key:
            return
        save(actor_of(account), self._key, not self.saved)
        self.saved = not self.saved
