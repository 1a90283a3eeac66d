"""`carrier-switch statements render|run`: statements and invoices as PDF (switch_service/documents/)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from switch_service.errors import UserError
from switch_service.store.types import utcnow

if TYPE_CHECKING:
    from switch_service.cli.context import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    statements = commands.add_parser("statements", help="statements and invoices (PDF)")
    actions = statements.add_subparsers(dest="statements_command", metavar="ACTION", required=True)
    render = actions.add_parser(
        "render", parents=[common],
        help="write one account's or reseller's statement of a month as PDF; an ended month is issued once "
             "(numbered and kept), the current one is provisional")
    whose = render.add_mutually_exclusive_group()  # one of them: checked by the command
    whose.add_argument("--account", type=int, metavar="ID", help="the account's id")
    whose.add_argument("--reseller", type=int, metavar="ID", help="the reseller's id")
    render.add_argument("--period", required=True, metavar="YYYY-MM", help="the calendar month")
    render.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="where to write the PDF")
    render.set_defaults(handler=render_command)
    run = actions.add_parser("run", parents=[common],
                             help="issue every account's and reseller's statement of an ended month once; one "
                                  "JSON line of counts")
    run.add_argument("--period", required=True, metavar="YYYY-MM", help="the calendar month")
    run.set_defaults(handler=run_command)


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    bench = kinds.add_parser("statements", parents=[common],
                             help="one account's and its reseller's statement of a month of N synthetic CDRs: "
                                  "seconds and peak RSS (needs a scratch --db)")
    bench.add_argument("--cdrs", type=int, default=1_000_000, help="CDR rows in the month (default 1000000)")
    bench.add_argument("--seed", type=int, default=1)
    bench.set_defaults(handler=bench_command)


def bench_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.bench.statements import bench_statements

    print(json.dumps(bench_statements(context.engine, context.db_url, args.cdrs, args.seed)))
    return 0


def render_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.documents.issued import account_document, reseller_document
    from switch_service.documents.monthly_run import issue_retrying
    from switch_service.documents.statement_figures import parse_period

    if args.account is None and args.reseller is None:
        raise UserError("say whose statement: --account ID or --reseller ID")
    parse_period(args.period)
    if args.out.is_dir():
        raise UserError(f"--out {args.out}: is a folder; name the PDF file to write")
    make = account_document if args.account is not None else reseller_document
    made = issue_retrying(context.engine, make, settings=context.settings,
                          subject_id=args.account if args.account is not None else args.reseller,
                          period=args.period, now=utcnow())
    try:
        args.out.write_bytes(made.pdf)
    except OSError as error:
        raise UserError(f"--out {args.out}: {error.strerror}") from error
    print(json.dumps({"number": made.row.number if made.row else None, "provisional": made.row is None,
                      "period": args.period, "out": str(args.out), "bytes": len(made.pdf),
                      "sha256": made.row.sha256 if made.row else None}))
    return 0


def run_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.documents.monthly_run import issue_month

    started = time.perf_counter()
    run = issue_month(context.engine, context.settings, args.period, utcnow())
    print(json.dumps({**dataclasses.asdict(run), "seconds": round(time.perf_counter() - started, 3)}))
    return 0 if run.failed == 0 else 1
