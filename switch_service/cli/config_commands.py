"""`carrier-switch config show | set KEY VALUE`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from switch_service.config import settings as settings_module
from switch_service.config.secrets import KNOWN_SECRETS, SecretStore
from switch_service.errors import UserError

if TYPE_CHECKING:
    from switch_service.cli.context import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    config = commands.add_parser("config", help="configuration file and secrets")
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    actions.add_parser("show", help="print every setting, its value and where secrets are kept").set_defaults(
        handler=show
    )
    set_parser = actions.add_parser("set", help="change one setting in the config file")
    set_parser.add_argument("key")
    set_parser.add_argument("value")
    set_parser.set_defaults(handler=set_value)
    secret = actions.add_parser("set-secret", help="store a secret (read from standard input) in the keyring")
    secret.add_argument("name", choices=KNOWN_SECRETS)
    secret.set_defaults(handler=set_secret)


def show(_args: argparse.Namespace, context: Context) -> int:
    settings = context.settings
    print(f"# config file: {settings.source}{'' if settings.source.exists() else ' (not created yet)'}")
    for option in settings_module.OPTIONS:
        print(f"{option.name} = {settings[option.name]!r}    # {option.help}")
    store = SecretStore()
    print(f"# secrets: {store.description}")
    if store.insecure_fallback:
        print("# WARNING: insecure fallback in use - no system keyring backend on this machine")
    _warn_open_radius(context)
    return 0


def _warn_open_radius(context: Context) -> None:
    """RADIUS reachable from other machines while no NAS client may use it: a port open for nothing."""
    from switch_service.store.repositories.nas_clients import enabled_count, listens_beyond_loopback

    host = context.settings.typed.radius_host
    try:
        if not listens_beyond_loopback(host):
            return
        with context.session() as session:
            count = enabled_count(session)
    except (UserError, SQLAlchemyError) as exc:
        print(f"# NOTE: cannot count the NAS clients ({str(exc).splitlines()[0]})")
        return
    if count == 0:
        print(f"# WARNING: RADIUS listens on {host}, beyond this computer, but no NAS client is registered: every "
              "gateway's request is dropped (add one: carrier-switch nas add NAME ADDRESS)")


def set_value(args: argparse.Namespace, _context: Context) -> int:
    path = settings_module.save({args.key: settings_module.parse_value(args.key, args.value)})
    print(f"{args.key} saved in {path}")
    return 0


def set_secret(args: argparse.Namespace, _context: Context) -> int:
    value = sys.stdin.readline().rstrip("\n")
    if not value:
        raise UserError(f"no value for secret {args.name!r} on standard input")
    store = SecretStore()
    store.set(args.name, value)
    print(f"secret {args.name} saved in {store.description}")
    return 0
