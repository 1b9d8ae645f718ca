"""Storing and reading the programme catalogue."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from naesone_app.core.catalog.rules import parse_rules, rules_to_data
from naesone_app.core.program import Program, ProgramText, value_from_data, value_to_data
from naesone_app.db.models import ProgramRow, ProgramTextRow
from naesone_app.db.upsert import UpsertCounts, existing_by_key, write_if_changed

# Programme facts kept in the JSON `extra` column (no schema change): all categories, what it is worth,
# the next window's opening and the yearly recurrence. They are split out again on reading.
MODEL_KEYS = ("categories", "value", "next_opens", "recurs")


def _extra_json(program: Program) -> str:
    extra: dict[str, Any] = dict(program.extra)
    if len(program.categories) > 1:
        extra["categories"] = list(program.categories)
    if program.value is not None:
        extra["value"] = value_to_data(program.value)
    if program.next_opens_on is not None:
        extra["next_opens"] = program.next_opens_on.isoformat()
    if program.recurs:
        extra["recurs"] = program.recurs
    return json.dumps(extra, ensure_ascii=False, sort_keys=True)


def _split_extra(extra_json: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the programme's own extra, the model fields stored beside it)."""
    extra = json.loads(extra_json)
    model = {key: extra.pop(key) for key in MODEL_KEYS if key in extra}
    next_opens = model.get("next_opens")
    return extra, {
        "categories": tuple(model.get("categories", ())),
        "value": value_from_data(model.get("value")),
        "next_opens_on": date.fromisoformat(next_opens) if next_opens else None,
        "recurs": model.get("recurs", ""),
    }


def _fields(program: Program) -> dict:
    return {
        "category": program.category,
        "level": program.level,
        "official_url": program.official_url,
        "apply_channel": program.apply_channel,
        "apply_url": program.apply_url,
        "opens_on": program.opens_on,
        "closes_on": program.closes_on,
        "last_updated": program.last_updated,
        "is_sample": program.is_sample,
        "provenance": program.provenance,
        "rules_json": json.dumps(rules_to_data(program.criteria), ensure_ascii=False, sort_keys=True),
        "extra_json": _extra_json(program),
    }


def _hash(fields: dict, texts: dict[str, ProgramText]) -> str:
    payload = {"fields": fields, "texts": {k: asdict(v) for k, v in sorted(texts.items())}}
    return hashlib.sha256(json.dumps(payload, default=str, sort_keys=True).encode()).hexdigest()


def upsert_programs(
    session: Session, programs: list[Program], keep_detail_for: set[str] = frozenset()
) -> UpsertCounts:
    """Insert new programmes and update changed ones in place, keyed by (source, source_id).

    For the source ids in `keep_detail_for` (a Gov24 import without serviceDetail rows) the documents,
    application URL and detail facts already stored are kept rather than wiped.
    """
    counts = UpsertCounts()
    existing = existing_by_key(session, ProgramRow, {p.source for p in programs})
    for program in programs:
        key = (program.source, program.source_id)
        if key in existing and program.source_id in keep_detail_for:
            program = _with_stored_detail(session, existing[key], program)
        fields = _fields(program)
        row = write_if_changed(
            session, existing, key, fields, _hash(fields, program.texts), counts,
            lambda p=program: ProgramRow(source=p.source, source_id=p.source_id),
        )  # fmt: skip
        if row is not None:
            session.flush()
            _store_texts(session, row.id, program.texts)
    return counts


def _with_stored_detail(session: Session, row: ProgramRow, program: Program) -> Program:
    stored = {
        r.locale: r for r in session.exec(select(ProgramTextRow).where(ProgramTextRow.program_id == row.id))
    }
    texts = {
        locale: replace(text, documents=stored[locale].documents) if locale in stored else text
        for locale, text in program.texts.items()
    }
    return replace(program, texts=texts, apply_url=row.apply_url, extra=_split_extra(row.extra_json)[0])


def _store_texts(session: Session, program_id: int, texts: dict[str, ProgramText]) -> None:
    current = {
        r.locale: r
        for r in session.exec(select(ProgramTextRow).where(ProgramTextRow.program_id == program_id))
    }
    for locale, text in texts.items():
        row = current.pop(locale, None) or ProgramTextRow(program_id=program_id, locale=locale, title="")
        for key, value in asdict(text).items():
            setattr(row, key, value)
        session.add(row)
    for stale in current.values():
        session.delete(stale)


def _program(row: ProgramRow, texts: dict[str, ProgramText]) -> Program:
    extra, model = _split_extra(row.extra_json)
    return Program(
        source=row.source,
        source_id=row.source_id,
        texts=texts,
        criteria=parse_rules(json.loads(row.rules_json)),
        category=row.category,
        level=row.level,
        official_url=row.official_url,
        apply_channel=row.apply_channel,
        apply_url=row.apply_url,
        opens_on=row.opens_on,
        closes_on=row.closes_on,
        last_updated=row.last_updated,
        is_sample=row.is_sample,
        provenance=row.provenance,
        program_id=row.id,
        extra=extra,
        **model,
    )


def _text(row: ProgramTextRow) -> ProgramText:
    return ProgramText(**{k: getattr(row, k) for k in ProgramText.__dataclass_fields__})


def load_programs(session: Session) -> list[Program]:
    """Every stored programme with its texts and criteria, ordered by id."""
    texts: dict[int, dict[str, ProgramText]] = {}
    for row in session.exec(select(ProgramTextRow)):
        texts.setdefault(row.program_id, {})[row.locale] = _text(row)
    rows = session.exec(select(ProgramRow).order_by(ProgramRow.id)).all()
    return [_program(row, texts.get(row.id, {})) for row in rows if row.id in texts]


def find_program(session: Session, source: str, source_id: str) -> Program | None:
    """One programme by its public key, or None."""
    row = session.exec(
        select(ProgramRow).where(ProgramRow.source == source, ProgramRow.source_id == source_id)
    ).first()
    if row is None:
        return None
    rows = session.exec(select(ProgramTextRow).where(ProgramTextRow.program_id == row.id))
    return _program(row, {r.locale: _text(r) for r in rows})


def catalog_version(session: Session) -> tuple[int, str]:
    """(count, latest import time): changes whenever the catalogue does, cheap to ask."""
    count, latest = session.exec(select(func.count(ProgramRow.id), func.max(ProgramRow.imported_at))).one()
    return int(count), str(latest)


def count_by_source(session: Session) -> dict[str, int]:
    """Programmes per source."""
    rows = session.exec(select(ProgramRow.source, func.count(ProgramRow.id)).group_by(ProgramRow.source))
    return dict(rows.all())


def retire_missing(session: Session, source: str, keep_ids: set[str]) -> int:
    """Delete the programmes of `source` that a full import no longer lists; returns how many."""
    from sqlalchemy import delete

    stale = [
        row.id
        for row in session.exec(select(ProgramRow).where(ProgramRow.source == source)).all()
        if row.source_id not in keep_ids
    ]
    if stale:
        session.exec(delete(ProgramTextRow).where(ProgramTextRow.program_id.in_(stale)))
        session.exec(delete(ProgramRow).where(ProgramRow.id.in_(stale)))
    return len(stale)
