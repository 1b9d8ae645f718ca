"""Seoul open API TbPublicWifiInfo (서울시 공공와이파이 서비스 위치 정보).

Reference §3.5: LAT and LNT are reported swapped in the API (LAT holding the longitude), so the pair is
read by range, never by label; the facility records which way round it was. Jung-gu is X_SWIFI_WRDOFC 중구.
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import PUBLIC_WIFI, Batch
from naesone_app.core.facilities.readers import seoul_rows
from naesone_app.core.facilities.rows import (
    JUNGGU_NAME,
    address_district,
    locate,
    other_district,
    required,
    settle,
    text,
)

SOURCE = "seoul-wifi"
SERVICE = "TbPublicWifiInfo"


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's public wifi points from one API response (or a JSON list of its rows)."""
    batch = Batch()
    for at, row in seoul_rows(payload, SERVICE, where):
        key, office = required(row, "X_SWIFI_MGR_NO", at), text(row, "X_SWIFI_WRDOFC", at)
        road, detail = text(row, "X_SWIFI_ADRES1", at), text(row, "X_SWIFI_ADRES2", at)
        in_junggu = office == JUNGGU_NAME if office else address_district(road)
        if other_district(batch, in_junggu):
            continue
        settle(
            batch, at, f"X_SWIFI_MGR_NO {key}", locate(row, "LNT", "LAT", at, GRS80_BELT), row,
            kind=PUBLIC_WIFI, source=SOURCE, source_id=key, name=required(row, "X_SWIFI_MAIN_NM", at),
            address=" ".join(part for part in (road, detail) if part),
        )  # fmt: skip
    return batch
