"""Recording the tracked links to programmes applied for elsewhere, and what residents report back.

Counts are bumped with one INSERT … ON CONFLICT DO UPDATE, so many residents following the same link at
once neither lose a visit nor fail on the unique key (SQLite and PostgreSQL both speak it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import case
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, func, select

from naesone_app.core.dates import KST
from naesone_app.core.outbound import REPORTS
from naesone_app.db.outbound_models import ExternalApplication, OutboundCount


def _insert(session: Session, table: type) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def record_visit(
    session: Session, program_key: str, channel: str, account_id: int | None, now: datetime | None = None
) -> None:
    """Count one visit of the programme's tracked link; remember it for a signed-in resident."""
    now = now or datetime.now(UTC)
    day = now.astimezone(KST).date()
    count = _insert(session, OutboundCount).values(
        program_key=program_key, channel=channel, day=day, visits=1
    )
    session.exec(
        count.on_conflict_do_update(
            index_elements=["program_key", "day"], set_={"visits": OutboundCount.visits + 1}
        )
    )
    if account_id is None:
        return
    mine = _insert(session, ExternalApplication).values(
        account_id=account_id, program_key=program_key, channel=channel, first_visited_at=now,
        last_visited_at=now, visits=1, reported="",
    )  # fmt: skip
    session.exec(
        mine.on_conflict_do_update(
            index_elements=["account_id", "program_key"],
            set_={"last_visited_at": now, "visits": ExternalApplication.visits + 1},
        )
    )


def external_application(session: Session, account_id: int, program_key: str) -> ExternalApplication | None:
    return session.exec(
        select(ExternalApplication).where(
            ExternalApplication.account_id == account_id, ExternalApplication.program_key == program_key
        )
    ).first()


def report(
    session: Session, account_id: int, program_key: str, outcome: str, now: datetime | None = None
) -> ExternalApplication:
    """Store what the resident says after the visit (applied / not yet). Only after a recorded visit."""
    if outcome not in REPORTS:
        raise ValueError(f"outcome: expected one of {', '.join(REPORTS)}, got {outcome!r}")
    row = external_application(session, account_id, program_key)
    if row is None:
        raise LookupError(f"no recorded visit to {program_key!r} for this account")
    row.reported, row.reported_at = outcome, now or datetime.now(UTC)
    session.add(row)
    session.flush()
    return row


def external_applications_of(session: Session, account_id: int) -> list[ExternalApplication]:
    """The resident's visits, latest first."""
    return list(
        session.exec(
            select(ExternalApplication)
            .where(ExternalApplication.account_id == account_id)
            .order_by(col(ExternalApplication.last_visited_at).desc(), col(ExternalApplication.id).desc())
        ).all()
    )


@dataclass(frozen=True, slots=True)
class OutboundSummary:
    """One programme's tracked-link use over a period, as the district reads it."""

    program_key: str
    channel: str
    visits: int
    residents: int  # signed-in residents who followed the link in the period
    reported_applied: int  # of them, how many said they applied


def outbound_summary(session: Session, since: date, limit: int = 50) -> list[OutboundSummary]:
    """Most-followed programmes since `since` (Seoul date), with what signed-in residents reported."""
    visits = session.exec(
        select(OutboundCount.program_key, func.max(OutboundCount.channel), func.sum(OutboundCount.visits))
        .where(OutboundCount.day >= since)
        .group_by(OutboundCount.program_key)
        .order_by(func.sum(OutboundCount.visits).desc(), OutboundCount.program_key)
        .limit(limit)
    ).all()
    keys = [key for key, _, _ in visits]
    applied = case((ExternalApplication.reported == "applied", 1), else_=0)
    people = {
        key: (residents, int(said_applied or 0))
        for key, residents, said_applied in session.exec(
            select(ExternalApplication.program_key, func.count(ExternalApplication.id), func.sum(applied))
            .where(col(ExternalApplication.program_key).in_(keys))
            .where(ExternalApplication.last_visited_at >= datetime.combine(since, time(), KST))
            .group_by(ExternalApplication.program_key)
        ).all()
    }
    return [
        OutboundSummary(key, channel, int(total), *people.get(key, (0, 0))) for key, channel, total in visits
    ]


def export_external_applications(session: Session, account_id: int) -> list[dict[str, Any]]:
    return [
        {
            "programme": row.program_key,
            "where": row.channel,
            "first_visited_at": row.first_visited_at.isoformat(),
            "last_visited_at": row.last_visited_at.isoformat(),
            "visits": row.visits,
            "reported": row.reported or None,
            "reported_at": row.reported_at.isoformat() if row.reported_at else None,
        }
        for row in external_applications_of(session, account_id)
    ]
