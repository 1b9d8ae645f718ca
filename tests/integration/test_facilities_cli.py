"""`naesone facilities import` / `load-samples` on SQLite and PostgreSQL: counts, idempotency, updates in
place, and a bad file that changes nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from naesone_app.db.engine import engine_for, transaction
from naesone_app.db.facilities import count_by_kind, facilities_version, load_facilities
from tests.integration.conftest import fingerprint, one_line_error

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples" / "facilities"
WIFI = SAMPLES / "wifi-TbPublicWifiInfo-swapped.json"
SNOW = SAMPLES / "snow-boxes.json"


def facility_fingerprint(url: str) -> tuple[int, str]:
    """(facilities, hash of every stored value): equal iff nothing changed."""
    digest = hashlib.sha256()
    with engine_for(url).connect() as connection:
        rows = connection.execute(text("SELECT * FROM facility ORDER BY id")).all()
    for row in rows:
        digest.update(repr(tuple(row)).encode())
    return len(rows), digest.hexdigest()


def test_import_counts_and_reports(database, naesone) -> None:
    run = naesone("facilities", "import", "--format", "wifi", str(WIFI))
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert (
        lines[0] == "facilities import (wifi): 140 imported, 0 updated, 0 unchanged, 2 out of box, 3 skipped"
    )
    assert sum(line.startswith(f"  out of box: {WIFI}: row ") for line in lines) == 2
    assert "  skipped 3: other_district (a row of another district)" in lines
    with transaction(database) as session:
        assert count_by_kind(session) == {"public_wifi": 140}
        points = load_facilities(session, "public_wifi")
    assert all(p.extra["position"]["axes"] == "swapped" for p in points)
    assert not any(p.is_sample for p in points)


def test_import_is_idempotent_and_updates_in_place(database, naesone, tmp_path) -> None:
    assert naesone("facilities", "import", "--format", "snow-box", str(SNOW)).code == 0
    before = facility_fingerprint(database)
    again = naesone("facilities", "import", "--format", "snow-box", str(SNOW))
    assert "0 imported, 0 updated, 120 unchanged, 1 out of box, 3 skipped" in again.out
    assert facility_fingerprint(database) == before

    payload = json.loads(SNOW.read_text("utf-8"))
    moved = next(row for row in payload["DATA"] if row["sbox_num"] == "중구-001")
    moved["g2_xmin"] += 10_000  # 10 m east
    changed = tmp_path / "snow-boxes.json"
    changed.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    run = naesone("facilities", "import", "--format", "snow-box", str(changed))
    assert "0 imported, 1 updated, 119 unchanged" in run.out
    count, _ = facility_fingerprint(database)
    assert count == 120


def test_a_bad_file_changes_nothing(database, naesone, tmp_path) -> None:
    assert naesone("facilities", "import", "--format", "wifi", str(WIFI)).code == 0
    before = facility_fingerprint(database)
    payload = json.loads(WIFI.read_text("utf-8"))
    for row in payload["TbPublicWifiInfo"]["row"]:
        row["X_SWIFI_MAIN_NM"] += " (새 이름)"  # would update every row …
    payload["TbPublicWifiInfo"]["row"][41]["LNT"] = "삼십칠"  # … but row 42 is malformed
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    shutil.copy(WIFI, good)
    bad.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    line = one_line_error(naesone("facilities", "import", "--format", "wifi", str(good), str(bad)))
    assert line == f"naesone: error: {bad}: row 42, column LNT: expected a number, got '삼십칠'"
    assert facility_fingerprint(database) == before


def test_wrong_format_for_the_file_is_one_line(database, naesone) -> None:
    line = one_line_error(naesone("facilities", "import", "--format", "dssp-10942", str(WIFI)))
    assert 'expected a safetydata response with "header" and "body"' in line
    line = one_line_error(naesone("facilities", "import", "--format", "wifi", "/nonexistent.json"))
    assert line == "naesone: error: /nonexistent.json: no such file"


def test_without_schema(db_url, naesone, monkeypatch) -> None:
    monkeypatch.setenv("NAESONE_DATABASE_URL", db_url)
    line = one_line_error(naesone("facilities", "import", "--format", "wifi", str(WIFI)))
    assert "run `naesone db upgrade`" in line


def test_load_samples_through_the_importers(database, naesone) -> None:
    programmes = fingerprint(database)
    first = naesone("facilities", "load-samples")
    assert first.code == 0, first.err
    assert "facilities stored: 96 shelters, 676 other facilities" in first.out
    assert first.out.count("  out of box: ") == 7
    assert "facilities import (smartmap-theme --kind hazardous_facility): 31 imported" in first.out
    stored = facility_fingerprint(database)
    assert stored[0] == 772
    with transaction(database) as session:
        facilities = load_facilities(session)
        assert facilities_version(session)[0] == 772
    assert all(f.is_sample and f.provenance.startswith("샘플 데이터") for f in facilities)

    second = naesone("facilities", "load-samples")
    assert second.code == 0, second.err
    assert all(
        " 0 imported, 0 updated, " in line
        for line in second.out.splitlines()
        if line.startswith("facilities import")
    )
    assert facility_fingerprint(database) == stored
    assert fingerprint(database) == programmes  # the programme catalogue is untouched


@pytest.mark.parametrize("kind", ["civil_defence_shelter", "earthquake_outdoor"])
def test_queries_by_kind(database, naesone, kind) -> None:
    assert naesone("facilities", "load-samples").code == 0
    with transaction(database) as session:
        counts = count_by_kind(session)
        of_kind = load_facilities(session, kind)
    assert counts == {"civil_defence_shelter": 80, "earthquake_outdoor": 16, "heat_shelter": 75, "cold_shelter": 50,
                      "fire_extinguisher": 150, "hazardous_facility": 31, "snow_box": 120, "public_toilet": 90,
                      "public_wifi": 140, "smart_shelter": 20}  # fmt: skip
    assert len(of_kind) == counts[kind] and {f.kind for f in of_kind} == {kind}
