"""Alembic environment: the engine comes from `switch_service.store.migrate`, never from an ini file.

On SQLite a migration that changes a table's constraints copies the table and drops the old one (batch mode). With
foreign keys enforced, that drop deletes or refuses the rows pointing at it: an upgrade of a database whose accounts
belong to a reseller failed at 0017. So on SQLite the keys are off while the migrations run, and checked before the
upgrade commits (`PRAGMA foreign_key_check`): a row left pointing nowhere undoes the whole upgrade.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from switch_service.store import models  # noqa: F401 - registers every table on the metadata
from switch_service.store.base import Base


def _run(connection: Connection) -> None:
    with connection.begin():
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                          compare_type=True)
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise RuntimeError(f"the upgrade would leave rows pointing nowhere (table, row, parent): {broken}")


engine = context.config.attributes["engine"]
with engine.connect() as connection:
    if connection.dialect.name != "sqlite":
        _run(connection)
    else:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction, where SQLite takes it
        connection.commit()
        try:
            _run(connection)
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
