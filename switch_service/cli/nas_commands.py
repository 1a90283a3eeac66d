"""`carrier-switch nas add|list|remove`: the third-party gateways (NAS clients) allowed to send RADIUS requests.

The shared secret is read from standard input (`--secret-stdin`) or typed at a prompt, never taken as an argument.
A running service serves the change within `NAS_RELOAD_S` seconds, without a restart.
"""

from __future__ import annotations

import argparse
from typing import Any

from switch_service.cli.context import Context, read_secret
from switch_service.config.secrets import SecretStore
from switch_service.errors import UserError
from switch_service.store.repositories.nas_clients import (
    NasValues,
    add_nas_client,
    find_nas_client,
    nas_clients,
    switch_nas_address,
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    nas = commands.add_parser("nas", help="RADIUS clients: third-party gateways with their shared secrets")
    actions = nas.add_subparsers(dest="nas_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="allow a gateway (an address or a CIDR network)")
    add.add_argument("name")
    add.add_argument("address", help="the gateway's source address (192.0.2.7) or network (192.0.2.0/28)")
    add.add_argument("--secret-stdin", action="store_true",
                     help="read the shared secret from standard input instead of prompting")
    add.add_argument("--no-message-authenticator", action="store_true",
                     help="accept Access-Requests without a Message-Authenticator (only for a gateway that cannot "
                          "send one)")
    add.add_argument("--disabled", action="store_true", help="store it switched off")
    add.set_defaults(handler=add_command)
    actions.add_parser("list", parents=[common], help="the NAS clients (never their secrets)").set_defaults(
        handler=list_command)
    remove = actions.add_parser("remove", parents=[common], help="remove a NAS client by name or address")
    remove.add_argument("key", metavar="NAME|ADDRESS")
    remove.set_defaults(handler=remove_command)


def add_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.aaa.server import NAS_RELOAD_S
    from switch_service.security.pins import PinCipher

    secret = read_secret(args.secret_stdin, "shared secret", "--secret-stdin")
    store = SecretStore()
    cipher = PinCipher(store.get_or_create("pin_key"))
    values = NasValues(args.name, args.address, secret, not args.no_message_authenticator, not args.disabled)
    with context.session() as session, session.begin():
        client = add_nas_client(session, values, cipher, switch_nas_address(context.settings.typed.radius_host))
        print(f"NAS client {client.name!r} added for {client.address}; a running service serves it within "
              f"{NAS_RELOAD_S:.0f} s")
    return 0


def list_command(_args: argparse.Namespace, context: Context) -> int:
    with context.session() as session:
        rows = nas_clients(session)
        print(f"{'id':>5}  {'name':<24} {'address':<24} {'enabled':<8} message-authenticator")
        for row in rows:
            print(f"{row.id:>5}  {row.name:<24} {row.address:<24} {'yes' if row.enabled else 'no':<8} "
                  f"{'required' if row.require_message_authenticator else 'optional'}")
    return 0


def remove_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service.aaa.server import NAS_RELOAD_S

    with context.session() as session, session.begin():
        client = find_nas_client(session, args.key)
        if client is None:
            raise UserError(f"no NAS client named or at {args.key!r} (see carrier-switch nas list)")
        session.delete(client)
        print(f"NAS client {client.name!r} ({client.address}) removed; a running service drops its requests within "
              f"{NAS_RELOAD_S:.0f} s")
    return 0
