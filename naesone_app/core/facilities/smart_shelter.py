"""서울시 스마트쉼터 현황 (OA-22311): smart bus shelters, a file dataset with a title row above the header.

Reference §3.4 marks this format unverified: the exact header text is unknown. One importer read column
1 = 자치구, 2 = name, 4 = 도로명주소, 6 = 경도, 7 = 위도; columns are found by header name where the header
uses one of the names below, and by those positions otherwise. The header row is the first row naming
자치구 (or 시군구). The rows have no id, so the key is (자치구, name, address).
"""

from __future__ import annotations

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import SMART_SHELTER, Batch, FacilityFormatError, source_key
from naesone_app.core.facilities.readers import records_with_header
from naesone_app.core.facilities.rows import (
    JUNGGU_NAME,
    address_district,
    locate,
    other_district,
    required,
    settle,
    text,
)

SOURCE = "seoul-smart-shelter"
DISTRICT_HEADERS = ("자치구", "시군구")
# meaning → (header names, position reported by one importer)
COLUMNS = {
    "district": (DISTRICT_HEADERS, 1),
    "name": (("시설명", "쉼터명", "정류소명"), 2),
    "address": (("도로명주소", "주소", "상세주소"), 4),
    "lon": (("경도", "X좌표", "x좌표"), 6),
    "lat": (("위도", "Y좌표", "y좌표"), 7),
}


def _columns(header: list[str], where: str) -> dict[str, str]:
    found = {}
    for meaning, (names, position) in COLUMNS.items():
        named = next((n for n in names if n in header), None)
        if named is None and position >= len(header):
            raise FacilityFormatError(f"{where}: header", "missing column", " or ".join(names))
        found[meaning] = named or header[position]
    return found


def parse(records: list[list[str]], where: str) -> Batch:
    """Jung-gu's smart shelters from the CSV records (title rows, then the header, then data)."""
    header_at = next(
        (i for i, r in enumerate(records) if any(c.strip() in DISTRICT_HEADERS for c in r)), None
    )
    if header_at is None:
        raise FacilityFormatError(where, "no header row naming 자치구 or 시군구")
    header, rows = records_with_header(records, where, header_at)
    col = _columns(header, where)
    batch = Batch()
    for at, row in rows:
        district, name = text(row, col["district"], at), required(row, col["name"], at)
        address = text(row, col["address"], at)
        in_junggu = district == JUNGGU_NAME if district else address_district(address)
        if other_district(batch, in_junggu):
            continue
        settle(
            batch, at, name, locate(row, col["lon"], col["lat"], at, GRS80_BELT), row,
            kind=SMART_SHELTER, source=SOURCE, source_id=source_key(district, name, address), name=name,
            address=address,
        )  # fmt: skip
    return batch
