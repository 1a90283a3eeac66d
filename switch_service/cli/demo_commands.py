"""`carrier-switch demo-data`: load a small, believable business to try the product with."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from switch_service.config.secrets import SecretStore
from switch_service.config.settings import test_carrier_port

if TYPE_CHECKING:
    from switch_service.cli.context import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo-data", parents=[common], help="load demo carriers, rates, accounts, cards")
    demo.add_argument("--if-empty", action="store_true", help="do nothing when the database already has data")
    demo.set_defaults(handler=demo_command)


def demo_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.security.pins import PinCipher
    from switch_service.store.demo_data import DEMO_USERS, has_data, load_demo_data

    with context.session() as session, session.begin():
        if has_data(session) and args.if_empty:
            print("database already has data; demo data not loaded")
            return 0
        cipher = PinCipher(SecretStore().get_or_create("pin_key"))
        summary = load_demo_data(session, cipher, test_carrier_port(context.settings) or None)
    print("demo data loaded: " + ", ".join(f"{count} {name}" for name, count in summary.items()))
    for username, password, role in DEMO_USERS:
        print(f"demo sign-in: {username} / {password} ({role.value})")
    return 0
