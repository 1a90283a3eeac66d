"""A retail store's agent in the calling-card flow, event by event (no pjsua2, RADIUS or clock): * at the PIN prompt,
the agent PIN, then customer after customer (number, amount, the new balance said), and the refusals."""

from __future__ import annotations

from decimal import Decimal

from test_card_flow import OK, dial, flow, played, unknown_caller

from switch_service.aaa.cisco import ReturnCode
from switch_service.media.card_flow import (
    Answered,
    AskAgent,
    Authenticate,
    Authenticated,
    CardFlow,
    Digit,
    HangUp,
    Play,
    PromptsDone,
    Recharged,
    StartTimer,
    StopPlaying,
    TimerFired,
)

PIN = "4455667788"


def agent(f: CardFlow) -> None:
    """An unknown caller keys * at the PIN prompt and a right agent PIN: the customer's number is asked."""
    unknown_caller(f)
    assert f.handle(Digit("*")) == [Play(("enter_agent_pin",), "en")]
    f.handle(PromptsDone())
    assert dial(f, f"{PIN}#")[-1] == AskAgent(PIN)
    assert f.step.value == "agent_check"
    assert played(f.handle(Authenticated(OK, Decimal("50"), "USD"))) == ("enter_customer_number",)
    f.handle(PromptsDone())


def test_an_agent_recharges_customer_after_customer_and_hears_each_new_balance() -> None:
    f = flow()
    agent(f)
    assert dial(f, "2025550143#")[-1] == Play(("enter_amount",), "en")
    f.handle(PromptsDone())
    assert dial(f, "20#")[-1] == AskAgent(PIN, "2025550143", 20)
    assert PIN not in repr(AskAgent(PIN, "2025550143", 20))  # the agent PIN stays out of logs
    # the money grammar's amount, without its "you have" (the test grammar says "you_have <amount> <currency>")
    assert played(f.handle(Recharged(OK, Decimal("32.50"), "USD"))) == (
        "customer_recharged", "32.50", "USD", "enter_customer_number")
    f.handle(PromptsDone())
    dial(f, "2025550177#")
    f.handle(PromptsDone())
    assert dial(f, "5#")[-1] == AskAgent(PIN, "2025550177", 5)  # the next customer, the same PIN
    f.handle(Recharged(OK, Decimal("5"), "USD"))
    f.handle(PromptsDone())
    assert played(dial(f, "#")) == ("goodbye",)  # # alone: done
    assert f.handle(PromptsDone()) == [HangUp("agent_done")]


def test_each_refusal_is_said_and_the_next_customer_asked() -> None:
    for code, prompt in ((ReturnCode.INVALID_ACCOUNT, "customer_unknown"),
                         (ReturnCode.INSUFFICIENT_BALANCE, "agent_cannot_pay"),
                         (ReturnCode.DENIED, "agent_not_allowed"),
                         (ReturnCode.INVALID_ARGUMENT, "try_again")):
        f = flow()
        agent(f)
        dial(f, "2025550199#")
        dial(f, "60#")
        assert played(f.handle(Recharged(code))) == (prompt, "enter_customer_number"), code
        assert f.step.value == "customer"
    locked = flow()
    agent(locked)
    dial(locked, "2025550199#")
    dial(locked, "60#")
    assert played(locked.handle(Recharged(ReturnCode.RETRIES_EXCEEDED))) == ("locked_out", "goodbye")


def test_a_wrong_agent_pin_is_asked_again_and_counts_with_the_card_pins() -> None:
    f = flow(max_pin_tries=3)
    unknown_caller(f)
    dial(f, "12345#")  # a wrong card PIN first
    assert played(f.handle(Authenticated(ReturnCode.INVALID_PIN))) == ("invalid_pin", "enter_pin")
    f.handle(PromptsDone())
    dial(f, "*")
    assert dial(f, "1111#")[-1] == AskAgent("1111")
    assert played(f.handle(Authenticated(ReturnCode.INVALID_PIN))) == ("invalid_pin", "enter_agent_pin")
    f.handle(PromptsDone())
    dial(f, "2222#")
    assert played(f.handle(Authenticated(ReturnCode.INVALID_PIN))) == ("invalid_pin", "locked_out", "goodbye")
    assert f.handle(PromptsDone()) == [HangUp("locked_out")]
    locked = flow()
    unknown_caller(locked)
    dial(locked, f"*{PIN}#")
    assert played(locked.handle(Authenticated(ReturnCode.RETRIES_EXCEEDED))) == ("locked_out", "goodbye")


def test_silence_at_the_customers_number_ends_the_call_and_an_empty_amount_goes_back() -> None:
    f = flow()
    agent(f)
    dial(f, "2025550143#")
    f.handle(PromptsDone())
    assert played(dial(f, "#")) == ("enter_customer_number",)  # no amount: another customer
    f.handle(PromptsDone())
    assert played(f.handle(TimerFired())) == ("goodbye",)
    assert f.handle(PromptsDone()) == [HangUp("agent_done")]


def test_star_is_a_card_pins_reset_once_digits_are_keyed_and_barges_in() -> None:
    f = flow()
    unknown_caller(f)
    dial(f, "12")
    assert f.handle(Digit("*")) == [StartTimer(10.0)]  # the PIN's entry starts again
    assert dial(f, "12345#")[-1] == Authenticate("12345")
    barge = flow()  # * while "welcome, enter your PIN" still plays
    barge.handle(Answered())
    barge.handle(Authenticated(ReturnCode.INVALID_ACCOUNT))
    assert barge.handle(Digit("*")) == [StopPlaying(), Play(("enter_agent_pin",), "en")]
