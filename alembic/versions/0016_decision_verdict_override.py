"""decision: the engine's verdict kept with an application at submission, and the override reason

`application.verdict_sealed` holds the verdict (status and each criterion) at submission, encrypted like
the answers; NULL for applications submitted before. `application_event.override_reason` holds why an
officer approved although required documents were missing (staff only).

Revision ID: 0015_decision
Revises: 0015_campaigns
Create Date: 2026-12-07 05:00:00
"""

import sqlalchemy as sa

from alembic import op

revision = "0015_decision"
down_revision = "0015_campaigns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verdict_sealed", sa.Text(), nullable=True))
    with op.batch_alter_table("application_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("override_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("application_event", schema=None) as batch_op:
        batch_op.drop_column("override_reason")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_column("verdict_sealed")
