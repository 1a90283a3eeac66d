"""`carrier-switch backup FILE` (online, while calls run) and `carrier-switch restore FILE` (into an empty
database); how and why in switch_service.store.backup."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from switch_service.cli.context import Context
from switch_service.store import backup
from switch_service.version import service_version


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    save = commands.add_parser("backup", parents=[common],
                               help="write a consistent backup of the database to FILE while the service runs")
    save.add_argument("file", type=Path)
    save.set_defaults(handler=backup_command)
    load = commands.add_parser("restore", parents=[common],
                               help="load a backup into an empty database (checksums checked), then migrate it")
    load.add_argument("file", type=Path)
    load.set_defaults(handler=restore_command, needs_schema=False)  # into an empty database: it builds the schema


def backup_command(args: argparse.Namespace, context: Context) -> int:
    manifest = backup.backup(context.engine, args.file, service_version())
    rows = sum(table.rows for table in manifest.tables.values())
    print(f"backup of {len(manifest.tables)} tables, {rows} rows (schema {manifest.revision}) written to {args.file}")
    return 0


def restore_command(args: argparse.Namespace, context: Context) -> int:
    manifest = backup.restore(context.engine, args.file)
    rows = sum(table.rows for table in manifest.tables.values())
    print(f"restored {len(manifest.tables)} tables, {rows} rows, every checksum equal "
          f"(backup of {manifest.created_at}, schema {manifest.revision}, now at head)")
    return 0
