"""`carrier-switch db upgrade | current`."""

from __future__ import annotations

import argparse
from typing import Any

from switch_service.cli.context import Context
from switch_service.store import migrate


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    db = commands.add_parser("db", help="database schema (Alembic migrations)")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser("upgrade", parents=[common], help="apply all migrations").set_defaults(
        handler=upgrade, needs_schema=False)
    actions.add_parser("current", parents=[common], help="print the schema revision").set_defaults(
        handler=current, needs_schema=False)


def upgrade(_args: argparse.Namespace, context: Context) -> int:
    migrate.upgrade(context.engine)
    print(f"database at revision {migrate.current_revision(context.engine)} (head)")
    return 0


def current(_args: argparse.Namespace, context: Context) -> int:
    revision = migrate.current_revision(context.engine)
    head = migrate.head_revision(context.engine)
    if revision is None:
        print("empty database (no migrations applied); run: carrier-switch db upgrade")
        return 1
    print(f"{revision}{' (head)' if revision == head else f' (head is {head})'}")
    return 0
