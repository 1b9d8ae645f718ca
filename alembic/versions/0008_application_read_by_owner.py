"""application read by owner: `application.owner_seen_at`, so status changes the resident has not
seen yet are shown as unread (nullable: existing rows count as seen at submission).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 03:02:03.510940
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_seen_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_column("owner_seen_at")
