"""The campaign landing page (/c/<slug>), and the tab's memory of the campaign it came from.

The tab keeps `slug|src|steps` in sessionStorage (first-party, this tab only, no cookie, no identifier):
the landing counts its visit once per tab, and sign-up, the first screening and the first application
of the same tab each count their step once — anonymous numbers per day and placement. Only sign-up with
the resident's consent keeps the campaign with the account (actions/accounts.sign_up).
"""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import stored_profile
from naesone_app.actions.campaigns import StoredCampaign, campaign, count
from naesone_app.core.campaigns import (
    ACTION_LABELS,
    Arrival,
    CampaignError,
    action_when,
    check_label,
    check_slug,
    running_on,
)
from naesone_app.core.dates import seoul_today
from naesone_app.core.eligibility import evaluate
from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.asking import AskingMixin
from naesone_app.state.views import ResultCard, compact_card

SHOWN_PROGRAMMES = 8  # a poster's reader needs a handful, not the catalogue


def _slug_of(path: str) -> str:
    """The slug in /c/<slug> or /en/c/<slug> ("" when the address is not a landing)."""
    parts = [p for p in path.split("/") if p]
    return parts[-1] if len(parts) >= 2 and parts[-2] == "c" else ""


def _valid(check: Callable[[str], str], value: str) -> str:
    """The value when the rule accepts it, else "" (an address is never an error page for a bad label)."""
    try:
        return check(value) if value else ""
    except CampaignError:
        return ""


class CampaignState(AskingMixin, rx.State):
    """What the landing shows, and the tab's campaign (sessionStorage, strings only)."""

    arrival: str = rx.SessionStorage("", name="naesone-campaign")
    loaded: bool = False
    found: bool = False
    slug: str = ""  # the campaign shown (the language switch keeps it)
    title: str = ""
    text: str = ""
    title_lang: str = "ko"
    text_lang: str = "ko"
    phase: str = ""  # running | upcoming | ended
    ended_note: str = ""
    action: str = ""  # check | signup | classes
    action_label: str = ""
    shows: str = ""
    cards: list[ResultCard] = []
    has_answers: bool = False

    @rx.event
    async def open_landing(self):
        """on_load: show the campaign and count this tab's visit (once)."""
        locale = self._locale()
        slug = _valid(check_slug, _slug_of(self.router.url.path))
        src = _valid(
            check_label, str(self.router.url.query_parameters.get("src", "") or "")
        )  # bad label: none
        found = campaign(slug) if slug else None
        self.loaded, self.found, self.slug = True, found is not None, slug if found else ""
        if found is None:
            self.title, self.cards = "", []
            return
        self._show(found, locale)
        if self.action == "signup" and await self._me() is not None:  # signed in already: the check
            self.action, self.action_label = "check", render(Message(ACTION_LABELS["check"]), locale)
        await self._show_programmes(found, locale)
        held = Arrival.decode(self.arrival)
        if held is None or held.slug != slug:
            held = Arrival(slug, src)
        if "visit" not in held.steps and count(slug, held.src, "visit"):
            held = held.with_step("visit")
        self.arrival = held.encode()

    def _show(self, found: StoredCampaign, locale: str) -> None:
        draft = found.draft
        english = locale == "en"
        self.title = draft.title_en if english and draft.title_en else draft.title_ko
        self.text = draft.text_en if english and draft.text_en else draft.text_ko
        self.title_lang = "en" if english and draft.title_en else "ko"  # a Korean-only title says so
        self.text_lang = "en" if english and draft.text_en else "ko"
        self.phase = running_on(draft.starts_on, draft.ends_on, seoul_today())
        self.ended_note = ""
        if self.phase == "ended" and draft.ends_on is not None:
            self.ended_note = render(
                Message(N_("이 캠페인은 {date}에 끝났어요. 지금 받을 수 있는 혜택은 언제든 확인할 수 있어요."),
                        {"date": draft.ends_on}), locale)  # fmt: skip
        self.action = action_when(draft.action, self.phase)
        self.action_label = render(Message(ACTION_LABELS[self.action]), locale)
        self.shows = draft.shows

    async def _answers(self) -> dict:
        """This tab's screening answers, else the signed-in resident's stored profile, else nothing."""
        from naesone_app.state.screening import ScreeningState  # screening counts its step through here

        answers = (await self.get_state(ScreeningState))._profile_for_others()
        if answers:
            return answers
        me = await self._resident()
        return stored_profile(actor_of(me)) if me is not None else {}

    async def _show_programmes(self, found: StoredCampaign, locale: str) -> None:
        """The campaign's programmes, decided for this resident when their answers are known."""
        draft = found.draft
        if draft.shows == "programmes":
            chosen = [CATALOG.program(key) for key in draft.programme_keys]
            programs = [p for p in chosen if p is not None]
        elif draft.shows == "category":
            programs = [p for p in CATALOG.get().programs if draft.category in p.categories]
        else:
            programs = []
        answers = await self._answers()
        try:
            facts = facts_on(parse_profile(answers), seoul_today())
        except ProfileError:
            answers, facts = {}, facts_on(parse_profile({}), seoul_today())
        self.has_answers = bool(answers)
        self.cards = [compact_card(evaluate(p, facts), facts, locale) for p in programs[:SHOWN_PROGRAMMES]]

    async def _note_step(self, step: str) -> None:
        """Count `step` (signup | screening | application) once for the tab's campaign, if it has one."""
        held = Arrival.decode(self.arrival)
        if held is None or step in held.steps:
            return
        if count(held.slug, held.src, step):
            self.arrival = held.with_step(step).encode()

    def _pending(self, step: str) -> Arrival | None:
        """The tab's campaign when `step` is still to be counted for it (the sign-up counts it in its
        own transaction, then calls `_done`), else None."""
        held = Arrival.decode(self.arrival)
        return None if held is None or step in held.steps else held

    def _done(self, step: str) -> None:
        held = Arrival.decode(self.arrival)
        if held is not None:
            self.arrival = held.with_step(step).encode()


async def note_campaign_step(state: rx.State, step: str) -> None:
    """For other states of the tab: count their step in the tab's campaign funnel (once per tab)."""
    await (await state.get_state(CampaignState))._note_step(step)
