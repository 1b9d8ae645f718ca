"""The identity as a person types it into a form (sign-up, 내 계정, the first application): texts in,
a validated `Identity` out, or `IdentityError` naming the field. Pure Python."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from naesone_app.core.i18n import N_, Message
from naesone_app.core.identity import Identity, IdentityError, parse_identity

FIELDS = ("name", "birth_date", "address", "dong", "phone")
MAX_TEXT = 300


def _text(values: Mapping[str, object], field: str) -> str:
    value = values.get(field)
    return value.strip()[:MAX_TEXT] if isinstance(value, str) else ""


def parse_birth_date(text: str) -> date | None:
    """'1954-03-02' (what a date input sends) → a date; None when blank."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise IdentityError("birth_date", Message(N_("생년월일을 1954-03-02처럼 입력해 주세요."))) from None


def identity_from_form(
    values: Mapping[str, object], *, optional: bool = False, need_birth_date: bool = False
) -> Identity | None:
    """The identity typed into FIELDS. `optional` (sign-up): every field blank → None, nothing to save.
    `need_birth_date` (an application): the 생년월일 is required as well as the name."""
    texts = {f: _text(values, f) for f in FIELDS}
    if optional and not any(texts.values()):
        return None
    born = parse_birth_date(texts["birth_date"])
    identity = parse_identity(texts["name"], born, texts["address"], texts["dong"], texts["phone"])
    if need_birth_date and born is None:
        raise IdentityError("birth_date", Message(N_("생년월일을 입력해 주세요.")))
    return identity
