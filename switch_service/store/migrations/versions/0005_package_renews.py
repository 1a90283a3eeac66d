"""`account_packages.renews`: whether a package goes on into the next period from this row. The API's DELETE of a
period's row turns it off on the rows before it, so the fee runner does not reopen (and charge again) a period
the admin removed. Existing rows renew, as before. Added with a server default, in place: on SQLite a batch copy
of account_packages would drop the table and, with foreign keys on, cascade-delete the live calls' package_claims.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # not a batch: alembic's SQLite batch copies the table for a column with a default expression
    op.add_column('account_packages', sa.Column('renews', sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade() -> None:
    op.drop_column('account_packages', 'renews')  # in place too (SQLite 3.35+)
