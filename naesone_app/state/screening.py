"""The questionnaire and the results: one resident's answers in this browser tab.

No account yet: the answers live in this tab's server state and in the tab's sessionStorage
(so a reload or a reconnect restores them), never in anything another visitor can read.
"""

from __future__ import annotations

import json
from typing import Any

import reflex as rx

from naesone_app.core.answers import AnswerError, apply_answer, forget_answer
from naesone_app.core.criteria import UNKNOWN, UNMET
from naesone_app.core.dates import seoul_today
from naesone_app.core.eligibility import evaluate
from naesone_app.core.i18n import render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.questionnaire import QUESTIONS, next_questions
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.locale import locale_of_path
from naesone_app.state.views import ResultCard, result_card

MAX_INELIGIBLE_SHOWN = 30
MAX_FORM_FIELDS = 40
MAX_FIELD_LENGTH = 100


class ScreeningState(rx.State):
    """Answers → profile → decided programmes."""

    locale: str = "ko"
    saved_answers: str = rx.SessionStorage("", name="naesone_answers")
    question: str = ""
    answered: int = 0
    remaining: int = 0
    field_errors: dict[str, str] = {}
    eligible_count: int = 0
    maybe_count: int = 0
    eligible: list[ResultCard] = []
    maybe: list[ResultCard] = []
    ineligible: list[ResultCard] = []
    ineligible_more: int = 0
    results_ready: bool = False
    _profile: dict[str, Any] = {}
    _settled: list[str] = []

    def _set_locale(self) -> None:
        self.locale = locale_of_path(self.router.url.path)

    def _restore(self) -> None:
        """Bring back this tab's answers after a reload or a fresh server state."""
        if self._profile or self._settled or not self.saved_answers:
            return
        try:
            saved = json.loads(self.saved_answers)
            parse_profile(saved["profile"])
            settled = [q for q in saved["settled"] if q in QUESTIONS]
        except (ValueError, KeyError, TypeError, ProfileError):
            self.saved_answers = ""
            return
        self._profile, self._settled = dict(saved["profile"]), settled

    def _save(self) -> None:
        saved = {"profile": self._profile, "settled": self._settled}
        self.saved_answers = json.dumps(saved, ensure_ascii=False)

    def _advance(self) -> None:
        """Pick the most decisive unanswered question and refresh the running counts."""
        today = seoul_today()
        facts = facts_on(parse_profile(self._profile), today)
        catalog = CATALOG.get()
        pending = next_questions(catalog, facts, set(self._settled))
        self.question = pending[0] if pending else ""
        self.remaining = len(pending)
        self.answered = len(self._settled)
        codes = catalog.statuses(facts)
        self.eligible_count = int((codes == 0).sum())
        self.maybe_count = int((codes == UNKNOWN).sum())

    @rx.event
    def open_questionnaire(self):
        """on_load of the questionnaire: restore answers and show the next question."""
        self._set_locale()
        self._restore()
        self.field_errors = {}
        self._advance()

    @rx.event
    def answer(self, form: dict[str, Any]):
        """Take the current question's form; show a message next to the field if it is unusable."""
        if not self.question or not _reasonable(form):
            return
        try:
            profile = apply_answer(self._profile, self.question, form, seoul_today())
        except AnswerError as exc:
            self.field_errors = {exc.field: render(exc.message, self.locale)}
            return
        self._settle(profile)

    @rx.event
    def skip(self):
        """Leave the current question unanswered (its facts stay unknown)."""
        if self.question:
            self._settle(forget_answer(self._profile, self.question))

    def _settle(self, profile: dict[str, Any]) -> None:
        self._profile = profile
        self._settled = [*self._settled, self.question]
        self.field_errors = {}
        self._save()
        self._advance()

    @rx.event
    def restart(self):
        """Forget every answer in this tab."""
        self._profile, self._settled = {}, []
        self.saved_answers = ""
        self.field_errors = {}
        self.results_ready = False
        self._advance()

    @rx.event
    def open_results(self):
        """on_load of the results page: decide every programme and group them."""
        self._set_locale()
        self._restore()
        self._advance()
        facts = facts_on(parse_profile(self._profile), seoul_today())
        catalog = CATALOG.get()
        decided = list(zip(catalog.programs, catalog.statuses(facts), strict=True))
        eligible = [evaluate(p, facts) for p, c in decided if c == 0]
        maybe = [evaluate(p, facts) for p, c in decided if c == UNKNOWN]
        ineligible = sorted((evaluate(p, facts) for p, c in decided if c == UNMET),
                            key=lambda r: (len(r.nearest_miss), r.program.key))  # fmt: skip
        self.eligible = [result_card(r, self.locale) for r in _by_title(eligible, self.locale)]
        self.maybe = [result_card(r, self.locale) for r in _by_title(maybe, self.locale)]
        self.ineligible = [result_card(r, self.locale) for r in ineligible[:MAX_INELIGIBLE_SHOWN]]
        self.ineligible_more = max(len(ineligible) - MAX_INELIGIBLE_SHOWN, 0)
        self.results_ready = True

    def _profile_for_others(self) -> dict[str, Any]:
        """The parsed profile, for other states of this same tab (never sent to the browser)."""
        self._restore()
        return dict(self._profile)


def _by_title(results: list, locale: str) -> list:
    return sorted(results, key=lambda r: r.program.text(locale).title)


def _reasonable(form: Any) -> bool:
    """A browser can send anything: refuse oversized or oddly shaped forms outright."""
    if not isinstance(form, dict) or len(form) > MAX_FORM_FIELDS:
        return False
    return all(isinstance(k, str) and isinstance(v, str | bool | int | float | None)
               and len(str(v)) <= MAX_FIELD_LENGTH for k, v in form.items())  # fmt: skip
