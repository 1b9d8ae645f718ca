"""Seoul open API LOCALDATA_114602 (서울시 민방위대피시설 인허가 정보) in its v1 and v2 column standards.

Reference §2.6: v1 (MGTNO, X/Y in TM EPSG:5174) and v2 (MNG_NO, XCRD/YCRD, reported to hold WGS84
latitude/longitude in that order) are told apart per row by their id column; the coordinate system and
axis order are then detected from the values. Keyed like the national CSV: (개방자치단체코드, 관리번호).
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import BESSEL_BELT
from naesone_app.core.facilities.localdata_csv import SOURCE, is_active
from naesone_app.core.facilities.model import CIVIL_DEFENCE_SHELTER, Batch, FacilityFormatError, source_key
from naesone_app.core.facilities.readers import seoul_rows
from naesone_app.core.facilities.rows import (
    JUNGGU_ORG_CODE,
    Row,
    address_district,
    locate,
    other_district,
    phone,
    required,
    settle,
    text,
)

SERVICE = "LOCALDATA_114602"
# meaning → (v1 column, v2 column)
COLUMNS = {
    "key": ("MGTNO", "MNG_NO"),
    "org": ("OPNSFTEAMCODE", "OGDP_INST_CD"),
    "name": ("BPLCNM", "BPLC_NM"),
    "status": ("TRDSTATENM", "SALS_STTS_NM"),
    "road": ("RDNWHLADDR", "ROAD_NM_ADDR"),
    "lot": ("SITEWHLADDR", "LOTNO_ADDR"),
    "x": ("X", "XCRD"),
    "y": ("Y", "YCRD"),
    "phone": ("SITETEL", "TELNO"),
}


def _standard(row: Row, at: str) -> int:
    """0 for a v1 row, 1 for a v2 row."""
    if "MGTNO" in row:
        return 0
    if "MNG_NO" in row:
        return 1
    raise FacilityFormatError(at, "neither a v1 (MGTNO) nor a v2 (MNG_NO) LOCALDATA row", "MGTNO")


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's active shelters from one API response (or a JSON list of its rows)."""
    batch = Batch()
    for at, row in seoul_rows(payload, SERVICE, where):
        col = {meaning: names[_standard(row, at)] for meaning, names in COLUMNS.items()}
        org, key = text(row, col["org"], at), required(row, col["key"], at)
        road, lot = text(row, col["road"], at), text(row, col["lot"], at)
        in_junggu = org == JUNGGU_ORG_CODE if org else address_district(road, lot)
        if other_district(batch, in_junggu):
            continue
        if not is_active(text(row, col["status"], at)):
            batch.skipped["inactive"] += 1
            continue
        number, phone_extra = phone(text(row, col["phone"], at))
        settle(
            batch, at, f"{col['key']} {key}", locate(row, col["x"], col["y"], at, BESSEL_BELT), row,
            kind=CIVIL_DEFENCE_SHELTER, source=SOURCE, source_id=source_key(org or JUNGGU_ORG_CODE, key),
            name=text(row, col["name"], at), address=road or lot, phone=number, extra=phone_extra,
        )  # fmt: skip
    return batch
