"""전국민방위대피시설표준데이터: the national civil-defence shelter CSV in the LOCALDATA layout.

Reference §2.6: coordinates 좌표정보(x)/(y) are TM EPSG:5174 (the header is spelled with a lower- or an
upper-case x/y depending on the file); a shelter is in use when 영업상태명 is 사용중. Rows of other
districts (개방자치단체코드 ≠ 3010000) are counted as skipped. The national file and Seoul's
LOCALDATA_114602 describe the same register, so both store under one source and key.
"""

from __future__ import annotations

from naesone_app.core.facilities.coords import BESSEL_BELT
from naesone_app.core.facilities.model import CIVIL_DEFENCE_SHELTER, Batch, source_key
from naesone_app.core.facilities.readers import one_of, records_with_header, require_columns
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

SOURCE = "civil-defence-localdata"
ACTIVE = ("사용중", "영업/정상", "정상")
KEY, ORG, STATUS, NAME = "관리번호", "개방자치단체코드", "영업상태명", "사업장명"


def is_active(status: str) -> bool:
    """In use: 사용중 (a blank status is not evidence of closure)."""
    return not status or status in ACTIVE


def parse(records: list[list[str]], where: str) -> Batch:
    """Jung-gu's active shelters from the CSV records (header first)."""
    header, rows = records_with_header(records, where)
    require_columns(header, where, ORG, KEY, STATUS, NAME)
    x_column = one_of(header, where, "좌표정보(x)", "좌표정보(X)")
    y_column = one_of(header, where, "좌표정보(y)", "좌표정보(Y)")
    batch = Batch()
    for at, row in rows:
        org, key = text(row, ORG, at), required(row, KEY, at)
        road, lot = text(row, "도로명전체주소", at), text(row, "소재지전체주소", at)
        in_junggu = org == JUNGGU_ORG_CODE if org else address_district(road, lot)
        if other_district(batch, in_junggu):
            continue
        if not is_active(text(row, STATUS, at)):
            batch.skipped["inactive"] += 1
            continue
        number, phone_extra = phone(text(row, "소재지전화", at))
        settle(
            batch, at, f"{KEY} {key}", locate(row, x_column, y_column, at, BESSEL_BELT), row,
            kind=CIVIL_DEFENCE_SHELTER, source=SOURCE, source_id=source_key(org or JUNGGU_ORG_CODE, key),
            name=text(row, NAME, at) or text(row, "시설명건물명", at), address=road or lot,
            phone=number, extra=phone_extra,
        )  # fmt: skip
    return batch
