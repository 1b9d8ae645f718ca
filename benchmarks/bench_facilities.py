"""Shelter guidance: the nearest shelters among 10,000 facilities, and the size of the offline facility data.

Nearest: 10,000 seeded facilities spread over Jung-gu's box (one in eight a shelter, the share of the
district's 96 shelters among its 772 facilities), 500 seeded places to search from; what is timed is the
core `nearest()` the API uses (five shelters, straight-line distance). The browser does the same
computation in JavaScript over the same data.

Offline data: the compact GeoJSON that /api/facilities.geojson serves and the page keeps in localStorage,
for the shipped samples (read through the real importers, as `naesone facilities load-samples` does) and
for 10,000 facilities. localStorage holds UTF-16, so its footprint is twice the characters; the network
transfer is the gzip size.
"""

from __future__ import annotations

import gzip
import json
import random

from benchmarks.common import SEED, Figure, figure, heading, time_calls, time_each
from naesone_app.core.facilities import KINDS, SHELTER_KINDS, Facility, nearest, read_files
from naesone_app.core.facilities.coords import JUNGGU_BOX
from naesone_app.core.facilities.formats import mark_sample
from naesone_app.core.facilities.geojson import public_feature_collection

FACILITIES = 10_000
PLACES = 500
SHELTER_SHARE = 96 / 772
ROUNDS = 3


def synthetic_facilities(n: int, seed: int = SEED) -> list[Facility]:
    """`n` facilities at seeded random places in Jung-gu, with names and addresses of realistic length."""
    rng = random.Random(seed)
    west, south, east, north = JUNGGU_BOX
    shelters = sorted(SHELTER_KINDS)
    others = [k for k in KINDS if k not in SHELTER_KINDS]
    out = []
    for i in range(n):
        kind = rng.choice(shelters) if rng.random() < SHELTER_SHARE else rng.choice(others)
        out.append(Facility(
            kind=kind, source="bench", source_id=f"{i:05d}", name=f"벤치마크 시설 {i} 지하1층",
            address=f"서울특별시 중구 벤치마크로 {rng.randint(1, 300)}", lat=rng.uniform(south, north),
            lon=rng.uniform(west, east), phone="02-0000-0000" if rng.random() < 0.5 else "", is_sample=True,
        ))  # fmt: skip
    return out


def sample_facilities() -> list[Facility]:
    """The shipped sample facilities, read through the importers exactly as load-samples does."""
    from naesone_app.cli.common import SAMPLE_FACILITIES_DIR

    manifest = json.loads((SAMPLE_FACILITIES_DIR / "manifest.json").read_text("utf-8"))
    facilities: dict[str, Facility] = {}
    for entry in manifest["imports"]:
        files = [str(SAMPLE_FACILITIES_DIR / name) for name in entry["files"]]
        batch = mark_sample(read_files(entry["format"], files, entry.get("kind")), "sample")
        for facility in batch.facilities:
            facilities.setdefault(facility.key, facility)
    return list(facilities.values())


def offline_size(facilities: list[Facility]) -> tuple[int, int, int]:
    """(UTF-8 bytes, gzip bytes, localStorage bytes) of what the page stores for these facilities."""
    body = json.dumps(public_feature_collection(facilities, "0123456789abcdef"), ensure_ascii=False,
                      separators=(",", ":"))  # fmt: skip
    stored = f'{{"saved_at":1767225600000,"data":{body}}}'  # as shelter_guide.js writes it
    raw = body.encode()
    return len(raw), len(gzip.compress(raw, 6)), 2 * len(stored)


def _kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def run() -> list[Figure]:
    heading("4. shelter guidance: nearest shelters among 10,000 facilities; offline facility data")
    facilities = synthetic_facilities(FACILITIES)
    rng = random.Random(SEED + 1)
    west, south, east, north = JUNGGU_BOX
    places = [(rng.uniform(south, north), rng.uniform(west, east)) for _ in range(PLACES)]
    shelters = sum(f.kind in SHELTER_KINDS for f in facilities)
    print(f"  {FACILITIES:,} facilities ({shelters:,} shelters), {PLACES} places to search from")
    figures = [
        figure(
            f"nearest 5 shelters among {FACILITIES // 1000}k facilities",
            time_each(
                places, lambda p: nearest(facilities, p[0], p[1], limit=5, kinds=SHELTER_KINDS), ROUNDS
            ),
        )
    ]

    samples = sample_facilities()
    for label, pool in (
        (f"{len(samples)} samples", samples),
        (f"{FACILITIES // 1000}k facilities", facilities),
    ):
        raw, zipped, stored = offline_size(pool)
        print(f"  offline data, {label}: GeoJSON {_kib(raw)} ({raw / len(pool):.0f} B per facility), "
              f"gzip {_kib(zipped)} over the network, localStorage {_kib(stored)} (UTF-16)")  # fmt: skip
        serialise = time_calls(
            lambda pool=pool: json.dumps(public_feature_collection(pool), ensure_ascii=False), rounds=5
        )
        figures.append(
            figure(f"offline GeoJSON, {label}: {_kib(raw)}, gzip {_kib(zipped)} (build)", serialise)
        )
    for f in figures:
        print(f.line())
    return figures
