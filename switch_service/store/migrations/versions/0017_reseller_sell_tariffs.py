"""White-label sell tariffs (issue 19): `tariffs.reseller_id` names the reseller a sell tariff belongs to (derived
from its buy tariff by a markup; a reseller user reads and edits only its own). Nullable: the operator's tariffs
have none.

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
    with op.batch_alter_table('tariffs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reseller_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_tariffs_reseller_id'), ['reseller_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_tariffs_reseller_id_resellers'), 'resellers', ['reseller_id'],
                                    ['id'])


def downgrade() -> None:
    with op.batch_alter_table('tariffs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_tariffs_reseller_id_resellers'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_tariffs_reseller_id'))
        batch_op.drop_column('reseller_id')
