"""`ix_accounts_balance` (the accounts list sorted or filtered by balance, and the dashboard's count of low-balance
accounts, read a range of the index instead of every account) and `live_calls.destination_name` (the rated
destination's name, so the Live calls page names the destination of calls already in progress).

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-08 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_accounts_balance', 'accounts', ['balance', 'id'])
    op.add_column('live_calls', sa.Column('destination_name', sa.String(length=120), nullable=True))


def downgrade() -> None:
    op.drop_column('live_calls', 'destination_name')
    op.drop_index('ix_accounts_balance', table_name='accounts')
