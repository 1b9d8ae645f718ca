"""The questionnaire and the results: one resident's answers in this browser tab.

The answers live in this tab's server state and in the tab's sessionStorage
(so a reload or a reconnect restores them), never in anything another visitor can read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import keep_profile, stored_profile
from naesone_app.core.accounts import AccountError
from naesone_app.core.answers import (
    QUESTION_TITLES,
    AnswerError,
    answer_form,
    apply_answer,
    child_count,
    forget_answer,
    settled_for,
    with_stated_facts,
)
from naesone_app.core.criteria import MET, UNKNOWN
from naesone_app.core.dates import seoul_today
from naesone_app.core.eligibility import evaluate
from naesone_app.core.feed import compare
from naesone_app.core.i18n import N_, Message, render, render_line
from naesone_app.core.labels import HOUSEHOLD_LABELS, SITUATION_LABELS
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.questionnaire import QUESTIONS, askable, next_questions, offered_choices
from naesone_app.core.results import FILTERS, group_results, open_to_everyone, summary_lines
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.asking import AskingMixin
from naesone_app.state.campaign import note_campaign_step
from naesone_app.state.views import AnswerLine, ResultCard, answer_lines, compact_card

MAX_FORM_FIELDS = 40
# keyboard and screen-reader users continue at the new question (or the field to fix), not at the top
FOCUS_QUESTION = "setTimeout(() => document.getElementById('question-title')?.focus(), 80)"
FOCUS_FIELD = "setTimeout(() => document.getElementById({field})?.focus(), 80)"
MAX_FIELD_LENGTH = 100
CHOICE_LABELS = {"household": HOUSEHOLD_LABELS, "situations": SITUATION_LABELS}


@dataclass
class Choice:
    """One tick box the current question offers, and whether the current answer ticks it."""

    value: str = ""
    label: str = ""
    checked: bool = False


@dataclass
class OpenQuestion:
    """A question that could still change a result (skipped, or answered only in part)."""

    question: str = ""
    title: str = ""


MAYBE_OPEN = 5  # "확인이 더 필요해요": the first few open, the rest one tap away
OPEN_TO_ALL_SHOWN = 5


class ScreeningState(AskingMixin, rx.State):
    """Answers → profile → decided programmes."""

    locale: str = "ko"
    saved_answers: str = rx.SessionStorage("", name="naesone_answers")
    question: str = ""
    loaded: bool = False  # False until the server answered: offline, the page says so instead
    previous: str = ""  # the question the 이전 button opens ("" on the first one)
    changing: bool = False  # the question shown was answered before (opened again, answer filled in)
    form_values: dict[str, str] = {}
    choices: list[Choice] = []
    child_fields: int = 1
    ask_household_size: bool = True
    open_questions: list[OpenQuestion] = []
    answered: int = 0
    remaining: int = 0
    field_errors: dict[str, str] = {}
    eligible_count: int = 0
    maybe_count: int = 0
    eligible: list[ResultCard] = []
    maybe: list[ResultCard] = []  # the first few, shown open
    maybe_rest: list[ResultCard] = []  # the others, behind "더 보기"
    closed: list[ResultCard] = []
    ineligible: list[ResultCard] = []
    ineligible_more: int = 0
    eligible_more: int = 0
    maybe_more: int = 0
    ineligible_total: int = 0
    summary: list[str] = []  # the top of the page, sentence by sentence
    filter: str = ""  # "" (all) or one of core.results.FILTERS
    filter_counts: dict[str, int] = {}
    has_answers: bool = False
    open_to_all: list[ResultCard] = []  # before any answer: programmes with no condition at all
    results_ready: bool = False
    _cards: dict[str, list[ResultCard]] = {}
    _profile: dict[str, Any] = {}
    _settled: list[str] = []
    _children_expected: int = 0  # the gate's answer: how many birth dates to ask
    _fresh: bool = False  # "start again" chosen: do not refill from the stored profile
    answers: list[AnswerLine] = []
    signed_in: bool = False
    saved_differs: bool = False
    gained: list[str] = []
    lost: list[str] = []
    save_message: str = ""

    def _set_locale(self) -> None:
        self.locale = self._locale()

    def _restore(self) -> None:
        """Bring back this tab's answers after a reload or a fresh server state."""
        if self._profile or self._settled or self._fresh or not self.saved_answers:
            return
        try:
            saved = json.loads(self.saved_answers)
            parse_profile(saved["profile"])
            settled = [q for q in saved["settled"] if q in QUESTIONS]
        except (ValueError, KeyError, TypeError, ProfileError):
            self.saved_answers = ""
            return
        self._profile, self._settled = dict(saved["profile"]), settled
        self._fresh = saved.get("fresh") is True
        expected = saved.get("children_expected", 0)
        self._children_expected = expected if isinstance(expected, int) and 0 <= expected <= 5 else 0

    def _save(self) -> None:
        saved = {"profile": self._profile, "settled": self._settled, "fresh": self._fresh}
        if self._children_expected:
            saved["children_expected"] = self._children_expected
        self.saved_answers = json.dumps(saved, ensure_ascii=False)

    def _advance(self, wanted: str = "") -> None:
        """Show `wanted` if it can be asked (answered before, or still to ask), else the most decisive one."""
        today = seoul_today()
        facts = facts_on(parse_profile(self._profile), today)
        catalog = CATALOG.get()
        pending = next_questions(catalog, facts, set(self._settled))
        if wanted in self._settled or wanted in pending:
            self.question = wanted
        else:
            self.question = pending[0] if pending else ""
        self.changing = self.question in self._settled
        self.remaining = len(pending)
        self.answered = len(self._shown_settled())
        codes = catalog.statuses(facts)
        self.eligible_count = int((codes == MET).sum())
        self.maybe_count = int((codes == UNKNOWN).sum())
        self._fill_form(catalog, facts)
        shown = self._shown_settled()
        here = shown.index(self.question) if self.question in shown else len(shown)
        self.previous = shown[here - 1] if here > 0 else ""
        if not self.question:
            self.open_questions = [
                OpenQuestion(
                    q,
                    render(
                        Message(N_("{question} 질문에 답하기"), {"question": Message(QUESTION_TITLES[q])}),
                        self.locale,
                    ),
                )
                for q in askable(catalog, facts)
            ]

    def _shown_settled(self) -> list[str]:
        """Answered questions as the resident sees them: birth dates are part of "children?" when there are none."""
        if not self._children_expected and not self._profile.get("children"):
            return [q for q in self._settled if q != "children"]
        return list(self._settled)

    def _fill_form(self, catalog, facts) -> None:
        """The current question's fields, filled in with the answer already given."""
        q = self.question
        self.form_values = answer_form(self._profile, q)
        self.ask_household_size = "household_size" not in self._profile
        if q in CHOICE_LABELS:
            recorded = set(self._profile.get(q, []))
            # offered as if unanswered, so a ticked choice (which no longer decides anything) can be unticked
            unanswered = facts_on(parse_profile(forget_answer(self._profile, q)), facts.as_of)
            offered = offered_choices(catalog, unanswered, q, also=frozenset(recorded))
            labels = CHOICE_LABELS[q]
            self.choices = [
                Choice(code, render(Message(labels[code]), self.locale), code in recorded) for code in offered
            ]
        else:
            self.choices = []
        births = len(self._profile.get("children") or [])
        self.child_fields = max(1, min(5, max(self._children_expected, births)))

    def _url(self) -> str:
        """This page with the question shown in the address (so the back button walks the questions)."""
        return f"{self.router.url.path}?q={self.question or 'done'}"

    async def _bring_in_saved(self) -> dict[str, Any] | None:
        """The signed-in resident's stored profile; it fills an empty tab (e.g. after signing in)."""
        account = await self._me()
        self.signed_in = account is not None
        if account is None:
            return None
        stored = stored_profile(actor_of(account))
        if stored and not self._profile and not self._settled and not self._fresh:
            self._profile, self._settled = dict(stored), list(settled_for(stored))
            self._save()
        return stored

    @rx.event
    async def open_questionnaire(self):
        """on_load of the questionnaire (and of every ?q= step, back and forward included)."""
        self._set_locale()
        self._restore()
        await self._bring_in_saved()
        self.field_errors = {}
        wanted = self.router.url.query_parameters.get("q", "")
        self._advance(wanted if isinstance(wanted, str) else "")
        self._list_answers()
        self.loaded = True
        if wanted != (self.question or "done"):
            return rx.redirect(self._url(), replace=True)
        return None

    @rx.event
    def answer(self, form: dict[str, Any]):
        """Take the current question's form; show a message next to the field if it is unusable."""
        if not self.question or not _reasonable(form):
            return None
        offered = tuple(c.value for c in self.choices) if self.question in CHOICE_LABELS else None
        try:
            profile = apply_answer(self._profile, self.question, form, seoul_today(), offered)
            if self.question == "has_children":
                self._children_expected = child_count(form)
        except AnswerError as exc:
            self.field_errors = {exc.field: render(exc.message, self.locale)}
            return rx.call_script(FOCUS_FIELD.format(field=json.dumps(exc.field)))
        self._settle(profile)
        return self._go()

    @rx.event
    def skip(self):
        """Leave the current question unanswered (its facts stay unknown)."""
        if not self.question:
            return None
        if self.question == "has_children":
            self._children_expected = 0
        self._settle(forget_answer(self._profile, self.question))
        return self._go()

    def _go(self):
        """To the question now shown, as a new step in the browser's history; focus on it."""
        done = "" if self.question else "see-results"
        focus = FOCUS_FIELD.format(field=json.dumps(done)) if done else FOCUS_QUESTION
        return [rx.redirect(self._url()), rx.call_script(focus)]

    def _settle(self, profile: dict[str, Any]) -> None:
        """Record the answer in its place (an answer given again keeps its place) and move on."""
        question = self.question
        self._profile = profile
        if question not in self._settled:
            self._settled = [*self._settled, question]
        if question == "has_children":
            # no children (or no answer): the birth-date question goes with it; some: ask the dates
            rest = [q for q in self._settled if q != "children"]
            at = rest.index("has_children") + 1
            self._settled = [*rest[:at], "children", *rest[at:]] if self._children_expected == 0 else rest
        self.field_errors = {}
        self._save()
        self._advance()
        self._list_answers()

    def _list_answers(self) -> None:
        self.answers = answer_lines(self._profile, self._shown_settled(), self.locale)
        if self._children_expected and "children" not in self._profile:
            # "yes, N" was answered; the birth dates are still to come (or were skipped)
            count = render(Message(N_("자녀 {n}명"), {"n": self._children_expected}), self.locale)
            for line in self.answers:
                if line.question == "has_children":
                    line.answer = count

    @rx.event
    def reopen(self, question: str):
        """Ask a question again, its answer filled in (the old answer stands until a new one is given)."""
        if isinstance(question, str) and question in QUESTIONS:
            self.field_errors = {}
            self._advance(question)
            return self._go()
        return None

    @rx.event
    def go_back(self):
        """The 이전 button: the question answered before this one, its answer filled in."""
        if self.previous:
            self.field_errors = {}
            self._advance(self.previous)
            return self._go()
        return None

    @rx.event
    def restart(self):
        """Forget every answer in this tab."""
        self._profile, self._settled, self._children_expected, self._fresh = {}, [], 0, True
        self.answers = []
        self._save()
        self.field_errors = {}
        self.results_ready = False
        self._advance()

    @rx.event
    async def open_results(self):
        """on_load of the results page: decide every programme, group and order them, sum them up."""
        self._set_locale()
        self._restore()
        stored = await self._bring_in_saved()
        self._advance()
        self._compare_with_saved(stored)
        facts = facts_on(parse_profile(self._profile), seoul_today())
        catalog = CATALOG.get()
        self.has_answers = bool(self._profile)
        if not self.has_answers:  # no answers: invite the questions rather than 84 "확인 필요" cards
            self._cards = {}
            self.open_to_all = [
                compact_card(evaluate(p, facts), facts, self.locale) for p in open_to_everyone(catalog)
            ][:OPEN_TO_ALL_SHOWN]
            self.summary, self.filter_counts = [], {}
            self._show()
            self.results_ready = True
            return
        grouped = group_results(catalog, facts)
        self._cards = {
            status: [compact_card(r, facts, self.locale) for r in shown]
            for status, shown in grouped.shown.items()
        }
        self.summary = [render_line(line, self.locale) for line in summary_lines(grouped.summary)]
        self.eligible_more = grouped.total["eligible"] - len(self._cards["eligible"])
        self.maybe_more = grouped.total["maybe"] - len(self._cards["maybe"])
        self.ineligible_more = grouped.total["ineligible"] - len(self._cards["ineligible"])
        self.ineligible_total = grouped.total["ineligible"]
        actionable = [*self._cards["eligible"], *self._cards["maybe"], *self._cards["closed"]]
        self.filter_counts = {f: sum(f in card.filters for card in actionable) for f in FILTERS}
        self.open_to_all = []
        self._show()
        self.results_ready = True
        await note_campaign_step(self, "screening")  # the tab's campaign funnel, anonymously

    @rx.event
    def choose_filter(self, name: str):
        """Show only the programmes that pass one filter ("" shows everything again)."""
        if isinstance(name, str) and (name == "" or name in FILTERS):
            self.filter = name
            self._show()

    def _show(self) -> None:
        """The shown lists under the chosen filter; the ineligible are never filtered (they sit collapsed)."""
        chosen = self.filter

        def passing(status: str) -> list[ResultCard]:
            cards = self._cards.get(status, [])
            return [c for c in cards if chosen in c.filters] if chosen else list(cards)

        maybe = passing("maybe")
        self.eligible, self.closed = passing("eligible"), passing("closed")
        self.maybe, self.maybe_rest = maybe[:MAYBE_OPEN], maybe[MAYBE_OPEN:]
        self.ineligible = list(self._cards.get("ineligible", []))

    def _compare_with_saved(self, stored: dict[str, Any] | None) -> None:
        """For a signed-in resident: what saving these answers would change (shown before saving)."""
        self.save_message = ""
        self.saved_differs = stored is not None and stored != self._profile
        if not self.saved_differs:
            self.gained, self.lost = [], []
            return
        today = seoul_today()
        gained, lost = compare(CATALOG.get(), facts_on(parse_profile(stored), today),
                               facts_on(parse_profile(self._profile), today))  # fmt: skip
        self.gained = [p.text(self.locale).title for p in gained]
        self.lost = [p.text(self.locale).title for p in lost]

    @rx.event
    async def save_to_account(self):
        """Store this tab's answers as the signed-in resident's profile."""
        account = await self._me()
        if account is None:
            return
        try:
            keep_profile(actor_of(account), self._profile)
        except AccountError as exc:
            self.save_message = render(exc.message, self.locale)
            return
        self.saved_differs, self.gained, self.lost = False, [], []
        self.save_message = render(Message(N_("내 상황을 저장했어요.")), self.locale)

    async def _take_stated(self, stated: dict[str, Any]) -> None:
        """The facts a typed question states, added to this tab's answers (the search page's
        "이 조건으로 혜택 찾기"); they reach the account only if the resident saves the answers."""
        self._restore()
        await self._bring_in_saved()
        self._profile = with_stated_facts(self._profile, stated)
        self._settled = [*self._settled, *(q for q in settled_for(self._profile) if q not in self._settled)]
        self.results_ready = False
        self._save()

    def _profile_for_others(self) -> dict[str, Any]:
        """The parsed profile, for other states of this same tab (never sent to the browser)."""
        self._restore()
        return dict(self._profile)


def _reasonable(form: Any) -> bool:
    """A browser can send anything: refuse oversized or oddly shaped forms outright."""
    if not isinstance(form, dict) or len(form) > MAX_FORM_FIELDS:
        return False
    return all(isinstance(k, str) and isinstance(v, str | bool | int | float | None)
               and len(str(v)) <= MAX_FIELD_LENGTH for k, v in form.items())  # fmt: skip
