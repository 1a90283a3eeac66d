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
    CardRecharge,
    Digit,
    FlowConfig,
    HandOff,
    HangUp,
    Play,
    PromptsDone,
    Recharge,
    Recharged,
    RegisterAni,
    Registered,
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
    assert actions == [Play(("welcome", "you_have", "12.50", "USD", "recharge_offer", "enter_destination"), "es")]
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", "12345")
    assert played(f.handle(Authorised(OK, 35 * 60 + 10))) == ("you_have", "35", "minutes")
    assert f.handle(PromptsDone()) == [HandOff("4930123", "12345")]
    assert f.outcome == "handed_off"


def test_a_recognised_ani_skips_the_pin() -> None:
    f = flow()
    f.handle(Answered())
    assert played(f.handle(Authenticated(OK, Decimal("3"), "EUR", None))) == (
        "welcome", "you_have", "3", "EUR", "recharge_offer", "enter_destination")
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


def test_a_caller_locked_by_earlier_calls_hears_why_and_enters_no_pin() -> None:
    f = flow()
    f.handle(Answered())
    assert played(f.handle(Authenticated(ReturnCode.RETRIES_EXCEEDED))) == ("welcome", "locked_out", "goodbye")
    assert dial(f, "1234#") == []
    assert f.handle(PromptsDone()) == [HangUp("retries_exceeded")]


def test_the_minutes_told_are_the_aaa_servers_announced_time() -> None:
    f = flow()
    f.handle(Answered())
    f.handle(Authenticated(OK, Decimal("5"), "USD", None))
    f.handle(PromptsDone())
    dial(f, "4930123#")
    assert played(f.handle(Authorised(OK, 83 * 60, announce_seconds=49 * 60 + 59))) == ("you_have", "49", "minutes")


def test_a_speed_dial_code_is_handed_off_as_the_number_it_stands_for() -> None:
    f = flow()
    f.handle(Answered())
    f.handle(Authenticated(OK, Decimal("5"), "USD", None))
    f.handle(PromptsDone())
    assert dial(f, "8#")[-1] == Authorise("8", None)
    assert played(f.handle(Authorised(ReturnCode.INVALID_ARGUMENT))) == ("speed_dial_unknown", "enter_destination")
    f.handle(PromptsDone())
    dial(f, "7#")
    f.handle(Authorised(OK, 30, redirect="+4930123"))
    assert f.outcome == "handed_off" and f.destination == "+4930123"
    f2 = flow()
    f2.handle(Answered())
    f2.handle(Authenticated(OK, Decimal("5"), "USD", None))
    dial(f2, "4930123#")  # a number: its own prompts
    assert played(f2.handle(Authorised(ReturnCode.INVALID_ARGUMENT))) == ("destination_unknown", "enter_destination")


def pin_accepted(f: CardFlow, *, registrable: bool) -> list[Action]:
    unknown_caller(f)
    dial(f, "12345#")
    return f.handle(Authenticated(OK, Decimal("5"), "USD", None, registrable))


def test_after_a_pin_the_caller_may_register_the_phone() -> None:
    f = flow()
    assert played(pin_accepted(f, registrable=True)) == ("welcome", "you_have", "5", "USD", "register_ani_offer")
    f.handle(PromptsDone())
    assert f.handle(Digit("1")) == [RegisterAni("12345")]
    assert played(f.handle(Registered(OK))) == ("registered", "enter_destination")
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", "12345")


def test_the_registration_offer_is_declined_ignored_or_dialled_through() -> None:
    declined = flow()
    pin_accepted(declined, registrable=True)
    assert played(declined.handle(Digit("2"))) == ("enter_destination",)
    silent = flow()
    pin_accepted(silent, registrable=True)
    silent.handle(PromptsDone())
    assert played(silent.handle(TimerFired())) == ("enter_destination",)
    dialler = flow()
    pin_accepted(dialler, registrable=True)
    assert dialler.handle(Digit("4")) == [StopPlaying(), StartTimer(4.0)]  # the destination's first digit
    assert dial(dialler, "930123#")[-1] == Authorise("4930123", "12345")
    refused = flow()
    pin_accepted(refused, registrable=True)
    refused.handle(Digit("1"))
    assert played(refused.handle(Registered(ReturnCode.IN_USE))) == ("enter_destination",)
    assert played(pin_accepted(flow(), registrable=False))[-1] == "enter_destination"  # nothing offered


def known_caller(f: CardFlow) -> None:
    f.handle(Answered())
    f.handle(Authenticated(OK, Decimal("0"), "USD", None))
    f.handle(PromptsDone())


