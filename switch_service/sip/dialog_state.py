"""What the switch needs to end a call after a crash: both legs' dialogs (RFC 3261 §12), kept with the live call.

A B2BUA that crashed forgets its calls, but its peers do not: the caller and the carrier stay connected (media
flows between them, not through us) and a later BYE from the caller gets 481. So each connected call's two
dialogs — Call-ID, tags, URIs, remote target, route set, the last CSeq we sent, the transport and address of the
peer and our own address as that peer knows it — are stored as JSON in `live_calls.sip_dialogs`, written when the
call connects and again whenever the B2BUA sends a request in one of them. At restart each leg gets a BYE built
from it (`byes`): the next CSeq, our Via, the route set.

Pure: JSON in, dialogs and requests out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from switch_service.sip.dialogs import Dialog, LocalAddress
from switch_service.sip.message import SipRequest
from switch_service.sip.transactions import Peer

VERSION = 1


def dump(*dialogs: Dialog) -> str:
    """The dialogs (caller's leg first) as the JSON kept in `live_calls.sip_dialogs`."""
    return json.dumps({"v": VERSION, "legs": [_leg(dialog) for dialog in dialogs]}, separators=(",", ":"))


def _leg(dialog: Dialog) -> dict[str, Any]:
    return {"call_id": dialog.call_id, "local_tag": dialog.local_tag, "remote_tag": dialog.remote_tag,
            "local_uri": dialog.local_uri, "remote_uri": dialog.remote_uri, "remote_target": dialog.remote_target,
            "route_set": list(dialog.route_set), "cseq": dialog.local_cseq,
            "peer": [dialog.peer.transport, dialog.peer.host, dialog.peer.port],
            "local": [dialog.local.host, dialog.local.port]}


def load(text: str) -> list[Dialog]:
    """The dialogs `dump` wrote; ValueError when the text is not that."""
    try:
        data = json.loads(text)
        if data.get("v") != VERSION:
            raise ValueError(f"unknown dialog state version {data.get('v')!r}")
        return [_dialog(leg) for leg in data["legs"]]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a dialog state: {exc}") from None


def _dialog(leg: dict[str, Any]) -> Dialog:
    transport, host, port = leg["peer"]
    local_host, local_port = leg["local"]
    return Dialog(call_id=str(leg["call_id"]), local_tag=str(leg["local_tag"]), local_uri=str(leg["local_uri"]),
                  remote_uri=str(leg["remote_uri"]), remote_target=str(leg["remote_target"]),
                  peer=Peer(str(transport), str(host), int(port)), local=LocalAddress(str(local_host), int(local_port)),
                  remote_tag=leg["remote_tag"], route_set=[str(route) for route in leg["route_set"]],
                  local_cseq=int(leg["cseq"]))


def byes(dialogs: Sequence[Dialog]) -> list[tuple[SipRequest, Peer]]:
    """A BYE for each dialog (the next CSeq in it), with the peer to send it to."""
    return [(dialog.request("BYE", extra=[("reason", 'Q.850;cause=41;text="switch restarted"')]), dialog.peer)
            for dialog in dialogs]
