"""campaigns: campaign, anonymous daily counts per placement and step, how a resident found us

Revision ID: 0015_campaigns
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0015_campaigns"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("title_ko", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("title_en", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("text_ko", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("shows", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("programme_keys", sa.Text(), nullable=False),
        sa.Column("category", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_slug"), ["slug"], unique=True)
        batch_op.create_index(batch_op.f("ix_campaign_created_by"), ["created_by"], unique=False)

    op.create_table(
        "campaign_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("placement", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("step", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("campaign_id", "placement", "day", "step", name="uq_campaign_count_step"),
    )
    with op.batch_alter_table("campaign_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_count_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_campaign_count_day"), ["day"], unique=False)

    op.create_table(
        "campaign_arrival",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("campaign_slug", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("placement", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", name="uq_campaign_arrival_account"),
    )
    with op.batch_alter_table("campaign_arrival", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_arrival_account_id"), ["account_id"], unique=False)


def downgrade() -> None:
    op.drop_table("campaign_arrival")
    op.drop_table("campaign_count")
    op.drop_table("campaign")
