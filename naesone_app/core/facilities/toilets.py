"""전국공중화장실표준데이터 (data.go.kr standard data): public toilets, CSV with WGS84위도/WGS84경도.

Reference §3.6: Jung-gu is 개방자치단체코드 3010000. Older file versions name some columns differently
(구분 / 화장실소유구분) and may lack the WGS84 columns; those rows cannot be placed and are counted as
having no coordinates.
"""

from __future__ import annotations

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import PUBLIC_TOILET, Batch, source_key
from naesone_app.core.facilities.readers import records_with_header, require_columns
from naesone_app.core.facilities.rows import (
    JUNGGU_ORG_CODE,
    address_district,
    locate,
    other_district,
    phone,
    required,
    settle,
    text,
)

SOURCE = "toilet-standard"
ORG, KEY, NAME = "개방자치단체코드", "관리번호", "화장실명"
LAT, LON = "WGS84위도", "WGS84경도"


def parse(records: list[list[str]], where: str) -> Batch:
    """Jung-gu's public toilets from the CSV records (header first)."""
    header, rows = records_with_header(records, where)
    require_columns(header, where, ORG, KEY, NAME)
    has_position = LAT in header and LON in header
    batch = Batch()
    for at, row in rows:
        org, key = text(row, ORG, at), required(row, KEY, at)
        road, lot = text(row, "소재지도로명주소", at), text(row, "소재지지번주소", at)
        in_junggu = org == JUNGGU_ORG_CODE if org else address_district(road, lot)
        if other_district(batch, in_junggu):
            continue
        opening, detail = text(row, "개방시간", at), text(row, "개방시간상세", at)
        number, phone_extra = phone(text(row, "전화번호", at))
        settle(
            batch, at, f"{KEY} {key}", locate(row, LON, LAT, at, GRS80_BELT) if has_position else None, row,
            kind=PUBLIC_TOILET, source=SOURCE, source_id=source_key(org or JUNGGU_ORG_CODE, key),
            name=required(row, NAME, at),
            address=road or lot, hours=f"{opening} ({detail})" if opening and detail else opening or detail,
            phone=number, extra=phone_extra,
        )  # fmt: skip
    return batch
