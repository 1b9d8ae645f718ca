"""notices: the outbox every notice to a resident is written to, and the inbox reads

One row per (account, key), written in the transaction of the change that caused it; the deliverer
(naesone_app/delivery.py) settles it, the 알림 page marks it read.

The outbox is the only record of a class notice from now on: each `class_notice` row moves into it
(key `class_update:<registration>:<kind>`, worded by core.reminders as the push worded it), settled and
read when `sent_reminder` says it was pushed, and `class_notice` is dropped. The downgrade recreates
`class_notice` empty (the outbox rows are not turned back).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 02:30:00
"""

from datetime import UTC, datetime

import sqlalchemy as sa

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("created_at", when, nullable=False),
        sa.Column("not_before", when, nullable=True),
        sa.Column("expires_at", when, nullable=True),
        sa.Column("claimed_at", when, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", when, nullable=True),
        sa.Column("settled_at", when, nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("read_at", when, nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "key", name="uq_notice_account_key"),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_notice_due", ["settled_at", "next_attempt_at"], unique=False)
    _move_class_notices()
    with op.batch_alter_table("class_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_class_notice_registration_id"))
        batch_op.drop_index(batch_op.f("ix_class_notice_account_id"))
    op.drop_table("class_notice")


def _moment(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _move_class_notices() -> None:
    """Each class notice into the outbox, worded as its push was (pure core code: no app state)."""
    from naesone_app.core.notices import message_json, reminder_words
    from naesone_app.core.reminders import class_update_reminder

    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT n.id, n.account_id, n.registration_id, n.kind, n.created_at, n.until, n.position, "
        "n.amount_krw, c.title_ko, c.title_en, s.sent_at FROM class_notice n "
        "JOIN registration r ON r.id = n.registration_id JOIN course c ON c.id = r.course_id "
        "LEFT JOIN sent_reminder s ON s.account_id = n.account_id "
        "AND s.dedupe_key = 'class_update:' || CAST(n.id AS VARCHAR(20)) ORDER BY n.id"
    )).all()  # fmt: skip
    notice = sa.table(
        "notice", *(sa.column(name) for name in (
            "account_id", "kind", "key", "title", "body", "url", "urgent", "created_at", "expires_at",
            "attempts", "outcome", "settled_at", "read_at",
        ))
    )  # fmt: skip
    for row in rows:
        until = _moment(row.until)
        titles = {"ko": row.title_ko, "en": row.title_en or row.title_ko}
        reminder = class_update_reminder(row.registration_id, row.kind, titles, until=until,
                                         position=row.position, amount_krw=row.amount_krw)  # fmt: skip
        title, body = reminder_words(reminder)
        sent = _moment(row.sent_at)
        connection.execute(notice.insert().values(
            account_id=row.account_id, kind="class_update", key=reminder.dedupe_key, title=message_json(title),
            body=message_json(body), url=reminder.path, urgent=reminder.urgent, created_at=_moment(row.created_at),
            expires_at=until if row.kind in ("held", "payment_due") else None, attempts=0,
            outcome="sent" if sent else "", settled_at=sent, read_at=sent,
        ))  # fmt: skip


def downgrade() -> None:
    op.create_table(
        "class_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("amount_krw", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["registration_id"], ["registration.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("registration_id", "kind", name="uq_class_notice_registration_kind"),
    )
    with op.batch_alter_table("class_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_class_notice_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_class_notice_registration_id"), ["registration_id"], unique=False
        )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_due")
        batch_op.drop_index(batch_op.f("ix_notice_account_id"))
    op.drop_table("notice")
