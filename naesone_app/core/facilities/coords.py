"""Coordinates: which system a pair of numbers is in, decided from their ranges, and WGS84 from pyproj.

Korean datasets label axes unreliably (LAT/LNT swapped in the wifi API, XCRD holding latitude in Seoul
LOCALDATA v2, 제설함 TM in millimetres), so labels are never trusted (reference §3.8): degrees are told
apart by range (latitude 33–39.5, longitude 124–132), TM metres by magnitude, and around Seoul the
northing tells the belts apart (≈451,000 for the 500,000-false-northing belts, ≈551,000 for EPSG:5186).
EPSG:5174 (Bessel, LOCALDATA) and EPSG:5181 (GRS80) share that range; they differ by about 70 m, which
no range can tell, so the importer says which one its source uses (`belt`). EPSG:2097 is never guessed:
reading 5174 data as 2097 moves points 255 m west.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pyproj import Transformer

WGS84 = "EPSG:4326"
BESSEL_BELT = "EPSG:5174"  # Korean 1985 / Modified Central Belt: LOCALDATA 좌표정보(x,y), Seoul LOCALDATA v1
GRS80_BELT = "EPSG:5181"  # KGD2002 / Central Belt, false northing 500,000
BELT_2010 = "EPSG:5186"  # KGD2002 / Central Belt 2010, false northing 600,000: 제설함, Seoul GIS layers
UTM_K = "EPSG:5179"  # KGD2002 / Unified CS: juso, SGIS
BELTS = (BESSEL_BELT, GRS80_BELT)

LAT_RANGE = (33.0, 39.5)
LON_RANGE = (124.0, 132.0)
# Jung-gu's box (reference §4.3) and the padding the import check allows.
JUNGGU_BOX = (126.9615, 37.5438, 127.0268, 37.5720)  # west, south, east, north
BOX_PAD = 0.003
DIGITS = 7  # about 1 cm: stored positions compare equal on re-import


@dataclass(frozen=True, slots=True)
class Position:
    """A WGS84 point and how it was read: the system detected, axis order, millimetres."""

    lat: float
    lon: float
    crs: str = WGS84
    swapped: bool = False
    millimetres: bool = False

    @property
    def in_junggu(self) -> bool:
        """Inside Jung-gu's padded box."""
        return in_junggu(self.lat, self.lon)

    def describe(self) -> dict[str, object]:
        """How the position was read, kept with the facility so the reading can be checked later."""
        info: dict[str, object] = {"crs": self.crs}
        if self.swapped:
            info["axes"] = "swapped"
        if self.millimetres:
            info["unit"] = "mm"
        return info


@dataclass(frozen=True, slots=True)
class Unrecognised:
    """Two numbers that are no coordinate pair in any system this platform knows."""

    x: float
    y: float


def in_junggu(lat: float, lon: float, pad: float = BOX_PAD) -> bool:
    """Whether a WGS84 point lies in Jung-gu's bounding box padded by `pad` degrees."""
    west, south, east, north = JUNGGU_BOX
    return west - pad <= lon <= east + pad and south - pad <= lat <= north + pad


@cache
def _to_wgs84(crs: str) -> Transformer:
    return Transformer.from_crs(crs, WGS84, always_xy=True)


def _between(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _tm_system(easting: float, northing: float, belt: str) -> str | None:
    """The TM system an (easting, northing) pair in metres belongs to, judged for the Seoul region."""
    if _between(easting, (800_000, 1_200_000)) and _between(northing, (1_700_000, 2_200_000)):
        return UTM_K
    if _between(easting, (100_000, 300_000)):
        if _between(northing, (350_000, 500_000)):
            return belt
        if _between(northing, (500_000, 650_000)):
            return BELT_2010
    return None


def detect(x: float, y: float, belt: str = BESSEL_BELT) -> Position | Unrecognised:
    """Read a pair labelled (x, y) whatever it really is: WGS84 either way round, TM metres or millimetres.

    `belt` is the system meant when the pair is in the 500,000-false-northing belt range (5174 or 5181).
    """
    if belt not in BELTS:
        raise ValueError(f"belt must be one of {BELTS}, not {belt!r}")
    if _between(x, LON_RANGE) and _between(y, LAT_RANGE):
        return Position(round(y, DIGITS), round(x, DIGITS))
    if _between(x, LAT_RANGE) and _between(y, LON_RANGE):
        return Position(round(x, DIGITS), round(y, DIGITS), swapped=True)
    for millimetres, scale in ((False, 1.0), (True, 1000.0)):
        for swapped, easting, northing in ((False, x, y), (True, y, x)):
            easting, northing = easting / scale, northing / scale
            crs = _tm_system(easting, northing, belt)
            if crs is not None:
                lon, lat = _to_wgs84(crs).transform(easting, northing)
                return Position(round(lat, DIGITS), round(lon, DIGITS), crs, swapped, millimetres)
    return Unrecognised(x, y)
