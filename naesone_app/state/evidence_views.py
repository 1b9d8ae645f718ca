"""What the pages show of public-MyData evidence, as plain rows: a document as the issuer stated it,
a consent with its scope, dates and whether it is in force, an imported document the resident holds.

Built in the reader's locale from db objects; the states only hold these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from naesone_app.core.evidence import document_statements
from naesone_app.core.i18n import N_, gettext_for
from naesone_app.db.application_models import EvidenceDocument
from naesone_app.db.evidence import ConsentView, HeldDocument
from naesone_app.state.application_views import evidence_label, moment_text

STATEMENT_LABELS = {
    "issuer": N_("발급 기관"),
    "issued_on": N_("발급일"),
    "address": N_("주소"),
    "moved_in_on": N_("전입 일자"),
    "holder": N_("대상자"),
    "address_history": N_("주소 변동 이력"),
    "certificate": N_("증명 종류"),
    "since": N_("대상 결정일"),
    "benefits": N_("받는 급여"),
    "disability": N_("장애 유형·정도"),
    "registered_on": N_("장애인 등록일"),
    "history": N_("자격 이력"),
    "insured_type": N_("가입자 구분"),
    "payments": N_("월별 납부 보험료"),
    "premium_monthly_average": N_("월평균 건강보험료 (소득 참고용이며 소득 판정이 아니에요)"),
}
VALUE_LABELS = {
    ("certificate", "recipient"): N_("기초생활수급자"),
    ("certificate", "near_poor"): N_("차상위계층"),
}
SEX_LABELS = {"female": N_("여"), "male": N_("남")}
CONSENT_STATUS_LABELS = {"active": N_("유효"), "expired": N_("기간 만료"), "withdrawn": N_("철회함")}


@dataclass
class StatementRow:
    label: str = ""
    value: str = ""


@dataclass
class MemberRow:
    relation: str = ""
    name: str = ""
    birth_date: str = ""
    sex: str = ""


@dataclass
class EvidenceView:
    """One imported document: what it is, when it came, and what it states."""

    id: int = 0
    name: str = ""
    received: str = ""
    sample: bool = False
    statements: list[StatementRow] = field(default_factory=list)
    members: list[MemberRow] = field(default_factory=list)


def evidence_view(row: EvidenceDocument, document: dict[str, Any], locale: str) -> EvidenceView:
    """The document as the provider returned it (labels translated, values as the issuer wrote them)."""
    _ = gettext_for(locale)
    statements, members = document_statements(document)
    return EvidenceView(
        int(row.id or 0),
        evidence_label(row.kind, locale),
        moment_text(row.received_at, locale),
        document.get("sample") is True,
        [StatementRow(_(STATEMENT_LABELS[s.key]) if s.key in STATEMENT_LABELS else s.key,
                      _(VALUE_LABELS[s.key, s.value]) if (s.key, s.value) in VALUE_LABELS else s.value)
         for s in statements],
        [MemberRow(m.relation, m.name, m.birth_date, _(SEX_LABELS[m.sex]) if m.sex in SEX_LABELS else m.sex)
         for m in members],
    )  # fmt: skip


@dataclass
class ConsentRow:
    """An evidence consent on the account page."""

    id: int = 0
    documents: str = ""
    scope: str = ""
    provider: str = ""
    granted: str = ""
    expires: str = ""
    status: str = ""  # active | expired | withdrawn
    status_label: str = ""
    withdrawn: str = ""


def consent_row(view: ConsentView, locale: str) -> ConsentRow:
    _ = gettext_for(locale)
    c = view.consent
    return ConsentRow(
        int(c.id or 0),
        ", ".join(evidence_label(k, locale) for k in view.kinds),
        c.scope,
        c.provider,
        moment_text(c.granted_at, locale),
        moment_text(c.expires_at, locale),
        view.status,
        _(CONSENT_STATUS_LABELS[view.status]),
        moment_text(c.withdrawn_at, locale),
    )


@dataclass
class HeldRow:
    """An imported document on the account page: deletable unless an application was submitted with it."""

    id: int = 0
    name: str = ""
    received: str = ""
    submitted_with: int = 0
    deletable: bool = False


def held_row(held: HeldDocument, locale: str) -> HeldRow:
    d = held.document
    return HeldRow(
        int(d.id or 0),
        evidence_label(d.kind, locale),
        moment_text(d.received_at, locale),
        len(held.application_ids),
        not held.application_ids,
    )
