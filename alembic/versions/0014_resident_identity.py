"""resident_identity: who a resident is (name, 생년월일, address, phone), encrypted as a whole

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 05:00:00
"""

import sqlalchemy as sa

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resident_identity",
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("ciphertext", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account_id"),
    )


def downgrade() -> None:
    op.drop_table("resident_identity")
