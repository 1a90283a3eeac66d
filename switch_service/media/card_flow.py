"""The calling-card IVR as a small table-driven state machine: events in, actions out, no I/O.

A worker (media/worker.py) feeds it what happens on the call (answered, a digit, a timer, a prompt finished, the
AAA server's answer) and carries out what it returns (play prompts, ask the AAA server, hand the call back to the
switch, hang up). So every path of the flow is tested without pjsua2, RADIUS or a clock.

The flow, as a Cisco prepaid IVR gateway runs it (two RADIUS stages):
- answered → authenticate the caller's ANI; a recognised ANI hears its balance and skips the PIN;
- an unknown caller is asked for a PIN (ended by # or the inter-digit timeout) → authenticate the PIN; a wrong PIN
  is asked again, and after `max_pin_tries` the caller hears why the call ends (locked out);
- the destination (ended by # or the inter-digit timeout) → authorise it (how many minutes it may last); a blocked,
  unknown or unaffordable one is announced and may be dialled again;
- the minutes are announced, and the call is handed back to the switch with the destination (and PIN).
A digit pressed while a prompt plays stops it (barge-in) and counts. The PIN is never in an action's text.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from switch_service.aaa.cisco import ReturnCode

# -- events in ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answered:
    """The call is up: the flow starts."""


@dataclass(frozen=True)
class Digit:
    digit: str


@dataclass(frozen=True)
class TimerFired:
    """The timer the flow last armed ran out (no digit in time)."""


@dataclass(frozen=True)
class PromptsDone:
    """The prompts the flow last asked for have played to the end (not stopped by a digit)."""


@dataclass(frozen=True)
class Authenticated:
    """The AAA server's answer to the first stage (PIN or ANI): the money and the language of the account."""

    code: ReturnCode
    amount: Decimal | None = None
    currency: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Authorised:
    """The AAA server's answer to the second stage: how long a call to the destination may last."""

    code: ReturnCode
    seconds: int | None = None


Event = Answered | Digit | TimerFired | PromptsDone | Authenticated | Authorised


# -- actions out --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Play:
    """Play these prompts one after the other (names of the prompt library), in `language`."""

    names: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class StopPlaying:
    pass


@dataclass(frozen=True)
class StartTimer:
    seconds: float


@dataclass(frozen=True)
class Authenticate:
    """First stage: the caller's ANI (pin None) or the PIN entered."""

    pin: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Authorise:
    """Second stage: may the caller (PIN or ANI) call `destination`, and for how long?"""

    destination: str
    pin: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class HandOff:
    """Give the call back to the switch (BYE with X-Carrierdesk-Destination / -Pin): the IVR's part is done."""

    destination: str
    pin: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class HangUp:
    reason: str


Action = Play | StopPlaying | StartTimer | Authenticate | Authorise | HandOff | HangUp


# -- what the flow is told ----------------------------------------------------------------------------------------

Phrase = Callable[[str, Decimal, str], list[str]]  # (language, amount, currency) -> "you have 12 dollars 50 cents"
Count = Callable[[str, int], list[str]]  # (language, n) -> "you have 35 minutes"


@dataclass(frozen=True)
class FlowConfig:
    language: str = "en"  # the DID's default, until the account says its own
    max_pin_tries: int = 3
    max_destination_tries: int = 3
    max_silences: int = 2  # prompts repeated when nothing is dialled
    first_digit_s: float = 10.0  # after a prompt, the wait for the first digit
    inter_digit_s: float = 4.0  # between digits: the entry ends when it runs out
    max_digits: int = 20
    min_pin_digits: int = 4
    announce_minutes: bool = True


class Step(enum.StrEnum):
    START = "start"
    ANI_CHECK = "ani_check"
    PIN = "pin"
    PIN_CHECK = "pin_check"
    DESTINATION = "destination"
    DESTINATION_CHECK = "destination_check"
    ANNOUNCE = "announce"  # minutes announced; the hand-off follows
    CLOSING = "closing"  # a last message, then hang up
    DONE = "done"


