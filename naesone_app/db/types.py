"""One column type for every moment the app stores: UTC in, aware UTC out, on SQLite and PostgreSQL.

SQLite keeps no offset: it hands back naive datetimes, and an aware non-UTC datetime would be stored as
its wall-clock time (10:00+09:00 read back as 10:00 UTC). `UTCDateTime` converts every value to UTC
before it is written and marks every value read as UTC, so no caller has to patch a datetime again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """`DateTime(timezone=True)` that stores UTC and always returns an aware UTC datetime.

    A naive datetime given to it is taken as UTC (what every writer here means by one)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UTCDateTime: expected a datetime, got {type(value).__name__}")
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def when(nullable: bool = False) -> Column:
    """A moment column (see `UTCDateTime`)."""
    return Column(UTCDateTime(), nullable=nullable)
