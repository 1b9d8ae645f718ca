"""queue: the officer a case is assigned to, and internal memos on a case

`application.assigned_to` references the officer's account (SET NULL when that account goes);
`application_memo` holds officers' notes on a case, encrypted, deleted with the case.

Revision ID: 0015_queue
Revises: 0014
Create Date: 2026-12-07 05:00:00
"""

import sqlalchemy as sa

from alembic import op

revision = "0015_queue"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_to", sa.Integer(), nullable=True))
        batch_op.create_index("ix_application_assigned_to", ["assigned_to"])
        batch_op.create_foreign_key(
            "fk_application_assigned_to", "account", ["assigned_to"], ["id"], ondelete="SET NULL"
        )
    op.create_table(
        "application_memo",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "application_id",
            sa.Integer(),
            sa.ForeignKey("application.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text_sealed", sa.Text(), nullable=False),
    )
    op.create_index("ix_application_memo_application_id", "application_memo", ["application_id"])
    op.create_index("ix_application_memo_author_id", "application_memo", ["author_id"])


def downgrade() -> None:
    op.drop_index("ix_application_memo_author_id", table_name="application_memo")
    op.drop_index("ix_application_memo_application_id", table_name="application_memo")
    op.drop_table("application_memo")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_constraint("fk_application_assigned_to", type_="foreignkey")
        batch_op.drop_index("ix_application_assigned_to")
        batch_op.drop_column("assigned_to")
