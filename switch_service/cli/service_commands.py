"""`carrier-switch serve | status | restart COMPONENT`: run the service, and ask the running one what runs and to
restart one of its components (through its control socket, see switch_service.control)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
from typing import Any

from switch_service import control
from switch_service.cli.context import Context

COMPONENTS = ("sip", "radius", "api", "backups")
NOT_RUNNING = 3  # `status` when no service answers, as systemctl and LSB init scripts say it


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser("serve", parents=[common], help="run the switch service")
    serve.set_defaults(handler=serve_command)
    status = commands.add_parser("status", parents=[common],
                                 help="what the running service runs, on which ports, since when; its version and "
                                      "schema revision (exit code 3: not running)")
    status.add_argument("--json", action="store_true", help="the answer as JSON")
    status.set_defaults(handler=status_command, needs_schema=False)  # asks the running service, not the database
    restart = commands.add_parser("restart", parents=[common],
                                  help="restart one component of the running service, the others go on")
    restart.add_argument("component", choices=COMPONENTS)
    restart.set_defaults(handler=restart_command, needs_schema=False)


def serve_command(_args: argparse.Namespace, context: Context) -> int:
    from switch_service import daemon  # heavy imports only for this command

    logging.getLogger().setLevel(context.settings.typed.log_level.upper())
    return daemon.run(context.engine, context.settings)


def status_command(args: argparse.Namespace, context: Context) -> int:
    try:
        answer = control.ask(context.settings.typed.data_dir, {"command": "status"}, timeout=10)
    except control.ServiceNotRunningError as exc:
        print(f"not running: {exc}")
        return NOT_RUNNING
    status = answer["status"]
    print(json.dumps(status, indent=1) if args.json else describe(status))
    return 0


def restart_command(args: argparse.Namespace, context: Context) -> int:
    answer = control.ask(context.settings.typed.data_dir, {"command": "restart", "component": args.component})
    component = next(c for c in answer["status"]["components"] if c["name"] == args.component)
    print(f"{args.component} restarted: {_component_line(component)}")
    return 0


def describe(status: dict[str, Any]) -> str:
    """The status as lines a person reads."""
    lines = [f"Carrierdesk {status['version']}, schema {status['schema_revision']}, pid {status['pid']}, "
             f"up since {_when(status['started_at'])}", f"data folder {status['data_dir']}"]
    lines += [f"  {_component_line(component)}" for component in status["components"]]
    return "\n".join(lines)


def _component_line(component: dict[str, Any]) -> str:
    ports = ", ".join(f"{kind} {port}" for kind, port in component["ports"].items()) or "-"
    counters = ", ".join(f"{name} {value}" for name, value in component["counters"].items())
    line = f"{component['name']:<8} {component['state']:<8} since {_when(component['since'])}  ports: {ports}"
    if counters:
        line += f"  ({counters})"
    if component["error"]:
        line += f"  error: {component['error']}"
    return line


def _when(stamp: str) -> str:
    return dt.datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S UTC")
