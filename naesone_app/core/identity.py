"""Who a resident is, as staff need it to decide a case: name, 생년월일, address and 동, a phone to call.

Kept apart from the profile (the facts eligibility decides on): the profile is the DESIGN contract the
engine, CLI and API read, and a name has no place there. Stored encrypted like the profile
(db/identity.py); asked once, at sign-up or on the first application.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from naesone_app.core.dates import seoul_today
from naesone_app.core.dongs import find_dong
from naesone_app.core.i18n import N_, Message

MAX_NAME = 40
MAX_ADDRESS = 200
# Hangul, Latin (foreign residents' names as on the 외국인등록증), spaces, the middle dot and hyphen.
_NAME = re.compile(r"^[\w\u00B7\u318D\- .']+$")
_PHONE = re.compile(r"^01[016789]\d{7,8}$")


class IdentityError(ValueError):
    """A field of the identity is not acceptable; `field` names it, `message` says why."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(f"{field}: {message.msgid}")
        self.field, self.message = field, message


@dataclass(frozen=True, slots=True)
class Identity:
    """The applicant as a case shows them. Empty strings / None are "not given yet", never guessed."""

    name: str = ""
    birth_date: date | None = None
    address: str = ""
    dong: str = ""  # 행정동 name (core.dongs), from the address or chosen
    phone: str = ""  # digits only, 01x…

    @property
    def complete(self) -> bool:
        """Whether staff can tell who this is: a name and a birth date at least."""
        return bool(self.name) and self.birth_date is not None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "address": self.address,
            "dong": self.dong,
            "phone": self.phone,
        }


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_name(text: str) -> str:
    """A person's name as typed, normalised (NFC, single spaces); `IdentityError` when it cannot be one."""
    name = _clean(text or "")
    if not name:
        raise IdentityError("name", Message(N_("이름을 입력해 주세요.")))
    if len(name) > MAX_NAME:
        raise IdentityError("name", Message(N_("이름은 {n}자 이내로 입력해 주세요."), {"n": MAX_NAME}))
    if not _NAME.match(name) or any(ch.isdigit() for ch in name):
        raise IdentityError("name", Message(N_("이름에는 글자만 쓸 수 있어요.")))
    return name


def parse_phone(text: str) -> str:
    """A Korean mobile number as digits ('010-1234-5678' → '01012345678'); '' when none is given."""
    digits = re.sub(r"[\s\-().]", "", text or "")
    if not digits:
        return ""
    if digits.startswith("+82"):
        digits = "0" + digits[3:]
    if not _PHONE.match(digits):
        raise IdentityError("phone", Message(N_("휴대전화 번호를 010-1234-5678처럼 입력해 주세요.")))
    return digits


def parse_identity(
    name: str, birth_date: date | None, address: str = "", dong: str = "", phone: str = ""
) -> Identity:
    """Validate every field; the first bad one raises `IdentityError` naming it."""
    parsed_name = parse_name(name)
    if birth_date is not None and (birth_date.year < 1900 or birth_date > seoul_today()):
        raise IdentityError("birth_date", Message(N_("생년월일을 다시 확인해 주세요.")))
    place = _clean(address or "")
    if len(place) > MAX_ADDRESS:
        raise IdentityError("address", Message(N_("주소는 {n}자 이내로 입력해 주세요."), {"n": MAX_ADDRESS}))
    dong_name = ""
    if dong:
        found = find_dong(dong)
        if found is None:
            raise IdentityError("dong", Message(N_("중구의 행정동을 골라 주세요.")))
        dong_name = found.name
    return Identity(parsed_name, birth_date, place, dong_name, parse_phone(phone))


def name_matches(identity: Identity, query: str) -> bool:
    """Whether a staff search for `query` finds this name: spaces and case ignored, a part is enough
    ("김 영" finds 김영희)."""
    wanted = "".join(_clean(query).split()).casefold()
    return bool(wanted) and wanted in "".join(identity.name.split()).casefold()


def with_phone_fallback(identity: Identity, login: str) -> Identity:
    """The identity with the sign-in phone number as its phone when none was given."""
    if identity.phone or not _PHONE.match(login or ""):
        return identity
    return replace(identity, phone=login)
