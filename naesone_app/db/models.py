"""The tables. Rules are stored as their rule-language JSON, so a stored programme reads back equal."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _now() -> datetime:
    return datetime.now(UTC)


class ProgramRow(SQLModel, table=True):
    """One programme: where it comes from, how to apply, its window and its rules."""

    __tablename__ = "program"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_program_source"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16, index=True)
    source_id: str = Field(max_length=120)
    category: str = Field(default="", max_length=60)
    level: str = Field(default="", max_length=16)
    official_url: str = Field(default="", sa_type=Text)
    apply_channel: str = Field(default="", max_length=16)
    apply_url: str = Field(default="", sa_type=Text)
    opens_on: date | None = None
    closes_on: date | None = None
    last_updated: date | None = None
    is_sample: bool = False
    provenance: str = Field(default="", sa_type=Text)
    rules_json: str = Field(default="[]", sa_type=Text)
    extra_json: str = Field(default="{}", sa_type=Text)
    content_hash: str = Field(default="", max_length=64)
    imported_at: datetime = Field(default_factory=_now)


class ProgramTextRow(SQLModel, table=True):
    """A programme's texts in one locale (Korean always; English for native programmes)."""

    __tablename__ = "program_text"
    __table_args__ = (UniqueConstraint("program_id", "locale", name="uq_program_text_locale"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: int = Field(
        sa_column=Column(Integer, ForeignKey("program.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    locale: str = Field(max_length=8)
    title: str = Field(sa_type=Text)
    summary: str = Field(default="", sa_type=Text)
    audience: str = Field(default="", sa_type=Text)
    benefit: str = Field(default="", sa_type=Text)
    how_to_apply: str = Field(default="", sa_type=Text)
    documents: str = Field(default="", sa_type=Text)
    deadline: str = Field(default="", sa_type=Text)
    contact: str = Field(default="", sa_type=Text)
    responsible_body: str = Field(default="", sa_type=Text)


class FacilityRow(SQLModel, table=True):
    """One safety or convenience facility on the map, keyed by where it came from.

    Positions are always WGS84 (converted on import); `extra_json` keeps source fields the map does not
    show so nothing from the source is lost.
    """

    __tablename__ = "facility"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_facility_source"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=32, index=True)
    source_id: str = Field(max_length=120)
    kind: str = Field(max_length=32, index=True)
    name: str = Field(sa_type=Text)
    address: str = Field(default="", sa_type=Text)
    lat: float
    lon: float
    capacity: int | None = None
    hours: str = Field(default="", sa_type=Text)
    phone: str = Field(default="", max_length=40)
    is_sample: bool = False
    provenance: str = Field(default="", sa_type=Text)
    extra_json: str = Field(default="{}", sa_type=Text)
    content_hash: str = Field(default="", max_length=64)
    imported_at: datetime = Field(default_factory=_now)
