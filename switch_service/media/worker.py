"""`python -m switch_service.media.worker`: one IVR media worker, a process with one pjsua2 Endpoint holding at most
4 calls (the wheel's compiled limit, ARCHITECTURE.md). The pool (media/pool.py) starts it with its options as one
JSON line on stdin (the RADIUS secret never on the command line) and reads `READY <port>` from its stdout.

It answers the IVR legs the switch sends it, plays prompts, reads DTMF (RFC 2833 and SIP INFO: pjsua2 reports
both through onDtmfDigit), and runs the calling-card flow (card_flow.py) for each. The flow's two AAA questions go
to our RADIUS server as a Cisco prepaid IVR gateway asks them (aaa/radius_peer.py, on a thread of their own);
nothing here touches the database. When the flow is done the worker hands the call back to the switch with a BYE
carrying X-Carrierdesk-Destination (and -Pin) and holds it no longer.

Up to 16 workers run at once (64 sessions), so what a worker imports is counted: no asyncio, phonenumbers or
babel locale data here (media/__main__.py says what else is kept out).

pjsua2's rules, measured here: no sound device (setNullDev), `threadCnt = 0` and `mainThreadOnly` with our own
`libHandleEvents` loop, so every pjsua2 object is touched on this one thread; callbacks only queue events, which the
loop carries out; every Call and player is dropped before `libDestroy` (else the process aborts in C).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import faulthandler
import gc
import json
import logging
import os
import queue
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pjsua2 as pj

from switch_service.aaa.cisco import ReturnCode, build_avpair, find_avpair
from switch_service.aaa.ivr_pairs import (
    AGENT_AMOUNT_PAIR,
    AGENT_NUMBER_PAIR,
    AGENT_PIN_PAIR,
    ANNOUNCE_PAIR,
    RECHARGE_CARD_PAIR,
    RECHARGE_PAIR,
    REGISTER_PAIR,
    REGISTRABLE_PAIR,
)
from switch_service.aaa.messages import AuthDecision, AuthRequest
from switch_service.aaa.radius_peer import RadiusPeer, RadiusTimeoutError
from switch_service.aaa.slices import QUOTE_PAIR
from switch_service.media import card_flow as flow
from switch_service.media.tones import write_tone
from switch_service.media.voice import Voice, load_voice
from switch_service.number_keys import with_plus

log = logging.getLogger("switch_service.media.worker")

MAX_CALLS = 4  # PJSUA_MAX_CALLS of pjsua2-python 2.15.1: more is silently cut to this
LOOP_MS = 10
# A stopped player is kept this long before Python frees it: its end-of-file callback from the media thread may
# still be on its way (freed under it, the process crashed under load)
GRACE_S = 2.0
GC_INTERVAL_S = 2.0  # the garbage collector runs here, on the main thread, never in the RADIUS thread
# Silence played after every playlist: pjmedia's playlist reads ahead (a 4000-byte buffer, 250 ms at 8 kHz) and
# reports its end when the last buffer is read, not played, so the last prompt lost up to 250 ms when the player was
# stopped then (a short last word, "trois" of the language menu, was not heard at all). The silence is what is lost.
TAIL_S = 0.3
HANDOFF_DESTINATION = "X-Carrierdesk-Destination"
HANDOFF_PIN = "X-Carrierdesk-Pin"
REENTRY = "x-carrierdesk-reentry"  # the switch's INVITE of a caller back from a call (with its PIN, if any)
HANDOFF_LANGUAGE = "x-carrierdesk-language"  # the language chosen in the menu: in the hand-off, and back on re-entry
LANGUAGE_MENU = "x-carrierdesk-language-menu"  # the switch's INVITE: the access number's menu ("en,es,fr")
IVR_LEG = "x-carrierdesk-ivr-leg"  # the switch's INVITE: its key of the leg, named in this worker's STAGE reports
# (the switch's own names of these headers are in sip/controller.py, which a worker does not import: test_layout)


@dataclass(frozen=True)
class WorkerOptions:
    host: str
    port: int
    radius_host: str
    auth_port: int
    secret: str
    source_address: str | None = None
    prompts: str | None = None  # a folder <lang>/<name>.wav; None: the product's prompt library
    language: str = "en"
    max_pin_tries: int = 3
    inter_digit_s: float = 4.0
    first_digit_s: float = 10.0

    @classmethod
    def from_json(cls, text: str) -> WorkerOptions:
        return cls(**json.loads(text))


# -- RADIUS on a thread of its own (its waits never hold up the SIP and media loop) ---------------------------------

class AaaThread:
    """One thread asking the RADIUS server, a question at a time (a worker holds 4 calls, each asks twice); the
    answers come back through `deliver` (a queue the main loop drains). Blocking sockets, not an event loop: see
    aaa/radius_peer.py."""

    def __init__(self, peer: RadiusPeer) -> None:
        self.peer = peer
        self.questions: queue.SimpleQueue[tuple[AuthRequest, Callable[[AuthDecision], None]] | None] = \
            queue.SimpleQueue()
        self.thread = threading.Thread(target=self._serve, name="ivr-radius", daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while (question := self.questions.get()) is not None:
            request, deliver = question
            try:
                decision = self.peer.authorize(request)
            except RadiusTimeoutError:
                decision = AuthDecision(ReturnCode.UNAVAILABLE)
            except Exception:
                log.exception("RADIUS request failed")
                decision = AuthDecision(ReturnCode.UNAVAILABLE)
            deliver(decision)

    def ask(self, request: AuthRequest, deliver: Callable[[AuthDecision], None]) -> None:
        self.questions.put((request, deliver))

    def stop(self) -> None:
        self.questions.put(None)
        self.thread.join(timeout=2)


# -- pjsua2 objects: their callbacks only queue events -------------------------------------------------------------

Events = collections.deque[tuple[int, Any]]  # (session id, what happened), drained by the main loop


class Player(pj.AudioMediaPlayer):  # type: ignore[misc]
    """A playlist of prompts; its end is reported with its serial, so the end of a player stopped earlier (its
    callback comes from the media thread, possibly late) is told apart from the current one's."""

    def __init__(self, events: Events, session_id: int, serial: int) -> None:
        super().__init__()
        self.events = events
        self.session_id = session_id
        self.serial = serial

    def onEof2(self) -> None:  # noqa: N802 - pjsua2's name
        self.events.append((self.session_id, ("eof", self.serial)))


