"""Alembic environment: the engine comes from `switch_service.store.migrate`, never from an ini file."""

from __future__ import annotations

from alembic import context

from switch_service.store import models  # noqa: F401 - registers every table on the metadata
from switch_service.store.base import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
