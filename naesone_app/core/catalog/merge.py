"""One programme, one card: a curated native entry replaces the Gov24 row it describes.

A native YAML file may name the Gov24 서비스ID of the same programme (`gov24_id`); residents then see
the curated entry (English text, exact rules) and not the Gov24 copy. The CLI still lists both.
"""

from __future__ import annotations

from collections.abc import Iterable

from naesone_app.core.program import Program


def resident_catalogue(programs: Iterable[Program]) -> list[Program]:
    """The programmes residents see: Gov24 rows claimed by a native entry are left out."""
    programs = list(programs)
    claimed = {p.extra["gov24_id"] for p in programs if p.source == "native" and p.extra.get("gov24_id")}
    return [p for p in programs if not (p.source == "gov24" and p.source_id in claimed)]
