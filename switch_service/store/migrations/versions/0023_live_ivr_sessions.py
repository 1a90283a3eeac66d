"""Live IVR sessions (issue 18): a caller in the IVR has a live-call row (state "ivr") so every node's API lists it;
`live_calls.ivr_stage` is where its media worker says it is (language menu, PIN, destination...) and
`live_calls.ivr_worker` which worker of its node holds it.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain nullable columns, added in place on every backend (no batch copy of the live calls)
    op.add_column('live_calls', sa.Column('ivr_stage', sa.String(length=24), nullable=True))
    op.add_column('live_calls', sa.Column('ivr_worker', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('live_calls', 'ivr_worker')
    op.drop_column('live_calls', 'ivr_stage')
