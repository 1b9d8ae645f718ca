"""Extract Jung-gu's 15 행정동 boundaries from the KOSTAT census boundary shapefile into a small GeoJSON.

Run once by a maintainer (never at run time; the app only reads the file this writes):

    python scripts/extract_dong_boundaries.py SOURCE_DIR [--out data/geo/junggu_dongs.geojson]

SOURCE_DIR holds `seoul_submunicipalities.{shp,dbf}` from southkorea/seoul-maps
(`kostat/2013/shp/original/`, commit dbb1dcde2e3c9937684c5a44ab9301888ad63ee6): 통계청 통계지리정보서비스
(SGIS) 센서스용 행정구역경계 2013, in EPSG:5174 (Bessel, Modified Central Belt). Jung-gu's 15 행정동 are
unchanged since (reference §4.2). The shapefile is read with the standard library (it is a simple
format), each ring is simplified in metres (Douglas–Peucker, SIMPLIFY_M) before it is turned into WGS84
with pyproj (the datum shift included), and the coordinates are rounded to DIGITS decimals (~1 m).
See data/geo/NOTICE for the source and its licence, which the output must keep.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from pathlib import Path

from pyproj import Transformer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from naesone_app.core.dongs import DONGS  # noqa: E402

SOURCE_CRS = "EPSG:5174"
SIMPLIFY_M = 3.0  # a boundary a few metres off is invisible at street zoom on a phone
DIGITS = 5  # ~1 m in latitude
# KOSTAT 2013 census code → 행정기관코드 (10 digits), from reference §4.2
KOSTAT_TO_CODE = {
    "1102052": "1114052000", "1102054": "1114054000", "1102055": "1114055000", "1102057": "1114057000",
    "1102058": "1114058000", "1102059": "1114059000", "1102060": "1114060500", "1102069": "1114061500",
    "1102070": "1114062500", "1102071": "1114063500", "1102072": "1114064500", "1102065": "1114065000",
    "1102073": "1114066500", "1102067": "1114067000", "1102068": "1114068000",
}  # fmt: skip

Ring = list[tuple[float, float]]


def read_dbf(path: Path) -> list[dict[str, str]]:
    """Every record of a dBase III file as text fields (KOSTAT writes CP949 or UTF-8)."""
    raw = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", raw[4:12])
    fields, offset = [], 32
    while raw[offset] != 0x0D:
        name = raw[offset : offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, raw[offset + 16]))
        offset += 32
    records = []
    for i in range(count):
        row = raw[header_len + i * record_len : header_len + (i + 1) * record_len]
        position, record = 1, {}  # byte 0 is the deletion flag
        for name, length in fields:
            value = row[position : position + length]
            try:
                record[name] = value.decode("utf-8").strip()
            except UnicodeDecodeError:
                record[name] = value.decode("cp949").strip()
            position += length
        records.append(record)
    return records


def read_polygons(path: Path) -> list[list[Ring]]:
    """Every polygon record (shape type 5) of a shapefile as its list of rings."""
    raw = path.read_bytes()
    if struct.unpack(">I", raw[0:4])[0] != 9994:
        raise ValueError(f"{path}: not a shapefile")
    shapes, offset = [], 100
    while offset < len(raw):
        _number, words = struct.unpack(">II", raw[offset : offset + 8])
        body = raw[offset + 8 : offset + 8 + words * 2]
        offset += 8 + words * 2
        if struct.unpack("<i", body[0:4])[0] != 5:
            raise ValueError(f"{path}: record {_number} is not a polygon")
        num_parts, num_points = struct.unpack("<ii", body[36:44])
        parts = [*struct.unpack(f"<{num_parts}i", body[44 : 44 + 4 * num_parts]), num_points]
        start = 44 + 4 * num_parts
        points = [struct.unpack("<dd", body[start + 16 * k : start + 16 * k + 16]) for k in range(num_points)]
        shapes.append([points[parts[p] : parts[p + 1]] for p in range(num_parts)])
    return shapes


def _offset(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in metres from p to the segment a–b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker on an open polyline (iterative: rings have thousands of points)."""
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for k in range(first + 1, last):
            d = _offset(ring[k], ring[first], ring[last])
            if d > worst:
                worst, index = d, k
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(ring, keep, strict=True) if kept]


def signed_area(ring: Ring) -> float:
    """Positive for a counter-clockwise ring."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def to_geojson_polygons(rings: list[Ring], to_wgs84: Transformer) -> list[list[list[list[float]]]]:
    """Rings → GeoJSON polygons (outer counter-clockwise, holes clockwise, RFC 7946), simplified, in WGS84."""
    polygons: list[list[list[list[float]]]] = []
    for ring in rings:
        # split the closed ring in two so the simplification keeps its far side
        half = len(ring) // 2
        simple = simplify(ring[: half + 1], SIMPLIFY_M)[:-1] + simplify(ring[half:], SIMPLIFY_M)
        if len(simple) < 4:
            continue
        outer = signed_area(ring) < 0  # shapefiles draw outer rings clockwise
        if outer == (signed_area(simple) < 0):
            simple = simple[::-1]
        coords = [[round(c, DIGITS) for c in to_wgs84.transform(x, y)] for x, y in simple]
        coords[-1] = coords[0]
        if outer or not polygons:
            polygons.append([coords])
        else:
            polygons[-1].append(coords)
    return polygons


def extract(source: Path) -> dict:
    """The FeatureCollection of Jung-gu's 15 행정동, in the order of core/dongs.py."""
    records = read_dbf(source / "seoul_submunicipalities.dbf")
    shapes = read_polygons(source / "seoul_submunicipalities.shp")
    if len(records) != len(shapes):
        raise ValueError(f"{source}: {len(records)} attribute rows but {len(shapes)} shapes")
    to_wgs84 = Transformer.from_crs(SOURCE_CRS, "EPSG:4326", always_xy=True)
    by_code = {
        KOSTAT_TO_CODE[r["code"]]: s
        for r, s in zip(records, shapes, strict=True)
        if r["code"] in KOSTAT_TO_CODE
    }
    missing = [d.name for d in DONGS if d.code not in by_code]
    if missing:
        raise ValueError(f"{source}: no boundary for {', '.join(missing)}")
    features = []
    for dong in DONGS:
        polygons = to_geojson_polygons(by_code[dong.code], to_wgs84)
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        features.append(
            {"type": "Feature", "properties": {"code": dong.code, "name": dong.name}, "geometry": geometry}
        )
    return {
        "type": "FeatureCollection",
        "source": "통계청 SGIS 센서스용 행정구역경계 2013 (KOGL Type 1), via southkorea/seoul-maps; see NOTICE",
        "features": features,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder with seoul_submunicipalities.shp and .dbf")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "geo" / "junggu_dongs.geojson")
    args = parser.parse_args()
    collection = extract(args.source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(collection['features'])} 행정동, {len(text.encode()):,} bytes")


if __name__ == "__main__":
    main()
