"""`carrier-switch bench routing` at a small size: one JSON line with the figures."""

from __future__ import annotations

import json

import pytest

from switch_service.bench.routing import main


def test_bench_prints_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--prefixes", "3000", "--carriers", "5", "--numbers", "500", "--seed", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert {"route_p50_us", "route_p99_us", "routes_per_s", "rss_mb"} <= set(figures)
    assert figures["prefixes"] == 3000 and figures["carriers"] == 5 and figures["numbers"] == 500
    assert 0 < figures["route_p50_us"] <= figures["route_p99_us"]
