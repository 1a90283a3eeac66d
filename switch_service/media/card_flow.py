"""The calling-card IVR as a small table-driven state machine: events in, actions out, no I/O.

A worker (media/worker.py) feeds it what happens on the call (answered, a digit, a timer, a prompt finished, the
AAA server's answer) and carries out what it returns (play prompts, ask the AAA server, hand the call back to the
switch, hang up). So every path of the flow is tested without pjsua2, RADIUS or a clock.

The flow, as a Cisco prepaid IVR gateway runs it (two RADIUS stages):
- an access number with a language menu (FlowConfig.languages) first plays the welcome and, for each language in
  that language, "for <language> press <digit>" (1 for the first); the digit chosen sets the language of every later
  prompt of the call (the account's language no longer counts), an invalid key or silence plays the menu once more,
  then the call goes on in the first language;
- answered → authenticate the caller's ANI; a recognised ANI hears its balance and skips the PIN;
- an unknown caller is asked for a PIN (ended by # or the inter-digit timeout) → authenticate the PIN; a wrong PIN
  is asked again, and after `max_pin_tries` the caller hears why the call ends (locked out); a caller (or access
  number) the AAA server has locked after wrong PINs in earlier calls hears so at once and enters none;
- after a valid PIN, when the AAA server says the caller's number may be registered, the caller is offered it
  (1: register, for PIN-less calls from this phone; 2 or silence: not now; another key starts the destination);
- with the balance the caller hears "to recharge with a voucher, press star": * as the first key of the destination
  starts the voucher code (ended by # or the timeout) → a first-stage request with `recharge-voucher=<code>`
  (aaa/ivr_recharge.py); the new balance is announced and the destination asked; a code that cannot be used is
  said so and may be keyed again up to `max_voucher_tries`, then the destination is asked (the AAA server counts
  such codes as wrong PINs toward the lockout, and a locked caller hears so and the call ends);
- the voucher prompt goes on "to recharge from another card, press star": * as the first key of the voucher code
  starts another card's PIN (a menu choice, not the code's format: imported cards and vouchers may have PINs and
  codes of any length from 4 to 32 digits, so a length cannot tell them apart, and a code that happened to be both
  would move money the caller did not mean to) → a first-stage request with `recharge-card=<PIN>`; that card's
  whole balance moves onto the caller's account, the new balance is announced and the destination asked; a PIN
  that cannot be used is said so, as a voucher code is (same tries, same lockout);
- a retail store's agent (aaa/agent_recharge.py) keys * as the first key at the PIN prompt → "enter your agent PIN"
  (ended by #) → a first-stage request with `agent-pin=<PIN>` (a wrong one is asked again and counts as a wrong PIN,
  here and toward the AAA server's lockout) → "enter the customer's phone number" → "enter the amount" (whole
  units) → a first-stage request with the PIN, `agent-recharge-number` and `agent-recharge-amount` → "done, the
  customer's balance is <money>" (or why not: no such customer, the store cannot pay, not the store's customer) →
  the customer's number is asked again for the next customer; # alone or silence there ends the call;
- the destination (ended by # or the inter-digit timeout) → authorise it (how many minutes it may last); a blocked,
  unknown or unaffordable one is announced and may be dialled again; one or two digits are a speed-dial code, which
  the AAA server answers with the account's stored number (h323-redirect-number);
- the minutes are announced (as many as the AAA server says to tell: the access number's minute shrinking), and
  the call is handed back to the switch with the destination (the speed dial's number) and PIN.
A caller back from a call the carrier ended (the switch's re-entry, `returning`) is authenticated by the PIN it keyed
before (or its ANI), in the language it chose before (no menu again), hears the balance left without welcome or
offers, and is asked for the destination.
A digit pressed while a prompt plays stops it (barge-in) and counts. The PINs and the voucher code are never in an
action's text.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.ivr_pairs import speed_dial_slot

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
    registrable: bool = False  # a PIN's answer: the caller's number may be registered for PIN-less calls
    account_id: int | None = None  # the account (a card's own) the AAA server named: shown on the live session


@dataclass(frozen=True)
class Authorised:
    """The AAA server's answer to the second stage: how long a call to the destination may last, how long the caller
    is told (the access number's minute shrinking applied; None: `seconds`), and the number a speed-dial code
    stands for."""

    code: ReturnCode
    seconds: int | None = None
    announce_seconds: int | None = None
    redirect: str | None = None


@dataclass(frozen=True)
class Registered:
    """The AAA server's answer to registering the caller's number (OK, or why not)."""

    code: ReturnCode


@dataclass(frozen=True)
class Recharged:
    """The AAA server's answer to a recharge (voucher or another card): the first stage's answer again, with the new
    balance (or why not: 2, no usable voucher or card has the code; 10, locked out)."""

    code: ReturnCode
    amount: Decimal | None = None
    currency: str | None = None


Event = Answered | Digit | TimerFired | PromptsDone | Authenticated | Authorised | Registered | Recharged


# -- actions out --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Play:
    """Play these prompts one after the other (names of the prompt library), in `language`, or each in its own
    language when `languages` gives them (the language menu: each line in its language)."""

    names: tuple[str, ...]
    language: str
    languages: tuple[str, ...] = ()

    def spoken(self) -> list[tuple[str, str]]:
        """(name, language) of each prompt, in order."""
        return list(zip(self.names, self.languages or (self.language,) * len(self.names), strict=True))


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
class RegisterAni:
    """Register the caller's number to the PIN's account (a first-stage request with `register-ani=1`)."""

    pin: str = field(repr=False)


@dataclass(frozen=True)
class Recharge:
    """Redeem a voucher onto the caller's account (a first-stage request, the PIN or the ANI, with
    `recharge-voucher=<code>`)."""

    code: str = field(repr=False)
    pin: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class CardRecharge:
    """Move another card's whole balance onto the caller's account (a first-stage request, the PIN or the ANI, with
    `recharge-card=<the other card's PIN>`)."""

    other_pin: str = field(repr=False)
    pin: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class AskAgent:
    """A retail agent's first-stage request (`agent-pin=<PIN>`): the PIN alone (is it an agent's?), or with the
    customer's phone number as keyed and the amount in whole units (recharge that customer from the store)."""

    pin: str = field(repr=False)
    number: str | None = None
    amount: int | None = None


