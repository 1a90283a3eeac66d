"""IVR (issue 18): `pin_failures`, one row per wrong PIN the AAA server refused (the caller's number and the DID it
came in on, never the PIN), counted per ANI and per DID within the lockout window (aaa/pin_lockout.py) and pruned
past it; `dids.minute_shrink_percent`, the share taken off the minutes the IVR announces on that DID (IPsmarx's
"IVR minute shrinking": what is announced, not what is billed).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pin_failures',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('ani', sa.String(length=32), nullable=False),
                    sa.Column('did', sa.String(length=32), nullable=False),
                    sa.Column('failed_at', sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_pin_failures')))
    op.create_index(op.f('ix_pin_failures_ani_failed_at'), 'pin_failures', ['ani', 'failed_at'])
    op.create_index(op.f('ix_pin_failures_did_failed_at'), 'pin_failures', ['did', 'failed_at'])
    op.create_index(op.f('ix_pin_failures_failed_at'), 'pin_failures', ['failed_at'])
    # a plain column with its default, added in place on every backend: SQLite's batch copy would drop `dids`, which
    # the foreign keys of existing fees and calls refuse (an upgrade of a database with DIDs failed)
    op.add_column('dids', sa.Column('minute_shrink_percent', sa.Integer(), server_default=sa.text('0'),
                                    nullable=False))


def downgrade() -> None:
    op.drop_column('dids', 'minute_shrink_percent')  # SQLite (3.35 and later) drops a plain column in place too
    op.drop_index(op.f('ix_pin_failures_failed_at'), table_name='pin_failures')
    op.drop_index(op.f('ix_pin_failures_did_failed_at'), table_name='pin_failures')
    op.drop_index(op.f('ix_pin_failures_ani_failed_at'), table_name='pin_failures')
    op.drop_table('pin_failures')
