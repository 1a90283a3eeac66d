"""Retail-agent PINs (issue 18): a reseller (a retail store) may hold an agent PIN that its clerk keys in the IVR to
recharge a PIN-less customer from the reseller's balance. `resellers.agent_pin_index` is the PIN's keyed index
(HMAC under the PIN key, as `cards.pin_index`): nullable, unique, so the AAA server finds the reseller with one
indexed lookup; the PIN itself is shown once when issued and kept nowhere. `agent_pin_issued_at` says when.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import switch_service.store.types

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agent_pin_index', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('agent_pin_issued_at', switch_service.store.types.UTCDateTime(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_resellers_agent_pin_index'), ['agent_pin_index'])


def downgrade() -> None:
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_resellers_agent_pin_index'), type_='unique')
        batch_op.drop_column('agent_pin_issued_at')
        batch_op.drop_column('agent_pin_index')
