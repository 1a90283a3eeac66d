"""The dialogs kept with a live call (sip/dialog_state.py): JSON and back, and the BYE a restart sends on each."""

from __future__ import annotations

import pytest

from switch_service.sip import dialog_state
from switch_service.sip.dialogs import Dialog, LocalAddress
from switch_service.sip.message import parse_message
from switch_service.sip.transactions import Peer


def legs() -> tuple[Dialog, Dialog]:
    caller = Dialog(call_id="a-1@192.0.2.10", local_tag="sw-a", local_uri="<sip:15551230001@192.0.2.1>",
                    remote_uri='"Caller" <sip:442070000001@192.0.2.10>', remote_target="sip:caller@192.0.2.10:5062",
                    peer=Peer("UDP", "192.0.2.10", 5062), local=LocalAddress("192.0.2.1", 5060), remote_tag="c-1",
                    route_set=["<sip:caller-proxy.example.net;lr>"], local_cseq=0)
    carrier = Dialog(call_id="b-1@192.0.2.1", local_tag="sw-b", local_uri="<sip:442070000001@192.0.2.1>",
                     remote_uri="<sip:15557654321@203.0.113.5>", remote_target="sip:carrier@203.0.113.5:5070",
                     peer=Peer("TCP", "203.0.113.5", 5070), local=LocalAddress("198.51.100.7", 5060),
                     remote_tag="k-9", route_set=["<sip:carrier-proxy.example.org;lr>"], local_cseq=3)
    return caller, carrier


def test_kept_dialogs_come_back_as_they_were() -> None:
    kept = dialog_state.dump(*legs())
    assert dialog_state.load(kept) == list(legs())


def test_the_restart_says_bye_on_each_leg_with_the_next_cseq_and_its_route() -> None:
    (caller_bye, caller_peer), (carrier_bye, carrier_peer) = dialog_state.byes(dialog_state.load(
        dialog_state.dump(*legs())))
    assert (caller_peer, carrier_peer) == (Peer("UDP", "192.0.2.10", 5062), Peer("TCP", "203.0.113.5", 5070))
    parsed = parse_message(carrier_bye.to_bytes())
    assert parsed.first_line() == "BYE sip:carrier@203.0.113.5:5070 SIP/2.0"
    assert parsed.cseq == (4, "BYE")
    assert parsed.headers.get("route") == "<sip:carrier-proxy.example.org;lr>"
    assert (parsed.call_id, parsed.from_tag, parsed.to_tag) == ("b-1@192.0.2.1", "sw-b", "k-9")
    assert parsed.top_via.host == "198.51.100.7" and parsed.top_via.transport == "TCP"
    assert parse_message(caller_bye.to_bytes()).cseq == (1, "BYE")  # we never sent the caller a request before


@pytest.mark.parametrize("text", ["", "{}", '{"v": 9, "legs": []}', '{"v": 1, "legs": [{"call_id": "x"}]}', "[1]"])
def test_what_is_not_kept_dialogs_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        dialog_state.load(text)
