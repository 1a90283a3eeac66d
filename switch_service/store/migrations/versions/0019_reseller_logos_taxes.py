"""A white-label reseller's logo and a reseller's tax profile (issue 19).

`reseller_logos`: one row per reseller that has a logo (PNG or JPEG bytes, checked by `documents.logos`), a table
of its own so listing resellers never reads the images. In the database rather than the data folder: every node of
a cluster on one PostgreSQL reads the same logo, a backup carries it (checksummed with the other rows) and it
changes in the transaction of its audit row. `resellers.tax_profile_id`: the taxes its statement prints.

Revision ID: 0019
Revises: 0017
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

import switch_service.store.types

revision = '0019'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reseller_logos',
    sa.Column('reseller_id', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=20), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary().with_variant(mysql.MEDIUMBLOB(), 'mysql', 'mariadb'), nullable=False),
    sa.Column('updated_at', switch_service.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['reseller_id'], ['resellers.id'], name=op.f('fk_reseller_logos_reseller_id_resellers'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('reseller_id', name=op.f('pk_reseller_logos'))
    )
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tax_profile_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_resellers_tax_profile_id_tax_profiles'), 'tax_profiles',
                                    ['tax_profile_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('resellers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_resellers_tax_profile_id_tax_profiles'), type_='foreignkey')
        batch_op.drop_column('tax_profile_id')
    op.drop_table('reseller_logos')
