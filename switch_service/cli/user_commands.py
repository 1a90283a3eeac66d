"""`carrier-switch user add NAME --role admin|support|reseller`."""

from __future__ import annotations

import argparse
from typing import Any

from switch_service.cli.context import Context, read_secret
from switch_service.store.models.enums import Role
from switch_service.store.repositories.users import add_user


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    user = commands.add_parser("user", help="desktop users")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="create a desktop user")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--reseller", type=int, metavar="ID", help="the reseller a reseller user manages")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input instead of prompting")
    add.set_defaults(handler=add_command)


def add_command(args: argparse.Namespace, context: Context) -> int:
    password = read_secret(args.password_stdin, "password", "--password-stdin")
    with context.session() as session, session.begin():
        user = add_user(session, args.name, password, Role(args.role), args.reseller)
        print(f"user {user.username!r} created with role {user.role.value}")
    return 0
