"""스마트서울맵 (map.seoul.go.kr) theme API responses: 보이는 소화기 (theme 11103379) and other themes.

Reference §3.2: ``{"header": {"resultCode": "200", …}, "body": [ … ]}``; resultCode 100 is an empty theme,
400 a theme this key may not read. COT_COORD_X is meant to be longitude and COT_COORD_Y latitude (still
checked by range). The district is not a field: it is the second token of the address. A theme other
than the ones known here must be told which kind it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from naesone_app.core.facilities.coords import GRS80_BELT
from naesone_app.core.facilities.model import FIRE_EXTINGUISHER, KINDS, Batch, FacilityFormatError, source_key
from naesone_app.core.facilities.readers import row_list
from naesone_app.core.facilities.rows import address_district, locate, other_district, required, settle, text

SOURCE = "smartmap"
THEME_KINDS = {"11103379": FIRE_EXTINGUISHER}  # 보이는소화기함
OK, EMPTY, FORBIDDEN = "200", "100", "400"


def _rows(payload: Any, where: str) -> list[tuple[str, Mapping[str, Any]]]:
    if not isinstance(payload, Mapping) or not isinstance(payload.get("header"), Mapping):
        raise FacilityFormatError(where, 'expected a theme response with "header" and "body"')
    code = str(payload["header"].get("resultCode"))
    if code == EMPTY:
        return []
    if code == FORBIDDEN:
        raise FacilityFormatError(where, "the API answered resultCode 400 (theme not allowed for this key)")
    if code != OK:
        raise FacilityFormatError(where, f"the API answered resultCode {code}")
    return row_list(payload.get("body") or [], where, '"body"')


def parse(payload: Any, where: str, kind: str | None = None) -> Batch:
    """Jung-gu's active contents of one theme page; `kind` names what an unknown theme holds."""
    if kind is not None and kind not in KINDS:
        raise FacilityFormatError(where, f"unknown facility kind {kind!r}")
    batch = Batch()
    for at, row in _rows(payload, where):
        theme, content = required(row, "COT_THEME_ID", at), required(row, "COT_CONTS_ID", at)
        row_kind = kind or THEME_KINDS.get(theme)
        if row_kind is None:
            raise FacilityFormatError(
                at, f"theme {theme} is not one this importer knows: say its kind", "COT_THEME_ID"
            )
        new, old = text(row, "COT_ADDR_FULL_NEW", at), text(row, "COT_ADDR_FULL_OLD", at)
        if other_district(batch, address_district(new, old)):
            continue
        if text(row, "COT_CONTS_STAT", at) not in ("", "1"):
            batch.skipped["inactive"] += 1
            continue
        settle(
            batch, at, f"COT_CONTS_ID {content}", locate(row, "COT_COORD_X", "COT_COORD_Y", at, GRS80_BELT), row,
            kind=row_kind, source=SOURCE, source_id=source_key(theme, content),
            name=text(row, "COT_CONTS_NAME", at) or content, address=new or old,
        )  # fmt: skip
    return batch
