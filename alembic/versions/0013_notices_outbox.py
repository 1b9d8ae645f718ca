"""notices: the outbox every notice to a resident is written to, and the inbox reads

One row per (account, key), written in the transaction of the change that caused it; the deliverer
(naesone_app/delivery.py) settles it, the 알림 page marks it read.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 02:30:00
"""

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


def downgrade() -> None:
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_due")
        batch_op.drop_index(batch_op.f("ix_notice_account_id"))
    op.drop_table("notice")
