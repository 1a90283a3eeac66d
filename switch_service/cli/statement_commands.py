"""`carrier-switch statements render|run`: statements and invoices as PDF (switch_service/documents/)."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from switch_service.cli.context import Context
from switch_service.documents.issued import Document, DocumentRaceError, account_document, reseller_document
from switch_service.documents.statement_figures import parse_period
from switch_service.errors import UserError
from switch_service.store.models import Account, Reseller
from switch_service.store.types import utcnow

_CHUNK = 500  # ids read per query by `run`


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    statements = commands.add_parser("statements", help="statements and invoices (PDF)")
    actions = statements.add_subparsers(dest="statements_command", metavar="ACTION", required=True)
    render = actions.add_parser(
        "render", parents=[common],
        help="write one account's or reseller's statement of a month as PDF; an ended month is issued once "
             "(numbered and kept), the current one is provisional")
    whose = render.add_mutually_exclusive_group(required=True)
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


def render_command(args: argparse.Namespace, context: Context) -> int:
    parse_period(args.period)
    if args.out.is_dir():
        raise UserError(f"--out {args.out}: is a folder; name the PDF file to write")
    with context.session() as session, session.begin():
        if args.account is not None:
            made = account_document(session, context.settings, args.account, args.period, utcnow())
        else:
            made = reseller_document(session, context.settings, args.reseller, args.period, utcnow())
    try:
        args.out.write_bytes(made.pdf)
    except OSError as error:
        raise UserError(f"--out {args.out}: {error.strerror}") from error
    print(json.dumps({"number": made.row.number if made.row else None, "provisional": made.row is None,
                      "period": args.period, "out": str(args.out), "bytes": len(made.pdf),
                      "sha256": made.row.sha256 if made.row else None}))
    return 0


def _ids(context: Context, column: Any, after: int) -> list[int]:
    with context.session() as session:
        return list(session.scalars(select(column).where(column > after).order_by(column).limit(_CHUNK)))


def run_command(args: argparse.Namespace, context: Context) -> int:
    """Each document in a transaction of its own: one that fails names itself and the others are kept."""
    year, month = parse_period(args.period)
    started = time.perf_counter()
    counts = {"issued": 0, "kept_before": 0, "not_ended": 0}
    now = utcnow()
    if (now.year, now.month) < (year, month):
        raise UserError(f"period {args.period} is in the future")

    def one(issue: Any, subject_id: int) -> None:
        for _attempt in range(3):
            try:
                with context.session() as session, session.begin():
                    made: Document = issue(session, subject_id)
            except DocumentRaceError:
                continue
            if made.row is None:
                counts["not_ended"] += 1
            elif made.figures is None:
                counts["kept_before"] += 1
            else:
                counts["issued"] += 1
            return
        raise UserError(f"{subject_id}: the statement could not be numbered (other issuers kept taking the number)")

    for column, issue in (
            (Account.id, lambda s, i: account_document(s, context.settings, i, args.period, now)),
            (Reseller.id, lambda s, i: reseller_document(s, context.settings, i, args.period, now))):
        after = 0
        while ids := _ids(context, column, after):
            for subject_id in ids:
                one(issue, subject_id)
            after = ids[-1]
    print(json.dumps({"period": args.period, **counts, "seconds": round(time.perf_counter() - started, 3)}))
    return 0
