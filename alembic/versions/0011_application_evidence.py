"""imported MyData documents submitted with an application

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 04:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('application_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['evidence_document.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id', 'document_id', name='uq_application_evidence')
    )
    with op.batch_alter_table('application_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_evidence_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_evidence_document_id'), ['document_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('application_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_evidence_document_id'))
        batch_op.drop_index(batch_op.f('ix_application_evidence_application_id'))
    op.drop_table('application_evidence')
