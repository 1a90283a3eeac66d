"""Package claims: the free seconds a call holds from its Access-Request to its Stop (see models.PackageClaim).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('package_claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.String(length=128), nullable=False),
    sa.Column('account_package_id', sa.Integer(), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('claimed_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_package_id'], ['account_packages.id'],
                            name=op.f('fk_package_claims_account_package_id_account_packages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_claims')),
    sa.UniqueConstraint('call_id', name=op.f('uq_package_claims_call_id'))
    )
    with op.batch_alter_table('package_claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_package_claims_account_package_id'), ['account_package_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('package_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_package_claims_account_package_id'))
    op.drop_table('package_claims')