@dataclass(frozen=True)
class HandOff:
    """Give the call back to the switch (BYE with X-Carrierdesk-Destination / -Pin / -Language): the IVR's part is
    done. `language`: the one the caller chose in the menu (a re-entry brings it back), None when it chose none."""

    destination: str
    pin: str | None = field(default=None, repr=False)
    language: str | None = None


@dataclass(frozen=True)
class HangUp:
    reason: str


Action = (Play | StopPlaying | StartTimer | Authenticate | Authorise | RegisterAni | Recharge | CardRecharge | AskAgent
          | HandOff | HangUp)


# -- what the flow is told ----------------------------------------------------------------------------------------

Phrase = Callable[[str, Decimal, str], list[str]]  # (language, amount, currency) -> "you have 12 dollars 50 cents"
Count = Callable[[str, int], list[str]]  # (language, n) -> "you have 35 minutes"


@dataclass(frozen=True)
class FlowConfig:
    language: str = "en"  # the DID's default, until the account says its own
    languages: tuple[str, ...] = ()  # the access number's language menu (digit 1 the first); one: the call's language
    max_pin_tries: int = 3
    max_destination_tries: int = 3
    max_voucher_tries: int = 3  # voucher codes or card PINs that cannot be used, then back to the destination
    max_silences: int = 2  # prompts repeated when nothing is dialled
    first_digit_s: float = 10.0  # after a prompt, the wait for the first digit
    inter_digit_s: float = 4.0  # between digits: the entry ends when it runs out
    max_digits: int = 20
    min_pin_digits: int = 4
    announce_minutes: bool = True


