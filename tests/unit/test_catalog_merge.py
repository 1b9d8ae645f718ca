"""A curated native programme replaces the Gov24 row of the same programme for residents."""

from __future__ import annotations

from pathlib import Path

from naesone_app.core.catalog.merge import resident_catalogue
from naesone_app.core.catalog.native import load_catalog
from naesone_app.core.program import Program, ProgramText


def _program(source: str, source_id: str, **extra: str) -> Program:
    return Program(source, source_id, {"ko": ProgramText(title=source_id)}, extra=dict(extra))


def test_claimed_gov24_rows_are_left_out_and_the_rest_kept() -> None:
    native = _program("native", "basic-pension", gov24_id="135200000105")
    claimed, other = _program("gov24", "135200000105"), _program("gov24", "000000465790")
    assert resident_catalogue([claimed, native, other]) == [native, other]


def test_shipped_links_point_at_gov24_ids_only_once() -> None:
    ids = [p.extra["gov24_id"] for p, _ in load_catalog(Path("data/programs")) if p.extra.get("gov24_id")]
    assert len(ids) == len(set(ids)) >= 15
