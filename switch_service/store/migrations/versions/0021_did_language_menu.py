"""IVR (issue 18): `dids.language_menu`, the languages an access number offers its callers before the PIN
("en,es,fr": digit 1 English, 2 Spanish, 3 French; '' no menu), and `dids.welcome_prompt` dropped: a text nothing
read, since an access number's own welcome is a recording in the operator's prompt folder (`_did/`).

Revision ID: 0021
Revises: 0018
Create Date: 2026-12-07 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a column with its default is added in place on every backend; the drop is a batch (SQLite copies `dids`, with
    # its foreign keys off while migrations run: env.py)
    op.add_column('dids', sa.Column('language_menu', sa.String(length=80), server_default=sa.text("''"),
                                    nullable=False))
    with op.batch_alter_table('dids') as batch:
        batch.drop_column('welcome_prompt')


def downgrade() -> None:
    with op.batch_alter_table('dids') as batch:
        batch.add_column(sa.Column('welcome_prompt', sa.String(length=120), nullable=True))
    op.drop_column('dids', 'language_menu')
