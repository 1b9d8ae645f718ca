"""The outbox: every notice to a resident, written in the transaction of the change that caused it.

One row per (account, key): the key de-duplicates, so a producer that runs twice (a job re-run, a retry)
records its notice once. The deliverer (naesone_app/delivery.py) sends what is due by web push and
marks it settled; the inbox (알림) shows the same rows. Hangs off `account` with ON DELETE CASCADE like
everything personal.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from naesone_app.db.account_models import _owner, _when
from naesone_app.db.models import _now


class Notice(SQLModel, table=True):
    """One notice to one resident: its words (JSON Messages), its page, and how its delivery went.

    Delivery: `settled_at` is NULL while the push is still to be tried; `claimed_at` marks a deliverer
    working on it (taken with a conditional UPDATE, so two deliverers never send the same row);
    `attempts` and `next_attempt_at` space out retries after 5xx and timeouts; `outcome` says how it
    ended (sent, no_browser, expired, failed). `read_at` is the inbox's, independent of the push.
    """

    __tablename__ = "notice"
    __table_args__ = (
        UniqueConstraint("account_id", "key", name="uq_notice_account_key"),
        Index("ix_notice_due", "settled_at", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    kind: str = Field(max_length=24)  # core.reminders.KINDS: the push opt-in it belongs to
    key: str = Field(max_length=200)
    title: str = Field(sa_type=Text)  # core.notices.message_json
    body: str = Field(sa_type=Text)
    url: str = Field(default="", max_length=500)  # the Korean route; localised when shown
    urgent: bool = False
    created_at: datetime = Field(default_factory=_now, sa_column=_when())
    not_before: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    expires_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    claimed_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    settled_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    outcome: str = Field(default="", max_length=16)
    read_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
