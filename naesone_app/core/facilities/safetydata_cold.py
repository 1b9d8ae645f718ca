"""safetydata.go.kr DSSP-IF-10804: 한파쉼터 (cold shelters), nationwide, WGS84 LAT/LOT.

Reference §2.3: field names differ completely from 10942; weekday hours are HHMM but the Saturday columns
are HHMMSS, both read as HH:MM. Jung-gu's rows are picked by address, as for 10942.
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import COLD_SHELTER, Batch
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

SOURCE = "dssp-10804"
DAYS = {"weekday": "WKDY", "saturday": "STDY", "sunday": "SNDY", "holiday": "LHLDY"}


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's cold shelters from one response page (or a JSON list of its rows)."""
    batch = Batch()
    for at, row in safetydata_rows(payload, where):
        key = required(row, "REARE_FCLT_NO", at)
        road, lot = text(row, "RONA_DADDR", at), text(row, "DADDR", at)
        if other_district(batch, address_district(road, lot)):
            continue
        hours = {
            day: span(time_of_day(row, f"{p}_OPER_BGNG_HR", at), time_of_day(row, f"{p}_OPER_END_HR", at))
            for day, p in DAYS.items()
        }
        settle(
            batch, at, f"REARE_FCLT_NO {key}", locate(row, "LOT", "LAT", at, GRS80_BELT), row,
            kind=COLD_SHELTER, source=SOURCE, source_id=key, name=required(row, "REARE_NM", at),
            address=road or lot, capacity=count(row, "UTZTN_PSBLTY_TNOP", at), hours=hours["weekday"],
            extra={"hours_by_day": hours},
        )  # fmt: skip
    return batch
