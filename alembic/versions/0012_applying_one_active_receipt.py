"""applying: one active application per resident and programme, and a receipt number (접수번호)

`application.active_key` is the programme key while the application is active (not rejected) and NULL
once rejected; a unique constraint on (account_id, active_key) refuses a second active one in the
database. `application.receipt_no` is the 접수번호 "중구-<year>-<id, 6 digits>".

Existing rows: each gets its receipt number; the oldest active application of each (account,
programme) gets the active key. Duplicates that the old code let through keep working (staff still
decide them) but do not hold the key.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 01:40:00
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SEOUL = timedelta(hours=9)


def _year(moment) -> int:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment.astimezone(UTC) + SEOUL).year


def upgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("active_key", sa.String(length=140), nullable=True))
        batch_op.add_column(sa.Column("receipt_no", sa.String(length=30), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, account_id, program_key, status, submitted_at FROM application ORDER BY id")
    ).all()
    holders: set[tuple[int, str]] = set()
    for row_id, account_id, program_key, status, submitted_at in rows:
        active = None
        if status != "rejected" and (account_id, program_key) not in holders:
            holders.add((account_id, program_key))
            active = program_key
        bind.execute(
            sa.text("UPDATE application SET active_key = :active, receipt_no = :receipt WHERE id = :id"),
            {"active": active, "receipt": f"중구-{_year(submitted_at)}-{row_id:06d}", "id": row_id},
        )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_application_active", ["account_id", "active_key"])
        batch_op.create_unique_constraint("uq_application_receipt", ["receipt_no"])


def downgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_constraint("uq_application_receipt", type_="unique")
        batch_op.drop_constraint("uq_application_active", type_="unique")
        batch_op.drop_column("receipt_no")
        batch_op.drop_column("active_key")
