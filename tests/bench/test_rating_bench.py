"""The rating benchmark runs end to end on a small deck and prints one JSON line with the agreed keys."""

from __future__ import annotations

import json

import pytest

from switch_service.bench.rating import main, run_rating_bench

KEYS = {"lookup_p50_us", "lookup_p99_us", "sql_lookup_p50_us", "speedup", "rated_per_s", "index_build_s", "rss_mb"}


def test_small_run_reports_every_figure() -> None:
    figures = run_rating_bench(prefixes=2_000, calls=2_000, seed=3)
    assert set(figures) == KEYS
    # 2 000 prefixes may index in under half a millisecond, which rounds to 0.0
    assert all(value > 0 for key, value in figures.items() if key != "index_build_s")
    assert figures["index_build_s"] >= 0


def test_main_prints_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--prefixes", "1000", "--calls", "1000", "--seed", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert set(json.loads(lines[0])) == KEYS
