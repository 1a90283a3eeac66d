"""A DID's monthly fee becomes a recurring fee of the DID's account (`recurring_fees.did_id`, one fee per DID, kept in
step with the DID by `store.repositories.did_fees`), and each rate says which calls pay its disconnect fee
(`rates.disconnect_fee_rule`: below_threshold, as before, or from_threshold). Existing DIDs with a fee and an
account get their fee on the next write to them; existing rates keep today's rule (server default).

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # in place, as 0005: rates may hold millions of rows, and a constant default is a metadata change on
    # PostgreSQL 11+ and MariaDB 10.3+
    rule = sa.Enum('below_threshold', 'from_threshold', name='disconnectfeerule', native_enum=False, length=19)
    op.add_column('rates', sa.Column('disconnect_fee_rule', rule, server_default='below_threshold', nullable=False))
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('did_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_recurring_fees_did_id'), ['did_id'])
        batch_op.create_foreign_key(batch_op.f('fk_recurring_fees_did_id_dids'), 'dids', ['did_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_recurring_fees_did_id_dids'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_recurring_fees_did_id'), type_='unique')
        batch_op.drop_column('did_id')
    op.drop_column('rates', 'disconnect_fee_rule')
