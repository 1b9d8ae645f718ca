"""Tables of web-push reminders: the browsers that subscribed, and the reminders already sent.

Both hang off `account` with ON DELETE CASCADE like everything personal (see account_models).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from naesone_app.db.account_models import _owner
from naesone_app.db.models import _now
from naesone_app.db.types import when as _when


class PushSubscription(SQLModel, table=True):
    """One browser that receives a resident's reminders: where to post, its keys, its language, its kinds.

    The endpoint is unique: a browser has one subscription per application server key, and whoever
    subscribes it last (a shared device changing hands) is the one it belongs to.
    """

    __tablename__ = "push_subscription"
    __table_args__ = (UniqueConstraint("endpoint", name="uq_push_subscription_endpoint"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    endpoint: str = Field(max_length=1000)
    p256dh: str = Field(max_length=100)
    auth: str = Field(max_length=40)
    locale: str = Field(default="ko", max_length=8)
    kinds: str = Field(default="[]", sa_type=Text)  # JSON list of opted-in kinds (core.reminders.KINDS)
    created_at: datetime = Field(default_factory=_now, sa_column=_when())


class SentReminder(SQLModel, table=True):
    """A reminder that went out, by its de-duplication key, so that each is sent once per resident."""

    __tablename__ = "sent_reminder"
    __table_args__ = (UniqueConstraint("account_id", "dedupe_key", name="uq_sent_reminder"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    dedupe_key: str = Field(max_length=200)
    sent_at: datetime = Field(default_factory=_now, sa_column=_when())
