"""`carrier-switch routes explain`, `carrier-switch tariffs blend` and `carrier-switch bench routing`.

`tariffs` is its own group (rather than `rates blend`): the `rates` group belongs to rates_commands.py and
argparse cannot share a group between modules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from switch_service.cli.context import Context
from switch_service.errors import UserError


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    routes = commands.add_parser("routes", help="routing: explain how a number is routed")
    actions = routes.add_subparsers(dest="routes_command", metavar="ACTION", required=True)
    explain = actions.add_parser("explain", parents=[common],
                                 help="the carriers a number would be sent to, in order, and why others are skipped")
    explain.add_argument("number", metavar="NUMBER", help="dialled number (E.164, with or without +)")
    explain.add_argument("--account", required=True, metavar="ID", help="account id or account number")
    explain.add_argument("--at", metavar="ISO", default=None, help="when the call is made (default: now, UTC)")
    explain.add_argument("--seed", type=int, default=None, help="random seed for weighted routes")
    explain.set_defaults(handler=explain_command)

    tariffs = commands.add_parser("tariffs", help="sell tariffs: build one from the carriers' buy decks")
    tariff_actions = tariffs.add_subparsers(dest="tariffs_command", metavar="ACTION", required=True)
    blend = tariff_actions.add_parser("blend", parents=[common],
                                      help="build a sell tariff from carriers' decks plus a margin")
    blend.add_argument("--tariff", required=True, metavar="NAME", help="sell tariff to write (created if missing)")
    blend.add_argument("--carriers", required=True, metavar="A,B,C", help="carrier names, comma separated")
    blend.add_argument("--margin", required=True, metavar="M", help="markup over cost: 20%% or an amount per minute")
    blend.add_argument("--min-margin", metavar="AMOUNT", default=None, help="least margin per minute")
    blend.add_argument("--round-up", metavar="STEP", default=None, help="round prices up to a multiple of STEP")
    blend.add_argument("--best", type=int, default=1, metavar="N",
                       help="cost = average of the N cheapest carriers (default 1: the cheapest)")
    blend.add_argument("--starts", metavar="ISO", default=None, help="when the prices take effect (default: now)")
    blend.set_defaults(handler=blend_command)


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    bench = kinds.add_parser("routing", help="LCR routing with the profit guarantee over big synthetic decks")
    bench.add_argument("--prefixes", type=int, default=1_000_000)
    bench.add_argument("--carriers", type=int, default=20)
    bench.add_argument("--numbers", type=int, default=100_000)
    bench.add_argument("--seed", type=int, default=1)
    bench.set_defaults(handler=bench_routing)


def _time(text: str | None, option: str) -> dt.datetime:
    if text is None:
        return dt.datetime.now(dt.UTC)
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} {text!r} is not an ISO date or time (example: 2026-04-01T00:00:00Z)") from None
    return stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)


def _decimal(text: str | None, option: str) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise UserError(f"{option} {text!r} is not a number") from None
    if value < 0:
        raise UserError(f"{option} cannot be negative")
    return value


def explain_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.routing.explain import format_explanation
    from switch_service.store.models import Account
    from switch_service.store.repositories import routing as repository

    number = repository.dialled_number(args.number, str(context.settings["default_region"]))
    at = _time(args.at, "--at")
    with context.session() as session:
        account = session.get(Account, int(args.account)) if args.account.isdigit() else None
        if account is None:
            account = session.scalar(select(Account).where(Account.number == args.account))
        if account is None:
            raise UserError(f"no account {args.account!r} (give its id or its account number)")
        if account.dial_plan_id is None:
            raise UserError(f"account {account.number} has no dial plan")
        explained = repository.explain_route(
            session, number, at, dial_plan_id=account.dial_plan_id, tariff_id=account.tariff_id,
            tz=account.time_zone or "UTC", rng=random.Random(args.seed) if args.seed is not None else None)
    print(f"account {account.number} ({account.name})  at {at.isoformat()}")
    if explained.unrated:
        print("note: the account's tariff has no rate for this number (no profit check, the call would be refused)")
    sell = explained.sell
    print(format_explanation(explained.result, plan_name=explained.plan.name,
                             sell_prefix=sell.prefix if sell else None), end="")
    return 0


def blend_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.routing.blend import Margin
    from switch_service.store.repositories import routing as repository

    try:
        margin = Margin.parse(args.margin)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    min_margin = _decimal(args.min_margin, "--min-margin")
    step = _decimal(args.round_up, "--round-up")
    if step is not None and step == 0:
        raise UserError("--round-up must be positive")
    if args.best < 1:
        raise UserError("--best must be at least 1")
    names = [name.strip() for name in args.carriers.split(",") if name.strip()]
    if not names:
        raise UserError("--carriers names no carrier")
    at = _time(args.starts, "--starts")
    with context.session() as session, session.begin():
        carriers = repository.carriers_named(session, names)
        try:
            run = repository.blend_into_tariff(session, args.tariff, carriers, margin, at, min_margin=min_margin,
                                               step=step, best=args.best)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    for name in run.skipped:
        print(f"skipping {name}: carrier switched off")
    tariff, result = run.tariff, run.result
    print(f"tariff {tariff.name!r} (version {tariff.version}): {len(result.rates)} prefixes priced from "
          f"{len(run.carriers)} carrier(s), margin {args.margin}, best {args.best}")
    if result.uncovered:
        shown = ", ".join(result.uncovered[:50]) + (" ..." if len(result.uncovered) > 50 else "")
        print(f"uncovered: {len(result.uncovered)} prefix(es) no carrier covers: {shown}")
    else:
        print("uncovered: none")
    return 0


def bench_routing(args: argparse.Namespace, _context: Context) -> int:
    from switch_service.bench.routing import main

    exit_code: int = main(["--prefixes", str(args.prefixes), "--carriers", str(args.carriers),
                           "--numbers", str(args.numbers), "--seed", str(args.seed)])
    return exit_code