class IvrCall(pj.Call):  # type: ignore[misc]
    def __init__(self, account: pj.Account, call_id: int, events: Events, session_id: int) -> None:
        super().__init__(account, call_id)
        self.events = events
        self.session_id = session_id

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802
        state = self.getInfo().state
        if state == pj.PJSIP_INV_STATE_CONFIRMED:
            self.events.append((self.session_id, "confirmed"))
        elif state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self.events.append((self.session_id, "disconnected"))

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        self.events.append((self.session_id, "media"))

    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:  # noqa: N802
        self.events.append((self.session_id, flow.Digit(str(prm.digit))))


class IvrAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self.worker = worker

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:  # noqa: N802
        self.worker.incoming(self, prm.callId, prm.rdata.wholeMsg)


# -- one IVR leg ---------------------------------------------------------------------------------------------------

NOT_REPORTED: tuple[str, int | None] = (flow.Step.START.value, None)  # a leg's stage before the flow moves

@dataclass
class Session:
    id: int
    call: IvrCall
    flow: flow.CardFlow
    ani: str
    did: str
    conf_id: str
    started: float
    player: Player | None = None
    timer_at: float | None = None
    confirmed: bool = False
    started_flow: bool = False
    done: bool = False
    known_at: float | None = None  # the caller was authenticated (PIN or ANI): pin_to_route is counted from here
    leg: str = ""  # the switch's key of the leg ('' from a caller that is not our switch: nothing is reported)
    account_id: int | None = None  # the account the AAA server named when it authenticated the caller
    reported: tuple[str, int | None] = NOT_REPORTED  # the stage and account last reported


