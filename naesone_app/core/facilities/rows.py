"""Reading one source row: typed fields whose errors name the row and column, Jung-gu membership,
and settling the row as a placed facility, an out-of-box report or a counted skip.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from naesone_app.core.facilities.coords import BESSEL_BELT, Position, Unrecognised, detect
from naesone_app.core.facilities.model import MAX_PHONE, Batch, Facility, FacilityFormatError, OutOfBox

JUNGGU_ORG_CODE = "3010000"  # 행정표준기관코드: LOCALDATA 개방자치단체코드 (reference §4.1)
JUNGGU_SIGUNGU = "11140"  # 시군구 code: prefix of 법정동/행정동 codes
JUNGGU_NAME = "중구"
_SEOUL_JUNGGU = re.compile(r"^\s*서울(?:특별시|시)?\s*중구(?:\s|$|\()")
# An address that starts with a province or metropolitan city names its district unambiguously.
_PROVINCE = re.compile(
    r"^\s*(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충청|충북|충남|전라|전북|전남|경상|경북|경남|제주)"
)
_TIME = re.compile(r"^(\d{1,2}):?(\d{2})(?::?(\d{2}))?$")
Row = Mapping[str, Any]


def text(row: Row, column: str, at: str) -> str:
    """A text field, stripped; numbers are accepted as their digits (JSON codes arrive either way)."""
    value = row.get(column)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FacilityFormatError(at, f"expected text, got {value!r}", column)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def required(row: Row, column: str, at: str) -> str:
    """A text field that identifies the row (its id): blank is an error, since it could not be re-imported."""
    value = text(row, column, at)
    if not value:
        raise FacilityFormatError(at, "blank, but it identifies the row", column)
    return value


def number(row: Row, column: str, at: str) -> float | None:
    """A number sent as a number or a string (commas allowed); blank is None; anything else is an error."""
    value = row.get(column)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    result: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip().replace(",", ""))
        except ValueError:
            result = None
    if result is None or not math.isfinite(result):
        raise FacilityFormatError(at, f"expected a number, got {value!r}", column)
    return result


def count(row: Row, column: str, at: str) -> int | None:
    """A non-negative whole number (capacity, seats); blank is None."""
    value = number(row, column, at)
    if value is None:
        return None
    if value < 0 or not value.is_integer():
        raise FacilityFormatError(at, f"expected a whole number of people, got {row.get(column)!r}", column)
    return int(value)


def time_of_day(row: Row, column: str, at: str) -> str | None:
    """HH:MM from the sources' HHMM, HHMMSS (10804 weekend columns) or HH:MM[:SS]; blank is None."""
    value = row.get(column)
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    raw = text(row, column, at)
    if not raw:
        return None
    match = _TIME.match(raw)
    if match and len(raw.replace(":", "")) in (3, 4, 6):
        hour, minute = int(match[1]), int(match[2])
        if (hour < 24 and minute < 60) or (hour == 24 and minute == 0):
            return f"{hour:02d}:{minute:02d}"
    raise FacilityFormatError(at, f"expected a time as HHMM or HHMMSS, got {value!r}", column)


def span(begin: str | None, end: str | None) -> str:
    """'09:00–18:00' when both ends are known, else ''."""
    return f"{begin}–{end}" if begin and end else ""


def phone(value: str) -> tuple[str, dict[str, str]]:
    """The phone column's value (the first number when several are listed) and, if cut, the full text."""
    if len(value) <= MAX_PHONE:
        return value, {}
    first = re.split(r"[,/;]", value)[0].strip()[:MAX_PHONE]
    return first, {"phone_full": value}


def address_district(*addresses: str) -> bool | None:
    """True if an address says 서울 중구, False if one names somewhere else, None if none says."""
    filled = [a for a in addresses if a and a.strip()]
    if any(_SEOUL_JUNGGU.match(a) for a in filled):
        return True
    if any(_PROVINCE.match(a) for a in filled):
        return False
    # "중구 …" without a city could be any 중구, and a bare place name says nothing: the box decides.
    return None


def locate(
    row: Row, x_column: str, y_column: str, at: str, belt: str = BESSEL_BELT
) -> Position | Unrecognised | None:
    """The row's position from its two coordinate columns (order and system detected); None if blank or 0."""
    x, y = number(row, x_column, at), number(row, y_column, at)
    if not x or not y:  # blank, or the 0 some sources write for "unknown"
        return None
    return detect(x, y, belt)


def other_district(batch: Batch, in_junggu: bool | None) -> bool:
    """Count the row as skipped when it belongs to another district (False); True if it was skipped."""
    if in_junggu is False:
        batch.skipped["other_district"] += 1
        return True
    return False


def settle(
    batch: Batch, at: str, label: str, position: Position | Unrecognised | None, raw: Row, **fields: Any
) -> None:
    """Add the row to the batch: placed if inside Jung-gu, otherwise reported or counted as skipped.

    The placed facility keeps every non-blank source field in `extra["source_fields"]` (nothing lost)
    and how its position was read in `extra["position"]`.
    """
    where = f"{at} ({label})" if label else at
    if position is None:
        batch.skipped["no_coordinates"] += 1
        return
    if isinstance(position, Unrecognised):
        detail = f"({position.x:g}, {position.y:g}) is not a coordinate pair in any known system"
        batch.out_of_box.append(OutOfBox(where, detail))
        return
    if not position.in_junggu:
        detail = f"lat {position.lat:.5f}, lon {position.lon:.5f} ({position.crs}) is outside Jung-gu"
        batch.out_of_box.append(OutOfBox(where, detail))
        return
    extra = dict(fields.pop("extra", {}))
    extra["position"] = position.describe()
    extra["source_fields"] = {k: v for k, v in raw.items() if v is not None and v != ""}
    batch.add(Facility(lat=position.lat, lon=position.lon, extra=extra, **fields))
