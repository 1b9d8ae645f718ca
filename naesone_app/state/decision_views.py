"""What the staff case page shows beside the decision, as plain rows in the officer's words: the verdict
at submission and now per criterion, the checklist with what is missing, other applications of the same
resident for the same programme.

Staff read these, not residents: "충족 / 미충족 / 정보 없음", "제출됨 (파일)", "없음" — not the
resident-facing "파일로 올려도 돼요".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from naesone_app.core.application_forms import Checklist, ChecklistItem
from naesone_app.core.decision import CriterionRecord, VerdictRecord, compare, status_changed
from naesone_app.core.i18n import N_, format_date, gettext_for
from naesone_app.db.application_models import Application
from naesone_app.state.application_views import status_text
from naesone_app.state.views import sentence

VERDICT_LABELS = {
    "eligible": N_("자격 충족"),
    "maybe": N_("확인 필요"),
    "ineligible": N_("자격 미충족"),
    "closed": N_("신청 기간 지남"),
}
CRITERION_LABELS = {"met": N_("충족"), "unmet": N_("미충족"), "unknown": N_("정보 없음")}
STAFF_HOW_LABELS = {
    "official": N_("행정정보 공동이용으로 확인"),
    "uploaded": N_("제출됨 (파일)"),
    "evidence": N_("서류 확인됨 (마이데이터)"),
    "missing": N_("없음 (미제출)"),
}
OPTIONAL_MISSING = N_("없음 (선택 서류)")


@dataclass
class VerdictRow:
    """One criterion: what it asks, its status at submission and now, and whether that changed."""

    key: str = ""
    requirement: str = ""
    then_status: str = ""  # met | unmet | unknown | "" (not a criterion then)
    then_label: str = ""
    then_detail: str = ""
    now_status: str = ""
    now_label: str = ""
    now_detail: str = ""
    changed: bool = False


@dataclass
class VerdictSummary:
    """The programme's status at submission and now, with the days they were decided."""

    then_status: str = ""
    then_label: str = ""
    then_on: str = ""
    now_status: str = ""
    now_label: str = ""
    now_on: str = ""
    catalogue: str = ""  # the programme's last update at submission
    changed: bool = False


@dataclass
class StaffDocumentLine:
    key: str = ""
    label: str = ""
    how: str = ""  # official | uploaded | evidence | missing
    how_text: str = ""
    missing: bool = False  # a required document not provided


@dataclass
class DuplicateLine:
    id: int = 0
    receipt_no: str = ""
    status_label: str = ""


def _side(record: CriterionRecord | None, locale: str) -> tuple[str, str, str]:
    if record is None:
        return "", gettext_for(locale)(N_("이때는 없던 조건")), ""
    return record.status, gettext_for(locale)(CRITERION_LABELS[record.status]), record.text("detail", locale)


def verdict_rows(then: VerdictRecord | None, now: VerdictRecord | None, locale: str) -> list[VerdictRow]:
    """Each criterion at submission and now (an absent verdict leaves its side blank, not "changed")."""
    rows = []
    for change in compare(then, now):
        then_side = _side(change.then, locale) if then is not None else ("", "", "")
        now_side = _side(change.now, locale) if now is not None else ("", "", "")
        both = then is not None and now is not None
        rows.append(
            VerdictRow(change.key, sentence(change.shown.text("requirement", locale)), *then_side, *now_side,
                       both and change.changed)
        )  # fmt: skip
    return rows


def verdict_summary(then: VerdictRecord | None, now: VerdictRecord | None, locale: str) -> VerdictSummary:
    _ = gettext_for(locale)

    def label(record: VerdictRecord | None) -> str:
        return _(VERDICT_LABELS[record.status]) if record and record.status in VERDICT_LABELS else ""

    return VerdictSummary(
        then.status if then else "",
        label(then),
        format_date(then.as_of, locale) if then else "",
        now.status if now else "",
        label(now),
        format_date(now.as_of, locale) if now else "",
        then.catalogue if then else "",
        status_changed(then, now),
    )


def _document(item: ChecklistItem, locale: str) -> StaffDocumentLine:
    _ = gettext_for(locale)
    doc = item.document
    missing = not item.satisfied and doc.required
    how = _(OPTIONAL_MISSING) if not item.satisfied and not doc.required else _(STAFF_HOW_LABELS[item.how])
    return StaffDocumentLine(doc.key, doc.label.get(locale) or doc.label["ko"], item.how, how, missing)


def staff_documents(listed: Checklist, locale: str) -> list[StaffDocumentLine]:
    """Every document of the form, what the resident must provide first, then the official's checks."""
    return [_document(i, locale) for i in (*listed.resident, *listed.evidence, *listed.official)]


def missing_labels(listed: Checklist, locale: str) -> list[str]:
    """The names of the required documents not yet provided, in the form's order."""
    return [line.label for line in staff_documents(listed, locale) if line.missing]


def duplicate_lines(others: Iterable[Application], locale: str) -> list[DuplicateLine]:
    return [DuplicateLine(int(a.id or 0), a.receipt_no or "", status_text(a.status, locale)) for a in others]
