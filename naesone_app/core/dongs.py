"""Jung-gu's 15 행정동: names, 10-digit 행정기관코드 and map centroids.

Source: shared/reference/korean-public-data.md §4.2 (codes from two independent code lists;
centroids computed from the KOSTAT 2013 boundaries, a map-centring point, not an office address).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Dong:
    """One 행정동 of Jung-gu."""

    name: str
    code: str
    lat: float
    lon: float


DONGS: tuple[Dong, ...] = (
    Dong("소공동", "1114052000", 37.56435, 126.97429),
    Dong("회현동", "1114054000", 37.55703, 126.97667),
    Dong("명동", "1114055000", 37.56377, 126.98428),
    Dong("필동", "1114057000", 37.55689, 126.99376),
    Dong("장충동", "1114058000", 37.55559, 127.00219),
    Dong("광희동", "1114059000", 37.56514, 127.00371),
    Dong("을지로동", "1114060500", 37.56663, 126.99677),
    Dong("신당동", "1114061500", 37.56578, 127.01370),
    Dong("다산동", "1114062500", 37.55487, 127.00831),
    Dong("약수동", "1114063500", 37.54993, 127.01020),
    Dong("청구동", "1114064500", 37.55686, 127.01523),
    Dong("신당5동", "1114065000", 37.56367, 127.02182),
    Dong("동화동", "1114066500", 37.56074, 127.01858),
    Dong("황학동", "1114067000", 37.56854, 127.02081),
    Dong("중림동", "1114068000", 37.55729, 126.96590),
)

_BY_KEY: dict[str, Dong] = {d.name: d for d in DONGS} | {d.code: d for d in DONGS}
_BY_KEY["신당제5동"] = _BY_KEY["신당5동"]  # the KMA list's spelling


def find_dong(name_or_code: str) -> Dong | None:
    """The dong for a 행정동 name (신당동) or 10-digit code (1114061500), else None."""
    return _BY_KEY.get(name_or_code.strip())
