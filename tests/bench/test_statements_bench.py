"""`carrier-switch bench statements` prints one JSON line: the statement of a month of N synthetic CDRs, its
seconds and the peak RSS of the process that rendered it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.peers  # the benchmark in its own process


def test_bench_statements_prints_its_figures(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "switch_service", "bench", "statements", "--cdrs", "3000",
                             "--db", f"sqlite:///{tmp_path / 'bench.db'}"], capture_output=True, text=True,
                            timeout=300, env=dict(os.environ), check=False)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["cdrs"] == 3000 and figures["period"] == "2025-12"
    assert 0 < figures["calls_billed"] < 3000 and figures["usage_groups"] > 0
    assert figures["statement_s"] > 0 and figures["peak_rss_mib"] > 0 and figures["pdf_bytes"] > 1000
