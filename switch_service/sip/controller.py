"""The questions the B2BUA asks and the events it reports: the seam for routing, RADIUS and CDRs.

The SIP code knows nothing about accounts or money: `route()` answers with a `Decision`, and the `on_*` events let
billing (Accounting-Start/Stop), CDR writing and the live-call stream plug in without touching the SIP engine.
`route()` may be a plain function or a coroutine (an Access-Request to RADIUS is one).
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Protocol

from switch_service.sip.dialogs import Dialog
from switch_service.sip.message import SipRequest, SipResponse
from switch_service.sip.transactions import Peer


@dataclass(frozen=True)
class InboundCall:
    call_id: str
    source_host: str
    source_port: int
    transport: str
    did: str  # request-URI user: the dialled number / DID
    from_user: str
    pai_user: str | None
    to_user: str
    sdp: bytes
    switch_ref: str = ""  # the switch's own id for the call (B-leg Call-ID prefix, h323-conf-id)
    proxy_authorization: str | None = None  # the INVITE's Proxy-Authorization (or Authorization) header


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    transport: str = "UDP"
    number: str = ""
    carrier_ref: str = ""
    failure_codes: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Reject:
    code: int
    reason: str
    headers: tuple[tuple[str, str], ...] = ()  # e.g. Warning / Reason / Retry-After on the final response


@dataclass(frozen=True)
class Routes:
    targets: list[Target]
    max_duration_s: int | None = None
    account_ref: str = ""
    media: bool = False  # the targets are a media worker (IVR): its BYE may hand the call back (see Handoff)
    headers: tuple[tuple[str, str], ...] = ()  # sent with the INVITE to the targets (a re-entering IVR leg's PIN)


@dataclass(frozen=True)
class Handoff:
    """What an IVR media endpoint collected, carried in its BYE (`X-Carrierdesk-Destination`, `-Pin`, and
    `-Language`: the one the caller chose in the language menu, which a re-entry takes back to the IVR)."""

    destination: str
    pin: str | None = None
    language: str | None = None


Decision = Reject | Routes


class EndCause(enum.Enum):
    NORMAL = "normal-clearing"
    CREDIT_EXHAUSTED = "credit-exhausted"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    NO_ROUTE = "no-route"
    ALL_ROUTES_FAILED = "all-routes-failed"
    NO_ACK = "no-ack"
    SHUTDOWN = "shutdown"
    OPERATOR_HANGUP = "operator-hangup"


class HangupOutcome(enum.Enum):
    """What asking the switch to hang a call up did (the HTTP API's hangup)."""

    ENDED = "ended"  # both legs got BYE; the call is over
    NOT_FOUND = "not-found"  # no call of this switch has that id (ended already, or another gateway's)
    NOT_CONNECTED = "not-connected"  # still being set up or moved to another leg: only a connected call is hung up


class HangupBy(enum.Enum):
    CALLER = "caller"
    CALLEE = "callee"
    SWITCH = "switch"


class CallController(Protocol):
    def route(self, call: InboundCall) -> Decision | Awaitable[Decision]: ...
    def on_attempt(self, call: InboundCall, target: Target, final_code: int) -> None: ...
    def on_answer(self, call: InboundCall, target: Target) -> None: ...
    def on_end(self, call: InboundCall, cause: EndCause, duration_s: float, hangup_by: HangupBy) -> None: ...


class HandoffController(CallController, Protocol):
    """A controller that can send calls to an IVR first: `resume` decides where the call goes once the media
    endpoint handed it back. Without it, a media endpoint's BYE simply ends the call."""

    def resume(self, call: InboundCall, handoff: Handoff) -> Decision | Awaitable[Decision]: ...


class ReentryController(HandoffController, Protocol):
    """A controller whose IVR callers come back to the IVR when the carrier hangs up a call the IVR handed off: the
    B2BUA tells it that leg ended (`on_leg_end`: its accounting and CDR, as for a call's end) and asks where the
    caller goes now (`reenter`: a media target, or a refusal that ends the call). Without it the carrier's BYE ends
    the call."""

    def on_leg_end(self, call: InboundCall, duration_s: float) -> None: ...

    def reenter(self, call: InboundCall) -> Decision | Awaitable[Decision]: ...


class CreditController(CallController, Protocol):
    """A controller whose calls hold credit in slices (aaa/slices.py): before the talk time a connected call holds
    runs out, the B2BUA asks `extend_credit` for more (the call's total from answer, or None: no more, the call is
    cut when what it holds runs out). Without it a call is cut at `Routes.max_duration_s`."""

    def extend_credit(self, call: InboundCall, granted_s: int) -> int | Awaitable[int | None] | None: ...


class DialogKeeper(CallController, Protocol):
    """A controller that keeps the dialogs of connected calls (sip/dialog_state.py), so that a restart after a crash
    can send BYE on both legs: told when a call connects and whenever the B2BUA sent a request in its dialogs."""

    def on_dialogs(self, call: InboundCall, caller: Dialog, carrier: Dialog) -> None: ...


class RegistrarController(CallController, Protocol):
    """A controller that takes registrations (digest trunks, registrar.py): the B2BUA hands it every REGISTER
    with the address it came from. Without it, REGISTER is answered 405."""

    def register(self, request: SipRequest, source: Peer) -> SipResponse | Awaitable[SipResponse]: ...


HANDOFF_DESTINATION = "x-carrierdesk-destination"
HANDOFF_PIN = "x-carrierdesk-pin"
# On the switch's INVITE to a media worker: the caller comes back after a call (ReentryController), with its PIN.
REENTRY = "x-carrierdesk-reentry"
HANDOFF_LANGUAGE = "x-carrierdesk-language"
# On the switch's INVITE to a media worker: the access number's language menu ("en,es,fr"), offered before the PIN.
LANGUAGE_MENU = "x-carrierdesk-language-menu"
# On the switch's INVITE to a media worker: the switch's key of the leg, which the worker names when it reports the
# caller's stage (media/pool.py), so the live IVR session shows it.
IVR_LEG = "x-carrierdesk-ivr-leg"


class StaticRouteController:
    """Every call to the same ordered targets: the benchmark's and the tests' controller.

    The hook for ANI authorisation / CDRs (RADIUS client, rating) is a controller of its own implementing the
    same Protocol; this one only records what it was told.
    """

    def __init__(self, targets: list[Target], max_duration_s: int | None = None) -> None:
        self.targets = targets
        self.max_duration_s = max_duration_s
        self.attempts: list[tuple[str, str, int]] = []
        self.answers: list[tuple[str, str]] = []
        self.ends: list[tuple[str, EndCause, float, HangupBy]] = []

    def route(self, call: InboundCall) -> Decision:
        targets = [Target(t.host, t.port, t.transport, t.number or call.did, t.carrier_ref, t.failure_codes)
                   for t in self.targets]
        return Routes(targets, self.max_duration_s, account_ref=call.from_user)

    def on_attempt(self, call: InboundCall, target: Target, final_code: int) -> None:
        self.attempts.append((call.call_id, target.carrier_ref, final_code))

    def on_answer(self, call: InboundCall, target: Target) -> None:
        self.answers.append((call.call_id, target.carrier_ref))

    def on_end(self, call: InboundCall, cause: EndCause, duration_s: float, hangup_by: HangupBy) -> None:
        self.ends.append((call.call_id, cause, duration_s, hangup_by))
