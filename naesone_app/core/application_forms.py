"""In-app applications: the form a programme defines as data, prefill, validation, the document
checklist. Pure Python — no Reflex, database or HTTP.

A native programme file may hold an `application:` block (see `parse_application`):

    application:
      department: 어르신복지과            # the staff department that reviews it
      fields:
        - {name: birth_date, type: date, label: {ko: 생년월일, en: Date of birth}, required: true,
           prefill: birth_date}
      documents:
        - {key: id_card, label: {ko: 신분증, en: ID card}, checked_by: resident}
        - {key: resident_copy, label: {...}, checked_by: evidence, evidence: resident_registration_copy}

A `choice` field lists its choices with their own labels, so a reader sees words, not stored values:
`choices: [{value: cafeteria, label: {ko: 경로식당, en: At the cafeteria}}, ...]`. A `dong` field is a
choice among Jung-gu's 15 행정동: the stored value is the Korean name (what the office files under), the
reader sees the name in their own language.

`checked_by` says who provides a document: `official` (행정정보 공동이용 — the official looks it up with
the resident's consent, Gov24 공무원확인구비서류), `resident` (bring or upload it), or `evidence` (a
public-MyData document the resident imports with consent; uploading it also satisfies the item). A
`resident` item whose Korean label names a MyData kind (core.evidence_kinds.DOCUMENT_NAMES, e.g.
"가족관계증명서") may be imported too: `importable_kind` says which.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from naesone_app.core.dongs import find_dong
from naesone_app.core.evidence_kinds import kind_named
from naesone_app.core.i18n import N_, Message

FIELD_TYPES = ("text", "textarea", "number", "date", "choice", "boolean", "phone", "dong")
PREFILL_FACTS = ("birth_date", "dong", "household_size", "moved_in_on", "sex", "livelihood",
                 "children_count")  # fmt: skip
CHECKED_BY = ("official", "resident", "evidence")
EVIDENCE_KINDS = (
    "resident_registration_copy",  # 주민등록표 등본
    "resident_registration_abstract",  # 주민등록표 초본
    "family_relation_certificate",  # 가족관계증명서
    "livelihood_certificate",  # 기초생활수급자 증명서 / 차상위계층 확인서
    "disability_certificate",  # 장애인 증명서
    "health_insurance_qualification",  # 건강보험자격득실확인서
    "health_insurance_payment",  # 건강보험료 납부확인서
    "employment_insurance_history",  # 고용보험 피보험자격 이력내역서
)
DEFAULT_MAX_LENGTH = 200
MAX_MAX_LENGTH = 2000
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
PHONE_PATTERN = re.compile(r"^0\d{1,2}-?\d{3,4}-?\d{4}$")


class ApplicationFormError(ValueError):
    """A malformed `application:` block; `path` names the offending part."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path, self.problem = path, problem


@dataclass(frozen=True, slots=True)
class FormField:
    name: str
    type: str
    label: dict[str, str]
    required: bool = False
    max_length: int = DEFAULT_MAX_LENGTH
    prefill: str | None = None
    choices: tuple[str, ...] = ()  # the stored values
    choice_labels: tuple[dict[str, str], ...] = ()  # one {ko, en} label per choice, in the same order

    def choice_label(self, value: str, locale: str) -> str:
        """The words for a stored choice in `locale` (the value itself if it is not one of the choices)."""
        for choice, label in zip(self.choices, self.choice_labels, strict=True):
            if choice == value:
                return label.get(locale) or label["ko"]
        return value


@dataclass(frozen=True, slots=True)
class DocumentItem:
    key: str
    label: dict[str, str]
    checked_by: str
    evidence: str | None = None
    required: bool = True


@dataclass(frozen=True, slots=True)
class ApplicationForm:
    department: str
    fields: tuple[FormField, ...]
    documents: tuple[DocumentItem, ...] = ()
    processing_days: int | None = None  # working days the department usually takes to decide

    def field(self, name: str) -> FormField | None:
        return next((f for f in self.fields if f.name == name), None)


# --- parsing -----------------------------------------------------------------------------------------


