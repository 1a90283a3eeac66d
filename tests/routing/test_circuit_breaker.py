"""The circuit breaker state machine, driven by an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from switch_service.routing.circuit_breaker import BreakerState, CircuitBreaker

START = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def breaker(clock: Clock) -> CircuitBreaker:
    return CircuitBreaker(threshold=3, window=timedelta(seconds=60), down_for=timedelta(seconds=300), clock=clock)


def test_opens_after_n_failures_within_the_window(clock: Clock) -> None:
    cb = breaker(clock)
    assert not cb.record_failure(1)
    clock.advance(10)
    assert not cb.record_failure(1)
    clock.advance(10)
    assert cb.record_failure(1)
    assert cb.state(1) is BreakerState.DOWN and cb.is_down(1)
    assert cb.down_until(1) == START + timedelta(seconds=320)
    assert cb.down_carriers() == frozenset({1})
    assert cb.state(2) is BreakerState.UP


def test_failures_outside_the_window_do_not_count(clock: Clock) -> None:
    cb = breaker(clock)
    cb.record_failure(1)
    cb.record_failure(1)
    clock.advance(61)
    assert not cb.record_failure(1)
    assert cb.state(1) is BreakerState.UP


def test_a_success_clears_the_failures(clock: Clock) -> None:
    cb = breaker(clock)
    cb.record_failure(1)
    cb.record_failure(1)
    cb.record_success(1)
    assert not cb.record_failure(1)
    assert not cb.record_failure(1)
    assert cb.record_failure(1)


def test_stays_down_and_ignores_options_during_the_down_time(clock: Clock) -> None:
    cb = breaker(clock)
    for _ in range(3):
        cb.record_failure(1)
    clock.advance(100)
    assert not cb.options_up(1)
    cb.record_success(1)
    assert cb.state(1) is BreakerState.DOWN
    clock.advance(199)
    assert cb.state(1) is BreakerState.DOWN


def test_comes_back_on_options_after_the_down_time(clock: Clock) -> None:
    cb = breaker(clock)
    for _ in range(3):
        cb.record_failure(1)
    clock.advance(300)
    assert cb.state(1) is BreakerState.PROBING and cb.is_down(1)  # still not routable without OPTIONS
    assert cb.options_up(1)
    assert cb.state(1) is BreakerState.UP and cb.down_until(1) is None and cb.down_carriers() == frozenset()
    assert not cb.record_failure(1)  # starts counting afresh


def test_a_failure_while_probing_reopens(clock: Clock) -> None:
    cb = breaker(clock)
    for _ in range(3):
        cb.record_failure(1)
    clock.advance(301)
    assert cb.record_failure(1)
    assert cb.state(1) is BreakerState.DOWN and cb.down_until(1) == clock.now + timedelta(seconds=300)


def test_restore_from_the_store(clock: Clock) -> None:
    cb = breaker(clock)
    cb.restore(7, START + timedelta(seconds=30))
    assert cb.is_down(7)
    clock.advance(30)
    assert cb.options_up(7) and not cb.is_down(7)


def test_bad_settings() -> None:
    with pytest.raises(ValueError):
        CircuitBreaker(threshold=0)
