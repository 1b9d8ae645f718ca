"""Asking in words: the one entry point for the search page's state, GET /api/search and `naesone ask`.

Public data only: no actor is needed, and the profile given (the stored one or this tab's answers) is
used for the statuses of this answer alone; the facts a question states are never stored here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from naesone_app.core.dates import seoul_today
from naesone_app.core.search.answer import Fact, Result, SearchAnswer
from naesone_app.core.search.ask import answer
from naesone_app.core.search.text import compact, normalise
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.search_index import SEARCH

__all__ = ["Fact", "Result", "SearchAnswer", "ask", "suggest", "warm"]

POPULAR_FILE = Path(__file__).resolve().parents[2] / "data" / "search" / "popular.yaml"
MAX_SUGGESTIONS = 20


def ask(
    question: str,
    *,
    locale: str = "ko",
    limit: int = 10,
    profile: dict | None = None,
    dropped: frozenset[str] = frozenset(),
    on: date | None = None,
) -> SearchAnswer:
    """The answer to a question typed in the resident's own words (never raises on bad text)."""
    return answer(
        SEARCH.index(),
        SEARCH.lexicon(),
        question,
        locale=locale,
        limit=limit,
        profile=profile,
        dropped=frozenset(dropped),
        program_of=CATALOG.program,
        on=on or seoul_today(),
    )


def warm() -> None:
    """Start building this worker's search index in the background (call once at server start)."""
    SEARCH.warm()


@cache
def _popular() -> dict[str, tuple[str, ...]]:
    data: dict[str, Any] = yaml.safe_load(POPULAR_FILE.read_text(encoding="utf-8"))
    return {locale: tuple(items) for locale, items in data["questions"].items()}


def suggest(prefix: str, *, locale: str = "ko", limit: int = 8) -> list[str]:
    """Suggestions while typing: popular questions, then programme titles, holding what was typed
    (spacing ignored; an English word only at a word's start, so "rent" does not suggest "parent");
    those that begin with it first."""
    typed = normalise(prefix if isinstance(prefix, str) else "")[:100]
    wanted = typed.replace(" ", "")
    limit = max(1, min(int(limit or 8), MAX_SUGGESTIONS))
    text_locale = locale if locale in ("ko", "en") else "ko"
    popular = _popular().get(locale) or _popular()["ko"]
    titles = sorted({p.text(text_locale).title for p in CATALOG.get().programs})
    word_start = re.compile(r"(?<![a-z])" + re.escape(typed)) if typed.isascii() else None
    found: list[str] = []
    for candidate in (*popular, *titles):
        if wanted and not (
            word_start.search(normalise(candidate)) if word_start else wanted in compact(candidate)
        ):
            continue
        if candidate not in found:
            found.append(candidate)
    found.sort(key=lambda c: not compact(c).startswith(wanted))  # stable: beginnings first
    return found[:limit]
