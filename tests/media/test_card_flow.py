"""The calling-card flow, event by event (no pjsua2, RADIUS or clock)."""

from __future__ import annotations

from decimal import Decimal

from switch_service.aaa.cisco import ReturnCode
from switch_service.media.card_flow import (
    Action,
    Answered,
    Authenticate,
    Authenticated,
    Authorise,
    Authorised,
    CardFlow,
    Digit,
    FlowConfig,
    HandOff,
    HangUp,
    Play,
    PromptsDone,
    StartTimer,
    StopPlaying,
    TimerFired,
)

OK = ReturnCode.OK


def money(language: str, amount: Decimal, currency: str) -> list[str]:
    return ["you_have", f"{amount}", currency]


def minutes(language: str, n: int) -> list[str]:
    return ["you_have", str(n), "minutes"]


def flow(**config: object) -> CardFlow:
    return CardFlow(FlowConfig(**config), money, minutes)  # type: ignore[arg-type]


def dial(f: CardFlow, digits: str) -> list[Action]:
    actions: list[Action] = []
    for d in digits:
        actions += f.handle(Digit(d))
    return actions


def played(actions: list[Action]) -> tuple[str, ...]:
    return next(a.names for a in actions if isinstance(a, Play))


def unknown_caller(f: CardFlow) -> None:
    assert f.handle(Answered()) == [Authenticate(None)]
    assert played(f.handle(Authenticated(ReturnCode.INVALID_ACCOUNT))) == ("welcome", "enter_pin")
    assert f.handle(PromptsDone()) == [StartTimer(10.0)]


def test_an_unknown_caller_enters_a_pin_then_a_destination_and_is_handed_off() -> None:
    f = flow()
    unknown_caller(f)
    assert dial(f, "1234")[-1] == StartTimer(4.0)
    assert dial(f, "5#") == [StartTimer(4.0), Authenticate("12345")]
    actions = f.handle(Authenticated(OK, Decimal("12.50"), "USD", "es"))
    assert actions == [Play(("welcome", "you_have", "12.50", "USD", "enter_destination"), "es")]
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", "12345")
    assert played(f.handle(Authorised(OK, 35 * 60 + 10))) == ("you_have", "35", "minutes")
    assert f.handle(PromptsDone()) == [HandOff("4930123", "12345")]
    assert f.outcome == "handed_off"


def test_a_recognised_ani_skips_the_pin() -> None:
    f = flow()
    f.handle(Answered())
    assert played(f.handle(Authenticated(OK, Decimal("3"), "EUR", None))) == (
        "welcome", "you_have", "3", "EUR", "enter_destination")
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", None)
    f.handle(Authorised(OK, 30))  # under a minute: nothing to announce
    assert f.outcome == "handed_off"


def test_the_inter_digit_timeout_ends_an_entry() -> None:
    f = flow()
    f.handle(Answered())
    f.handle(Authenticated(OK, Decimal("3"), "EUR", None))
    f.handle(PromptsDone())
    dial(f, "4930")
    assert f.handle(TimerFired()) == [Authorise("4930", None)]


def test_a_digit_stops_the_prompt_and_counts() -> None:
    f = flow()
    unknown_caller(f)
    f.handle(Authenticated(ReturnCode.INVALID_ACCOUNT))  # ignored: not waiting for it
    f2 = flow()
    f2.handle(Answered())
    f2.handle(Authenticated(ReturnCode.INVALID_ACCOUNT))
    assert f2.handle(Digit("1")) == [StopPlaying(), StartTimer(4.0)]
    assert f2.handle(PromptsDone()) == []  # the stopped player's end changes nothing
    assert dial(f2, "234#")[-1] == Authenticate("1234")


def test_wrong_pins_lock_the_caller_out_after_the_tries() -> None:
    f = flow(max_pin_tries=3)
    unknown_caller(f)
    for attempt in range(2):
        dial(f, "9999#")
        assert played(f.handle(Authenticated(ReturnCode.INVALID_PIN))) == ("invalid_pin", "enter_pin"), attempt
        f.handle(PromptsDone())
    dial(f, "9999#")
    assert played(f.handle(Authenticated(ReturnCode.INVALID_PIN))) == ("invalid_pin", "locked_out", "goodbye")
    assert dial(f, "1234#") == []  # nothing more is read
    assert f.handle(PromptsDone()) == [HangUp("locked_out")]


def test_a_too_short_pin_is_a_wrong_one_without_asking_the_server() -> None:
    f = flow(min_pin_digits=4)
    unknown_caller(f)
    assert played(dial(f, "12#")) == ("invalid_pin", "enter_pin")


def test_a_blocked_destination_is_announced_and_may_be_dialled_again() -> None:
    f = flow(max_destination_tries=2)
    f.handle(Answered())
    f.handle(Authenticated(OK, Decimal("1"), "USD", None))
    f.handle(PromptsDone())
    dial(f, "1900#")
    assert played(f.handle(Authorised(ReturnCode.BLOCKED_NUMBER))) == ("destination_blocked", "enter_destination")
    f.handle(PromptsDone())
    dial(f, "1901#")
    assert played(f.handle(Authorised(ReturnCode.INSUFFICIENT_BALANCE))) == ("insufficient_balance", "goodbye")
    assert f.handle(PromptsDone()) == [HangUp("destination_insufficient_balance")]


def test_silence_repeats_the_question_then_ends() -> None:
    f = flow(max_silences=1)
    unknown_caller(f)
    assert played(f.handle(TimerFired())) == ("try_again", "enter_pin")
    f.handle(PromptsDone())
    assert played(f.handle(TimerFired())) == ("goodbye",)
    assert f.handle(PromptsDone()) == [HangUp("no_input")]


def test_the_aaa_server_away_ends_the_call_politely() -> None:
    f = flow()
    f.handle(Answered())
    assert played(f.handle(Authenticated(ReturnCode.UNAVAILABLE))) == ("try_again", "goodbye")


def test_the_pin_is_in_no_actions_text() -> None:
    f = flow()
    unknown_caller(f)
    actions = dial(f, "80417#")
    assert "80417" not in repr(actions) and "80417" not in repr(HandOff("1", "80417"))
