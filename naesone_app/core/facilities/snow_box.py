"""서울시 제설함 위치정보: snow-removal material boxes, ``{"DESCRIPTION": …, "DATA": […]}``.

Reference §3.3: g2_xmin/g2_ymin are TM in millimetres; recent pipelines read them as EPSG:5186, an older
one as EPSG:5181. The northing decides (≈551 km for 5186, ≈451 km for the 500 km belt, read as 5181
here since the dataset is GRS80). Jung-gu's boxes are numbered 중구-… and managed by 중구.
"""

from __future__ import annotations

from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import SNOW_BOX, Batch
from naesone_app.core.facilities.readers import described_rows
from naesone_app.core.facilities.rows import JUNGGU_NAME, locate, other_district, required, settle, text

SOURCE = "seoul-snowbox"


def district_of(number: str, office: str) -> bool | None:
    """True for a Jung-gu box, False for another district's, None if neither field says."""
    prefix = number.split("-")[0].strip() if "-" in number else ""
    if prefix:
        return prefix in (JUNGGU_NAME, "중")  # 중구-012 (unverified spelling; 중-012 also read)
    if office:
        return office.startswith(JUNGGU_NAME) or "서울특별시 중구" in office
    return None


def parse(payload: Any, where: str) -> Batch:
    """Jung-gu's snow boxes from the dataset JSON."""
    batch = Batch()
    for at, row in described_rows(payload, where):
        number, place = required(row, "sbox_num", at), text(row, "detl_cn", at)
        if other_district(batch, district_of(number, text(row, "mgc_nm", at))):
            continue
        settle(
            batch, at, f"sbox_num {number}", locate(row, "g2_xmin", "g2_ymin", at, GRS80_BELT), row,
            kind=SNOW_BOX, source=SOURCE, source_id=number, name=place or number, address=place,
        )  # fmt: skip
    return batch
