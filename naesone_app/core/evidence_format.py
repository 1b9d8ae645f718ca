"""The small parsers every MyData document mapper shares: each bad field raises `EvidenceFormatError`
naming it, so an official (or a test) reads which field of which document was wrong. Pure Python."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

MAX_ENTRIES = 30


class EvidenceFormatError(ValueError):
    """A document that does not have the expected shape; names the field."""


def _date(field: str, value: Any) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise EvidenceFormatError(f"{field}: expected a YYYY-MM-DD date, got {value!r}") from None


def optional_date(field: str, value: Any) -> date | None:
    """A date, or None when the issuer left it out (null or absent)."""
    return None if value is None else _date(field, value)


def require_kind(doc: Any, kind: str) -> Mapping[str, Any]:
    if not isinstance(doc, Mapping) or doc.get("kind") != kind:
        raise EvidenceFormatError(f"kind: expected {kind}")
    return doc


def mapping(field: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise EvidenceFormatError(f"{field}: expected an object")
    return value


def entries(field: str, value: Any, *, allow_empty: bool = False) -> list[Mapping[str, Any]]:
    """A list of objects (at most MAX_ENTRIES), each checked to be an object."""
    if not isinstance(value, list) or (not value and not allow_empty) or len(value) > MAX_ENTRIES:
        raise EvidenceFormatError(f"{field}: expected a {'' if allow_empty else 'non-empty '}list")
    return [mapping(f"{field}[{i}]", item) for i, item in enumerate(value)]


def text(field: str, value: Any, allowed: tuple[str, ...] = ()) -> str:
    """A non-empty text (one of `allowed` when given)."""
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise EvidenceFormatError(f"{field}: expected a text")
    if allowed and value.strip() not in allowed:
        raise EvidenceFormatError(f"{field}: expected one of {', '.join(allowed)}, got {value!r}")
    return value.strip()


def holder_birth_date(doc: Mapping[str, Any]) -> date:
    """The birth date of the person the document is about (`holder.birth_date`)."""
    holder = mapping("holder", doc.get("holder"))
    return _date("holder.birth_date", holder.get("birth_date"))
