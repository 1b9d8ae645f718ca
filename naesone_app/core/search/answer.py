"""What a question gets back: the facts it states, the ranked results above the threshold, or nothing.

Pure, frozen dataclasses shared by the state, the API and the CLI (see SEARCH-INTERFACE.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PROBLEMS = ("", "empty", "too_long")


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact the question states, shown as a removable chip."""

    key: str  # the chip's id, e.g. "household:single_person" or "age_band:65+"
    profile: dict  # profile-contract keys/values it implies, e.g. {"household": ["single_person"]}
    trigger: str  # the words typed that state it, e.g. "혼자 사는"
    label: str  # chip text in the answer's locale, e.g. "혼자 사는 → 1인 가구"


@dataclass(frozen=True, slots=True)
class Result:
    """One thing found: a programme, a course, a facility, a help topic (later a partner offer)."""

    id: str  # "native:<key>" | "gov24:<id>" | "course:<code>" | "facility:<id>" | "help:<slug>"
    kind: str  # "program" | "course" | "partner_offer" | "facility" | "help"
    source: str  # "native" | "gov24" | "course" | "facility" | "help"
    title: str
    summary: str
    score: float
    status: str  # programmes: "eligible" | "maybe" | "ineligible" | "closed"; others: ""
    why: str  # programmes: the deciding criterion's sentence in the locale; others: ""
    href: str  # path inside the app (without the /en prefix)
    matched: tuple[str, ...]  # words of title/summary to highlight, as they appear


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    """The whole answer to one question."""

    question: str
    locale: str
    facts: tuple[Fact, ...]
    threshold: float
    results: tuple[Result, ...]
    nothing: bool
    problem: str = ""  # "" | "empty" | "too_long"

    def inferred_profile(self) -> dict[str, Any]:
        """The facts merged into profile-contract JSON (lists united, the first scalar kept)."""
        return merge_profiles(*(f.profile for f in self.facts))


def merge_profiles(*profiles: dict[str, Any]) -> dict[str, Any]:
    """Profiles merged left to right: list values united in order, a scalar already set is kept."""
    merged: dict[str, Any] = {}
    for profile in profiles:
        for key, value in profile.items():
            if isinstance(value, list):
                have = list(merged.get(key) or [])
                have += [v for v in value if v not in have]
                merged[key] = have
            elif key not in merged:
                merged[key] = value
    return merged
