"""`carrier-switch resellers list`: the reseller tree with its money, one reseller a line, id first."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from switch_service.cli.context import Context
from switch_service.store.models import Reseller
from switch_service.store.repositories.ledger import reseller_available

COLUMNS = ("id", "parent", "kind", "status", "currency", "balance", "credit_limit", "available", "name")


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("resellers", help="resellers: list")
    actions = group.add_subparsers(dest="resellers_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common],
                                 help="one reseller a line, tab-separated, id first: " + ", ".join(COLUMNS))
    listing.add_argument("--parent", type=int, metavar="ID", help="only the direct sub-resellers of this one")
    listing.add_argument("--header", action="store_true", help="a first line naming the columns")
    listing.set_defaults(handler=list_command)


def list_command(args: argparse.Namespace, context: Context) -> int:
    with context.session() as session:
        query = select(Reseller).order_by(Reseller.id)
        if args.parent is not None:
            query = query.where(Reseller.parent_id == args.parent)
        if args.header:
            print("\t".join(COLUMNS))
        for reseller in session.scalars(query):
            print("\t".join((str(reseller.id), str(reseller.parent_id or "-"), reseller.kind.value,
                             reseller.status.value, reseller.currency, f"{reseller.balance:f}",
                             f"{reseller.credit_limit:f}",
                             f"{reseller_available(reseller.balance, reseller.credit_limit):f}", reseller.name)))
    return 0