class Step(enum.StrEnum):
    START = "start"
    LANGUAGE = "language"  # "for English press 1, para español oprima 2..."
    ANI_CHECK = "ani_check"
    PIN = "pin"
    PIN_CHECK = "pin_check"
    REGISTER_OFFER = "register_offer"  # "to call without a PIN from this phone, press 1; otherwise 2"
    REGISTER_CHECK = "register_check"
    VOUCHER = "voucher"  # "enter the voucher code" (a * first in the destination)
    VOUCHER_CHECK = "voucher_check"
    CARD = "card"  # "enter the PIN of the other card" (a * first in the voucher code)
    CARD_CHECK = "card_check"
    AGENT_PIN = "agent_pin"  # "enter your agent PIN" (a * first at the PIN prompt)
    AGENT_CHECK = "agent_check"
    CUSTOMER = "customer"  # "enter the customer's phone number"
    AMOUNT = "amount"  # "enter the amount"
    AGENT_RECHARGE_CHECK = "agent_recharge_check"
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
# The same for a speed-dial code (one or two digits), where they differ: an unknown code is one not set.
SPEED_DIAL_PROMPTS: dict[ReturnCode, str] = {
    ReturnCode.INVALID_ARGUMENT: "speed_dial_unknown",
}
# The answers to an agent's recharge and what the agent hears before the next customer's number is asked.
AGENT_RECHARGE_PROMPTS: dict[ReturnCode, str] = {
    ReturnCode.INVALID_ACCOUNT: "customer_unknown",
    ReturnCode.INSUFFICIENT_BALANCE: "agent_cannot_pay",
    ReturnCode.DENIED: "agent_not_allowed",
}
# First-stage refusals that asking again cannot mend: the caller hears why, and the call ends.
FINAL_PIN_PROMPTS: dict[ReturnCode, str] = {
    ReturnCode.ZERO_BALANCE: "insufficient_balance",
    ReturnCode.RETRIES_EXCEEDED: "locked_out",
}
# The same for the caller's number, before any PIN: locked out by earlier calls' wrong PINs (aaa/pin_lockout.py).
FINAL_ANI_PROMPTS: dict[ReturnCode, str] = {
    ReturnCode.RETRIES_EXCEEDED: "locked_out",
}


