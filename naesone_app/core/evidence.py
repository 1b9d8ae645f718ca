"""Public-MyData evidence documents and the profile facts they prove. Pure Python.

There is no public MyData API (reference §6): the app models an evidence-provider interface
(`integrations/mydata.py`) and reads documents in this JSON shape, a 주민등록표등본 as a provider would
hand it over:

    {"kind": "resident_registration_copy", "issued_on": "2026-11-20",
     "address": {"text": "서울특별시 중구 다산로 …", "admin_dong": "신당동", "admin_dong_code": "1114061500"},
     "moved_in_on": "2025-11-01",
     "members": [{"relation": "본인", "name": "김*순", "birth_date": "1959-04-02"},
                 {"relation": "자녀", "name": "이*민", "birth_date": "2015-03-01"}]}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from naesone_app.core.dongs import find_dong

JUNGGU_CODE_PREFIX = "11140"
SELF = "본인"
CHILD = "자녀"
MAX_MEMBERS = 30


class EvidenceFormatError(ValueError):
    """A document that does not have the expected shape; names the field."""


def _date(field: str, value: Any) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise EvidenceFormatError(f"{field}: expected a YYYY-MM-DD date, got {value!r}") from None


def facts_from_resident_registration(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Profile facts (the profile contract's JSON keys) proved by a 주민등록표등본."""
    if not isinstance(doc, Mapping) or doc.get("kind") != "resident_registration_copy":
        raise EvidenceFormatError("kind: expected resident_registration_copy")
    address = doc.get("address")
    members = doc.get("members")
    if not isinstance(address, Mapping):
        raise EvidenceFormatError("address: expected an object")
    if not isinstance(members, list) or not members or len(members) > MAX_MEMBERS:
        raise EvidenceFormatError("members: expected a non-empty list")
    facts: dict[str, Any] = {}
    code = str(address.get("admin_dong_code") or "")
    dong = find_dong(code) if code else None
    dong = dong or find_dong(str(address.get("admin_dong") or ""))
    if dong is not None:
        facts["lives_in_junggu"], facts["dong"] = True, dong.name
    elif code:
        facts["lives_in_junggu"] = code.startswith(JUNGGU_CODE_PREFIX)
    if doc.get("moved_in_on"):
        facts["moved_in_on"] = _date("moved_in_on", doc["moved_in_on"]).isoformat()
    facts["household_size"] = len(members)
    children = []
    for i, member in enumerate(members):
        if not isinstance(member, Mapping):
            raise EvidenceFormatError(f"members[{i}]: expected an object")
        born = _date(f"members[{i}].birth_date", member.get("birth_date"))
        if member.get("relation") == SELF:
            facts["birth_date"] = born.isoformat()
        elif member.get("relation") == CHILD:
            children.append({"birth_date": born.isoformat()})
    facts["children"] = children
    return facts


FACT_MAPPERS = {"resident_registration_copy": facts_from_resident_registration}


def facts_from_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Profile facts from any supported document kind; an unsupported kind proves no facts."""
    mapper = FACT_MAPPERS.get(str(doc.get("kind")) if isinstance(doc, Mapping) else "")
    return mapper(doc) if mapper else {}


# --- consents and what a document states ----------------------------------------------------------------

CONSENT_STATUSES = ("active", "expired", "withdrawn")


def consent_status(expires_at: datetime, withdrawn_at: datetime | None, now: datetime) -> str:
    """`withdrawn` wins over `expired` (the resident's own act is what they remember); both stop imports."""
    if withdrawn_at is not None:
        return "withdrawn"
    return "active" if expires_at > now else "expired"


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing a document states, under a label key (`STATEMENT_LABELS`) or, if unknown, its own key."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Member:
    """One household member as the issuer wrote them (names come masked from the provider)."""

    relation: str = ""
    name: str = ""
    birth_date: str = ""
    sex: str = ""


KNOWN_KEYS = ("issuer", "issued_on", "address", "moved_in_on", "members")
HIDDEN_KEYS = ("kind", "sample")


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def document_statements(doc: Mapping[str, Any]) -> tuple[list[Statement], list[Member]]:
    """What the document says, as the provider returned it: the known fields first (issuer, issue date,
    address, move-in date), then any other field under its own key, and the household members.

    Nothing is interpreted here (that is `facts_from_document`): officials decide on what the issuer
    wrote, so a field this app does not know is still shown rather than dropped.
    """
    if not isinstance(doc, Mapping):
        return [], []
    statements = []
    for key in KNOWN_KEYS[:4]:
        value = doc.get(key)
        if key == "address" and isinstance(value, Mapping):
            value = value.get("text") or _text(value)
        if value not in (None, ""):
            statements.append(Statement(key, _text(value)))
    for key, value in doc.items():
        if key not in KNOWN_KEYS and key not in HIDDEN_KEYS and value not in (None, ""):
            statements.append(Statement(str(key), _text(value)))
    members = doc.get("members")
    rows = [
        Member(*(_text(m.get(k)) for k in ("relation", "name", "birth_date", "sex")))
        for m in (members if isinstance(members, list) else [])[:MAX_MEMBERS]
        if isinstance(m, Mapping)
    ]
    return statements, rows
