"""Scale-out (issue 21): `cluster_nodes`, a heartbeat lease per switch node, and the node that owns each live call,
reservation and package claim, so a node recovers only its own calls and a survivor settles a dead node's once.

Revision ID: 0018
Revises: 0020
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0018'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cluster_nodes',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('lease_until', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('renewed_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('started_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.Column('incarnation', sa.Integer(), nullable=False),
    sa.Column('sip_address', sa.String(length=64), nullable=True),
    sa.Column('recovered_by', sa.String(length=64), nullable=True),
    sa.Column('recovered_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_cluster_nodes'))
    )
    with op.batch_alter_table('live_calls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('node', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_live_calls_node'), ['node'], unique=False)
    with op.batch_alter_table('reservations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('node', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_reservations_node'), ['node'], unique=False)
    with op.batch_alter_table('package_claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('node', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('package_claims', schema=None) as batch_op:
        batch_op.drop_column('node')
    with op.batch_alter_table('reservations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reservations_node'))
        batch_op.drop_column('node')
    with op.batch_alter_table('live_calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_calls_node'))
        batch_op.drop_column('node')
    op.drop_table('cluster_nodes')