def header_user(message: str, name: str) -> str:
    """The user part of a SIP header's URI (From, P-Asserted-Identity) in a raw message; '' when absent."""
    for line in message.split("\r\n")[1:]:
        if not line:
            break
        key, _, value = line.partition(":")
        if key.strip().lower() == name:
            uri = value.split("<", 1)[1].split(">", 1)[0] if "<" in value else value.strip().split(";", 1)[0]
            return uri.split(":", 1)[-1].split("@", 1)[0]
    return ""


def header_value(message: str, name: str) -> str:
    """A header's value in a raw message (`name` in lower case); '' when absent."""
    for line in message.split("\r\n")[1:]:
        if not line:
            break
        key, _, value = line.partition(":")
        if key.strip().lower() == name:
            return value.strip()
    return ""


def request_user(message: str) -> str:
    """The request-URI's user (the number dialled) of a raw INVITE."""
    parts = message.split("\r\n", 1)[0].split(" ")
    return parts[1].split(":", 1)[-1].split("@", 1)[0] if len(parts) > 1 else ""


class Worker:
    """The Endpoint, its account and sessions; `run()` is the main loop."""

    def __init__(self, options: WorkerOptions, voice: Voice) -> None:
        self.options = options
        self.voice = voice
        self.events: Events = collections.deque()
        self.sessions: dict[int, Session] = {}
        self.next_id = 1
        self.next_player = 1
        self.stopping = False
        self.graveyard: collections.deque[tuple[float, Player]] = collections.deque()  # (free after, player)
        self.tail = Path(tempfile.mkdtemp(prefix="carrierdesk-ivr-")) / "tail.wav"
        write_tone(self.tail, 0.0, TAIL_S)  # a tone of 0 Hz: silence
        self.ep = pj.Endpoint()
        self.ep.libCreate()
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = True
        config.uaConfig.maxCalls = MAX_CALLS
        config.uaConfig.userAgent = "carrierdesk-ivr"
        config.logConfig.level = 1
        config.logConfig.consoleLevel = 1
        config.medConfig.clockRate = 8000
        config.medConfig.sndClockRate = 8000
        config.medConfig.channelCount = 1
        self.ep.libInit(config)
        self.ep.audDevManager().setNullDev()
        transport = pj.TransportConfig()
        transport.port = options.port
        transport.boundAddress = options.host
        self.ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        self.ep.libStart()
        self.account = IvrAccount(self)
        account_config = pj.AccountConfig()
        account_config.idUri = f"sip:ivr@{options.host}:{options.port}"
        self.account.create(account_config, True)
        self.aaa = AaaThread(RadiusPeer(options.radius_host, options.secret.encode(), auth_port=options.auth_port,
                                          timeout=2.0, retries=3, source_address=options.source_address))

    # -- pjsua2 callbacks (main thread, inside libHandleEvents)
    def incoming(self, account: pj.Account, call_id: int, message: str) -> None:
        session_id = self.next_id
        self.next_id += 1
        call = IvrCall(account, call_id, self.events, session_id)
        ani = header_user(message, "p-asserted-identity") or header_user(message, "from")
        menu = tuple(code for code in header_value(message, LANGUAGE_MENU).split(",") if code)
        config = flow.FlowConfig(language=self.options.language, languages=menu,
                                 max_pin_tries=self.options.max_pin_tries, inter_digit_s=self.options.inter_digit_s,
                                 first_digit_s=self.options.first_digit_s)
        returning = header_value(message, REENTRY) == "1"
        pin = (header_value(message, HANDOFF_PIN.lower()) or None) if returning else None
        chosen = (header_value(message, HANDOFF_LANGUAGE) or None) if returning else None
        card_flow = flow.CardFlow(config, self.voice.money, self.voice.minutes, returning=returning, pin=pin,
                                  chosen_language=chosen)
        session = Session(session_id, call, card_flow, ani,
                          request_user(message), secrets.token_hex(16), time.monotonic(),
                          leg=header_value(message, IVR_LEG))
        self.sessions[session_id] = session
        answer = pj.CallOpParam()
        answer.statusCode = 200
        call.answer(answer)
        log.info("session %d: IVR leg from %s to %s%s", session_id, ani, session.did,
                 " (back from a call)" if returning else "")

    # -- the loop
    def run(self) -> None:
        parent = os.getppid()  # before READY: a service that exits once it read it is already gone after
        print(f"READY {self.options.port}", flush=True)
        checked = time.monotonic()
        gc.disable()  # collected below, on this thread: a pjsua2 object freed on another thread crashes pjlib
        while not self.stopping:
            self.ep.libHandleEvents(LOOP_MS)
            self._drain()
            self._timers()
            self._bury(time.monotonic())
            if time.monotonic() - checked >= GC_INTERVAL_S:
                checked = time.monotonic()
                gc.collect()
                if os.getppid() != parent:  # the service died (no SIGTERM came): end with it
                    log.warning("the service (pid %d) is gone: this worker ends", parent)
                    self.stopping = True
        self.shutdown()

    def _bury(self, now: float) -> None:
        """Free the pjsua2 objects whose grace time is over (here, on the main thread)."""
        while self.graveyard and self.graveyard[0][0] <= now:
            self.graveyard.popleft()

    def _drain(self) -> None:
        while self.events:
            session_id, what = self.events.popleft()
            session = self.sessions.get(session_id)
            if session is None:
                continue
            if what == "disconnected":
                self._ended(session)
            elif what == "confirmed":
                session.confirmed = True
                self._maybe_start(session)
            elif what == "media":
                self._maybe_start(session)
            elif isinstance(what, tuple):  # ("eof", player serial): 0 when there was nothing to play
                current = session.player.serial if session.player is not None else 0
                if what[1] == current:
                    self._stop_player(session)
                    self._feed(session, flow.PromptsDone())
            elif isinstance(what, flow.Digit | flow.Authenticated | flow.Authorised | flow.Registered | flow.Recharged):
                if isinstance(what, flow.Authenticated) and what.code is ReturnCode.OK:
                    session.known_at = session.known_at or time.monotonic()
                    session.account_id = what.account_id or session.account_id
                self._feed(session, what)

    def _maybe_start(self, session: Session) -> None:
        if session.started_flow or not session.confirmed or self._audio(session) is None:
            return
        session.started_flow = True
        self._feed(session, flow.Answered())

    def _timers(self) -> None:
        now = time.monotonic()
        for session in list(self.sessions.values()):
            if session.timer_at is not None and now >= session.timer_at:
                session.timer_at = None
                self._feed(session, flow.TimerFired())

    def _feed(self, session: Session, event: flow.Event) -> None:
        if session.done:
            return
        for action in session.flow.handle(event):
            self._carry_out(session, action)
        self._report(session)

    @staticmethod
    def _report(session: Session) -> None:
        """Tell the switch (through the pool, on stdout) where the caller is now, when that changed: the flow's
        step and the account once known. Never a digit the caller keyed."""
        now = (session.flow.step.value, session.account_id)
        if not session.leg or now == session.reported:
            return
        session.reported = now
        line = json.dumps({"leg": session.leg, "stage": now[0], "account_id": now[1]})
        print(f"STAGE {line}", flush=True)

    def _carry_out(self, session: Session, action: flow.Action) -> None:
        if isinstance(action, flow.Play):
            self._play(session, action)
        elif isinstance(action, flow.StopPlaying):
            self._stop_player(session)
        elif isinstance(action, flow.StartTimer):
            session.timer_at = time.monotonic() + action.seconds
        elif isinstance(action, flow.Authenticate):
            session.timer_at = None  # the entry's inter-digit wait would fire into the next prompt
            self._ask(session, None, action.pin, flow_event=_authenticated)
        elif isinstance(action, flow.RegisterAni):
            self._ask(session, None, action.pin, flow_event=_registered, register=True)
        elif isinstance(action, flow.Recharge):
            session.timer_at = None
            self._ask(session, None, action.pin, flow_event=_recharged,
                      extra=[build_avpair(RECHARGE_PAIR, action.code)])
        elif isinstance(action, flow.CardRecharge):
            session.timer_at = None
            self._ask(session, None, action.pin, flow_event=_recharged,
                      extra=[build_avpair(RECHARGE_CARD_PAIR, action.other_pin)])
        elif isinstance(action, flow.AskAgent):
            session.timer_at = None
            pairs = [build_avpair(AGENT_PIN_PAIR, action.pin)]
            if action.number is not None:  # a recharge: the customer's number as keyed, the amount in whole units
                pairs += [build_avpair(AGENT_NUMBER_PAIR, action.number),
                          build_avpair(AGENT_AMOUNT_PAIR, action.amount)]
            self._ask(session, None, None, flow_event=_authenticated if action.number is None else _recharged,
                      extra=pairs)
        elif isinstance(action, flow.Authorise):
            session.timer_at = None
            self._ask(session, action.destination, action.pin, flow_event=_authorised)
        elif isinstance(action, flow.HandOff):
            self._hand_off(session, action)
        elif isinstance(action, flow.HangUp):
            log.info("session %d: ends (%s)", session.id, action.reason)
            self._hang_up(session, [])

    def _audio(self, session: Session) -> pj.AudioMedia | None:
        try:
            info = session.call.getInfo()
            for index, media in enumerate(info.media):
                if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                    return session.call.getAudioMedia(index)
        except pj.Error:
            return None
        return None

    def _play(self, session: Session, action: flow.Play) -> None:
        self._stop_player(session)
        files = pj.StringVector()
        played = []
        for name, language in action.spoken():
            path = self.voice.prompt(language, name)
            own = self.voice.welcome(session.did) if name == "welcome" else None
            if own is not None:  # the access number's own welcome (API /dids/{id}/welcome.wav), in every language
                path = own
            if path is not None:
                files.append(str(path))
            played.append(f"welcome:{session.did.lstrip('+')}" if own is not None else self._heard(name, path))
        audio = self._audio(session)
        if not len(files) or audio is None:
            self.events.append((session.id, ("eof", 0)))  # nothing to play: as if it had played
            return
        files.append(str(self.tail))
        log.info("session %d: plays %s", session.id, " ".join(played))
        self.next_player += 1
        player = Player(self.events, session.id, self.next_player)
        try:
            player.createPlaylist(files, "prompts", pj.PJMEDIA_FILE_NO_LOOP)
            player.startTransmit(audio)
        except pj.Error as exc:
            log.warning("session %d: cannot play %s: %s", session.id, list(files), exc.info())
            self.graveyard.append((time.monotonic() + GRACE_S, player))
            self.events.append((session.id, ("eof", 0)))
            return
        session.player = player

    def _heard(self, name: str, path: Path | None) -> str:
        """A prompt as the prompt log names it: its name, with the language of the file played before it when that
        is not the worker's default (`es:enter_pin`)."""
        language = path.parent.name if path is not None else self.options.language
        return name if language == self.options.language else f"{language}:{name}"

    def _stop_player(self, session: Session) -> None:
        player, session.player = session.player, None
        if player is None:
            return
        audio = self._audio(session)
        if audio is not None:
            with contextlib.suppress(pj.Error):
                player.stopTransmit(audio)
        self.graveyard.append((time.monotonic() + GRACE_S, player))

    def _ask(self, session: Session, destination: str | None, pin: str | None,
             flow_event: Callable[[AuthDecision], flow.Event], *, register: bool = False,
             extra: list[str] | None = None) -> None:
        pairs = [build_avpair("did", session.did)] if session.did else []
        pairs += extra or []
        if destination is not None:
            pairs.append(build_avpair(QUOTE_PAIR, "1"))
        if register:
            pairs.append(build_avpair(REGISTER_PAIR, "1"))
        request = AuthRequest(user_name=session.ani or "anonymous", password=pin, calling_station_id=session.ani,
                              called_station_id=destination, conf_id=session.conf_id,
                              call_id=f"{session.conf_id}@ivr", call_origin="answer", call_type="VoIP",
                              avpairs=tuple(pairs))
        session_id = session.id
        self.aaa.ask(request, lambda decision: self.events.append((session_id, flow_event(decision))))

    def _hand_off(self, session: Session, action: flow.HandOff) -> None:
        headers = [(HANDOFF_DESTINATION, action.destination)]
        if action.pin:
            headers.append((HANDOFF_PIN, action.pin))
        if action.language:
            headers.append((HANDOFF_LANGUAGE, action.language))
        now = time.monotonic()
        log.info("session %d: hands the call back to the switch: ivr_ms=%.0f pin_to_route_ms=%.0f", session.id,
                 (now - session.started) * 1000, (now - (session.known_at or session.started)) * 1000)
        self._hang_up(session, headers)

    def _hang_up(self, session: Session, headers: list[tuple[str, str]]) -> None:
        session.done = True
        session.timer_at = None
        self._stop_player(session)
        param = pj.CallOpParam()
        for name, value in headers:
            header = pj.SipHeader()
            header.hName = name
            header.hValue = value
            param.txOption.headers.append(header)
        try:
            session.call.hangup(param)
        except pj.Error as exc:
            log.warning("session %d: hangup failed: %s", session.id, exc.info())
            self._ended(session)

    def _ended(self, session: Session) -> None:
        """The call is gone: its player is freed after the grace time, its Call at once (on the main thread). A
        Call kept longer frees the slot's next call: pjsua2 keeps a disconnected Call's id, and its destructor
        hangs up whatever call has that id by then (seen: a caller cut off when an earlier one hung up)."""
        session.done = True
        self._stop_player(session)
        self.sessions.pop(session.id, None)  # its Call is freed now, before pjsua2 gives its slot to a new call
        log.info("session %d: released (%s)", session.id, session.flow.outcome or "caller left")

    def shutdown(self) -> None:
        """Hang up what is left, drop every Call and player, then destroy the library (in that order, or the
        process aborts in C)."""
        for session in list(self.sessions.values()):
            if not session.done:
                self._hang_up(session, [])
        deadline = time.monotonic() + 1.0
        while self.sessions and time.monotonic() < deadline:
            self.ep.libHandleEvents(LOOP_MS)
            self._drain()
        for session in list(self.sessions.values()):
            self._stop_player(session)
        self.sessions.clear()
        self.events.clear()
        self._bury(float("inf"))
        gc.collect()
        self.aaa.stop()
        self.account.shutdown()
        del self.account
        self.ep.libDestroy()
        shutil.rmtree(self.tail.parent, ignore_errors=True)


