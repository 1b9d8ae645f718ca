"""Importing in place: rows keyed by (source, source_id), rewritten only when their content changed.

Shared by the programme catalogue and the facilities, which import the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, SQLModel, select

from naesone_app.db.models import _now


@dataclass
class UpsertCounts:
    """What a store did: new rows, changed ones, and ones already identical."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


def existing_by_key(session: Session, model: type[SQLModel], sources: set[str]) -> dict[tuple[str, str], Any]:
    """The stored rows of these sources, by (source, source_id)."""
    if not sources:
        return {}
    rows = session.exec(select(model).where(model.source.in_(sources))).all()
    return {(row.source, row.source_id): row for row in rows}


def write_if_changed(
    session: Session,
    existing: dict[tuple[str, str], Any],
    key: tuple[str, str],
    fields: dict[str, Any],
    digest: str,
    counts: UpsertCounts,
    new_row: Any,
) -> Any | None:
    """Create or update the row for `key` unless its content hash is already `digest`.

    `new_row` builds the row when there is none. Returns the written row (added to the session, not
    flushed), or None when nothing changed.
    """
    row = existing.get(key)
    if row is not None and row.content_hash == digest:
        counts.unchanged += 1
        return None
    if row is None:
        row = existing[key] = new_row()
        counts.created += 1
    else:
        counts.updated += 1
    for name, value in fields.items():
        setattr(row, name, value)
    row.content_hash, row.imported_at = digest, _now()
    session.add(row)
    return row
