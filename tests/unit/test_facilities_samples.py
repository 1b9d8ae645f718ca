"""The shipped sample files: regenerated identically by their seeded script, and, read by the real importers,
the district's planned 96 shelters and 676 facilities, with the deliberate bad rows reported or skipped."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from naesone_app.core.facilities import KINDS, SHELTER_KINDS, Batch, read_files
from naesone_app.core.facilities.coords import in_junggu
from naesone_app.core.facilities.model import TSUNAMI_SHELTER

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples" / "facilities"


@pytest.fixture(scope="module")
def batch() -> Batch:
    manifest = json.loads((SAMPLES / "manifest.json").read_text("utf-8"))
    total = Batch()
    for entry in manifest["imports"]:
        total.extend(
            read_files(entry["format"], [SAMPLES / name for name in entry["files"]], entry.get("kind"))
        )
    return total


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("facility_samples", SAMPLES / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.write(tmp_path)
    for name in written:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


def test_planned_numbers(batch: Batch) -> None:
    kinds = Counter(f.kind for f in batch.facilities)
    assert sum(n for k, n in kinds.items() if k in SHELTER_KINDS) == 96
    assert sum(n for k, n in kinds.items() if k not in SHELTER_KINDS) == 676
    assert set(kinds) == set(KINDS) - {TSUNAMI_SHELTER}  # Jung-gu is inland: no 지진해일 sites


def test_every_placed_facility_is_in_jung_gu_with_a_unique_key(batch: Batch) -> None:
    assert all(in_junggu(f.lat, f.lon, pad=0) for f in batch.facilities)
    assert len({f.key for f in batch.facilities}) == len(batch.facilities)


def test_the_deliberate_bad_rows_are_reported_and_counted(batch: Batch) -> None:
    assert len(batch.out_of_box) == 7
    assert sum("not a coordinate pair" in r.detail for r in batch.out_of_box) == 1
    assert batch.skipped == {"other_district": 22, "inactive": 5, "no_coordinates": 1, "unknown_type": 1}


def test_the_readme_says_these_are_samples() -> None:
    readme = (SAMPLES / "README.md").read_text("utf-8")
    assert "SAMPLE DATA" in readme and "made up" in readme