def _label(path: str, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ApplicationFormError(path, "expected {ko: ..., en: ...}")
    for locale in ("ko", "en"):
        if not isinstance(value.get(locale), str) or not value[locale].strip():
            raise ApplicationFormError(f"{path}.{locale}", "needs a non-empty text")
    if set(value) - {"ko", "en", "zh"}:
        raise ApplicationFormError(path, "unknown locale")
    return {k: str(v).strip() for k, v in value.items()}


def _keys(path: str, value: Any, allowed: set[str], required: set[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ApplicationFormError(path, "expected a mapping")
    unknown = set(value) - allowed
    if unknown:
        raise ApplicationFormError(f"{path}.{sorted(unknown)[0]}", "unknown key")
    missing = required - set(value)
    if missing:
        raise ApplicationFormError(f"{path}.{sorted(missing)[0]}", "missing")
    return value


def _field(path: str, value: Any) -> FormField:
    data = _keys(path, value, {"name", "type", "label", "required", "max_length", "prefill", "choices"},
                 {"name", "type", "label"})  # fmt: skip
    name = data["name"]
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise ApplicationFormError(f"{path}.name", "expected lowercase letters, digits and _")
    kind = data["type"]
    if kind not in FIELD_TYPES:
        raise ApplicationFormError(f"{path}.type", f"must be one of {', '.join(FIELD_TYPES)}")
    required = data.get("required", False)
    if not isinstance(required, bool):
        raise ApplicationFormError(f"{path}.required", "expected true or false")
    max_length = data.get("max_length", DEFAULT_MAX_LENGTH)
    if (
        isinstance(max_length, bool)
        or not isinstance(max_length, int)
        or not 1 <= max_length <= MAX_MAX_LENGTH
    ):
        raise ApplicationFormError(f"{path}.max_length", f"expected an integer from 1 to {MAX_MAX_LENGTH}")
    prefill = data.get("prefill")
    if prefill is not None and prefill not in PREFILL_FACTS:
        raise ApplicationFormError(f"{path}.prefill", f"must be one of {', '.join(PREFILL_FACTS)}")
    raw_choices = data.get("choices", [])
    if not isinstance(raw_choices, list):
        raise ApplicationFormError(f"{path}.choices", "expected a list of {value, label: {ko, en}}")
    if (kind == "choice") != bool(raw_choices):
        raise ApplicationFormError(f"{path}.choices", "a choice field needs choices; other types take none")
    choices = [_choice(f"{path}.choices[{i}]", c) for i, c in enumerate(raw_choices)]
    values = [value for value, _ in choices]
    if len(set(values)) != len(values):
        raise ApplicationFormError(f"{path}.choices", "values must be unique")
    return FormField(name, kind, _label(f"{path}.label", data["label"]), required, max_length, prefill,
                     tuple(values), tuple(label for _, label in choices))  # fmt: skip


def _choice(path: str, value: Any) -> tuple[str, dict[str, str]]:
    data = _keys(path, value, {"value", "label"}, {"value", "label"})
    if not isinstance(data["value"], str) or not NAME_PATTERN.match(data["value"]):
        raise ApplicationFormError(f"{path}.value", "expected lowercase letters, digits and _")
    return data["value"], _label(f"{path}.label", data["label"])


def _document(path: str, value: Any) -> DocumentItem:
    data = _keys(
        path, value, {"key", "label", "checked_by", "evidence", "required"}, {"key", "label", "checked_by"}
    )
    key = data["key"]
    if not isinstance(key, str) or not NAME_PATTERN.match(key):
        raise ApplicationFormError(f"{path}.key", "expected lowercase letters, digits and _")
    checked_by = data["checked_by"]
    if checked_by not in CHECKED_BY:
        raise ApplicationFormError(f"{path}.checked_by", f"must be one of {', '.join(CHECKED_BY)}")
    evidence = data.get("evidence")
    if checked_by == "evidence" and evidence not in EVIDENCE_KINDS:
        raise ApplicationFormError(f"{path}.evidence", f"must be one of {', '.join(EVIDENCE_KINDS)}")
    if checked_by != "evidence" and evidence is not None:
        raise ApplicationFormError(f"{path}.evidence", "only for checked_by: evidence")
    required = data.get("required", True)
    if not isinstance(required, bool):
        raise ApplicationFormError(f"{path}.required", "expected true or false")
    return DocumentItem(key, _label(f"{path}.label", data["label"]), checked_by, evidence, required)


def parse_application(value: Any) -> ApplicationForm:
    """Validate an `application:` block (or its stored JSON form) into an ApplicationForm."""
    data = _keys("application", value, {"department", "fields", "documents", "processing_days"},
                 {"department", "fields"})  # fmt: skip
    department = data["department"]
    if not isinstance(department, str) or not department.strip() or len(department) > 100:
        raise ApplicationFormError("application.department", "expected the reviewing department's name")
    raw_fields, raw_docs = data["fields"], data.get("documents", [])
    if not isinstance(raw_fields, list) or not raw_fields:
        raise ApplicationFormError("application.fields", "expected a non-empty list")
    if not isinstance(raw_docs, list):
        raise ApplicationFormError("application.documents", "expected a list")
    fields = tuple(_field(f"application.fields[{i}]", f) for i, f in enumerate(raw_fields))
    documents = tuple(_document(f"application.documents[{i}]", d) for i, d in enumerate(raw_docs))
    for what, names in (("fields", [f.name for f in fields]), ("documents", [d.key for d in documents])):
        if len(set(names)) != len(names):
            raise ApplicationFormError(f"application.{what}", "names must be unique")
    days = data.get("processing_days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 90):
        raise ApplicationFormError("application.processing_days", "expected working days from 1 to 90")
    return ApplicationForm(department.strip(), fields, documents, days)


def form_to_data(form: ApplicationForm) -> dict[str, Any]:
    """The JSON-able form of an ApplicationForm (kept in Program.extra["application"])."""
    return {
        "department": form.department,
        **({"processing_days": form.processing_days} if form.processing_days else {}),
        "fields": [
            {
                "name": f.name,
                "type": f.type,
                "label": dict(f.label),
                "required": f.required,
                "max_length": f.max_length,
                **({"prefill": f.prefill} if f.prefill else {}),
                **(
                    {
                        "choices": [
                            {"value": v, "label": dict(lb)}
                            for v, lb in zip(f.choices, f.choice_labels, strict=True)
                        ]
                    }
                    if f.choices
                    else {}
                ),
            }
            for f in form.fields
        ],
        "documents": [
            {
                "key": d.key,
                "label": dict(d.label),
                "checked_by": d.checked_by,
                "required": d.required,
                **({"evidence": d.evidence} if d.evidence else {}),
            }
            for d in form.documents
        ],
    }


def form_of(extra: Mapping[str, Any]) -> ApplicationForm | None:
    """The application form stored in a programme's `extra`, or None if it has none."""
    data = extra.get("application")
    return None if data is None else parse_application(data)


# --- prefill and validation ----------------------------------------------------------------------------


def prefill(form: ApplicationForm, profile: Mapping[str, Any]) -> dict[str, Any]:
    """Field values taken from the resident's profile (the contract's JSON form); unknown facts are left out."""
    facts = dict(profile)
    if isinstance(profile.get("children"), list):
        facts["children_count"] = len(profile["children"])
    out: dict[str, Any] = {}
    for f in form.fields:
        if f.prefill and facts.get(f.prefill) is not None:
            value = facts[f.prefill]
            out[f.name] = value.isoformat() if isinstance(value, date) else value
    return out


def _check(f: FormField, value: Any) -> Message | None:
    if f.type == "boolean":
        return None if isinstance(value, bool) else Message(N_("예 또는 아니요를 골라 주세요."))
    if f.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return Message(N_("숫자로 입력해 주세요."))
        return None if 0 <= value <= 10**12 else Message(N_("0 이상의 숫자로 입력해 주세요."))
    if not isinstance(value, str):
        return Message(N_("글자로 입력해 주세요."))
    if len(value) > f.max_length:
        return Message(N_("{max}자 이내로 입력해 주세요."), {"max": f.max_length})
    if f.type == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return Message(N_("날짜를 YYYY-MM-DD 형식으로 입력해 주세요."))
    if f.type == "choice" and value not in f.choices:
        return Message(N_("목록에서 골라 주세요."))
    if f.type == "dong" and find_dong(value) is None:
        return Message(N_("목록에서 동을 골라 주세요."))
    if f.type == "phone" and not PHONE_PATTERN.match(value):
        return Message(N_("전화번호를 010-1234-5678 형식으로 입력해 주세요."))
    return None


def parse_input(f: FormField, text: Any) -> tuple[Any, Message | None]:
    """A browser's input for a field as the typed answer (None when blank), or the problem with it.

    Inputs arrive as text (a checkbox as a bool); numbers become int, everything else stays text and
    is checked by `validate` as usual.
    """
    if f.type == "boolean":
        return (
            (text, None) if isinstance(text, bool) else (None, Message(N_("예 또는 아니요를 골라 주세요.")))
        )
    if not isinstance(text, str):
        return None, Message(N_("글자로 입력해 주세요."))
    text = text.strip()
    if not text:
        return None, None
    if len(text) > MAX_MAX_LENGTH:
        return None, Message(N_("{max}자 이내로 입력해 주세요."), {"max": f.max_length})
    if f.type == "number":
        try:
            return int(text.replace(",", "")), None
        except ValueError:
            return None, Message(N_("숫자로 입력해 주세요."))
    return text, _check(f, text)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_answers(form: ApplicationForm, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers limited to the form's fields, texts trimmed, blanks dropped."""
    out = {}
    for f in form.fields:
        value = answers.get(f.name)
        if _blank(value):
            continue
        out[f.name] = value.strip() if isinstance(value, str) else value
    return out


def validate(form: ApplicationForm, answers: Mapping[str, Any]) -> dict[str, Message]:
    """Errors per field name (a Message each); empty when the answers can be submitted."""
    errors: dict[str, Message] = {}
    for name in answers:
        if form.field(name) is None:
            errors[str(name)] = Message(N_("이 신청서에 없는 항목입니다."))
    for f in form.fields:
        value = answers.get(f.name)
        if _blank(value):
            if f.required:
                errors[f.name] = Message(N_("필수 항목입니다."))
            continue
        problem = _check(f, value.strip() if isinstance(value, str) else value)
        if problem:
            errors[f.name] = problem
    return errors


def validate_draft(form: ApplicationForm, answers: Mapping[str, Any]) -> dict[str, Message]:
    """A draft may be incomplete, but must not hold unknown fields or oversized values."""
    return {k: m for k, m in validate(form, answers).items() if m.msgid != N_("필수 항목입니다.")}


# --- document checklist --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    document: DocumentItem
    satisfied: bool
    how: str  # official | uploaded | evidence | missing


@dataclass(frozen=True, slots=True)
class Checklist:
    official: tuple[ChecklistItem, ...] = ()  # the official checks these; nothing to do
    resident: tuple[ChecklistItem, ...] = ()  # bring or upload
    evidence: tuple[ChecklistItem, ...] = ()  # import with MyData (or upload)
    missing: tuple[str, ...] = field(default=())  # keys of required items not yet satisfied


def importable_kind(doc: DocumentItem) -> str | None:
    """The MyData kind that satisfies a checklist item: its `evidence`, or for a `resident` item the kind
    its Korean label names; None for official items and documents no MyData kind is."""
    if doc.checked_by == "official":
        return None
    return doc.evidence or kind_named(doc.label["ko"])


def importable_kinds(form: ApplicationForm) -> list[str]:
    """The MyData kinds this form's checklist can use, in checklist order, each once."""
    kinds = [importable_kind(d) for d in form.documents]
    return list(dict.fromkeys(k for k in kinds if k))


def checklist(
    form: ApplicationForm, uploaded: frozenset[str] = frozenset(), evidence_held: frozenset[str] = frozenset()
) -> Checklist:
    """The documents split by who provides them, with what is already satisfied."""
    groups: dict[str, list[ChecklistItem]] = {k: [] for k in CHECKED_BY}
    missing = []
    for doc in form.documents:
        if doc.checked_by == "official":
            item = ChecklistItem(doc, True, "official")
        elif doc.key in uploaded:
            item = ChecklistItem(doc, True, "uploaded")
        elif importable_kind(doc) in evidence_held:
            item = ChecklistItem(doc, True, "evidence")
        else:
            item = ChecklistItem(doc, False, "missing")
            if doc.required:
                missing.append(doc.key)
        groups[doc.checked_by].append(item)
    return Checklist(tuple(groups["official"]), tuple(groups["resident"]), tuple(groups["evidence"]),
                     tuple(missing))  # fmt: skip