def test_star_first_recharges_by_voucher_and_the_new_balance_is_said() -> None:
    f = flow()
    known_caller(f)
    assert played(f.handle(Digit("*"))) == ("enter_voucher", "card_recharge_offer")
    assert dial(f, "12345678#")[-1] == Recharge("12345678", None)
    assert "12345678" not in repr(Recharge("12345678", "9999"))  # codes and PINs stay out of logs
    assert played(f.handle(Recharged(OK, Decimal("10"), "USD"))) == (
        "recharged", "you_have", "10", "USD", "enter_destination")
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", None)


def test_a_pin_callers_recharge_carries_the_pin_and_star_barges_in() -> None:
    f = flow()
    unknown_caller(f)
    dial(f, "12345#")
    f.handle(Authenticated(OK, Decimal("1"), "USD", None))
    assert f.handle(Digit("*")) == [StopPlaying(), Play(("enter_voucher", "card_recharge_offer"), "en")]
    assert dial(f, "777777#")[-1] == Recharge("777777", "12345")


def test_a_code_that_cannot_be_used_may_be_keyed_again_then_the_destination_is_asked() -> None:
    f = flow(max_voucher_tries=2)
    known_caller(f)
    f.handle(Digit("*"))
    dial(f, "1111#")
    assert played(f.handle(Recharged(ReturnCode.INVALID_PIN))) == ("invalid_voucher", "enter_voucher")
    f.handle(PromptsDone())
    dial(f, "2222#")
    assert played(f.handle(Recharged(ReturnCode.INVALID_PIN))) == ("invalid_voucher", "enter_destination")
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", None)


def test_a_caller_locked_out_by_wrong_codes_hears_why_and_the_call_ends() -> None:
    f = flow()
    known_caller(f)
    f.handle(Digit("*"))
    dial(f, "1111#")
    assert played(f.handle(Recharged(ReturnCode.RETRIES_EXCEEDED))) == ("invalid_voucher", "locked_out", "goodbye")
    assert f.handle(PromptsDone()) == [HangUp("locked_out")]


def test_star_twice_moves_another_cards_balance_and_the_new_balance_is_said() -> None:
    f = flow()
    known_caller(f)
    f.handle(Digit("*"))
    assert played(f.handle(Digit("*"))) == ("enter_card_pin",)  # a choice, not the code's length
    assert dial(f, "5550001111#")[-1] == CardRecharge("5550001111", None)
    assert "5550001111" not in repr(CardRecharge("5550001111", "9999"))
    assert played(f.handle(Recharged(OK, Decimal("17.25"), "USD"))) == (
        "recharged", "you_have", "17.25", "USD", "enter_destination")
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", None)


def test_a_pin_caller_moving_another_card_sends_its_own_pin_too() -> None:
    f = flow()
    unknown_caller(f)
    dial(f, "12345#")
    f.handle(Authenticated(OK, Decimal("1"), "USD", None))
    dial(f, "**")
    assert dial(f, "5550001111#")[-1] == CardRecharge("5550001111", "12345")


def test_a_card_pin_that_cannot_give_is_said_keyed_again_then_the_destination_or_the_lockout() -> None:
    f = flow(max_voucher_tries=2)
    known_caller(f)
    dial(f, "**1111#")
    assert f.step.value == "card_check"
    assert played(f.handle(Recharged(ReturnCode.INVALID_PIN))) == ("invalid_card_pin", "enter_card_pin")
    f.handle(PromptsDone())
    assert dial(f, "2222#")[-1] == CardRecharge("2222", None)
    assert played(f.handle(Recharged(ReturnCode.INVALID_PIN))) == ("invalid_card_pin", "enter_destination")
    locked = flow()
    known_caller(locked)
    dial(locked, "**1111#")
    assert played(locked.handle(Recharged(ReturnCode.RETRIES_EXCEEDED))) == (
        "invalid_card_pin", "locked_out", "goodbye")
    assert locked.handle(PromptsDone()) == [HangUp("locked_out")]


def test_an_empty_or_silent_card_pin_entry_goes_back_or_asks_again() -> None:
    empty = flow()
    known_caller(empty)
    dial(empty, "**")
    assert played(empty.handle(Digit("#"))) == ("enter_destination",)
    silent = flow()
    known_caller(silent)
    dial(silent, "**")
    silent.handle(PromptsDone())
    assert played(silent.handle(TimerFired())) == ("try_again", "enter_card_pin")


def test_an_empty_or_silent_voucher_entry_goes_back_or_asks_again() -> None:
    empty = flow()
    known_caller(empty)
    empty.handle(Digit("*"))
    assert played(empty.handle(Digit("#"))) == ("enter_destination",)
    silent = flow()
    known_caller(silent)
    silent.handle(Digit("*"))
    silent.handle(PromptsDone())
    assert played(silent.handle(TimerFired())) == ("try_again", "enter_voucher")
    later = flow()  # a * after digits starts the destination again, as before
    known_caller(later)
    dial(later, "49*")
    assert dial(later, "4930123#")[-1] == Authorise("4930123", None)