# The answers of the second stage and what the caller hears for them (the destination may be dialled again).
DESTINATION_PROMPTS: dict[ReturnCode, str] = {
    ReturnCode.BLOCKED_NUMBER: "destination_blocked",
    ReturnCode.TOLL_FREE: "destination_blocked",
    ReturnCode.INVALID_ARGUMENT: "destination_unknown",
    ReturnCode.ZERO_BALANCE: "insufficient_balance",
    ReturnCode.INSUFFICIENT_BALANCE: "insufficient_balance",
    ReturnCode.CREDIT_LIMIT: "insufficient_balance",
}
# First-stage refusals that asking again cannot mend: the caller hears why, and the call ends.
FINAL_PIN_PROMPTS: dict[ReturnCode, str] = {
    ReturnCode.ZERO_BALANCE: "insufficient_balance",
    ReturnCode.RETRIES_EXCEEDED: "locked_out",
}


class CardFlow:
    """One caller's way through the IVR. `handle(event)` returns the actions to carry out, in order."""

    def __init__(self, config: FlowConfig, money: Phrase, minutes: Count) -> None:
        self.config = config
        self.money = money
        self.minutes = minutes
        self.step = Step.START
        self.language = config.language
        self.entry = ""
        self.pin: str | None = None
        self.pin_failures = 0
        self.destination_tries = 0
        self.silences = 0
        self.prompting = False  # prompts are playing (a digit stops them)
        self.destination = ""
        self.outcome: str | None = None  # why the flow ended: "handed_off" or the HangUp's reason

    # -- the table: (step, event type) → handler
    def handle(self, event: Event) -> list[Action]:
        handler = _TABLE.get((self.step, type(event)))
        if handler is None:
            return []
        return handler(self, event)

    # -- handlers
    def _answered(self, _event: Event) -> list[Action]:
        self.step = Step.ANI_CHECK
        return [Authenticate(None)]

    def _ani_checked(self, event: Event) -> list[Action]:
        assert isinstance(event, Authenticated)
        if event.code is ReturnCode.OK:
            return self._welcome_known(event)
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        return self._ask_pin(("welcome", "enter_pin"))

    def _welcome_known(self, event: Authenticated) -> list[Action]:
        self.language = event.language or self.language
        balance = self.money(self.language, event.amount, event.currency or "") if event.amount is not None else []
        return self._ask_destination(("welcome", *balance, "enter_destination"))

    def _ask_pin(self, prompts: Sequence[str]) -> list[Action]:
        self.step = Step.PIN
        return self._prompt(prompts)

    def _ask_destination(self, prompts: Sequence[str]) -> list[Action]:
        self.step = Step.DESTINATION
        return self._prompt(prompts)

    def _prompt(self, prompts: Sequence[str]) -> list[Action]:
        """Prompts that ask for digits: the first-digit wait starts when they end."""
        self.entry = ""
        self.prompting = True
        return [Play(tuple(prompts), self.language)]

    def _close(self, reason: str, *prompts: str) -> list[Action]:
        self.step = Step.CLOSING
        self.outcome = reason
        return [Play((*prompts, "goodbye"), self.language)]

    def _prompted(self, _event: Event) -> list[Action]:
        if not self.prompting:  # stopped by a digit: the inter-digit wait runs already
            return []
        self.prompting = False
        return [StartTimer(self.config.first_digit_s)]

    def _digit(self, event: Event) -> list[Action]:
        assert isinstance(event, Digit)
        actions: list[Action] = []
        if self.prompting:
            self.prompting = False
            actions.append(StopPlaying())
        if event.digit == "#":
            return actions + self._entered()
        if event.digit == "*":  # start the entry again
            self.entry = ""
            return [*actions, StartTimer(self.config.first_digit_s)]
        if event.digit.isdigit() and len(self.entry) < self.config.max_digits:
            self.entry += event.digit
        return [*actions, StartTimer(self.config.inter_digit_s)]

    def _timer(self, _event: Event) -> list[Action]:
        if self.entry:
            return self._entered()
        self.silences += 1
        if self.silences > self.config.max_silences:
            return self._close("no_input")
        again = "enter_pin" if self.step is Step.PIN else "enter_destination"
        return self._prompt(("try_again", again))

    def _entered(self) -> list[Action]:
        entry, self.entry = self.entry, ""
        self.silences = 0
        if self.step is Step.PIN:
            if len(entry) < self.config.min_pin_digits:
                return self._pin_failed()
            self.pin = entry
            self.step = Step.PIN_CHECK
            return [Authenticate(entry)]
        if not entry:
            return self._prompt(("enter_destination",))
        self.destination = entry
        self.destination_tries += 1
        self.step = Step.DESTINATION_CHECK
        return [Authorise(entry, self.pin)]

    def _pin_checked(self, event: Event) -> list[Action]:
        assert isinstance(event, Authenticated)
        if event.code is ReturnCode.OK:
            return self._welcome_known(event)
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        if event.code in FINAL_PIN_PROMPTS:
            return self._close(event.code.name.lower(), FINAL_PIN_PROMPTS[event.code])
        return self._pin_failed()

    def _pin_failed(self) -> list[Action]:
        self.pin = None
        self.pin_failures += 1
        if self.pin_failures >= self.config.max_pin_tries:
            return self._close("locked_out", "invalid_pin", "locked_out")
        return self._ask_pin(("invalid_pin", "enter_pin"))

    def _destination_checked(self, event: Event) -> list[Action]:
        assert isinstance(event, Authorised)
        if event.code is ReturnCode.OK:
            self.step = Step.ANNOUNCE
            whole_minutes = (event.seconds or 0) // 60
            if self.config.announce_minutes and whole_minutes:
                return [Play(tuple(self.minutes(self.language, whole_minutes)), self.language)]
            return self._hand_off()
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        prompt = DESTINATION_PROMPTS.get(event.code, "destination_unknown")
        if self.destination_tries >= self.config.max_destination_tries:
            return self._close(f"destination_{event.code.name.lower()}", prompt)
        return self._ask_destination((prompt, "enter_destination"))

    def _announced(self, _event: Event) -> list[Action]:
        return self._hand_off()

    def _hand_off(self) -> list[Action]:
        self.step = Step.DONE
        self.outcome = "handed_off"
        return [HandOff(self.destination, self.pin)]

    def _closed(self, _event: Event) -> list[Action]:
        self.step = Step.DONE
        return [HangUp(self.outcome or "goodbye")]


_Handler = Callable[[CardFlow, Event], list[Action]]
_TABLE: dict[tuple[Step, type], _Handler] = {
    (Step.START, Answered): CardFlow._answered,
    (Step.ANI_CHECK, Authenticated): CardFlow._ani_checked,
    (Step.PIN, PromptsDone): CardFlow._prompted,
    (Step.PIN, Digit): CardFlow._digit,
    (Step.PIN, TimerFired): CardFlow._timer,
    (Step.PIN_CHECK, Authenticated): CardFlow._pin_checked,
    (Step.DESTINATION, PromptsDone): CardFlow._prompted,
    (Step.DESTINATION, Digit): CardFlow._digit,
    (Step.DESTINATION, TimerFired): CardFlow._timer,
    (Step.DESTINATION_CHECK, Authorised): CardFlow._destination_checked,
    (Step.ANNOUNCE, PromptsDone): CardFlow._announced,
    (Step.ANNOUNCE, Digit): CardFlow._announced,  # a key skips the announcement
    (Step.CLOSING, PromptsDone): CardFlow._closed,
}
