"""safetydata.go.kr DSSP-IF-10942: 무더위쉼터 (heat shelters), nationwide, WGS84 LA/LO.

Reference §2.2. The API has no region filter, so Jung-gu's rows are picked by address; a row whose
address says 서울 중구 but whose point is elsewhere is reported, not placed.
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import HEAT_SHELTER, Batch
from naesone_app.core.facilities.readers import safetydata_rows
from naesone_app.core.facilities.rows import (
    address_district,
    count,
    locate,
    other_district,
    required,
    settle,
    span,
    text,
    time_of_day,
)

SOURCE = "dssp-10942"


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's heat shelters from one response page (or a JSON list of its rows)."""
    batch = Batch()
    for at, row in safetydata_rows(payload, where):
        key = required(row, "RSTR_FCLTY_NO", at)
        road, lot = text(row, "RN_DTL_ADRES", at), text(row, "DTL_ADRES", at)
        if other_district(batch, address_district(road, lot)):
            continue
        weekday = span(
            time_of_day(row, "WKDAY_OPER_BEGIN_TIME", at), time_of_day(row, "WKDAY_OPER_END_TIME", at)
        )
        weekend = span(
            time_of_day(row, "WKEND_HDAY_OPER_BEGIN_TIME", at),
            time_of_day(row, "WKEND_HDAY_OPER_END_TIME", at),
        )
        settle(
            batch, at, f"RSTR_FCLTY_NO {key}", locate(row, "LO", "LA", at, GRS80_BELT), row,
            kind=HEAT_SHELTER, source=SOURCE, source_id=key, name=required(row, "RSTR_NM", at),
            address=road or lot, capacity=count(row, "USE_PSBL_NMPR", at), hours=weekday,
            extra={"hours_by_day": {"weekday": weekday, "weekend_holiday": weekend}},
        )  # fmt: skip
    return batch
