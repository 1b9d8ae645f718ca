"""The "신청한 분" block of a staff application page, as plain rows: each value the resident typed, with
what each imported document states about it (core.identity_check), in the officer's locale."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from naesone_app.core.dates import age_on
from naesone_app.core.i18n import N_, Message, gettext_for, render
from naesone_app.core.identity import Identity
from naesone_app.core.identity_check import IdentityLine, Stated, check_identity
from naesone_app.state.application_views import evidence_label

FIELD_LABELS = {
    "name": N_("이름"),
    "birth_date": N_("생년월일"),
    "address": N_("주소"),
    "dong": N_("행정동"),
    "phone": N_("연락처"),
    "moved_in_on": N_("전입일"),
    "children": N_("자녀 생년월일"),
}
ORDER = ("name", "birth_date", "address", "dong", "phone", "moved_in_on", "children")


@dataclass
class StatedRow:
    """What one document states: `status` agrees | differs | stated (nothing typed to compare)."""

    status: str = ""
    text: str = ""


@dataclass
class ApplicantRow:
    key: str = ""  # the identity field (core.identity_check.FIELDS, or phone)
    label: str = ""
    typed: str = ""  # "" when the resident did not give it
    href: str = ""  # tel: for the phone
    status: str = ""  # core.identity_check.IdentityLine.status
    stated: list[StatedRow] = field(default_factory=list)


def _value(field_name: str, value: str, locale: str) -> str:
    return gettext_for(locale)(value) if field_name == "dong" and value else value


def _stated(field_name: str, stated: Stated, locale: str) -> StatedRow:
    values = {
        "document": evidence_label(stated.kind, locale),
        "value": _value(field_name, stated.value, locale),
    }
    if stated.agrees is True:
        return StatedRow("agrees", render(Message(N_("서류로 확인됨 ({document})"), values), locale))
    if stated.agrees is False:
        return StatedRow(
            "differs", render(Message(N_("⚠ 서류와 다름: 서류 {value} ({document})"), values), locale)
        )
    return StatedRow("stated", render(Message(N_("{document}: {value}"), values), locale))


def _typed(line: IdentityLine, today: date, locale: str) -> str:
    if line.field == "birth_date" and line.typed:
        age = age_on(date.fromisoformat(line.typed), today)
        return render(Message(N_("{date} (만 {age}세)"), {"date": line.typed, "age": age}), locale)
    return _value(line.field, line.typed, locale)


def phone_text(digits: str) -> str:
    """01022227272 → 010-2222-7272 (as an officer reads it aloud)."""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" if len(digits) == 10 else digits


def applicant_rows(
    identity: Identity | None,
    documents: Iterable[tuple[str, Mapping[str, Any]]],
    today: date,
    locale: str,
) -> list[ApplicantRow]:
    """The applicant's rows in ORDER: typed values (the phone as a tel: link) and the documents' word."""
    _ = gettext_for(locale)
    lines = {line.field: line for line in check_identity(identity, documents)}
    phone = identity.phone if identity else ""
    lines["phone"] = IdentityLine("phone", phone)
    rows = []
    for name in ORDER:
        line = lines.get(name)
        if line is None:
            continue
        rows.append(
            ApplicantRow(
                name,
                _(FIELD_LABELS[name]),
                phone_text(phone) if name == "phone" else _typed(line, today, locale),
                f"tel:{phone}" if name == "phone" and phone else "",
                line.status,
                [_stated(name, s, locale) for s in line.stated],
            )
        )
    return rows
