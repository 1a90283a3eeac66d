"""`carrier-switch fees run`: charge the recurring fees that fell due (for a cron job, or a service that runs with
`fees_interval_s = 0`); one JSON line per fee charged."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from switch_service.cli.context import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    fees = commands.add_parser("fees", help="recurring fees (maintenance, DID rent, package fees)")
    actions = fees.add_subparsers(dest="fees_command", metavar="ACTION", required=True)
    run = actions.add_parser("run", parents=[common], help="charge every occurrence due now, each once")
    run.set_defaults(handler=run_command)


def run_command(_args: argparse.Namespace, context: Context) -> int:
    from switch_service.api.fee_runner import charge_fees_now

    for run in charge_fees_now(context.engine, context.settings):
        print(json.dumps({"fee_id": run.fee_id, "name": run.name, "accounts": run.accounts,
                          "occurrences": [due.isoformat() for due in run.occurrences],
                          "next_due_at": run.next_due_at.isoformat()}))
    return 0
