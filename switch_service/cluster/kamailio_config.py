"""The Kamailio configuration that spreads SIP over the switch nodes (pure: nodes in, file texts out).

Kamailio's `dispatcher` module holds the nodes (set 1, `dispatcher.list`) and sends each a SIP OPTIONS every
`probe_s` seconds; a node that does not answer is marked down after one miss and up again at its first answer
(every switch node answers OPTIONS 200). A new INVITE goes to the next node round-robin; when that node answers 5xx
or does not answer (408, Kamailio's own timer `node_timeout_s`), the same INVITE goes to the next node, and a silent
one is marked down at once. Other requests outside a dialog (REGISTER, OPTIONS to a number) go to a node chosen by a
hash of the Call-ID. Kamailio record-routes the INVITE, so a caller's in-dialog requests (ACK, BYE, re-INVITE) come
back through it and follow the node's Contact to the node that owns the dialog.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

from switch_service.errors import UserError


@dataclass(frozen=True)
class NodeAddress:
    host: str
    port: int

    @property
    def uri(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"sip:{host}:{self.port}"


def parse_nodes(text: str) -> list[NodeAddress]:
    """`host:port,host:port,...` (an IPv6 host in brackets); a UserError naming the bad entry."""
    nodes = []
    for entry in (part.strip() for part in text.split(",")):
        host, sep, port = entry.rpartition(":")
        host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
        try:
            ipaddress.ip_address(host)
            number = int(port)
        except ValueError:
            raise UserError(f"--nodes: {entry!r} is not IP-address:port (e.g. 127.0.0.1:5070)") from None
        if not sep or not 0 < number < 65536:
            raise UserError(f"--nodes: {entry!r} is not IP-address:port (e.g. 127.0.0.1:5070)")
        nodes.append(NodeAddress(host, number))
    if len(set(nodes)) != len(nodes):
        raise UserError("--nodes names a node twice")
    return nodes


def dispatcher_list(nodes: list[NodeAddress]) -> str:
    lines = ["# set destination flags priority (carrier-switch cluster kamailio-config)"]
    lines += [f"1 {node.uri} 0 0" for node in nodes]
    return "\n".join(lines) + "\n"


def kamailio_cfg(list_file: Path, *, listen_host: str, listen_port: int, probe_s: int = 2,
                 node_timeout_s: int = 2) -> str:
    host = f"[{listen_host}]" if ":" in listen_host else listen_host
    return _TEMPLATE.format(list_file=list_file, listen=f"{host}:{listen_port}", probe_s=probe_s,
                            node_timeout_ms=node_timeout_s * 1000)


def write_config(out: Path, nodes: list[NodeAddress], *, listen_host: str, listen_port: int,
                 probe_s: int = 2) -> tuple[Path, Path]:
    """kamailio.cfg and dispatcher.list in `out` (made if missing): (the .cfg, the list)."""
    if not nodes:
        raise UserError("--nodes: at least one node")
    if probe_s < 1:
        raise UserError("--probe-interval must be at least 1 second")
    out.mkdir(parents=True, exist_ok=True)
    listing = out.resolve() / "dispatcher.list"
    listing.write_text(dispatcher_list(nodes), encoding="utf-8")
    config = out / "kamailio.cfg"
    config.write_text(kamailio_cfg(listing, listen_host=listen_host, listen_port=listen_port, probe_s=probe_s),
                      encoding="utf-8")
    return config, listing


_TEMPLATE = """#!KAMAILIO
# Kamailio's dispatcher in front of the Carrierdesk switch nodes, written by
# `carrier-switch cluster kamailio-config` (run it again rather than editing this file).
# Start: kamailio -DD -E -f kamailio.cfg   (check: kamailio -c -f kamailio.cfg)

debug=2
log_stderror=yes
children=4
auto_aliases=no
listen=udp:{listen}
listen=tcp:{listen}

loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "xlog.so"
loadmodule "dispatcher.so"

# a node that does not answer an INVITE within this is skipped for the next (failover on 408)
modparam("tm", "fr_timer", {node_timeout_ms})
modparam("tm", "fr_inv_timer", 120000)
modparam("rr", "enable_full_lr", 1)
modparam("dispatcher", "list_file", "{list_file}")
modparam("dispatcher", "flags", 2)
modparam("dispatcher", "xavp_dst", "_dsdst_")
modparam("dispatcher", "ds_ping_method", "OPTIONS")
modparam("dispatcher", "ds_ping_from", "sip:dispatcher@carrierdesk.invalid")
modparam("dispatcher", "ds_ping_interval", {probe_s})
modparam("dispatcher", "ds_probing_mode", 1)
modparam("dispatcher", "ds_probing_threshold", 1)
modparam("dispatcher", "ds_inactive_threshold", 1)
modparam("dispatcher", "ds_ping_reply_codes", "class=2")

request_route {{
    if (!mf_process_maxfwd_header("10")) {{
        sl_send_reply("483", "Too Many Hops");
        exit;
    }}
    if (is_method("CANCEL")) {{
        if (t_check_trans()) {{
            t_relay();
        }}
        exit;
    }}
    if (has_totag()) {{
        # in a dialog: follow the Record-Route this proxy added to the node that owns the dialog
        if (loose_route()) {{
            t_relay();
            exit;
        }}
        if (is_method("ACK")) {{
            if (t_check_trans()) {{
                t_relay();
            }}
            exit;
        }}
        sl_send_reply("404", "Not Here");
        exit;
    }}
    if (is_method("ACK")) {{
        if (t_check_trans()) {{
            t_relay();
        }}
        exit;
    }}
    t_check_trans();
    if (is_method("OPTIONS") && uri == myself && $rU == $null) {{
        sl_send_reply("200", "OK");
        exit;
    }}
    if (is_method("INVITE")) {{
        record_route();
        # round-robin over the nodes that answer the OPTIONS probes
        if (!ds_select_dst("1", "4")) {{
            sl_send_reply("503", "No Switch Node Available");
            exit;
        }}
        t_on_failure("NEXT_NODE");
    }} else if (!ds_select_dst("1", "0")) {{
        sl_send_reply("503", "No Switch Node Available");
        exit;
    }}
    if (!t_relay()) {{
        sl_reply_error();
    }}
    exit;
}}

failure_route[NEXT_NODE] {{
    if (t_is_canceled()) {{
        exit;
    }}
    if (t_branch_timeout() && !t_branch_replied()) {{
        # the node is silent: down until it answers a probe again
        ds_mark_dst("ip");
    }}
    if (t_check_status("5[0-9][0-9]|408") || (t_branch_timeout() && !t_branch_replied())) {{
        if (ds_next_dst()) {{
            t_on_failure("NEXT_NODE");
            t_relay();
            exit;
        }}
    }}
}}
"""
