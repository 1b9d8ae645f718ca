"""What a facility is, the kinds the map shows, and what one import of a file produced.

A `Facility` is always placed: it has WGS84 coordinates inside Jung-gu's box. Rows that cannot be placed
are not facilities; they are reported as `OutOfBox` (with their row) or counted as skipped with a reason,
so an import never drops a row silently (DESIGN.md "Data honesty").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from naesone_app.core.i18n import N_

CIVIL_DEFENCE_SHELTER = "civil_defence_shelter"
EARTHQUAKE_OUTDOOR = "earthquake_outdoor"
TSUNAMI_SHELTER = "tsunami_shelter"
HEAT_SHELTER = "heat_shelter"
COLD_SHELTER = "cold_shelter"
FIRE_EXTINGUISHER = "fire_extinguisher"
SNOW_BOX = "snow_box"
SMART_SHELTER = "smart_shelter"
PUBLIC_TOILET = "public_toilet"
PUBLIC_WIFI = "public_wifi"
HAZARDOUS_FACILITY = "hazardous_facility"

KIND_LABELS: dict[str, str] = {
    CIVIL_DEFENCE_SHELTER: N_("민방위 대피시설"),
    EARTHQUAKE_OUTDOOR: N_("지진 옥외대피장소"),
    TSUNAMI_SHELTER: N_("지진해일 긴급대피장소"),
    HEAT_SHELTER: N_("무더위쉼터"),
    COLD_SHELTER: N_("한파쉼터"),
    FIRE_EXTINGUISHER: N_("보이는 소화기"),
    SNOW_BOX: N_("제설함"),
    SMART_SHELTER: N_("스마트쉼터"),
    PUBLIC_TOILET: N_("공중화장실"),
    PUBLIC_WIFI: N_("공공와이파이"),
    HAZARDOUS_FACILITY: N_("위험물 시설"),
}
KINDS: tuple[str, ...] = tuple(KIND_LABELS)
# Where to go in a disaster: the district's "96 disaster shelters" and what shelter guidance points to.
# 무더위·한파쉼터 are places to rest in heat or cold, counted with the convenience facilities.
SHELTER_KINDS: frozenset[str] = frozenset({CIVIL_DEFENCE_SHELTER, EARTHQUAKE_OUTDOOR, TSUNAMI_SHELTER})

SKIP_REASONS: dict[str, str] = {
    "other_district": "a row of another district",
    "inactive": "marked as not in use by the source",
    "no_coordinates": "no coordinates in the row",
    "unknown_type": "a facility type this importer does not recognise",
    "duplicate": "the same source id appeared earlier in this import",
}

MAX_SOURCE_ID = 120  # the column width in db.models.FacilityRow
MAX_PHONE = 40


class FacilityFormatError(ValueError):
    """A file or row that does not have its source's shape; names the file, the row and the column."""

    def __init__(self, where: str, problem: str, column: str | None = None) -> None:
        text = f"{where}, column {column}: {problem}" if column else f"{where}: {problem}"
        super().__init__(text)
        self.where, self.column, self.problem = where, column, problem


@dataclass(frozen=True, slots=True)
class Facility:
    """One placed facility. `lat`/`lon` are WGS84; `extra` keeps what the source said beyond the columns."""

    kind: str
    source: str
    source_id: str
    name: str
    address: str
    lat: float
    lon: float
    capacity: int | None = None
    hours: str = ""
    phone: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    is_sample: bool = False
    provenance: str = ""

    @property
    def key(self) -> str:
        """The public id: source and the source's own id."""
        return f"{self.source}:{self.source_id}"


@dataclass(frozen=True, slots=True)
class OutOfBox:
    """A row whose position is not in Jung-gu (or is no known coordinate pair): reported, never placed."""

    where: str
    detail: str


@dataclass
class Batch:
    """What reading one or more files produced: placed facilities, reported rows, skip counts by reason."""

    facilities: list[Facility] = field(default_factory=list)
    out_of_box: list[OutOfBox] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    _keys: set[str] = field(default_factory=set, repr=False)

    def add(self, facility: Facility) -> None:
        """Place a facility; a second row with the same key is counted as a duplicate, not stored twice."""
        if facility.key in self._keys:
            self.skipped["duplicate"] += 1
            return
        self._keys.add(facility.key)
        self.facilities.append(facility)

    def extend(self, other: Batch) -> None:
        """Add another file's results (the first of two rows with the same key wins)."""
        for facility in other.facilities:
            self.add(facility)
        self.out_of_box.extend(other.out_of_box)
        self.skipped.update(other.skipped)


def source_key(*parts: object) -> str:
    """A source id from the parts that identify a row; hashed when it would not fit the column."""
    key = ":".join(str(p).strip() for p in parts)
    if len(key) <= MAX_SOURCE_ID:
        return key
    return "h:" + hashlib.sha256(key.encode()).hexdigest()
