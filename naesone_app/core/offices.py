"""Where a resident goes or calls to apply: 중구청 and the 15 동 주민센터, read from `data/offices.yaml`.

A programme names its office in its file (`apply: {channel: visit, office: dong-centre}`); a programme
that names none (a 보건소, a partner centre, a national call centre) shows its contact text, whose
numbers are `tel:` links, rather than a guessed office. `dong-centre` ("주소지 동 주민센터") resolves to
the resident's 동 when it is known. Pure Python: no Reflex, database
or HTTP; a malformed file fails with the entry and the field named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from naesone_app.core.dongs import find_dong

OFFICES_FILE = Path(__file__).resolve().parents[2] / "data" / "offices.yaml"
DISTRICT_OFFICE = "junggu-office"
DONG_CENTRE = "dong-centre"  # the resident's own 동 주민센터
# 02-3396-4114, 1566-0313, and the short national lines (129 보건복지상담, 120 다산콜) standing alone
PHONE = re.compile(r"(?<![\d,.-])(0\d{1,2}-\d{3,4}-\d{4}|1[5-9]\d{2}-\d{4}|1\d{2,3}(?=[\s),/]|$))(?![\d-])")
PHONE_FORMAT = re.compile(r"^(0\d{1,2}-\d{3,4}-\d{4}|1[5-9]\d{2}-\d{4})$")
KEY = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")
MAP_SEARCH = "https://map.kakao.com/?q="


class OfficeError(ValueError):
    """A malformed offices file; names the entry and the field."""


@dataclass(frozen=True, slots=True)
class Office:
    key: str
    name: dict[str, str]
    hours: dict[str, str]
    phone: str
    address: dict[str, str] | None = None  # None: not recorded yet (the page says so)
    dong: str | None = None  # 행정동 code of a 동 주민센터
    phone_via_main_line: bool = False  # the number is the district main line, which puts calls through
    verified: bool = False

    def text(self, field: str, locale: str) -> str:
        value = getattr(self, field)
        return "" if value is None else value.get(locale) or value["ko"]

    @property
    def map_url(self) -> str:
        """A map search for the office (by its address when known, else by its name in 중구)."""
        where = self.address["ko"] if self.address else f"서울 중구 {self.name['ko'].replace(' ', '')}"
        return MAP_SEARCH + quote(where)


def tel_href(phone: str) -> str:
    """`tel:` link of a Korean number written with dashes ("02-3396-4114" → "tel:0233964114")."""
    digits = re.sub(r"\D", "", phone)
    if not digits:
        raise ValueError(f"phone: {phone!r} holds no digits")
    return f"tel:{digits}"


def phone_parts(text: str) -> list[tuple[str, str]]:
    """Split a contact text into (text, tel href) pieces; the href is "" for plain text."""
    parts: list[tuple[str, str]] = []
    at = 0
    for match in PHONE.finditer(text):
        if match.start() > at:
            parts.append((text[at : match.start()], ""))
        parts.append((match.group(0), tel_href(match.group(0))))
        at = match.end()
    if at < len(text):
        parts.append((text[at:], ""))
    return parts


def _localized(where: str, value: Any, optional: bool = False) -> dict[str, str] | None:
    if value is None and optional:
        return None
    if not isinstance(value, Mapping) or not all(isinstance(value.get(k), str) and value[k].strip()
                                                  for k in ("ko", "en")):  # fmt: skip
        raise OfficeError(f"{where}: expected {{ko: ..., en: ...}}")
    return {k: str(v).strip() for k, v in value.items()}


def parse_offices(data: Any, where: str = "offices.yaml") -> dict[str, Office]:
    """Validate the offices file's content into offices by key."""
    if not isinstance(data, Mapping) or not isinstance(data.get("offices"), list):
        raise OfficeError(f"{where}: expected a mapping with an `offices` list")
    out: dict[str, Office] = {}
    allowed = {"key", "name", "address", "hours", "phone", "dong", "phone_via_main_line", "verified"}
    for i, entry in enumerate(data["offices"]):
        at = f"{where}: offices[{i}]"
        if not isinstance(entry, Mapping) or set(entry) - allowed:
            raise OfficeError(f"{at}: expected the keys {', '.join(sorted(allowed))}")
        key = entry.get("key")
        if not isinstance(key, str) or not KEY.match(key) or key in out or key == DONG_CENTRE:
            raise OfficeError(f"{at}.key: expected a new lowercase key, got {key!r}")
        phone = entry.get("phone")
        if not isinstance(phone, str) or not PHONE_FORMAT.match(phone):
            raise OfficeError(f"{at}.phone: expected a number like 02-3396-4114, got {phone!r}")
        dong = entry.get("dong")
        if dong is not None and (not isinstance(dong, str) or find_dong(dong) is None):
            raise OfficeError(f"{at}.dong: expected a 행정동 code of Jung-gu, got {dong!r}")
        out[key] = Office(
            key, _localized(f"{at}.name", entry.get("name")), _localized(f"{at}.hours", entry.get("hours")),
            phone, _localized(f"{at}.address", entry.get("address"), optional=True), dong,
            entry.get("phone_via_main_line") is True, entry.get("verified") is True,
        )  # fmt: skip
    if DISTRICT_OFFICE not in out:
        raise OfficeError(f"{where}: the district office `{DISTRICT_OFFICE}` is missing")
    return out


@cache
def offices() -> dict[str, Office]:
    """The offices shipped with the app (read once)."""
    return parse_offices(yaml.safe_load(OFFICES_FILE.read_text(encoding="utf-8")), str(OFFICES_FILE.name))


def centre_of(dong: str | None) -> Office | None:
    """The 동 주민센터 of a 행정동 (name or code), or None when the 동 is unknown."""
    found = find_dong(dong) if isinstance(dong, str) and dong else None
    if found is None:
        return None
    return next((o for o in offices().values() if o.dong == found.code), None)


def dong_centres() -> list[Office]:
    return [o for o in offices().values() if o.dong]


def office_key_of(channel: str, named: str | None) -> str | None:
    """Which office a programme's resident goes to or calls: the one it names. Guessing from the channel
    would send people to 중구청 for a 보건소 programme; an office that does not apply to the channel
    (`none`: nothing to apply for) is not shown."""
    if not named or channel == "none":
        return None
    return named


def resolve_office(key: str | None, dong: str | None) -> Office | None:
    """The office for a key; `dong-centre` is the resident's own 동 주민센터 (None while unknown)."""
    if key is None:
        return None
    if key == DONG_CENTRE:
        return centre_of(dong)
    return offices().get(key)
