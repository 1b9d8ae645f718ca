"""A programme as the domain sees it: its texts per locale, where it comes from, its criteria, its
categories, what it is worth and when one can apply."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from naesone_app.core.criteria import Criterion

SOURCES = ("native", "gov24")
PERIODS = ("once", "month", "year")
PER = ("person", "household")
FORMS = ("cash", "voucher", "service")
RECURRENCES = ("", "yearly")
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
class Value:
    """What a programme is worth as its own text states it: an amount in won, how often, for whom, in what form.

    `months` is how many monthly payments there are when the text says so (e.g. 부모급여 for 12 months);
    None means "for as long as one qualifies", counted as a year by `yearly_krw`.
    """

    amount_krw: int
    period: str  # "once" | "month" | "year"
    per: str  # "person" | "household"
    form: str  # "cash" | "voucher" | "service"
    months: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.amount_krw, bool) or not isinstance(self.amount_krw, int) or self.amount_krw <= 0:
            raise ValueError(
                f"value.amount_krw: expected a positive whole number of won, got {self.amount_krw!r}"
            )
        for name, allowed in (("period", PERIODS), ("per", PER), ("form", FORMS)):
            if getattr(self, name) not in allowed:
                raise ValueError(
                    f"value.{name}: must be one of {', '.join(allowed)}, got {getattr(self, name)!r}"
                )
        if self.months is not None and (
            isinstance(self.months, bool) or not isinstance(self.months, int) or not 1 <= self.months <= 600
        ):
            raise ValueError(f"value.months: expected a whole number of months (1-600), got {self.months!r}")
        if self.months is not None and self.period != "month":
            raise ValueError("value.months: only a monthly value has a number of months")


def yearly_krw(value: Value) -> int:
    """About how much a programme is worth over a year, for a summary ("about ₩N a year") and an order.

    A one-off payment counts whole (it arrives within the year one applies); a monthly one counts at most
    twelve payments; a yearly one as stated.
    """
    if value.period == "once" or value.period == "year":
        return value.amount_krw
    return value.amount_krw * min(12, value.months or 12)


def value_to_data(value: Value | None) -> dict[str, Any] | None:
    """The YAML/JSON form of a value (what `value_from_data` reads back)."""
    if value is None:
        return None
    data: dict[str, Any] = {
        "amount_krw": value.amount_krw, "period": value.period, "per": value.per, "form": value.form,
    }  # fmt: skip
    if value.months is not None:
        data["months"] = value.months
    return data


def value_from_data(data: Any) -> Value | None:
    """A value from its mapping; ValueError names the field that is wrong."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError(f"value: expected {{amount_krw, period, per, form}}, got {data!r}")
    unknown = set(data) - {"amount_krw", "period", "per", "form", "months"}
    if unknown:
        raise ValueError(f"value.{sorted(unknown)[0]}: unknown field")
    missing = [k for k in ("amount_krw", "period", "per", "form") if k not in data]
    if missing:
        raise ValueError(f"value.{missing[0]}: missing")
    return Value(data["amount_krw"], data["period"], data["per"], data["form"], data.get("months"))


@dataclass(frozen=True, slots=True)
class Program:
    """One benefit, subsidy or service a resident can claim.

    `criteria` are the top-level conditions (all must hold); an empty tuple means open to everyone.
    `category` is the primary category and `categories` all of them, the primary first (filled from
    `category` when not given). `opens_on`/`closes_on` are the stored application window; `next_opens_on`
    the next window's opening when published, and `recurs` "yearly" for a programme that opens every year.
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
    categories: tuple[str, ...] = ()
    value: Value | None = None
    next_opens_on: date | None = None
    recurs: str = ""

    def __post_init__(self) -> None:
        if self.category and (not self.categories or self.categories[0] != self.category):
            rest = tuple(c for c in self.categories if c != self.category)
            object.__setattr__(self, "categories", (self.category, *rest))

    def text(self, locale: str) -> ProgramText:
        """The texts in `locale`, falling back to Korean (every programme has Korean)."""
        return self.texts.get(locale) or self.texts["ko"]

    @property
    def key(self) -> str:
        """Stable public identifier: `native:<id>` or `gov24:<서비스ID>`."""
        return f"{self.source}:{self.source_id}"
