"""Scale-out (issue 21): `cluster_duties`, the lease of the one node that runs the cluster's singleton duties
(scheduled backups, the mail outbox, the monthly statements), seeded with its one row "duties" so every node takes it
with a conditional UPDATE; `live_calls.hangup_requested_at`, an operator's hang-up asked through another node's API,
announced by the change signal's "hangup_requests" version, which the carrying node polls.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    duties = op.create_table('cluster_duties',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('holder', sa.String(length=64), nullable=True),
    sa.Column('incarnation', sa.Integer(), nullable=True),
    sa.Column('lease_until', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.Column('taken_at', switch_service.store.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_cluster_duties'))
    )
    op.bulk_insert(duties, [{'name': 'duties'}])
    # a plain nullable column, added in place on every backend (no batch copy of the live calls)
    op.add_column('live_calls', sa.Column('hangup_requested_at', switch_service.store.types.UTCDateTime(),
                                          nullable=True))
    versions = sa.table('data_versions', sa.column('table_name', sa.String()), sa.column('version', sa.BigInteger()))
    op.bulk_insert(versions, [{'table_name': 'hangup_requests', 'version': 0}])


def downgrade() -> None:
    op.execute("DELETE FROM data_versions WHERE table_name = 'hangup_requests'")
    op.drop_column('live_calls', 'hangup_requested_at')
    op.drop_table('cluster_duties')
