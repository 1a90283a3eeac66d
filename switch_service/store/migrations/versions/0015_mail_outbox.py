"""E-mail notifications (issue 19): the `notifications` table becomes an outbox (`subject`, `attachment`,
`attempts`, `next_attempt_at`, `last_error`: a mail server that is down loses nothing, it is tried again with
back-off), and the rows a notice is about remember that it went out, so it goes once per occurrence:
`accounts.low_balance_notified_at` (until the money is above the threshold again), `card_batches.expiry_notified_at`,
`carriers.down_notified_at` (until the carrier is up again). Nullable columns added in place.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 18:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

MARKS = (('accounts', 'low_balance_notified_at'), ('card_batches', 'expiry_notified_at'),
         ('carriers', 'down_notified_at'))


def upgrade() -> None:
    op.add_column('notifications', sa.Column('subject', sa.String(length=200), nullable=True))
    op.add_column('notifications', sa.Column('attachment', sa.String(length=500), nullable=True))
    op.add_column('notifications', sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False))
    op.add_column('notifications', sa.Column('next_attempt_at', sa.DateTime(), nullable=True))
    op.add_column('notifications', sa.Column('last_error', sa.String(length=300), nullable=True))
    for table, column in MARKS:
        op.add_column(table, sa.Column(column, sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table, column in MARKS:
        op.drop_column(table, column)
    for column in ('last_error', 'next_attempt_at', 'attempts', 'attachment', 'subject'):
        op.drop_column('notifications', column)
