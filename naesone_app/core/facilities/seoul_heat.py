"""Seoul open API TbGtnHwcwP (OA-21065): Seoul's 무더위쉼터 list, WGS84 LAT/LON.

Reference §2.7: no district filter, AREA_CD starts with the 8-digit 행정동 code (Jung-gu: 11140…).
The rows carry no facility number, so the key is (AREA_CD, 쉼터명); YEAR is left out so next year's list
updates this year's shelters rather than adding them again.
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import HEAT_SHELTER, Batch, source_key
from naesone_app.core.facilities.readers import seoul_rows
from naesone_app.core.facilities.rows import (
    JUNGGU_SIGUNGU,
    address_district,
    count,
    locate,
    other_district,
    required,
    settle,
    text,
)

SOURCE = "seoul-heat"
SERVICE = "TbGtnHwcwP"


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's heat shelters from one API response (or a JSON list of its rows)."""
    batch = Batch()
    for at, row in seoul_rows(payload, SERVICE, where):
        area, name = text(row, "AREA_CD", at), required(row, "R_AREA_NM", at)
        road, lot = text(row, "R_DETL_ADD", at), text(row, "LOTNO_ADDR", at)
        in_junggu = area.startswith(JUNGGU_SIGUNGU) if area else address_district(road, lot)
        if other_district(batch, in_junggu):
            continue
        settle(
            batch, at, name, locate(row, "LON", "LAT", at, GRS80_BELT), row,
            kind=HEAT_SHELTER, source=SOURCE, source_id=source_key(area, name), name=name,
            address=road or lot, capacity=count(row, "USE_PRNB", at),
        )  # fmt: skip
    return batch
