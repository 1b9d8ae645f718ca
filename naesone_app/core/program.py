"""A programme as the domain sees it: its texts per locale, where it comes from, and its criteria."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from naesone_app.core.criteria import Criterion

SOURCES = ("native", "gov24")
TEXT_FIELDS = (
    "title", "summary", "audience", "benefit", "how_to_apply", "documents", "deadline", "contact",
    "responsible_body",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ProgramText:
    """The words a resident reads about a programme, in one locale."""

    title: str
    summary: str = ""
    audience: str = ""  # who it is for
    benefit: str = ""  # what you get
    how_to_apply: str = ""
    documents: str = ""  # required documents, one per line
    deadline: str = ""  # the deadline as published (free text)
    contact: str = ""
    responsible_body: str = ""


@dataclass(frozen=True, slots=True)
class Program:
    """One benefit, subsidy or service a resident can claim.

    `criteria` are the top-level conditions (all must hold); an empty tuple means open to everyone.
    """

    source: str
    source_id: str
    texts: dict[str, ProgramText]
    criteria: tuple[Criterion, ...] = ()
    category: str = ""
    level: str = ""  # national / city / district
    official_url: str = ""
    apply_channel: str = ""  # district / gov24 / bokjiro / partner / visit / none
    apply_url: str = ""
    opens_on: date | None = None
    closes_on: date | None = None
    last_updated: date | None = None
    is_sample: bool = False
    provenance: str = ""
    program_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # JSON-able; e.g. gov24_id, application

    def text(self, locale: str) -> ProgramText:
        """The texts in `locale`, falling back to Korean (every programme has Korean)."""
        return self.texts.get(locale) or self.texts["ko"]

    @property
    def key(self) -> str:
        """Stable public identifier: `native:<id>` or `gov24:<서비스ID>`."""
        return f"{self.source}:{self.source_id}"
