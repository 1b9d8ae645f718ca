"""queue: the officer a case is assigned to, and internal memos on a case

`application.assigned_to` references the officer's account (SET NULL when that account goes);
`application_memo` holds officers' notes on a case, encrypted, deleted with the case.

Revision ID: 0015_queue
Revises: 0015_desk_admin
Create Date: 2026-12-07 05:00:00
"""

import sqlalchemy as sa

from alembic import op

revision = "0015_queue"
down_revision = "0015_desk_admin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN, never a batch copy: on SQLite a copy of `application` drops the old table, and
    # with foreign keys on that cascade-deletes every event, upload and document hanging off it
    if op.get_bind().dialect.name == "sqlite":  # SQLite adds a column's REFERENCES only in ADD COLUMN
        op.execute("ALTER TABLE application ADD COLUMN assigned_to INTEGER "
                   "REFERENCES account (id) ON DELETE SET NULL")  # fmt: skip
    else:
        op.add_column("application", sa.Column("assigned_to", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_application_assigned_to", "application", "account", ["assigned_to"], ["id"],
                              ondelete="SET NULL")  # fmt: skip
    op.create_index("ix_application_assigned_to", "application", ["assigned_to"])
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
    op.drop_index("ix_application_assigned_to", table_name="application")
    if op.get_bind().dialect.name == "sqlite":  # its REFERENCES goes with the column (a batch copy)
        with op.batch_alter_table("application", schema=None) as batch_op:
            batch_op.drop_column("assigned_to")
    else:
        op.drop_constraint("fk_application_assigned_to", "application", type_="foreignkey")
        op.drop_column("application", "assigned_to")
