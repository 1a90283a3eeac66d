"""Alembic, driven from code: migrations ship inside the package, so no alembic.ini is needed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from switch_service.errors import UserError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def known_revisions(engine: Engine) -> set[str]:
    """Every revision this version's migrations know (a backup at another one cannot be restored here)."""
    return {script.revision for script in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()}


def require_head(engine: Engine) -> None:
    """A UserError naming `carrier-switch db upgrade` unless the schema is this version's: a command run on an
    empty or older database would otherwise stop at its first missing table with a traceback."""
    current, head = current_revision(engine), head_revision(engine)
    if current == head:
        return
    where = engine.url.render_as_string(hide_password=True)
    if current is None:
        raise UserError(f"database {where} has no Carrierdesk schema yet: run `carrier-switch db upgrade`")
    try:
        ScriptDirectory.from_config(alembic_config(engine)).get_revision(current)
    except CommandError:
        raise UserError(f"database {where} is at schema revision {current}, newer than this carrier-switch knows "
                        f"({head}): use the carrier-switch that upgraded it") from None
    raise UserError(f"database {where} is at schema revision {current}, this version needs {head}: run "
                    "`carrier-switch db upgrade`")
