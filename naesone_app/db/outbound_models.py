"""Tables of the tracked links to programmes applied for elsewhere (see core/outbound.py).

`outbound_count` holds only counts per programme and day — anonymous visitors leave nothing else. A
signed-in resident's visit is theirs: one `external_application` row per programme, hanging off
`account` with ON DELETE CASCADE like everything personal, in their export, and gone with the account.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from naesone_app.db.account_models import _owner
from naesone_app.db.types import when as _when


class OutboundCount(SQLModel, table=True):
    """How many times the tracked link of one programme was followed on one day (Seoul date)."""

    __tablename__ = "outbound_count"
    __table_args__ = (UniqueConstraint("program_key", "day", name="uq_outbound_count_program_day"),)

    id: int | None = Field(default=None, primary_key=True)
    program_key: str = Field(max_length=140, index=True)
    channel: str = Field(default="", max_length=16)
    day: date = Field(index=True)
    visits: int = 0


class ExternalApplication(SQLModel, table=True):
    """A resident set off to apply for a programme elsewhere; `reported` is what they told us afterwards.

    reported: "" (not asked yet / no answer) | applied | not_yet.
    """

    __tablename__ = "external_application"
    __table_args__ = (
        UniqueConstraint("account_id", "program_key", name="uq_external_application_account_program"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    program_key: str = Field(max_length=140)
    channel: str = Field(default="", max_length=16)
    first_visited_at: datetime = Field(sa_column=_when())
    last_visited_at: datetime = Field(sa_column=_when())
    visits: int = 1
    reported: str = Field(default="", max_length=16)
    reported_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
