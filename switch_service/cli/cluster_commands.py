"""`carrier-switch cluster kamailio-config | nodes`: Kamailio's dispatcher in front of several switch nodes, and the
nodes sharing this database with their leases; `carrier-switch bench cluster`: a node's cost per call."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from switch_service.cli.context import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    cluster = commands.add_parser("cluster", help="several switch nodes on one database behind Kamailio")
    actions = cluster.add_subparsers(dest="action", metavar="ACTION", required=True)
    config = actions.add_parser("kamailio-config", parents=[common],
                                help="write kamailio.cfg and dispatcher.list for Kamailio's dispatcher in front of "
                                     "the nodes")
    config.add_argument("--nodes", required=True, metavar="HOST:PORT,...",
                        help="each node's SIP address (its sip_host and sip_port)")
    config.add_argument("--out", required=True, type=Path, help="folder to write the two files in")
    config.add_argument("--listen", default="127.0.0.1:5060", metavar="HOST:PORT",
                        help="where Kamailio listens for callers and carriers (UDP and TCP; default 127.0.0.1:5060)")
    config.add_argument("--probe-interval", type=int, default=2, metavar="SECONDS",
                        help="seconds between two OPTIONS probes of each node (default 2)")
    config.set_defaults(handler=kamailio_config_command, needs_schema=False)
    listing = actions.add_parser("nodes", parents=[common], help="the nodes on this database and their leases")
    listing.set_defaults(handler=nodes_command)


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    bench = kinds.add_parser("cluster", parents=[common],
                             help="one node, then two, under SIPp load on an empty PostgreSQL/MariaDB database, "
                                  "then the two behind Kamailio with one killed half-way: CPU seconds per call, "
                                  "the nodes 1000 calls/s would need, and how the calls fared over the failover")
    bench.add_argument("--database-url", required=True,
                       help="an EMPTY PostgreSQL or MariaDB database (the demo data is loaded into it)")
    bench.add_argument("--nodes", type=int, default=2, choices=range(2, 9), metavar="N",
                       help="nodes of the cluster runs, 2-8 (default 2; the first run has one)")
    bench.add_argument("--rate", type=float, default=20, help="calls per second into each node (default 20)")
    bench.add_argument("--duration", type=float, default=20, help="seconds of calls per run (default 20)")
    bench.add_argument("--hold", type=float, default=1, help="seconds each call is held (default 1)")
    bench.set_defaults(handler=cluster_bench)


def cluster_bench(args: argparse.Namespace, _context: Context) -> int:
    from switch_service.bench.cluster import main

    return main(args)


def kamailio_config_command(args: argparse.Namespace, _context: Context) -> int:
    from switch_service.cluster.kamailio_config import parse_nodes, write_config

    nodes = parse_nodes(args.nodes)
    listen = parse_nodes(args.listen)[0]
    config, listing = write_config(args.out, nodes, listen_host=listen.host, listen_port=listen.port,
                                   probe_s=args.probe_interval)
    print(f"wrote {config} and {listing} ({len(nodes)} nodes); start: kamailio -DD -E -f {config}")
    return 0


def nodes_command(_args: argparse.Namespace, context: Context) -> int:
    from switch_service.cluster.duties import live_holder
    from switch_service.cluster.leases import node_state, nodes

    now = dt.datetime.now(dt.UTC)
    with context.session() as session:
        listed = nodes(session)
        duties = live_holder(session, now)
    for node in listed:
        state = node_state(node, now).replace("_", " ")
        line = f"{node.name:<20} {state:<14} sip {node.sip_address or '-':<22} lease until {node.lease_until:%H:%M:%S}"
        if node.recovered_by:
            line += f"  calls settled by {node.recovered_by} at {node.recovered_at:%H:%M:%S}"
        if node.name == duties:
            line += "  runs the duties (backups, mail, statements, fees)"
        print(line)
    if duties is None:
        print("no node runs the duties now (a live node takes them within its next heartbeat)")
    return 0
