"""Resellers for real (issue 19, the money): `cdr_reseller_lines` (every reseller's sell and buy price and commission
of a rated call, written by the Stop with the CDR) and `payment_reseller_lines` (the commissions of a payment or
recharge, written with it); the change signal tracks `resellers` and `commission_rules`, which the RADIUS snapshot
now holds.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def _money() -> switch_service.store.types.ExactDecimal:
    return switch_service.store.types.ExactDecimal(precision=18, scale=6)


def upgrade() -> None:
    op.create_table('cdr_reseller_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.String(length=128), nullable=False),
    sa.Column('reseller_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('sell', _money(), nullable=False),
    sa.Column('buy', _money(), nullable=False),
    sa.Column('commission', _money(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_cdr_reseller_lines_reseller_id_resellers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cdr_reseller_lines')),
    sa.UniqueConstraint('call_id', 'level', name=op.f('uq_cdr_reseller_lines_call_id_level'))
    )
    op.create_index(op.f('ix_cdr_reseller_lines_reseller_id'), 'cdr_reseller_lines', ['reseller_id'], unique=False)
    op.create_table('payment_reseller_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=False),
    sa.Column('reseller_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('sell', _money(), nullable=False),
    sa.Column('buy', _money(), nullable=False),
    sa.Column('commission', _money(), nullable=False),
    sa.Column('balance_change', _money(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], name=op.f('fk_payment_reseller_lines_payment_id_payments'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'],
                            name=op.f('fk_payment_reseller_lines_reseller_id_resellers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_reseller_lines')),
    sa.UniqueConstraint('payment_id', 'level', name=op.f('uq_payment_reseller_lines_payment_id_level'))
    )
    op.create_index(op.f('ix_payment_reseller_lines_reseller_id'), 'payment_reseller_lines', ['reseller_id'],
                    unique=False)
    versions = sa.table('data_versions', sa.column('table_name', sa.String()), sa.column('version', sa.BigInteger()))
    op.bulk_insert(versions, [{'table_name': name, 'version': 0} for name in ('commission_rules', 'resellers')])


def downgrade() -> None:
    op.execute("DELETE FROM data_versions WHERE table_name IN ('commission_rules', 'resellers')")
    op.drop_index(op.f('ix_payment_reseller_lines_reseller_id'), table_name='payment_reseller_lines')
    op.drop_table('payment_reseller_lines')
    op.drop_index(op.f('ix_cdr_reseller_lines_reseller_id'), table_name='cdr_reseller_lines')
    op.drop_table('cdr_reseller_lines')
