"""What the application pages show, as plain rows: form fields, checklist lines, files, history.

Built from core and db objects in the reader's locale; the states only hold these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from naesone_app.core.application_forms import (
    EVIDENCE_KINDS,
    ApplicationForm,
    Checklist,
    ChecklistItem,
    FormField,
)
from naesone_app.core.applications import FINAL, STATUS_LABELS, expected_decision
from naesone_app.core.dates import KST
from naesone_app.core.dongs import DONGS
from naesone_app.core.i18n import N_, Message, format_date, gettext_for, render
from naesone_app.db.application_models import ApplicationEvent, Upload

INPUT_TYPES = {"number": "number", "date": "date", "phone": "tel"}
EVIDENCE_LABELS = {
    "resident_registration_copy": N_("주민등록표등본"),
    "resident_registration_abstract": N_("주민등록표초본"),
    "family_relation_certificate": N_("가족관계증명서"),
    "livelihood_certificate": N_("기초생활수급자 증명서·차상위계층 확인서"),
    "disability_certificate": N_("장애인 증명서"),
    "health_insurance_qualification": N_("건강보험자격득실확인서"),
    "health_insurance_payment": N_("건강보험료 납부확인서"),
    "employment_insurance_history": N_("고용보험 피보험자격 이력내역서"),
}
assert set(EVIDENCE_LABELS) == set(EVIDENCE_KINDS)
HOW_LABELS = {
    "official": N_("공무원이 확인해요"),
    "uploaded": N_("올림"),
    "evidence": N_("마이데이터로 가져옴"),
    "missing": N_("아직 없음"),
}


@dataclass
class ChoiceOption:
    value: str = ""
    label: str = ""


@dataclass
class FieldView:
    """One form field as the page shows it; `value` is always text (a checkbox uses `checked`)."""

    name: str = ""
    kind: str = "text"  # the form's field type
    input_type: str = "text"  # the HTML input type
    label: str = ""
    required: bool = False
    value: str = ""
    checked: bool = False
    prefilled: bool = False
    error: str = ""
    max_length: int = 200
    choices: list[ChoiceOption] = field(default_factory=list)


@dataclass
class DocumentLine:
    key: str = ""
    label: str = ""
    satisfied: bool = False
    required: bool = True
    how: str = ""  # official | uploaded | evidence | missing
    how_text: str = ""


@dataclass
class UploadLine:
    id: int = 0
    document: str = ""
    detail: str = ""  # type and size
    removable: bool = False
    href: str = ""


@dataclass
class HistoryLine:
    at: str = ""
    status: str = ""
    label: str = ""
    reason: str = ""
    override: str = ""  # why it was approved with documents missing: on the staff page only


@dataclass
class AnswerRow:
    label: str = ""
    value: str = ""


@dataclass
class ApplicationRow:
    id: int = 0
    title: str = ""
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    updated: str = ""
    unread: bool = False


@dataclass
class ElsewhereRow:
    """A programme the resident set off to apply for on another site (core/outbound), and what they said."""

    key: str = ""
    title: str = ""
    where: str = ""
    visited: str = ""
    reported: str = ""  # "" | applied | not_yet
    reported_label: str = ""


def moment_text(moment: datetime | None, locale: str) -> str:
    """A stored moment as the reader's Seoul date and time ("2026. 11. 25. 14:05")."""
    if moment is None:
        return ""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    local = moment.astimezone(KST)
    return f"{format_date(local.date(), locale)} {local:%H:%M}"


def processing_text(form: ApplicationForm | None, submitted_at: datetime | None, status: str,
                    locale: str) -> str:  # fmt: skip
    """How long the department usually takes, with the expected day, while the application is open
    ("" once decided, or when the programme does not say)."""
    if form is None or form.processing_days is None or submitted_at is None or status in FINAL:
        return ""
    moment = submitted_at if submitted_at.tzinfo else submitted_at.replace(tzinfo=UTC)
    expected = expected_decision(moment.astimezone(KST).date(), form.processing_days)
    return render(
        Message(
            N_(
                "보통 접수 후 근무일 {days}일 안에 결과를 알려 드려요. 예상일: {date} (공휴일은 빼지 않은 예상이에요)"
            ),
            {"days": form.processing_days, "date": expected},
        ),
        locale,
    )


def status_text(status: str, locale: str) -> str:
    return render(STATUS_LABELS[status], locale) if status in STATUS_LABELS else status


def field_text(f: FormField, value: Any) -> str:
    """A stored answer as the text an input shows."""
    if value is None or isinstance(value, bool):
        return ""
    return str(value)


