"""A question typed in the resident's own words: suggestions while typing, and the answer on /search.

The answer comes from `actions.search.ask` (understanding, ranking, the status of each programme); this
state only holds what the page shows, already worded. Statuses are decided with this tab's answers, or
the signed-in resident's stored profile when the tab has none (as the results page does), plus the facts
the question states. Those facts are never stored in the account: "이 조건으로 혜택 찾기" adds them to this
tab's questionnaire answers, which the resident may save through the usual flow.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import stored_profile
from naesone_app.actions.search import ask, suggest
from naesone_app.core.highlight import highlight
from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.notices import localized_url
from naesone_app.core.search.answer import Result, SearchAnswer
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.asking import AskingMixin
from naesone_app.state.screening import ScreeningState

MAX_QUESTION = 500  # the answer refuses longer questions; one more character lets it say so
MAX_PREFIX = 100  # suggestions are for the first words of a question
MAX_DROPPED = 20
KIND_ORDER = ("program", "course", "partner_offer", "facility", "help")
# states may not import pages (the layering): the two addresses this state sends a browser to, as
# pages/routes.py declares them (SEARCH, CHECK); tests/e2e/test_search.py walks both
SEARCH_PATH, CHECK_PATH = "/search", "/check"
FOCUS_COUNT = "setTimeout(() => document.getElementById('search-count')?.focus(), 80)"


@dataclass
class Piece:
    """A piece of a found title or summary; `marked` pieces are the words that found it."""

    text: str = ""
    marked: bool = False


@dataclass
class FactChip:
    """A fact the question states, as a chip the resident can remove ("혼자 사는 → 1인 가구")."""

    key: str = ""
    label: str = ""
    remove_label: str = ""  # the chip button's accessible name: "… 조건 빼기"


@dataclass
class Found:
    """One result as the page shows it."""

    id: str = ""
    kind: str = ""
    title: list[Piece] = field(default_factory=list)
    summary: list[Piece] = field(default_factory=list)
    status: str = ""  # programmes: eligible | maybe | ineligible | closed; others ""
    why: str = ""
    href: str = ""
    lang: str = ""  # "ko" when the reader's language is another and the record has only Korean texts


@dataclass
class FoundGroup:
    """The results of one kind (혜택·지원, 강좌, 시설, 도움말), best first."""

    kind: str = ""
    results: list[Found] = field(default_factory=list)


def clean_question(raw: Any) -> str:
    """What a browser sent as a question, as text of bounded length (the answer judges the rest)."""
    if not isinstance(raw, str):
        return ""
    return unicodedata.normalize("NFC", raw)[: MAX_QUESTION + 1]


def in_locale(href: str, locale: str) -> str:
    """An in-app address of the answer (Korean paths) in the reader's locale; anything else is dropped."""
    if not href.startswith("/") or href.startswith("//"):
        return ""
    return localized_url(href, locale)


def _language(result: Result, locale: str) -> str:
    """The language of a result's texts: a programme without texts in the reader's language is Korean."""
    program = CATALOG.program(result.id) if result.kind == "program" and locale != "ko" else None
    return "ko" if program is not None and locale not in program.texts else locale


def found(result: Result, locale: str) -> Found:
    return Found(
        result.id,
        result.kind,
        [Piece(text, marked) for text, marked in highlight(result.title, result.matched)],
        [Piece(text, marked) for text, marked in highlight(result.summary, result.matched)],
        result.status,
        result.why,
        in_locale(result.href, locale),
        _language(result, locale),
    )


def grouped(answer: SearchAnswer, locale: str) -> list[FoundGroup]:
    """The results by kind, in a fixed order of kinds; the answer's order within each kind."""
    groups = {kind: FoundGroup(kind) for kind in KIND_ORDER}
    for result in answer.results:
        groups.setdefault(result.kind, FoundGroup(result.kind)).results.append(found(result, locale))
    return [group for group in groups.values() if group.results]


class SuggestState(AskingMixin, rx.State):
    """The header's search field: suggestions while typing, and going to /search on submit."""

    suggestions: list[str] = []

    @rx.event
    def suggest_for(self, text: Any):
        """Popular questions and programme names for what is typed so far (debounced by the page)."""
        prefix = text.strip() if isinstance(text, str) else ""
        if not prefix or len(prefix) > MAX_PREFIX:
            self.suggestions = []
            return
        self.suggestions = list(suggest(prefix, locale=self._locale(), limit=8))

    @rx.event
    def go(self, form: dict[str, Any]):
        """Open the answer to the question typed (an empty or over-long one opens its message)."""
        question = clean_question(form.get("q") if isinstance(form, dict) else None).strip()
        self.suggestions = []
        return rx.redirect(localized_url(SEARCH_PATH, self._locale()) + "?q=" + quote(question, safe=""))


class SearchState(AskingMixin, rx.State):
    """The answer to `?q=` for this tab: facts as chips, results grouped by kind."""

    question: str = ""
    question_in_address: str = ""  # `question` as the address carries it (for the language switch)
    loaded: bool = False
    problem: str = ""  # "" | "empty" | "too_long" (the page words them)
    nothing: bool = False
    count: int = 0
    facts: list[FactChip] = []
    groups: list[FoundGroup] = []
    _dropped: list[str] = []
    _stated: dict[str, Any] = {}

    async def _profile(self) -> dict[str, Any]:
        """This tab's answers, else the signed-in resident's stored profile (what the results page uses)."""
        answers = (await self.get_state(ScreeningState))._profile_for_others()
        if answers:
            return answers
        account = await self._me()
        return dict(stored_profile(actor_of(account)) or {}) if account is not None else {}

    async def _answer(self) -> None:
        locale = self._locale()
        answer = ask(self.question, locale=locale, limit=20, profile=await self._profile(),
                     dropped=frozenset(self._dropped))  # fmt: skip
        self.problem = answer.problem
        self.nothing = answer.nothing and not answer.problem
        self.facts = [
            FactChip(fact.key, fact.label,
                     render(Message(N_("{fact} 조건 빼기"), {"fact": fact.label}), locale))
            for fact in answer.facts
        ]  # fmt: skip
        self._stated = answer.inferred_profile()
        self.groups = grouped(answer, locale)
        self.count = len(answer.results)
        self.loaded = True

    @rx.event
    async def open_search(self):
        """on_load of /search: answer the question in the address (every chip back, as typed)."""
        raw = self.router.url.query_parameters.get("q", "")
        self.question = clean_question(raw)
        self.question_in_address = quote(self.question, safe="")
        self._dropped = []
        await self._answer()

    @rx.event
    async def drop_fact(self, key: Any):
        """A chip's ✕: answer again without that fact; focus goes to the new count."""
        if not isinstance(key, str) or key not in {fact.key for fact in self.facts}:
            return None
        if len(self._dropped) < MAX_DROPPED:
            self._dropped = [*self._dropped, key]
        await self._answer()
        return rx.call_script(FOCUS_COUNT)

    @rx.event
    async def carry_facts(self):
        """ "이 조건으로 혜택 찾기": the chips' facts into this tab's questionnaire answers, then the questions."""
        screening = await self.get_state(ScreeningState)
        await screening._take_stated(dict(self._stated))
        return rx.redirect(localized_url(CHECK_PATH, self._locale()))
