"""The outbox and the inbox: recording a notice in the caller's transaction, and reading it back.

A producer (an action, a class job, the hourly job) calls `record_notice` inside the transaction that
makes the change, so a change that rolls back leaves no notice behind and a committed change always has
its notice. Delivery by push is the deliverer's (naesone_app/delivery.py, which uses `claim`, `settle`
and `retry` here); the inbox page reads the same rows with the queries below, each scoped to the account
asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, update
from sqlmodel import Session, col, select

from naesone_app.core.i18n import Message
from naesone_app.core.notices import check_notice, message_from_json, message_json
from naesone_app.db.models import _now
from naesone_app.db.notice_models import Notice

CLAIM_STALE = timedelta(minutes=10)  # a claim older than this belongs to a deliverer that died mid-run
INBOX_LIMIT = 100


def record_notice(
    session: Session, *, account_id: int, kind: str, key: str, title: Message, body: Message,
    url: str = "", urgent: bool = False, not_before: datetime | None = None,
    expires_at: datetime | None = None, now: datetime | None = None,
) -> bool:  # fmt: skip
    """Add a notice to the outbox in the caller's transaction; False if `key` was recorded already.

    The insert skips a duplicate key in the database (ON CONFLICT DO NOTHING), so two transactions that
    record the same notice at once do not fail the second change. `expires_at`: after it the notice is
    no longer worth a push (a held seat that lapsed), though the inbox still shows it.
    """
    check_notice(kind, key, url)
    values = {
        "account_id": account_id, "kind": kind, "key": key, "title": message_json(title),
        "body": message_json(body), "url": url, "urgent": urgent, "created_at": now or _now(),
        "not_before": not_before, "expires_at": expires_at, "attempts": 0, "outcome": "",
    }  # fmt: skip
    statement = _insert_ignoring_duplicates(session).values(**values).returning(Notice.id)
    return session.exec(statement).first() is not None  # type: ignore[call-overload]


def _insert_ignoring_duplicates(session: Session):
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(Notice).on_conflict_do_nothing(constraint="uq_notice_account_key")
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(Notice).on_conflict_do_nothing(index_elements=["account_id", "key"])
    raise ValueError(f"record_notice: no duplicate-free insert for the {dialect} database")


# --- the inbox ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InboxNotice:
    """One notice as the inbox shows it (words still Messages: the page renders them in its locale)."""

    id: int
    kind: str
    title: Message
    body: Message
    url: str
    created_at: datetime
    read: bool


def _shown(row: Notice) -> InboxNotice:
    return InboxNotice(row.id or 0, row.kind, message_from_json(row.title), message_from_json(row.body),
                       row.url, row.created_at, row.read_at is not None)  # fmt: skip


def inbox(session: Session, account_id: int, limit: int = INBOX_LIMIT) -> list[InboxNotice]:
    """The account's notices, newest first."""
    rows = session.exec(
        select(Notice)
        .where(Notice.account_id == account_id)
        .order_by(col(Notice.created_at).desc(), col(Notice.id).desc())
        .limit(limit)
    )
    return [_shown(row) for row in rows]


def unread_count(session: Session, account_id: int) -> int:
    """How many of the account's notices it has not seen on the 알림 page."""
    query = select(func.count(Notice.id)).where(
        Notice.account_id == account_id, col(Notice.read_at).is_(None)
    )
    return int(session.exec(query).one())


def mark_read(session: Session, account_id: int, now: datetime | None = None) -> int:
    """Mark every unread notice of the account read (the page showed them); returns how many."""
    result = session.exec(
        update(Notice)
        .where(Notice.account_id == account_id, col(Notice.read_at).is_(None))
        .values(read_at=now or _now())
    )  # type: ignore[call-overload]
    return result.rowcount or 0


def notices_of(session: Session, account_id: int) -> list[Notice]:
    """Every notice row of the account, oldest first (the personal-data export)."""
    return list(session.exec(select(Notice).where(Notice.account_id == account_id).order_by(col(Notice.id))))


# --- the deliverer's side -------------------------------------------------------------------------


def due_ids(session: Session, now: datetime, limit: int = 500) -> list[int]:
    """Notices whose push is due at `now` and not being worked on by a live deliverer, oldest first."""
    stale = now - CLAIM_STALE
    query = (
        select(Notice.id)
        .where(
            col(Notice.settled_at).is_(None),
            or_(col(Notice.not_before).is_(None), col(Notice.not_before) <= now),
            or_(col(Notice.next_attempt_at).is_(None), col(Notice.next_attempt_at) <= now),
            or_(col(Notice.claimed_at).is_(None), col(Notice.claimed_at) < stale),
        )
        .order_by(col(Notice.urgent).desc(), col(Notice.id))
        .limit(limit)
    )
    return list(session.exec(query))


def claim(session: Session, notice_id: int, now: datetime) -> Notice | None:
    """Take one notice for delivery; None when another deliverer took it (or settled it) first.

    A conditional UPDATE whose row count says who won: on PostgreSQL the loser waits for the winner's
    commit and then matches nothing; SQLite serialises writers. The caller commits the claim before
    sending, so a crash leaves a stale claim that `due_ids` hands out again after CLAIM_STALE.
    """
    stale = now - CLAIM_STALE
    result = session.exec(
        update(Notice)
        .where(
            Notice.id == notice_id,
            col(Notice.settled_at).is_(None),
            or_(col(Notice.claimed_at).is_(None), col(Notice.claimed_at) < stale),
        )
        .values(claimed_at=now)
    )  # type: ignore[call-overload]
    if not result.rowcount:
        return None
    return session.get(Notice, notice_id, populate_existing=True)


def settle(session: Session, notice_id: int, outcome: str, now: datetime) -> None:
    """The push of this notice is over (sent, no_browser, expired, failed): never tried again."""
    session.exec(
        update(Notice).where(Notice.id == notice_id).values(settled_at=now, outcome=outcome, claimed_at=None)
    )  # type: ignore[call-overload]


def retry(session: Session, notice_id: int, attempts: int, at: datetime) -> None:
    """Release the claim and try again at `at` (a push service answered 5xx or not at all)."""
    session.exec(
        update(Notice)
        .where(Notice.id == notice_id)
        .values(attempts=attempts, next_attempt_at=at, claimed_at=None)
    )  # type: ignore[call-overload]


def release(session: Session, notice_id: int) -> None:
    """Give the notice back untouched (held for the night), for the next run."""
    session.exec(update(Notice).where(Notice.id == notice_id).values(claimed_at=None))  # type: ignore[call-overload]