def test_a_caller_back_from_a_call_is_authenticated_by_the_pin_and_hears_the_balance_left() -> None:
    f = CardFlow(FlowConfig(), money, minutes, returning=True, pin="12345")
    assert f.handle(Answered()) == [Authenticate("12345")]
    assert played(f.handle(Authenticated(OK, Decimal("4.99"), "USD", None, registrable=True))) == (
        "you_have", "4.99", "USD", "enter_destination")  # no welcome, no offers
    f.handle(PromptsDone())
    assert dial(f, "4930123#")[-1] == Authorise("4930123", "12345")


def test_a_caller_back_from_a_call_known_by_its_ani_hears_the_balance_left() -> None:
    f = CardFlow(FlowConfig(), money, minutes, returning=True)
    assert f.handle(Answered()) == [Authenticate(None)]
    assert played(f.handle(Authenticated(OK, Decimal("2"), "EUR", None))) == ("you_have", "2", "EUR",
                                                                               "enter_destination")


# -- the access number's language menu ------------------------------------------------------------------------------

MENU = ("en", "es", "fr")


def menu_played(f: CardFlow, actions: list[Action], *, welcome: bool) -> None:
    """The menu: (the welcome, in the first language) then each language's line in that language."""
    play = next(a for a in actions if isinstance(a, Play))
    lines = [("language_menu", code) for code in MENU]
    expected = [*([("welcome", "en")] if welcome else []),
                *[pair for digit, (name, code) in enumerate(lines, 1) for pair in ((name, code), (f"n_{digit}", code))]]
    assert play.spoken() == expected
    assert f.handle(PromptsDone()) == [StartTimer(10.0)]


def test_the_callers_choice_in_the_language_menu_is_the_language_of_the_rest_of_the_call() -> None:
    f = flow(languages=MENU)
    menu_played(f, f.handle(Answered()), welcome=True)
    assert f.handle(Digit("2")) == [Authenticate(None)]
    actions = f.handle(Authenticated(ReturnCode.INVALID_ACCOUNT))
    assert actions == [Play(("enter_pin",), "es")]  # the welcome played before the menu: not again
    f.handle(PromptsDone())
    dial(f, "12345")
    assert f.handle(Digit("#")) == [Authenticate("12345")]
    # the account's language (fr) does not override the caller's choice, nor does it change the money's language
    assert f.handle(Authenticated(OK, Decimal("2"), "USD", "fr")) == [
        Play(("you_have", "2", "USD", "recharge_offer", "enter_destination"), "es")]
    f.handle(PromptsDone())
    dial(f, "4930123")
    f.handle(Digit("#"))
    assert f.handle(Authorised(OK, 600)) == [Play(("you_have", "10", "minutes"), "es")]
    assert f.handle(PromptsDone()) == [HandOff("4930123", "12345", "es")]


def test_a_digit_during_the_menu_stops_it_and_chooses() -> None:
    f = flow(languages=MENU)
    f.handle(Answered())
    assert f.handle(Digit("3")) == [StopPlaying(), Authenticate(None)]
    assert f.language == "fr"


def test_an_invalid_key_or_silence_plays_the_menu_once_more_then_the_first_language_goes_on() -> None:
    for miss in (Digit("7"), Digit("#"), TimerFired()):
        f = flow(languages=MENU, language="de")
        menu_played(f, f.handle(Answered()), welcome=True)
        menu_played(f, f.handle(miss), welcome=False)
        assert f.handle(TimerFired()) == [Authenticate(None)]
        assert played(f.handle(Authenticated(ReturnCode.INVALID_ACCOUNT))) == ("enter_pin",)
        assert f.language == "en", miss


def test_a_valid_key_after_the_replay_still_chooses() -> None:
    f = flow(languages=MENU)
    f.handle(Answered())
    f.handle(Digit("0"))
    f.handle(PromptsDone())
    assert f.handle(Digit("2")) == [Authenticate(None)]
    assert f.language == "es"


def test_without_a_menu_nothing_changes_and_one_language_is_the_calls_without_a_menu() -> None:
    f = flow()
    unknown_caller(f)
    assert f.handle(Answered()) == []
    one = flow(languages=("es",))
    assert one.handle(Answered()) == [Authenticate(None)]
    assert one.handle(Authenticated(OK, Decimal("1"), "USD", "en")) == [
        Play(("welcome", "you_have", "1", "USD", "recharge_offer", "enter_destination"), "es")]


def test_a_caller_back_from_a_call_keeps_its_language_without_the_menu() -> None:
    f = CardFlow(FlowConfig(languages=MENU), money, minutes, returning=True, pin="12345", chosen_language="fr")
    assert f.handle(Answered()) == [Authenticate("12345")]
    assert f.handle(Authenticated(OK, Decimal("1"), "USD", "en")) == [
        Play(("you_have", "1", "USD", "enter_destination"), "fr")]
