"""Storing and reading facilities: an idempotent upsert keyed by (source, source_id), and the map's queries."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from naesone_app.core.facilities.model import Facility
from naesone_app.db.models import FacilityRow
from naesone_app.db.upsert import UpsertCounts, existing_by_key, write_if_changed


def _fields(facility: Facility) -> dict[str, Any]:
    return {
        "kind": facility.kind,
        "name": facility.name,
        "address": facility.address,
        "lat": facility.lat,
        "lon": facility.lon,
        "capacity": facility.capacity,
        "hours": facility.hours,
        "phone": facility.phone,
        "is_sample": facility.is_sample,
        "provenance": facility.provenance,
        "extra_json": json.dumps(facility.extra, ensure_ascii=False, sort_keys=True),
    }


def _hash(fields: dict[str, Any]) -> str:
    # repr keeps floats exact, so a re-import of the same file is "unchanged", not "updated"
    return hashlib.sha256(json.dumps(fields, default=repr, sort_keys=True).encode()).hexdigest()


def upsert_facilities(session: Session, facilities: Iterable[Facility]) -> UpsertCounts:
    """Insert new facilities and update changed ones in place; identical ones are left alone.

    Nothing is deleted: a facility missing from a later file stays until someone decides it is gone.
    """
    facilities = list(facilities)
    counts = UpsertCounts()
    existing = existing_by_key(session, FacilityRow, {f.source for f in facilities})
    for facility in facilities:
        fields = _fields(facility)
        write_if_changed(
            session, existing, (facility.source, facility.source_id), fields, _hash(fields), counts,
            lambda f=facility: FacilityRow(source=f.source, source_id=f.source_id, kind=f.kind, name="",
                                           lat=f.lat, lon=f.lon),
        )  # fmt: skip
    session.flush()
    return counts


def _facility(row: FacilityRow) -> Facility:
    return Facility(
        kind=row.kind,
        source=row.source,
        source_id=row.source_id,
        name=row.name,
        address=row.address,
        lat=row.lat,
        lon=row.lon,
        capacity=row.capacity,
        hours=row.hours,
        phone=row.phone,
        extra=json.loads(row.extra_json),
        is_sample=row.is_sample,
        provenance=row.provenance,
    )


def load_facilities(session: Session, kind: str | None = None) -> list[Facility]:
    """Every stored facility, or those of one kind, ordered by id (stable for lists and diffs)."""
    query = select(FacilityRow).order_by(FacilityRow.id)
    if kind is not None:
        query = query.where(FacilityRow.kind == kind)
    return [_facility(row) for row in session.exec(query)]


def count_by_kind(session: Session) -> dict[str, int]:
    """Facilities per kind (for the map's layer list)."""
    rows = session.exec(select(FacilityRow.kind, func.count(FacilityRow.id)).group_by(FacilityRow.kind))
    return dict(rows.all())


def facilities_version(session: Session) -> tuple[int, str]:
    """(count, latest import time): changes whenever the facilities do; cheap to ask (ETag, offline copy)."""
    count, latest = session.exec(select(func.count(FacilityRow.id), func.max(FacilityRow.imported_at))).one()
    return int(count), str(latest)
