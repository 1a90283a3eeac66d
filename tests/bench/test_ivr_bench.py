"""`carrier-switch bench ivr --sessions N` prints one JSON line: N card calls at once through the IVR's media
workers (PIN by SIP INFO, destination by RFC 2833 from sip-tester's pcaps) to a SIPp carrier."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.peers


def test_bench_ivr_prints_its_figures(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "switch_service", "bench", "ivr", "--sessions", "5"],
                            capture_output=True, text=True, timeout=300, env=dict(os.environ, HOME=str(tmp_path)),
                            check=False)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["sessions"], figures["completed"], figures["digits_missed"]) == (5, 5, 0), figures
    assert figures["workers"] == 2  # 4 callers a worker
    assert figures["rss_mb_total"] > figures["pss_mb_total"] > 0  # the workers share pages (the interpreter's)
    assert figures["pin_to_route_ms_p95"] > 0
