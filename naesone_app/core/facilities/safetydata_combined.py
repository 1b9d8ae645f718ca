"""safetydata.go.kr DSSP-IF-10941: the combined shelter list (한파·무더위·지진옥외·지진해일), WGS84 LAT/LOT.

Reference §2.5: the type code table (SHLT_SE_CD 1 한파, 2 무더위, 3 지진옥외, 4 지진해일) comes from one test
fixture and is unverified, so the type is read from the name SHLT_SE_NM first and from the code only
when the name says nothing; a row neither identifies is skipped as an unknown type.
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import (
    COLD_SHELTER,
    EARTHQUAKE_OUTDOOR,
    HEAT_SHELTER,
    TSUNAMI_SHELTER,
    Batch,
    source_key,
)
from naesone_app.core.facilities.readers import safetydata_rows
from naesone_app.core.facilities.rows import (
    address_district,
    locate,
    other_district,
    phone,
    required,
    settle,
    text,
)

SOURCE = "dssp-10941"
BY_CODE = {"1": COLD_SHELTER, "2": HEAT_SHELTER, "3": EARTHQUAKE_OUTDOOR, "4": TSUNAMI_SHELTER}
BY_NAME = (("지진해일", TSUNAMI_SHELTER), ("지진", EARTHQUAKE_OUTDOOR), ("한파", COLD_SHELTER),
           ("무더위", HEAT_SHELTER))  # fmt: skip


def kind_of(code: str, name: str) -> str | None:
    """The facility kind for a SHLT_SE_CD / SHLT_SE_NM pair, the name winning."""
    for word, kind in BY_NAME:
        if word in name:
            return kind
    return BY_CODE.get(code.lstrip("0") or code)


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's shelters of every type from one response page (or a JSON list of its rows)."""
    batch = Batch()
    for at, row in safetydata_rows(payload, where):
        code, serial = text(row, "SHLT_SE_CD", at), required(row, "MNG_SN", at)
        address = text(row, "RONA_DADDR", at)
        if other_district(batch, address_district(address)):
            continue
        kind = kind_of(code, text(row, "SHLT_SE_NM", at))
        if kind is None:
            batch.skipped["unknown_type"] += 1
            continue
        number, phone_extra = phone(text(row, "RST_TELNO", at))
        settle(
            batch, at, f"MNG_SN {serial}", locate(row, "LOT", "LAT", at, GRS80_BELT), row,
            kind=kind, source=SOURCE, source_id=source_key(code, serial), name=required(row, "REARE_NM", at),
            address=address, hours=text(row, "OPNNG_CLSE_HR", at), phone=number, extra=phone_extra,
        )  # fmt: skip
    return batch
