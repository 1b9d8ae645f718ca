"""class notices: held seats, lottery results, 폐강 and payment reminders for residents

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 04:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('class_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('amount_krw', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('registration_id', 'kind', name='uq_class_notice_registration_kind')
    )
    with op.batch_alter_table('class_notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_class_notice_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_notice_registration_id'), ['registration_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('class_notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_class_notice_registration_id'))
        batch_op.drop_index(batch_op.f('ix_class_notice_account_id'))
    op.drop_table('class_notice')
