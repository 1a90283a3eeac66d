"""The country national forms are read in, per object (issue 17, one rule for phone numbers): `accounts.country`,
`dids.country`, `customer_trunks.country` — ISO 3166 alpha-2, NULL for the `default_region` setting. Nullable
columns added in place.

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-06 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0012'
branch_labels = None
depends_on = None

TABLES = ('accounts', 'dids', 'customer_trunks')


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('country', sa.String(length=2), nullable=True))


def downgrade() -> None:
    for table in TABLES:  # a plain column: SQLite (3.35 and later) drops it in place too
        op.drop_column(table, 'country')
