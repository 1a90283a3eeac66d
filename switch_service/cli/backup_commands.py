"""`carrier-switch backup FILE` (online, while calls run) and `carrier-switch restore FILE` (into an empty
database), the issued documents' files of the data folder and the operator's recordings (replaced prompts, access
numbers' welcomes) carried along and put back; how and why in switch_service.store.backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from switch_service.cli.context import Context


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
    from switch_service import backup_folder
    from switch_service.store import backup
    from switch_service.version import service_version

    manifest = backup.backup(context.engine, args.file, service_version(),
                             data_dir=backup_folder.data_folder(context.settings),
                             prompts_dir=backup_folder.prompts_folder(context.settings))
    rows = sum(table.rows for table in manifest.tables.values())
    print(f"backup of {len(manifest.tables)} tables, {rows} rows, {manifest.counted(backup.DOCUMENTS)} document "
          f"files, {manifest.counted(backup.PROMPTS)} recordings (schema {manifest.revision}) written to {args.file}")
    for relative in manifest.files_left_out:
        print(f"left out: {relative} (missing or changed since it was issued; its row is in the backup)",
              file=sys.stderr)
    return 0


def restore_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service import backup_folder
    from switch_service.store import backup

    manifest = backup.restore(context.engine, args.file, data_dir=backup_folder.data_folder(context.settings),
                              prompts_dir=backup_folder.prompts_folder(context.settings))
    rows = sum(table.rows for table in manifest.tables.values())
    print(f"restored {len(manifest.tables)} tables, {rows} rows, {manifest.counted(backup.DOCUMENTS)} document "
          f"files, {manifest.counted(backup.PROMPTS)} recordings, every checksum equal (backup of "
          f"{manifest.created_at}, schema {manifest.revision}, now at head)")
    return 0
