"""A pjsua2 test caller, run as its own process (pjsua2 allows one Endpoint a process, and the test's process
holds the switch): it calls a number, records what it hears to a WAV file, keys DTMF by RFC 2833 at given moments
(seconds after its media started), hangs up at a given moment (or when the far end does), and prints one JSON line
saying what happened.

    python pjsua_recording_caller.py --to sip:18005550100@127.0.0.1:5060 --from 442079460000 \\
        --record heard.wav --dtmf 5.0=1111# --hangup-at 14

The rules of ARCHITECTURE.md for this wheel: null sound device, threadCnt 0 and mainThreadOnly with a
libHandleEvents loop, every Call and recorder dropped before libDestroy.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from dataclasses import dataclass, field

import pjsua2 as pj

LOOP_MS = 10
CODECS = ("PCMU/8000/1", "PCMA/8000/1")  # G.711 only: the recording is compared sample by sample with the prompts


@dataclass
class Heard:
    """What the call went through (printed as JSON at the end)."""

    answered: bool = False
    media_at: float | None = None
    ended_at: float | None = None
    ended_by: str = ""
    last_status: int = 0
    sent: list[tuple[float, str]] = field(default_factory=list)
    recorder: pj.AudioMediaRecorder | None = None


class RecordingCall(pj.Call):  # type: ignore[misc]
    def __init__(self, account: pj.Account, record_to: str, heard: Heard) -> None:
        super().__init__(account)
        self.record_to = record_to
        self.heard = heard

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802 - pjsua2's name
        info = self.getInfo()
        self.heard.last_status = int(info.lastStatusCode)
        if info.state == pj.PJSIP_INV_STATE_CONFIRMED:
            self.heard.answered = True
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED and self.heard.ended_at is None:
            self.heard.ended_at = time.monotonic()
            self.heard.ended_by = self.heard.ended_by or "far end"

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        if self.heard.recorder is not None:
            return
        info = self.getInfo()
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                recorder = pj.AudioMediaRecorder()
                recorder.createRecorder(self.record_to)
                self.getAudioMedia(index).startTransmit(recorder)
                self.heard.recorder = recorder
                self.heard.media_at = time.monotonic()
                return


def _moments(specs: list[str]) -> list[tuple[float, str]]:
    """'5.0=1111#' → (5.0, '1111#'), in time order."""
    moments = []
    for spec in specs:
        at, _, digits = spec.partition("=")
        moments.append((float(at), digits))
    return sorted(moments)


def start_endpoint(host: str) -> pj.Endpoint:
    ep = pj.Endpoint()
    ep.libCreate()
    config = pj.EpConfig()
    config.uaConfig.threadCnt = 0
    config.uaConfig.mainThreadOnly = True
    config.uaConfig.userAgent = "carrierdesk-test-caller"
    config.logConfig.level = 1
    config.logConfig.consoleLevel = 1
    config.medConfig.clockRate = 8000
    config.medConfig.sndClockRate = 8000
    config.medConfig.channelCount = 1
    ep.libInit(config)
    ep.audDevManager().setNullDev()
    for codec in ep.codecEnum2():
        ep.codecSetPriority(codec.codecId, 255 if codec.codecId in CODECS else 0)
    transport = pj.TransportConfig()
    transport.port = 0
    transport.boundAddress = host
    ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
    ep.libStart()
    return ep


def follow(ep: pj.Endpoint, call: RecordingCall, heard: Heard, args: argparse.Namespace) -> None:
    """The loop: keys each DTMF entry at its moment, hangs up at its moment or sees the far end do it."""
    started = time.monotonic()
    pending = _moments(args.dtmf)
    hung_up = False
    while heard.ended_at is None and time.monotonic() - started < args.give_up_s:
        ep.libHandleEvents(LOOP_MS)
        if heard.media_at is None:
            continue
        since = time.monotonic() - heard.media_at
        while pending and since >= pending[0][0]:
            _at, digits = pending.pop(0)
            dtmf = pj.CallSendDtmfParam()
            dtmf.method = pj.PJSUA_DTMF_METHOD_RFC2833
            dtmf.digits = digits
            call.sendDtmf(dtmf)
            heard.sent.append((round(since, 3), digits))
        if not hung_up and since >= args.hangup_at:
            heard.ended_by = "caller"
            call.hangup(pj.CallOpParam())
            hung_up = True
    if heard.ended_at is None:  # gave up: end it anyway
        heard.ended_by = heard.ended_by or "gave up"
        if not hung_up:
            call.hangup(pj.CallOpParam())
        deadline = time.monotonic() + 2
        while heard.ended_at is None and time.monotonic() < deadline:
            ep.libHandleEvents(LOOP_MS)


def run(args: argparse.Namespace) -> Heard:
    ep = start_endpoint(args.host)
    account = pj.Account()
    account_config = pj.AccountConfig()
    account_config.idUri = f"sip:{args.caller}@{args.host}"
    account.create(account_config, True)
    heard = Heard()
    call = RecordingCall(account, args.record, heard)
    call.makeCall(args.to, pj.CallOpParam(True))
    follow(ep, call, heard, args)
    recorder, heard.recorder = heard.recorder, None
    del recorder  # closes the WAV file (its header is written then)
    del call
    account.shutdown()
    del account
    gc.collect()
    ep.libDestroy()
    return heard


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--to", required=True, help="SIP URI to call")
    parser.add_argument("--from", dest="caller", required=True, help="the caller's number (From user)")
    parser.add_argument("--record", required=True, help="WAV file to write what the caller hears to")
    parser.add_argument("--dtmf", action="append", default=[], help="SECONDS=DIGITS after the media started")
    parser.add_argument("--hangup-at", type=float, required=True, help="seconds after the media started")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--give-up-s", type=float, default=60.0)
    args = parser.parse_args(argv)
    heard = run(args)
    ended = heard.ended_at
    media = heard.media_at
    print(json.dumps({"answered": heard.answered, "last_status": heard.last_status, "ended_by": heard.ended_by,
                      "media_s": None if media is None or ended is None else round(ended - media, 3),
                      "sent": heard.sent, "recording": args.record}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
