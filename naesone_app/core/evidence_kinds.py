"""The seven public-MyData documents beside the 주민등록표등본 (core/evidence.py), and the profile facts each
proves. Pure Python. Every document names the person it is about in `holder` (name masked by the
provider, birth date in full), so each proves `birth_date`; each mapper is strict: a field it reads that
is missing or malformed raises `EvidenceFormatError` naming it.

A proved situation (disabled, employed, job_seeker) joins the resident's own `situations` list when the
profile is filled (core.evidence.merge_facts); it never starts one, since a present list is complete.

주민등록표초본 — the address history; proves where the resident lives and since when they live in Jung-gu:

    {"kind": "resident_registration_abstract", "issued_on": "2026-11-20", "issuer": "…",
     "holder": {"name": "김*순", "birth_date": "1959-04-02"},
     "address_history": [
        {"address": "서울특별시 성동구 …", "admin_dong_code": "1120…", "moved_in_on": "2010-05-10",
         "moved_out_on": "2025-10-31"},
        {"address": "서울특별시 중구 다산로 …", "admin_dong": "신당동", "admin_dong_code": "1114061500",
         "moved_in_on": "2025-11-01"}]}

  Exactly one entry has no `moved_out_on`: the current address (→ `lives_in_junggu`, `dong`).
  `moved_in_on` is the 전입일 into Jung-gu: the start of the unbroken run of Jung-gu addresses that ends
  at the current one (a move between two 동 of Jung-gu does not restart it), because residence rules
  ("중구에 6개월 이상 거주") count residence in the district, not at one address.

가족관계증명서 — the children (every child, not only those in the household, as the certificate lists them):

    {"kind": "family_relation_certificate", "issued_on": "…", "issuer": "…",
     "holder": {"name": "김*순", "birth_date": "1959-04-02", "sex": "female"},
     "family": [{"relation": "배우자", "name": "이*호", "birth_date": "1957-01-09"},
                {"relation": "자녀", "name": "이*민", "birth_date": "2015-03-01", "sex": "male"}]}

  → `children` (each `자녀`'s birth date; an empty list when the certificate lists none).

기초생활수급자 증명서 / 차상위계층 확인서 — one kind, `certificate` saying which:

    {"kind": "livelihood_certificate", "issued_on": "…", "issuer": "서울특별시 중구청장",
     "holder": {…}, "certificate": "recipient" | "near_poor", "since": "2024-03-01",
     "benefits": ["생계급여", "의료급여"]}

  → `livelihood` (`recipient` | `near_poor`). `benefits` (recipient only, optional) is shown, not mapped.

장애인 증명서:

    {"kind": "disability_certificate", "issued_on": "…", "issuer": "…", "holder": {…},
     "disability": {"type": "지체장애", "severity": "심한 장애" | "심하지 않은 장애"},
     "registered_on": "2018-06-01"}

  → `situations: ["disabled"]`.

건강보험 자격득실 확인서:

    {"kind": "health_insurance_qualification", "issued_on": "…", "issuer": "국민건강보험공단",
     "holder": {…}, "history": [{"type": "직장가입자" | "지역가입자" | "피부양자" | "임의계속가입자",
                                 "workplace": "(주)○○", "acquired_on": "2019-03-01",
                                 "lost_on": "2023-12-31" | null}]}

  → `situations: ["employed"]` when an entry without `lost_on` is 직장가입자. Nothing otherwise: not
  being a 직장가입자 now does not prove the resident is not working (the self-employed are 지역가입자).

건강보험료 납부확인서 — an INDICATION of income, never a decided income:

    {"kind": "health_insurance_payment", "issued_on": "…", "issuer": "국민건강보험공단",
     "holder": {…}, "insured_type": "직장가입자" | "지역가입자",
     "payments": [{"month": "2026-10", "premium_krw": 98000}, …]}

  Proves no profile fact. Decision: the income criteria are percentages of 기준 중위소득 for the
  household, and the premium turns into that only through the programme's own 건강보험료 기준표 (which
  differs by household size, 직장/지역 and year, and for 지역가입자 also counts property). No such table is
  in the catalogue, so mapping a premium to a percentage would show an official a decided figure nobody
  decided. `premium_indication` gives the monthly average for the staff view, labelled as an indication.

고용보험 피보험자격 이력내역서:

    {"kind": "employment_insurance_history", "issued_on": "…", "issuer": "고용노동부",
     "holder": {…}, "history": [{"workplace": "…", "acquired_on": "2018-01-02",
                                 "lost_on": "2026-08-31" | null, "reason": "계약만료"}]}

  → `situations: ["job_seeker"]` when there is history, the last 자격 has ended and none is current;
  `situations: ["employed"]` when one is current. An empty history proves neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from naesone_app.core.dongs import find_dong
from naesone_app.core.evidence_format import (
    EvidenceFormatError,
    _date,
    entries,
    holder_birth_date,
    mapping,
    optional_date,
    require_kind,
    text,
)

JUNGGU_CODE_PREFIX = "11140"
CHILD = "자녀"
LIVELIHOOD_CERTIFICATES = ("recipient", "near_poor")
SEVERITIES = ("심한 장애", "심하지 않은 장애")
INSURED_TYPES = ("직장가입자", "지역가입자", "피부양자", "임의계속가입자")
EMPLOYEE = "직장가입자"
MAX_PREMIUM = 100_000_000


def _in_junggu(entry: Mapping[str, Any]) -> tuple[bool | None, str | None]:
    """(whether the address is in Jung-gu — None when the entry does not say —, its 동 name)."""
    code = str(entry.get("admin_dong_code") or "")
    dong = find_dong(code) if code else None
    dong = dong or find_dong(str(entry.get("admin_dong") or ""))
    if dong is not None:
        return True, dong.name
    return (code.startswith(JUNGGU_CODE_PREFIX) if code else None), None


def facts_from_abstract(doc: Mapping[str, Any]) -> dict[str, Any]:
    """주민등록표초본 → birth_date, lives_in_junggu, dong, moved_in_on (into Jung-gu)."""
    require_kind(doc, "resident_registration_abstract")
    facts: dict[str, Any] = {"birth_date": holder_birth_date(doc).isoformat()}
    history = entries("address_history", doc.get("address_history"))
    spans = []
    for i, entry in enumerate(history):
        text(f"address_history[{i}].address", entry.get("address"))
        moved_in = _date(f"address_history[{i}].moved_in_on", entry.get("moved_in_on"))
        moved_out = optional_date(f"address_history[{i}].moved_out_on", entry.get("moved_out_on"))
        if moved_out is not None and moved_out < moved_in:
            raise EvidenceFormatError(f"address_history[{i}].moved_out_on: before moved_in_on")
        spans.append((moved_in, moved_out, entry))
    current = [s for s in spans if s[1] is None]
    if len(current) != 1:
        raise EvidenceFormatError("address_history: expected exactly one current address (no moved_out_on)")
    in_junggu, dong = _in_junggu(current[0][2])
    if in_junggu is None:
        raise EvidenceFormatError("address_history: the current address has no admin_dong_code")
    facts["lives_in_junggu"] = in_junggu
    if dong:
        facts["dong"] = dong
    if in_junggu:
        since = current[0][0]
        earlier = [s for s in spans if s is not current[0]]
        for moved_in, _out, entry in sorted(earlier, key=lambda s: s[0], reverse=True):
            if not _in_junggu(entry)[0]:
                break  # the run of Jung-gu addresses ends at the first one outside (or unknown)
            since = moved_in
        facts["moved_in_on"] = since.isoformat()
    return facts


def facts_from_family_relation(doc: Mapping[str, Any]) -> dict[str, Any]:
    """가족관계증명서 → birth_date, children."""
    require_kind(doc, "family_relation_certificate")
    facts: dict[str, Any] = {"birth_date": holder_birth_date(doc).isoformat()}
    children = []
    for i, member in enumerate(entries("family", doc.get("family"), allow_empty=True)):
        relation = text(f"family[{i}].relation", member.get("relation"))
        born = _date(f"family[{i}].birth_date", member.get("birth_date"))
        if relation == CHILD:
            children.append({"birth_date": born.isoformat()})
    facts["children"] = children
    return facts


def facts_from_livelihood(doc: Mapping[str, Any]) -> dict[str, Any]:
    """기초생활수급자 증명서 / 차상위계층 확인서 → birth_date, livelihood."""
    require_kind(doc, "livelihood_certificate")
    born = holder_birth_date(doc)
    certificate = text("certificate", doc.get("certificate"), LIVELIHOOD_CERTIFICATES)
    _date("since", doc.get("since"))
    benefits = doc.get("benefits", [])
    if not isinstance(benefits, list) or not all(isinstance(b, str) and b.strip() for b in benefits):
        raise EvidenceFormatError("benefits: expected a list of texts")
    return {"birth_date": born.isoformat(), "livelihood": certificate}


def facts_from_disability(doc: Mapping[str, Any]) -> dict[str, Any]:
    """장애인 증명서 → birth_date, situations: disabled."""
    require_kind(doc, "disability_certificate")
    born = holder_birth_date(doc)
    disability = mapping("disability", doc.get("disability"))
    text("disability.type", disability.get("type"))
    text("disability.severity", disability.get("severity"), SEVERITIES)
    _date("registered_on", doc.get("registered_on"))
    return {"birth_date": born.isoformat(), "situations": ["disabled"]}


def _periods(doc: Mapping[str, Any], allow_empty: bool) -> list[tuple[Mapping[str, Any], bool]]:
    """The `history` entries with whether each is current (no `lost_on`), dates checked."""
    out = []
    for i, entry in enumerate(entries("history", doc.get("history"), allow_empty=allow_empty)):
        acquired = _date(f"history[{i}].acquired_on", entry.get("acquired_on"))
        lost = optional_date(f"history[{i}].lost_on", entry.get("lost_on"))
        if lost is not None and lost < acquired:
            raise EvidenceFormatError(f"history[{i}].lost_on: before acquired_on")
        out.append((entry, lost is None))
    return out


def facts_from_health_insurance(doc: Mapping[str, Any]) -> dict[str, Any]:
    """건강보험 자격득실 확인서 → birth_date, situations: employed (currently 직장가입자)."""
    require_kind(doc, "health_insurance_qualification")
    facts: dict[str, Any] = {"birth_date": holder_birth_date(doc).isoformat()}
    periods = _periods(doc, allow_empty=False)
    types = [text(f"history[{i}].type", e.get("type"), INSURED_TYPES) for i, (e, _c) in enumerate(periods)]
    if any(current and kind == EMPLOYEE for (_e, current), kind in zip(periods, types, strict=True)):
        facts["situations"] = ["employed"]
    return facts


@dataclass(frozen=True, slots=True)
class PremiumIndication:
    """What a 건강보험료 납부확인서 indicates about income: never a decided income percentage."""

    insured_type: str
    months: int
    monthly_average_krw: int


def premium_indication(doc: Mapping[str, Any]) -> PremiumIndication:
    """The insured type and the average monthly premium over the months the document lists."""
    require_kind(doc, "health_insurance_payment")
    holder_birth_date(doc)
    insured = text("insured_type", doc.get("insured_type"), INSURED_TYPES[:2])
    payments = entries("payments", doc.get("payments"))
    total, months = 0, set()
    for i, payment in enumerate(payments):
        month = str(payment.get("month") or "")
        try:
            _date(f"payments[{i}].month", f"{month}-01")
        except EvidenceFormatError:
            raise EvidenceFormatError(f"payments[{i}].month: expected YYYY-MM, got {month!r}") from None
        if month in months:
            raise EvidenceFormatError(f"payments[{i}].month: listed twice")
        months.add(month)
        premium = payment.get("premium_krw")
        if isinstance(premium, bool) or not isinstance(premium, int) or not 0 <= premium <= MAX_PREMIUM:
            raise EvidenceFormatError(f"payments[{i}].premium_krw: expected won as a whole number")
        total += premium
    return PremiumIndication(insured, len(payments), round(total / len(payments)))


def facts_from_health_insurance_payment(doc: Mapping[str, Any]) -> dict[str, Any]:
    """건강보험료 납부확인서 → birth_date only: the premium is an indication, not an income (module doc)."""
    premium_indication(doc)
    return {"birth_date": holder_birth_date(doc).isoformat()}


def facts_from_employment_insurance(doc: Mapping[str, Any]) -> dict[str, Any]:
    """고용보험 피보험자격 이력 → birth_date, situations: job_seeker (none current) or employed."""
    require_kind(doc, "employment_insurance_history")
    facts: dict[str, Any] = {"birth_date": holder_birth_date(doc).isoformat()}
    periods = _periods(doc, allow_empty=True)
    for i, (entry, _current) in enumerate(periods):
        text(f"history[{i}].workplace", entry.get("workplace"))
    if any(current for _e, current in periods):
        facts["situations"] = ["employed"]
    elif periods:
        facts["situations"] = ["job_seeker"]
    return facts


KIND_MAPPERS = {
    "resident_registration_abstract": facts_from_abstract,
    "family_relation_certificate": facts_from_family_relation,
    "livelihood_certificate": facts_from_livelihood,
    "disability_certificate": facts_from_disability,
    "health_insurance_qualification": facts_from_health_insurance,
    "health_insurance_payment": facts_from_health_insurance_payment,
    "employment_insurance_history": facts_from_employment_insurance,
}


# The names programmes give these documents (catalogue `documents:` lists and application checklist
# labels), per kind: a checklist item named so can be satisfied by importing that kind.
DOCUMENT_NAMES = {
    "resident_registration_copy": ("주민등록표등본", "주민등록등본"),
    "resident_registration_abstract": ("주민등록표초본", "주민등록초본"),
    "family_relation_certificate": ("가족관계증명서",),
    "livelihood_certificate": (
        "수급자증명서",
        "기초생활수급자증명서",
        "차상위계층확인서",
        "수급자·차상위증명",
    ),
    "disability_certificate": ("장애인증명서", "장애인등록확인서류", "장애인등록증"),
    "health_insurance_qualification": ("건강보험자격득실확인서",),
    "health_insurance_payment": ("건강보험료납부확인서",),
    "employment_insurance_history": ("고용보험피보험자격이력내역서",),
}
_BY_NAME = {name: kind for kind, names in DOCUMENT_NAMES.items() for name in names}


def kind_named(name: str) -> str | None:
    """The MyData kind a document name stands for ("가족관계증명서 (필요 시)" → family_relation_certificate),
    or None: spaces and a trailing parenthesis are ignored, nothing else is guessed."""
    bare = "".join(str(name).split("(", 1)[0].split())
    return _BY_NAME.get(bare)
