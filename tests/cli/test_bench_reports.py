"""`carrier-switch bench reports` on SQLite with a few CDRs: one JSON line of sane figures; a second run on the
same database is refused (it needs a scratch one)."""

from __future__ import annotations

import json
from pathlib import Path

from cli_harness import run_cli


def test_bench_reports_prints_its_figures(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    done = run_cli("bench", "reports", "--cdrs", "2000", "--db", url)
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.strip().splitlines()
    figures = json.loads(line)
    assert set(figures) == {"backend", "rows", "load_s", "rows_per_s", "asr_acd_report_s", "asr_acd_report_first_s",
                            "cdr_page_ms", "cdr_page_max_ms", "month_rows", "report_carriers", "report_attempts",
                            "report_answered"}
    assert (figures["backend"], figures["rows"]) == ("sqlite", 2000)
    assert 120 <= figures["month_rows"] <= 220  # the last month of an even year
    assert figures["report_carriers"] == 20
    attempts = figures["report_attempts"]
    assert 0.4 * figures["month_rows"] < attempts < 0.6 * figures["month_rows"]  # ~1.15 attempts per call row
    assert 0.4 < figures["report_answered"] / attempts < 0.7
    for name in ("load_s", "asr_acd_report_s", "cdr_page_ms"):
        assert 0 < figures[name] < 60_000

    refused = run_cli("bench", "reports", "--cdrs", "10", "--db", url)
    assert refused.returncode == 2 and "scratch --db" in refused.stderr
