"""Who the resident says they are, beside what their imported MyData documents state. Pure Python.

An officer deciding a case sees each typed value (core.identity) next to what each document says about
the same thing, marked as agreeing or differing; facts only a document states (전입일, the children) are
shown as stated. Nothing is decided here: a mismatch is for the officer to ask about, not a refusal.

Comparisons are as strict as the documents allow: providers mask names ("김*순"), so a name agrees when
every unmasked letter matches at the same place; an address agrees when one contains the other once
spaces, punctuation and bracketed notes are ignored (the issuer writes "서울특별시 중구 …", a resident
often "중구 …"); dates and 동 must be equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from naesone_app.core.dongs import find_dong
from naesone_app.core.evidence import EvidenceFormatError, facts_from_document
from naesone_app.core.identity import Identity

FIELDS = ("name", "birth_date", "address", "dong", "moved_in_on", "children")
COMPARED = ("name", "birth_date", "address", "dong")  # the resident types these; the rest only documents
SELF = "본인"
MASK = "*"
_NOISE = re.compile(r"\([^)]*\)|[\s,.\-·]")


@dataclass(frozen=True, slots=True)
class Stated:
    """What one document states for a field; `agrees` is None when nothing typed is compared with it."""

    kind: str
    value: str
    agrees: bool | None


@dataclass(frozen=True, slots=True)
class IdentityLine:
    """One field of the applicant: the typed value and what each document states."""

    field: str
    typed: str
    stated: tuple[Stated, ...] = ()

    @property
    def status(self) -> str:
        """`differs` (some document disagrees), `confirmed` (documents agree), `stated` (only documents
        say it) or `unchecked` (no document states it)."""
        verdicts = [s.agrees for s in self.stated]
        if False in verdicts:
            return "differs"
        if True in verdicts:
            return "confirmed"
        return "stated" if self.stated else "unchecked"


def _holder_name(doc: Mapping[str, Any]) -> str:
    holder = doc.get("holder")
    if isinstance(holder, Mapping) and isinstance(holder.get("name"), str):
        return holder["name"]
    members = doc.get("members")
    for member in members if isinstance(members, list) else []:
        if isinstance(member, Mapping) and member.get("relation") == SELF:
            return str(member.get("name") or "")
    return ""


def _current_address(doc: Mapping[str, Any]) -> str:
    address = doc.get("address")
    if isinstance(address, Mapping):
        return str(address.get("text") or "")
    history = doc.get("address_history")
    for entry in history if isinstance(history, list) else []:
        if isinstance(entry, Mapping) and entry.get("moved_out_on") is None:
            return str(entry.get("address") or "")
    return ""


def stated_identity(doc: Mapping[str, Any]) -> dict[str, str]:
    """What a document states about the applicant, by field (as text); {} for a malformed document."""
    try:
        facts = facts_from_document(doc)
    except EvidenceFormatError:
        return {}
    stated = {
        "name": _holder_name(doc),
        "birth_date": str(facts.get("birth_date") or ""),
        "address": _current_address(doc),
        "dong": str(facts.get("dong") or ""),
        "moved_in_on": str(facts.get("moved_in_on") or ""),
    }
    if isinstance(facts.get("children"), list):
        stated["children"] = ", ".join(c["birth_date"] for c in facts["children"]) or "-"
    return {k: v for k, v in stated.items() if v}


def name_agrees(typed: str, stated: str) -> bool:
    """'김영순' agrees with '김*순' (each unmasked letter in place); spaces and case are ignored."""
    a, b = "".join(typed.split()).casefold(), "".join(stated.split()).casefold()
    return len(a) == len(b) and all(s in (MASK, t) for t, s in zip(a, b, strict=True))


def address_agrees(typed: str, stated: str) -> bool:
    a, b = _NOISE.sub("", typed), _NOISE.sub("", stated)
    return bool(a) and bool(b) and (a in b or b in a)


def _agrees(field: str, typed: str, stated: str) -> bool | None:
    if field not in COMPARED or not typed:
        return None
    if field == "name":
        return name_agrees(typed, stated)
    if field == "address":
        return address_agrees(typed, stated)
    if field == "dong":
        found = find_dong(stated)
        return typed == (found.name if found else stated)
    return typed == stated


def check_identity(
    identity: Identity | None, documents: Iterable[tuple[str, Mapping[str, Any]]]
) -> list[IdentityLine]:
    """Each field the resident typed or a document states, in FIELDS order, with every document's
    statement on it (documents given as (kind, document), in the order they should be listed)."""
    typed = {k: v or "" for k, v in (identity or Identity()).as_dict().items()}
    statements = [(kind, stated_identity(doc)) for kind, doc in documents]
    lines = []
    for field in FIELDS:
        mine = typed.get(field, "")
        stated = tuple(
            Stated(kind, said[field], _agrees(field, mine, said[field]))
            for kind, said in statements
            if field in said
        )
        if mine or stated or field in ("name", "birth_date"):
            lines.append(IdentityLine(field, mine, stated))
    return lines
