"""`issued_documents`: statements and invoices of ended periods, numbered without gaps per series and year, each
kept as a file in the data folder with its SHA-256 (issue 19, documents).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=24), nullable=False),
    sa.Column('series', sa.String(length=8), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('subject', sa.String(length=24), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('reseller_id', sa.Integer(), nullable=True),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('file_path', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_issued_documents_account_id_accounts')),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'],
                            name=op.f('fk_issued_documents_reseller_id_resellers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('number', name=op.f('uq_issued_documents_number')),
    sa.UniqueConstraint('series', 'year', 'seq', name=op.f('uq_issued_documents_series_year_seq')),
    sa.UniqueConstraint('subject', 'period', name=op.f('uq_issued_documents_subject_period'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_reseller_id'), ['reseller_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_reseller_id'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_account_id'))
    op.drop_table('issued_documents')