class CardFlow:
    """One caller's way through the IVR. `handle(event)` returns the actions to carry out, in order."""

    def __init__(self, config: FlowConfig, money: Phrase, minutes: Count, *, returning: bool = False,
                 pin: str | None = None, chosen_language: str | None = None) -> None:
        """`returning`: the caller comes back from a call the carrier ended (the switch's re-entry), with the PIN
        it keyed before (None: known by its ANI) and the language it chose in the menu (None: none): its balance is
        said again, without welcome or offers."""
        self.config = config
        self.money = money
        self.minutes = minutes
        self.step = Step.START
        # the caller's choice (or the access number's only language) holds for the call: the account's does not
        self.chosen = chosen_language or (config.languages[0] if len(config.languages) == 1 else None)
        self.language = self.chosen or config.language
        self.welcomed = False  # the welcome played before the language menu
        self.menu_misses = 0
        self.entry = ""
        self.pin = pin
        self.returning = returning
        self.pin_failures = 0
        self.destination_tries = 0
        self.voucher_failures = 0
        self.silences = 0
        self.prompting = False  # prompts are playing (a digit stops them)
        self.destination = ""
        self.agent_pin: str | None = None  # a retail agent's PIN, once its first stage accepted it
        self.customer = ""  # the customer's phone number the agent keyed
        self.outcome: str | None = None  # why the flow ended: "handed_off" or the HangUp's reason

    # -- the table: (step, event type) → handler
    def handle(self, event: Event) -> list[Action]:
        handler = _TABLE.get((self.step, type(event)))
        if handler is None:
            return []
        return handler(self, event)

    # -- handlers
    def _answered(self, _event: Event) -> list[Action]:
        if self.pin is not None:  # back from a call: the PIN keyed before
            self.step = Step.PIN_CHECK
            return [Authenticate(self.pin)]
        if self.chosen is None and len(self.config.languages) > 1 and not self.returning:
            self.welcomed = True
            return self._menu(("welcome",))
        return self._check_ani()

    def _check_ani(self) -> list[Action]:
        self.step = Step.ANI_CHECK
        return [Authenticate(None)]

    def _menu(self, before: Sequence[str] = ()) -> list[Action]:
        """`before` (in the first language), then each language's "for <language> press <digit>" in it."""
        first = self.config.languages[0]
        names = list(before)
        languages = [first] * len(names)
        for digit, language in enumerate(self.config.languages, start=1):
            names += ["language_menu", f"n_{digit}"]
            languages += [language, language]
        self.step = Step.LANGUAGE
        self.entry = ""
        self.prompting = True
        return [Play(tuple(names), first, tuple(languages))]

    def _language_chosen(self, event: Event) -> list[Action]:
        """A digit of the menu: its language for the rest of the call; another key: the menu again, once."""
        assert isinstance(event, Digit)
        actions: list[Action] = []
        if self.prompting:
            self.prompting = False
            actions.append(StopPlaying())
        choice = int(event.digit) if event.digit.isdigit() else 0
        if 1 <= choice <= len(self.config.languages):
            return actions + self._choose(self.config.languages[choice - 1])
        return actions + self._menu_missed()

    def _menu_timer(self, _event: Event) -> list[Action]:
        return self._menu_missed()

    def _menu_missed(self) -> list[Action]:
        self.menu_misses += 1
        if self.menu_misses > 1:
            return self._choose(self.config.languages[0])
        return self._menu()

    def _choose(self, language: str) -> list[Action]:
        self.chosen = self.language = language
        return self._check_ani()

    def _welcome(self) -> tuple[str, ...]:
        """The welcome, unless it played before the language menu."""
        return () if self.welcomed else ("welcome",)

    def _ani_checked(self, event: Event) -> list[Action]:
        assert isinstance(event, Authenticated)
        if event.code is ReturnCode.OK:
            return self._welcome_known(event)
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        if event.code in FINAL_ANI_PROMPTS:
            return self._close(event.code.name.lower(), *self._welcome(), FINAL_ANI_PROMPTS[event.code])
        return self._ask_pin((*self._welcome(), "enter_pin"))

    def _welcome_known(self, event: Authenticated) -> list[Action]:
        self.language = self.chosen or event.language or self.language
        balance = self.money(self.language, event.amount, event.currency or "") if event.amount is not None else []
        if self.returning:
            return self._ask_destination((*balance, "enter_destination"))
        if event.registrable and self.pin is not None:
            self.step = Step.REGISTER_OFFER
            return self._prompt((*self._welcome(), *balance, "register_ani_offer"))
        return self._ask_destination((*self._welcome(), *balance, "recharge_offer", "enter_destination"))

    def _register_choice(self, event: Event) -> list[Action]:
        """1: register this phone; 2: not now; any other key: the destination's first digit (the caller dials)."""
        assert isinstance(event, Digit)
        actions: list[Action] = []
        if self.prompting:
            self.prompting = False
            actions.append(StopPlaying())
        if event.digit == "1" and self.pin is not None:
            self.step = Step.REGISTER_CHECK
            return [*actions, RegisterAni(self.pin)]
        if event.digit == "2":
            return actions + self._ask_destination(("enter_destination",))
        self.step = Step.DESTINATION
        self.entry = ""
        return actions + self._digit(event)

    def _register_skipped(self, _event: Event) -> list[Action]:
        return self._ask_destination(("enter_destination",))

    def _registered(self, event: Event) -> list[Action]:
        assert isinstance(event, Registered)
        said = ("registered",) if event.code is ReturnCode.OK else ()
        return self._ask_destination((*said, "enter_destination"))

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
        if event.digit == "*" and not self.entry and self.step is Step.PIN:  # a retail agent, not a card
            self.step = Step.AGENT_PIN
            return actions + self._prompt(("enter_agent_pin",))
        if event.digit == "*" and not self.entry and self.step is Step.DESTINATION:  # the recharge menu
            self.step = Step.VOUCHER
            return actions + self._prompt(("enter_voucher", "card_recharge_offer"))
        if event.digit == "*" and not self.entry and self.step is Step.VOUCHER:  # another card's PIN instead
            self.step = Step.CARD
            return actions + self._prompt(("enter_card_pin",))
        if event.digit == "*":  # start the entry again
            self.entry = ""
            return [*actions, StartTimer(self.config.first_digit_s)]
        if event.digit.isdigit() and len(self.entry) < self.config.max_digits:
            self.entry += event.digit
        return [*actions, StartTimer(self.config.inter_digit_s)]

    def _timer(self, _event: Event) -> list[Action]:
        if self.entry:
            return self._entered()
        if self.step is Step.CUSTOMER:  # the agent is done
            return self._close("agent_done")
        self.silences += 1
        if self.silences > self.config.max_silences:
            return self._close("no_input")
        again = {Step.PIN: "enter_pin", Step.VOUCHER: "enter_voucher", Step.CARD: "enter_card_pin",
                 Step.AGENT_PIN: "enter_agent_pin", Step.AMOUNT: "enter_amount"}.get(self.step, "enter_destination")
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
        if self.step in _AGENT_ENTRIES:
            return self._agent_entered(entry)
        if self.step is Step.VOUCHER:
            if not entry:
                return self._ask_destination(("enter_destination",))
            self.step = Step.VOUCHER_CHECK
            return [Recharge(entry, self.pin)]
        if self.step is Step.CARD:
            if not entry:
                return self._ask_destination(("enter_destination",))
            self.step = Step.CARD_CHECK
            return [CardRecharge(entry, self.pin)]
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

    def _recharged(self, event: Event) -> list[Action]:
        """The answer to a voucher code or another card's PIN: the new balance, or that one cannot be used."""
        assert isinstance(event, Recharged)
        card = self.step is Step.CARD_CHECK
        invalid, enter = ("invalid_card_pin", "enter_card_pin") if card else ("invalid_voucher", "enter_voucher")
        if event.code is ReturnCode.OK:
            balance = self.money(self.language, event.amount, event.currency or "") if event.amount is not None else []
            return self._ask_destination(("recharged", *balance, "enter_destination"))
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        if event.code is ReturnCode.RETRIES_EXCEEDED:
            return self._close("locked_out", invalid, "locked_out")
        self.voucher_failures += 1
        if self.voucher_failures >= self.config.max_voucher_tries:
            return self._ask_destination((invalid, "enter_destination"))
        self.step = Step.CARD if card else Step.VOUCHER
        return self._prompt((invalid, enter))

    # -- a retail agent recharging PIN-less customers
    def _agent_entered(self, entry: str) -> list[Action]:
        """The agent's PIN, a customer's number (# alone: done) or the amount (# alone: another customer)."""
        if self.step is Step.AGENT_PIN:
            if len(entry) < self.config.min_pin_digits:
                return self._agent_pin_failed()
            self.agent_pin = entry
            self.step = Step.AGENT_CHECK
            return [AskAgent(entry)]
        if self.step is Step.CUSTOMER:
            if not entry:
                return self._close("agent_done")
            self.customer = entry
            self.step = Step.AMOUNT
            return self._prompt(("enter_amount",))
        if not entry:
            return self._ask_customer(())
        if int(entry) <= 0:
            return self._prompt(("try_again", "enter_amount"))
        assert self.agent_pin is not None
        self.step = Step.AGENT_RECHARGE_CHECK
        return [AskAgent(self.agent_pin, self.customer, int(entry))]

    def _ask_customer(self, before: Sequence[str]) -> list[Action]:
        self.step = Step.CUSTOMER
        self.customer = ""
        return self._prompt((*before, "enter_customer_number"))

    def _agent_checked(self, event: Event) -> list[Action]:
        """The answer to the agent's PIN: the customer's number is asked, or the PIN again (a wrong one counts)."""
        assert isinstance(event, Authenticated)
        if event.code is ReturnCode.OK:
            return self._ask_customer(())
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        if event.code is ReturnCode.RETRIES_EXCEEDED:
            return self._close("locked_out", "locked_out")
        if event.code is ReturnCode.DENIED:  # the store is suspended
            return self._close("agent_denied", "agent_not_allowed")
        return self._agent_pin_failed()

    def _agent_pin_failed(self) -> list[Action]:
        self.agent_pin = None
        self.pin_failures += 1
        if self.pin_failures >= self.config.max_pin_tries:
            return self._close("locked_out", "invalid_pin", "locked_out")
        self.step = Step.AGENT_PIN
        return self._prompt(("invalid_pin", "enter_agent_pin"))

    def _agent_recharged(self, event: Event) -> list[Action]:
        """The customer's new balance (said as the money grammar says an amount), or why not; then the next
        customer's number."""
        assert isinstance(event, Recharged)
        if event.code is ReturnCode.OK:
            said = _amount_alone(self.money(self.language, event.amount, event.currency or "")) \
                if event.amount is not None else []
            return self._ask_customer(("customer_recharged", *said))
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        if event.code is ReturnCode.RETRIES_EXCEEDED:
            return self._close("locked_out", "locked_out")
        if event.code is ReturnCode.INVALID_PIN:  # the PIN was revoked meanwhile
            return self._close("agent_pin_revoked", "invalid_pin")
        return self._ask_customer((AGENT_RECHARGE_PROMPTS.get(event.code, "try_again"),))

    def _destination_checked(self, event: Event) -> list[Action]:
        assert isinstance(event, Authorised)
        if event.code is ReturnCode.OK:
            self.step = Step.ANNOUNCE
            self.destination = event.redirect or self.destination  # a speed-dial code: the number it stands for
            told = event.announce_seconds if event.announce_seconds is not None else event.seconds
            whole_minutes = (told or 0) // 60
            if self.config.announce_minutes and whole_minutes:
                return [Play(tuple(self.minutes(self.language, whole_minutes)), self.language)]
            return self._hand_off()
        if event.code is ReturnCode.UNAVAILABLE:
            return self._close("unavailable", "try_again")
        prompts = SPEED_DIAL_PROMPTS if speed_dial_slot(self.destination) is not None else DESTINATION_PROMPTS
        prompt = prompts.get(event.code) or DESTINATION_PROMPTS.get(event.code, "destination_unknown")
        if self.destination_tries >= self.config.max_destination_tries:
            return self._close(f"destination_{event.code.name.lower()}", prompt)
        return self._ask_destination((prompt, "enter_destination"))

    def _announced(self, _event: Event) -> list[Action]:
        return self._hand_off()

    def _hand_off(self) -> list[Action]:
        self.step = Step.DONE
        self.outcome = "handed_off"
        return [HandOff(self.destination, self.pin, self.chosen)]

    def _closed(self, _event: Event) -> list[Action]:
        self.step = Step.DONE
        return [HangUp(self.outcome or "goodbye")]


