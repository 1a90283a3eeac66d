"""`carrier-switch serve`: run the service: RADIUS AAA, the SIP switch and the local HTTP API."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from switch_service.cli.context import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser("serve", parents=[common], help="run the switch service")
    serve.set_defaults(handler=serve_command)


def serve_command(_args: argparse.Namespace, context: Context) -> int:
    from switch_service.api.live import LiveCalls
    from switch_service.service import serve  # heavy imports only for this command
    from switch_service.telephony import start_telephony

    logging.getLogger().setLevel(str(context.settings["log_level"]).upper())
    engine = context.engine  # its schema checked by the command line (cli.main)
    telephony = start_telephony(engine, context.settings)
    try:
        serve(engine, context.settings, LiveCalls(telephony.controller.events, telephony.hangup))
    finally:
        telephony.stop()
    return 0
