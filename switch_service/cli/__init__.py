"""`carrier-switch`: the switch service and its admin commands.

Every command takes the database URL from `--db URL`, else CARRIERDESK_DB_URL, else the config file, and checks
first that the database has this version's schema (except `db upgrade`, `db current` and the benchmarks, which
migrate their scratch databases). Problems the operator can fix are printed as one line with exit code 2, never as
a traceback.

Command groups are the `*_commands.py` modules of this package: each may have `register(commands, common)`
and/or `register_bench(kinds, common)` to add a `carrier-switch bench KIND` benchmark.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from switch_service.cli.context import Context
from switch_service.errors import UserError
from switch_service.logs import LOG_FORMAT
from switch_service.store import migrate

PROG = "carrier-switch"


def command_modules() -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.endswith("_commands"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL (overrides CARRIERDESK_DB_URL and the config file)")
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__, parents=[common],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--self-test", action=_SelfTest,
                        help="check this installation (database, dictionaries, pjsua2, SIP/RADIUS/API listeners on "
                             "free ports) and exit: 0 when everything works")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # every command working on the database (made with `common` from here on) needs its schema, unless it says not
    common.set_defaults(needs_schema=True)
    modules = command_modules()
    for module in modules:
        if hasattr(module, "register"):
            module.register(commands, common)
    bench = commands.add_parser("bench", help="benchmarks (each prints one JSON line of figures)")
    kinds = bench.add_subparsers(dest="bench_command", metavar="KIND", required=True)
    for module in modules:
        if hasattr(module, "register_bench"):
            module.register_bench(kinds, common)
    for kind in kinds.choices.values():
        kind.set_defaults(needs_schema=False)  # benchmarks migrate (and empty) their scratch database themselves
    return parser


class _SelfTest(argparse.Action):
    """Runs at once and exits, like --version: no command needed."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from switch_service import self_test

        logging.basicConfig(level=logging.ERROR, format=LOG_FORMAT)
        parser.exit(self_test.run())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT)
    context = Context(db_option=getattr(args, "db", None))
    try:
        if getattr(args, "needs_schema", False):
            migrate.require_head(context.engine)
        result: int = args.handler(args, context)
    except UserError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): what was written stays, no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's flush at exit would fail again
        return 141  # as a shell reports a command ended by SIGPIPE
    finally:
        context.close()
    return result
