"""A DID's monthly fee becomes a recurring fee of the DID's account (`recurring_fees.did_id`, one fee per DID, kept in
step with the DID by `store.repositories.did_fees`), and each rate says which calls pay its disconnect fee
(`rates.disconnect_fee_rule`: below_threshold, as before, or from_threshold). An active DID that has a fee and an
account gets its monthly fee here, starting at the upgrade (the fee was shown but never charged before); existing
rates keep today's rule (server default).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 12:00:00
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

from switch_service.store.types import Money, UTCDateTime

revision = '0007'
down_revision = '0006'
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
    _did_fees()


def _did_fees() -> None:
    """The monthly fee of every active DID with a fee and an account, as `store.repositories.did_fees` keeps it."""
    dids = sa.table('dids', sa.column('id', sa.Integer()), sa.column('number', sa.String()),
                    sa.column('account_id', sa.Integer()), sa.column('monthly_fee', Money()),
                    sa.column('active', sa.Boolean()))
    fees = sa.table('recurring_fees', sa.column('name', sa.String()), sa.column('account_id', sa.Integer()),
                    sa.column('did_id', sa.Integer()), sa.column('amount', Money()), sa.column('period', sa.String()),
                    sa.column('anchor_at', UTCDateTime()), sa.column('next_due_at', UTCDateTime()),
                    sa.column('active', sa.Boolean()))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    rows = op.get_bind().execute(sa.select(dids.c.id, dids.c.number, dids.c.account_id, dids.c.monthly_fee).where(
        dids.c.active.is_(True), dids.c.account_id.is_not(None), dids.c.monthly_fee > 0)).all()
    if rows:
        op.bulk_insert(fees, [{"name": f"DID {number} monthly fee", "account_id": account_id, "did_id": did_id,
                               "amount": fee, "period": "monthly", "anchor_at": now, "next_due_at": now,
                               "active": True} for did_id, number, account_id, fee in rows])


def downgrade() -> None:
    op.execute('DELETE FROM recurring_fees WHERE did_id IS NOT NULL')
    with op.batch_alter_table('recurring_fees', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_recurring_fees_did_id_dids'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_recurring_fees_did_id'), type_='unique')
        batch_op.drop_column('did_id')
    op.drop_column('rates', 'disconnect_fee_rule')
