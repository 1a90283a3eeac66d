"""`carrier-switch resellers list|edit|logo`: the reseller tree with its money, one reseller a line, id first; a
reseller's tax profile; a white-label reseller's logo (checked as the API checks it: a refused file is one line
naming why, exit code 2, nothing stored)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.cli.account_commands import _checked, _named
from switch_service.errors import UserError
from switch_service.store.models import Reseller, TaxProfile
from switch_service.store.repositories.ledger import reseller_available

if TYPE_CHECKING:
    from switch_service.cli.context import Context


COLUMNS = ("id", "parent", "kind", "status", "currency", "balance", "credit_limit", "available", "tax_profile",
           "name")


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("resellers", help="resellers: list, edit, logo")
    actions = group.add_subparsers(dest="resellers_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common],
                                 help="one reseller a line, tab-separated, id first: " + ", ".join(COLUMNS))
    listing.add_argument("--parent", type=int, metavar="ID", help="only the direct sub-resellers of this one")
    listing.add_argument("--header", action="store_true", help="a first line naming the columns")
    listing.set_defaults(handler=list_command)
    edit = actions.add_parser("edit", parents=[common], help="change a reseller's tax profile")
    edit.add_argument("id", type=int, help="the reseller's id")
    edit.add_argument("--tax-profile", dest="tax_profile_id", metavar="VALUE", required=True,
                      help="the taxes its statement prints: a tax profile's id or name, `none` for none")
    edit.set_defaults(handler=edit_command)
    logo = actions.add_parser("logo", parents=[common],
                              help="store a white-label reseller's logo (PNG or JPEG), printed on its customers' "
                                   "documents and its own statement")
    logo.add_argument("id", type=int, help="the reseller's id")
    logo.add_argument("file", type=Path, nargs="?", help="the PNG or JPEG file")
    logo.add_argument("--remove", action="store_true", help="remove its logo instead")
    logo.set_defaults(handler=logo_command)


def _reseller(session: Session, reseller_id: int) -> Reseller:
    reseller = session.get(Reseller, reseller_id)
    if reseller is None:
        raise UserError(f"reseller {reseller_id} does not exist")
    return reseller


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
                             f"{reseller_available(reseller.balance, reseller.credit_limit):f}",
                             str(reseller.tax_profile_id or "-"), reseller.name)))
    return 0


def edit_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.api.schemas.resellers import ResellerUpdate

    with context.session() as session, session.begin():
        reseller = _reseller(session, args.id)
        profile_id = _named(TaxProfile, "tax profile")(session, args.tax_profile_id)
        if profile_id is not None and session.get(TaxProfile, profile_id) is None:
            raise UserError(f"tax profile {profile_id} does not exist")
        reseller.tax_profile_id = _checked(ResellerUpdate, {"tax_profile_id": profile_id})["tax_profile_id"]
    print(f"reseller {args.id}: tax profile {profile_id if profile_id is not None else 'none'}")
    return 0


def logo_command(args: argparse.Namespace, context: Context) -> int:
    if args.remove == (args.file is not None):
        raise UserError("give either the logo FILE or --remove")
    from switch_service.store.repositories.reseller_logos import remove_logo, set_logo

    with context.session() as session, session.begin():
        reseller = _reseller(session, args.id)
        if args.remove:
            if not remove_logo(session, reseller.id):
                raise UserError(f"reseller {reseller.id} has no logo")
            done = f"reseller {reseller.id}: logo removed"
        else:
            try:
                data = args.file.read_bytes()
            except OSError as error:
                raise UserError(f"{args.file}: {error.strerror}") from error
            logo = set_logo(session, reseller, data)
            done = (f"reseller {reseller.id}: logo stored ({logo.media_type}, {logo.width} x {logo.height} pixels, "
                    f"{len(logo.data)} bytes)")
    print(done)
    return 0
