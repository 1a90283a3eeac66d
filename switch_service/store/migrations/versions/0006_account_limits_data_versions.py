"""Accounts get a low-balance threshold and a maximum number of caller numbers (ANIs); `data_versions` counts the
committed writes of every table the running switch and RADIUS processes keep in memory, so they see an edit in
place (an ANI's destination) within a second (switch_service.store.change_signal). Columns added in place, as
0005 did: a batch copy of accounts on SQLite would cascade-delete its rows' children.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# switch_service.store.change_signal.TRACKED when this revision was written
TRACKED = ('account_packages', 'accounts', 'anis', 'band_schedules', 'carriers', 'customer_trunks', 'dial_plan_routes',
           'dial_plans', 'dids', 'gateways', 'nas_clients', 'packages', 'rates', 'route_carriers', 'tariffs',
           'tax_profiles', 'taxes')


def upgrade() -> None:
    op.add_column('accounts', sa.Column('low_balance_threshold',
                                        switch_service.store.types.ExactDecimal(precision=18, scale=6), nullable=True))
    op.add_column('accounts', sa.Column('max_anis', sa.Integer(), server_default=sa.text('0'), nullable=False))
    versions = op.create_table('data_versions',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', name=op.f('pk_data_versions'))
    )
    op.bulk_insert(versions, [{'table_name': name, 'version': 0} for name in TRACKED])


def downgrade() -> None:
    op.drop_table('data_versions')
    op.drop_column('accounts', 'max_anis')
    op.drop_column('accounts', 'low_balance_threshold')
