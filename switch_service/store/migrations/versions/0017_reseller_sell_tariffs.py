"""White-label sell tariffs (issue 19): `resellers.sell_tariff_id` names a white-label reseller's own sell tariff
(derived from its buy tariff, `tariff_id`, by a markup; its users read and edit only that one). On the reseller,
not the tariff, so foreign keys still run one way (resellers -> tariffs) and a backup restores table by table.
Nullable and unique: one reseller per sell tariff.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sell_tariff_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_resellers_sell_tariff_id'), ['sell_tariff_id'])
        batch_op.create_foreign_key(batch_op.f('fk_resellers_sell_tariff_id_tariffs'), 'tariffs', ['sell_tariff_id'],
                                    ['id'])


def downgrade() -> None:
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_resellers_sell_tariff_id_tariffs'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_resellers_sell_tariff_id'), type_='unique')
        batch_op.drop_column('sell_tariff_id')
