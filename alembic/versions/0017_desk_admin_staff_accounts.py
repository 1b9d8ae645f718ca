"""account: disabled_at, last_sign_in_at, must_change_password (staff administration)

A disabled account cannot sign in and its sessions end at once; the staff list shows the last sign-in;
an account an admin creates with a temporary password must set its own before any staff page.
Existing accounts keep working: nothing is disabled and no one is asked to change their password.
Plain ADD COLUMNs on SQLite too (no table copy), so nothing that references `account` is touched.

Revision ID: 0015_desk_admin
Revises: 0015_decision
Create Date: 2026-12-07 05:00:00
"""

import sqlalchemy as sa

from alembic import op

revision = "0015_desk_admin"
down_revision = "0015_decision"
branch_labels = None
depends_on = None


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("disabled_at", when, nullable=True))
        batch_op.add_column(sa.Column("last_sign_in_at", when, nullable=True))
        batch_op.add_column(
            # a literal default: an expression (sa.false()) makes SQLite batch mode recreate `account`, and
            # dropping the old table cascades to every row that hangs off it (notices, sessions, profiles…)
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("last_sign_in_at")
        batch_op.drop_column("disabled_at")