def _choices(f: FormField, locale: str) -> list[ChoiceOption]:
    """A choice field's options in words; a dong field offers the 15 행정동, named in the reader's locale."""
    if f.type == "dong":
        _ = gettext_for(locale)
        return [ChoiceOption(d.name, _(d.name)) for d in DONGS]
    return [ChoiceOption(v, f.choice_label(v, locale)) for v in f.choices]


def field_views(
    form: ApplicationForm,
    answers: Mapping[str, Any],
    prefilled: Mapping[str, Any],
    errors: Mapping[str, str],
    locale: str,
) -> list[FieldView]:
    """The form's fields with the current answers; a field is marked prefilled while it still holds the
    value taken from the resident's profile."""
    views = []
    for f in form.fields:
        value = answers.get(f.name)
        views.append(
            FieldView(
                name=f.name,
                kind="choice" if f.type == "dong" else f.type,
                input_type=INPUT_TYPES.get(f.type, "text"),
                label=f.label.get(locale) or f.label["ko"],
                required=f.required,
                value=field_text(f, value),
                checked=value is True,
                prefilled=f.name in prefilled and prefilled[f.name] == value,
                error=errors.get(f.name, ""),
                max_length=f.max_length,
                choices=_choices(f, locale),
            )
        )
    return views


def answer_rows(form: ApplicationForm, answers: Mapping[str, Any], locale: str) -> list[AnswerRow]:
    """The submitted answers in form order, choices and yes/no in words."""
    _ = gettext_for(locale)
    rows = []
    for f in form.fields:
        value = answers.get(f.name)
        if value is None:
            text = "-"
        elif f.type == "boolean":
            text = _("예") if value else _("아니요")
        elif f.type == "choice":
            text = f.choice_label(str(value), locale)
        elif f.type == "dong":
            text = _(str(value)) if value else "-"
        else:
            text = str(value)
        rows.append(AnswerRow(f.label.get(locale) or f.label["ko"], text))
    return rows


def _line(item: ChecklistItem, locale: str) -> DocumentLine:
    doc = item.document
    return DocumentLine(
        doc.key,
        doc.label.get(locale) or doc.label["ko"],
        item.satisfied,
        doc.required,
        item.how,
        gettext_for(locale)(HOW_LABELS[item.how]),
    )


def document_lines(checklist: Checklist, locale: str) -> tuple[list[DocumentLine], ...]:
    """(official, evidence, resident) lines of the checklist."""
    return tuple(
        [_line(i, locale) for i in group]
        for group in (checklist.official, checklist.evidence, checklist.resident)
    )


def upload_choices(form: ApplicationForm, locale: str) -> list[ChoiceOption]:
    """The documents a resident may upload: theirs, and the MyData ones (an upload satisfies them too)."""
    return [
        ChoiceOption(d.key, d.label.get(locale) or d.label["ko"])
        for d in form.documents
        if d.checked_by != "official"
    ]


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


def upload_lines(
    uploads: Iterable[Upload], form: ApplicationForm | None, locale: str, removable: Callable[[Upload], bool]
) -> list[UploadLine]:
    labels = {d.key: d.label.get(locale) or d.label["ko"] for d in (form.documents if form else ())}
    return [
        UploadLine(
            u.id,
            labels.get(u.document_key, u.document_key),
            f"{u.content_type.split('/')[-1].upper()} · {size_text(u.size)}",
            removable(u),
            f"/api/uploads/{u.id}",
        )
        for u in uploads
    ]


def history_lines(events: Iterable[ApplicationEvent], locale: str, staff: bool = False) -> list[HistoryLine]:
    """The status changes; an officer's override reason only for `staff` (the resident never sees it)."""
    return [
        HistoryLine(
            moment_text(e.at, locale),
            e.to_status,
            status_text(e.to_status, locale),
            e.reason,
            (e.override_reason or "") if staff else "",
        )
        for e in events
    ]


def evidence_label(kind: str, locale: str) -> str:
    return gettext_for(locale)(EVIDENCE_LABELS[kind]) if kind in EVIDENCE_LABELS else kind


def missing_text(form: ApplicationForm, missing: Iterable[str], locale: str) -> str:
    """ "Still missing: ID card, bank book" — or empty when nothing is."""
    labels = {d.key: d.label.get(locale) or d.label["ko"] for d in form.documents}
    names = ", ".join(labels.get(k, k) for k in missing)
    return render(Message(N_("아직 없는 서류: {documents}"), {"documents": names}), locale) if names else ""
