"""Public-MyData evidence documents and the profile facts they prove. Pure Python.

Eight kinds are understood: the 주민등록표등본 below and the seven in `core/evidence_kinds.py` (초본,
가족관계증명서, 수급자·차상위 증명, 장애인 증명, 건강보험 자격득실·납부확인, 고용보험 이력), each with its format.

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
from datetime import datetime
from typing import Any

from naesone_app.core.dongs import find_dong
from naesone_app.core.evidence_format import EvidenceFormatError, _date
from naesone_app.core.evidence_kinds import KIND_MAPPERS, premium_indication

JUNGGU_CODE_PREFIX = "11140"
SELF = "본인"
CHILD = "자녀"
MAX_MEMBERS = 30


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


FACT_MAPPERS = {"resident_registration_copy": facts_from_resident_registration, **KIND_MAPPERS}
SITUATION_KEYS = ("situations",)


def facts_from_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Profile facts from any supported document kind; an unsupported kind proves no facts."""
    mapper = FACT_MAPPERS.get(str(doc.get("kind")) if isinstance(doc, Mapping) else "")
    return mapper(doc) if mapper else {}


def merge_facts(profile: Mapping[str, Any], facts: Mapping[str, Any]) -> dict[str, Any]:
    """The profile with a document's facts: a proved fact replaces the typed one, except `situations`.

    A document proves that one situation holds (장애인 증명 → disabled) and says nothing of the others,
    while a `situations` list in the profile is complete (DESIGN: a present list means "none of the
    others"). So a proved situation is added to a list the resident gave; when they have not answered
    the situations yet, none is made up: a list of the proved ones alone would tell the engine "none of
    the others" and could turn another programme's unknown into a wrong "not eligible"."""
    merged = {**profile, **{k: v for k, v in facts.items() if k not in SITUATION_KEYS}}
    for key in SITUATION_KEYS:
        had = profile.get(key)
        if key in facts and isinstance(had, list):
            merged[key] = [*had, *(s for s in facts[key] if s not in had)]
    if "birth_date" in facts:
        merged.pop("age", None)
    return merged


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


FIRST_KEYS = ("issuer", "issued_on", "holder", "address", "moved_in_on")
MEMBER_KEYS = ("members", "family")  # 등본's household, 가족관계증명서's family: shown as a table
PERIOD_KEYS = ("address_history", "history")  # one line per period, oldest first
HIDDEN_KEYS = ("kind", "sample")


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def _period(entry: Any) -> str:
    """ "2019-03-01 ~ 2023-12-31 직장가입자 (주)○○" — a period of a history as the issuer wrote it."""
    if not isinstance(entry, Mapping):
        return _text(entry)
    began = entry.get("moved_in_on") or entry.get("acquired_on") or ""
    ended = entry.get("moved_out_on") or entry.get("lost_on") or ""
    rest = [_text(v) for k, v in entry.items()
            if k not in ("moved_in_on", "acquired_on", "moved_out_on", "lost_on", "admin_dong_code")
            and v not in (None, "")]  # fmt: skip
    return " ".join([f"{began} ~ {ended}".strip(), *rest])


def _statement(key: str, value: Any) -> Statement:
    if key == "address" and isinstance(value, Mapping):
        return Statement(key, _text(value.get("text") or _text(value)))
    if key == "holder" and isinstance(value, Mapping):
        return Statement(key, " · ".join(_text(value.get(k)) for k in ("name", "birth_date") if value.get(k)))
    if key == "disability" and isinstance(value, Mapping):
        return Statement(key, " · ".join(_text(v) for v in value.values() if v))
    if key == "payments" and isinstance(value, list):
        return Statement(key, "; ".join(
            f"{p.get('month')}: ₩{p['premium_krw']:,}"
            if isinstance(p, Mapping) and isinstance(p.get("premium_krw"), int) else _text(p)
            for p in value[:MAX_MEMBERS]))  # fmt: skip
    if key in PERIOD_KEYS and isinstance(value, list):
        return Statement(key, "; ".join(_period(v) for v in value[:MAX_MEMBERS]))
    return Statement(key, _text(value))


def document_statements(doc: Mapping[str, Any]) -> tuple[list[Statement], list[Member]]:
    """What the document says, as the provider returned it: the known fields first (issuer, issue date,
    who it is about, address, move-in date), then any other field under its own key, and the people it
    lists (the 등본's household, the 가족관계증명서's family). A 건강보험료 납부확인서 also states its
    monthly average premium (`premium_monthly_average`), an indication of income only.

    Nothing is interpreted here (that is `facts_from_document`): officials decide on what the issuer
    wrote, so a field this app does not know is still shown rather than dropped.
    """
    if not isinstance(doc, Mapping):
        return [], []
    keys = [k for k in FIRST_KEYS if k in doc] + [k for k in doc if k not in FIRST_KEYS]
    statements = [
        _statement(str(key), doc[key])
        for key in keys
        if key not in HIDDEN_KEYS and key not in MEMBER_KEYS and doc[key] not in (None, "")
    ]
    if doc.get("kind") == "health_insurance_payment":
        try:
            premium = premium_indication(doc)
            statements.append(Statement("premium_monthly_average", f"₩{premium.monthly_average_krw:,}"))
        except EvidenceFormatError:
            pass  # a malformed payment list is still shown as written above
    listed = next((doc[k] for k in MEMBER_KEYS if isinstance(doc.get(k), list)), [])
    rows = [
        Member(*(_text(m.get(k)) for k in ("relation", "name", "birth_date", "sex")))
        for m in listed[:MAX_MEMBERS]
        if isinstance(m, Mapping)
    ]
    return statements, rows