def _avpairs(decision: AuthDecision) -> list[str]:
    return [value for name, value in decision.extra if name == "Cisco-AVPair"]


def _authenticated(decision: AuthDecision) -> flow.Event:
    pairs = _avpairs(decision)
    account = find_avpair(pairs, "account-id")
    return flow.Authenticated(decision.return_code, decision.credit_amount, decision.currency,
                              decision.preferred_lang, find_avpair(pairs, REGISTRABLE_PAIR) == "1",
                              int(account) if account and account.isdigit() else None)


def _registered(decision: AuthDecision) -> flow.Event:
    return flow.Registered(decision.return_code)


def _recharged(decision: AuthDecision) -> flow.Event:
    return flow.Recharged(decision.return_code, decision.credit_amount, decision.currency)


def _authorised(decision: AuthDecision) -> flow.Event:
    """The second stage's answer; a redirect number (E.164 digits: a speed dial's) goes back to the switch with its
    '+', so it is never read as a national number there."""
    announce = find_avpair(_avpairs(decision), ANNOUNCE_PAIR)
    return flow.Authorised(decision.return_code, decision.credit_time,
                           int(announce) if announce and announce.isdigit() else None,
                           with_plus(decision.redirect_number) if decision.redirect_number else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="an IVR media worker (options as one JSON line on stdin)")
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level, stream=sys.stderr, format="%(levelname)s %(message)s")  # pool.py
    faulthandler.enable()  # a crash in pjsua2's C code leaves the Python stack in the service's log
    options = WorkerOptions.from_json(sys.stdin.readline())
    worker = Worker(options, load_voice(Path(options.prompts) if options.prompts else None))

    def stop(_signum: int, _frame: object) -> None:
        worker.stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    worker.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