def _amount_alone(phrase: list[str]) -> list[str]:
    """The money grammar's "you have <amount>" without its "you have" (and a sentence-final verb): the amount, said
    after "the customer's balance is"."""
    return [name for name in phrase if name not in ("you_have", "you_have_end")]


_AGENT_ENTRIES = frozenset({Step.AGENT_PIN, Step.CUSTOMER, Step.AMOUNT})

_Handler = Callable[[CardFlow, Event], list[Action]]
_TABLE: dict[tuple[Step, type], _Handler] = {
    (Step.START, Answered): CardFlow._answered,
    (Step.LANGUAGE, PromptsDone): CardFlow._prompted,
    (Step.LANGUAGE, Digit): CardFlow._language_chosen,
    (Step.LANGUAGE, TimerFired): CardFlow._menu_timer,
    (Step.ANI_CHECK, Authenticated): CardFlow._ani_checked,
    (Step.PIN, PromptsDone): CardFlow._prompted,
    (Step.PIN, Digit): CardFlow._digit,
    (Step.PIN, TimerFired): CardFlow._timer,
    (Step.PIN_CHECK, Authenticated): CardFlow._pin_checked,
    (Step.REGISTER_OFFER, PromptsDone): CardFlow._prompted,
    (Step.REGISTER_OFFER, Digit): CardFlow._register_choice,
    (Step.REGISTER_OFFER, TimerFired): CardFlow._register_skipped,
    (Step.REGISTER_CHECK, Registered): CardFlow._registered,
    (Step.VOUCHER, PromptsDone): CardFlow._prompted,
    (Step.VOUCHER, Digit): CardFlow._digit,
    (Step.VOUCHER, TimerFired): CardFlow._timer,
    (Step.VOUCHER_CHECK, Recharged): CardFlow._recharged,
    (Step.CARD, PromptsDone): CardFlow._prompted,
    (Step.CARD, Digit): CardFlow._digit,
    (Step.CARD, TimerFired): CardFlow._timer,
    (Step.CARD_CHECK, Recharged): CardFlow._recharged,
    (Step.AGENT_PIN, PromptsDone): CardFlow._prompted,
    (Step.AGENT_PIN, Digit): CardFlow._digit,
    (Step.AGENT_PIN, TimerFired): CardFlow._timer,
    (Step.AGENT_CHECK, Authenticated): CardFlow._agent_checked,
    (Step.CUSTOMER, PromptsDone): CardFlow._prompted,
    (Step.CUSTOMER, Digit): CardFlow._digit,
    (Step.CUSTOMER, TimerFired): CardFlow._timer,
    (Step.AMOUNT, PromptsDone): CardFlow._prompted,
    (Step.AMOUNT, Digit): CardFlow._digit,
    (Step.AMOUNT, TimerFired): CardFlow._timer,
    (Step.AGENT_RECHARGE_CHECK, Recharged): CardFlow._agent_recharged,
    (Step.DESTINATION, PromptsDone): CardFlow._prompted,
    (Step.DESTINATION, Digit): CardFlow._digit,
    (Step.DESTINATION, TimerFired): CardFlow._timer,
    (Step.DESTINATION_CHECK, Authorised): CardFlow._destination_checked,
    (Step.ANNOUNCE, PromptsDone): CardFlow._announced,
    (Step.ANNOUNCE, Digit): CardFlow._announced,  # a key skips the announcement
    (Step.CLOSING, PromptsDone): CardFlow._closed,
}
