"""`carrier-switch serve | status | restart COMPONENT`: run the service, and ask the running one what runs and to
restart one of its components (through its control socket, see switch_service.control)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import time
from typing import Any

from switch_service import control
from switch_service.cli.context import Context
from switch_service.cluster.node_names import checked_node_name

COMPONENTS = ("sip", "radius", "api", "backups")
NOT_RUNNING = 3  # `status` when no service answers, as systemctl and LSB init scripts say it
NOT_READY = 4  # `status --wait`: the service answers, but a component is not running when the wait ends


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser("serve", parents=[common], help="run the switch service")
    serve.add_argument("--node", metavar="NAME",
                       help="this node's name in a cluster of switches on one database (default: the node_name "
                            "setting, itself the host name by default)")
    serve.set_defaults(handler=serve_command)
    status = commands.add_parser("status", parents=[common],
                                 help="what the running service runs, on which ports, since when; its version and "
                                      "schema revision (exit code 3: not running)")
    status.add_argument("--json", action="store_true", help="the answer as JSON")
    status.add_argument("--wait", type=float, metavar="SECONDS", default=0.0,
                        help="wait up to SECONDS until every component runs (the control socket answers before "
                             "the components have started); exit code 4 if one still does not")
    status.set_defaults(handler=status_command, needs_schema=False)  # asks the running service, not the database
    restart = commands.add_parser("restart", parents=[common],
                                  help="restart one component of the running service, the others go on")
    restart.add_argument("component", choices=COMPONENTS)
    restart.set_defaults(handler=restart_command, needs_schema=False)


def serve_command(args: argparse.Namespace, context: Context) -> int:
    from switch_service import daemon  # heavy imports only for this command

    settings = context.settings
    if args.node is not None:
        settings = dataclasses.replace(settings, values={**settings.values,
                                                         "node_name": checked_node_name(args.node)})
    logging.getLogger().setLevel(settings.typed.log_level.upper())
    return daemon.run(context.engine, settings)


def status_command(args: argparse.Namespace, context: Context) -> int:
    deadline = time.monotonic() + max(0.0, args.wait)
    while True:
        try:
            status: dict[str, Any] | None = control.ask(context.settings.typed.data_dir, {"command": "status"},
                                                        timeout=10)["status"]
        except control.ServiceNotRunningError as exc:
            status, not_running = None, exc
        ready = status is not None and all(c["state"] == "running" for c in status["components"])
        if ready or time.monotonic() >= deadline:
            break
        time.sleep(0.25)
    if status is None:
        print(f"not running: {not_running}")
        return NOT_RUNNING
    print(json.dumps(status, indent=1) if args.json else describe(status))
    return 0 if ready or not args.wait else NOT_READY


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
