"""safetydata.go.kr DSSP-IF-10943: 지진옥외대피장소 (earthquake outdoor evacuation sites), WGS84 LA/LO.

Reference §2.4: ACMDFCLTY_SN is unique only within ARCD, so the key is (ARCD, ACMDFCLTY_SN); Jung-gu is
ARCD 1114000000 (checked by the 11140 prefix); USE_SE_CD 0 means not in use. Capacity is nominal.
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import EARTHQUAKE_OUTDOOR, Batch, source_key
from naesone_app.core.facilities.readers import safetydata_rows
from naesone_app.core.facilities.rows import (
    JUNGGU_SIGUNGU,
    address_district,
    count,
    locate,
    other_district,
    phone,
    required,
    settle,
    text,
)

SOURCE = "dssp-10943"


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's earthquake evacuation sites from one response page (or a JSON list of its rows)."""
    batch = Batch()
    for at, row in safetydata_rows(payload, where):
        area, serial = text(row, "ARCD", at), required(row, "ACMDFCLTY_SN", at)
        road, lot = text(row, "RN_DTL_ADRES", at), text(row, "EQK_ACMDFCLTY_ADRES", at)
        in_junggu = area.startswith(JUNGGU_SIGUNGU) if area else address_district(road, lot)
        if other_district(batch, in_junggu):
            continue
        if text(row, "USE_SE_CD", at) == "0":
            batch.skipped["inactive"] += 1
            continue
        number, phone_extra = phone(text(row, "TELNO", at))
        settle(
            batch, at, f"ACMDFCLTY_SN {serial}", locate(row, "LO", "LA", at, GRS80_BELT), row,
            kind=EARTHQUAKE_OUTDOOR, source=SOURCE, source_id=source_key(area, serial),
            name=required(row, "VT_ACMDFCLTY_NM", at), address=road or lot,
            capacity=count(row, "VT_ACMD_PSBL_NMPR", at), phone=number, extra=phone_extra,
        )  # fmt: skip
    return batch
