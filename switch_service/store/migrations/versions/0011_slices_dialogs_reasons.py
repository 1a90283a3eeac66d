"""Money in slices, dialogs that outlive a crash, every attempt on record (issue 16):
`reservations.granted_s` (talk seconds the held money pays for), `live_calls.gateway_id` and `live_calls.sip_dialogs`
(what the switch needs to send BYE on both legs after a crash), `cdrs.reason` (why a call was refused or ended).
Nullable columns added in place (no batch copy: on SQLite that would drop and re-create the tables).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('reservations', sa.Column('granted_s', sa.Integer(), nullable=True))
    op.add_column('live_calls', sa.Column('sip_dialogs', sa.Text(), nullable=True))
    op.add_column('cdrs', sa.Column('reason', sa.String(length=120), nullable=True))
    if op.get_context().dialect.name == 'sqlite':  # ADD COLUMN ... REFERENCES in place (a nullable column may)
        op.execute('ALTER TABLE live_calls ADD COLUMN gateway_id INTEGER '
                   'CONSTRAINT fk_live_calls_gateway_id_gateways REFERENCES gateways (id)')
    else:
        op.add_column('live_calls', sa.Column('gateway_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_live_calls_gateway_id_gateways'), 'live_calls', 'gateways',
                              ['gateway_id'], ['id'])


def downgrade() -> None:
    if op.get_context().dialect.name == 'sqlite':  # SQLite cannot drop a column a foreign key names: copy the table
        with op.batch_alter_table('live_calls') as batch_op:
            batch_op.drop_column('gateway_id')
    else:
        op.drop_constraint(op.f('fk_live_calls_gateway_id_gateways'), 'live_calls', type_='foreignkey')
        op.drop_column('live_calls', 'gateway_id')
    op.drop_column('cdrs', 'reason')
    op.drop_column('live_calls', 'sip_dialogs')
    op.drop_column('reservations', 'granted_s')
