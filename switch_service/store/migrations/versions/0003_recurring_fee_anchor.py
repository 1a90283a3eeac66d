"""Recurring fees remember their first due date: a monthly fee due on the 31st comes back on the 31st after
February (stepping from the last due date alone would drift to the 28th for good). Existing fees are anchored on
their next due date.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anchor_at', switch_service.store.types.UTCDateTime(), nullable=True))
    op.execute('UPDATE recurring_fees SET anchor_at = next_due_at')
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.alter_column('anchor_at', existing_type=switch_service.store.types.UTCDateTime(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.drop_column('anchor_at')
