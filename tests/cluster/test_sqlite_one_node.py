"""SQLite holds one switch node: a second `carrier-switch serve --node` on the same SQLite file, while the first runs,
stops at once with one line that says why and what to do; once the first stopped, the second may run."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cluster_rig import CLI, Node

pytestmark = pytest.mark.peers


def test_a_second_node_on_sqlite_is_refused_with_the_reason(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.db'}"
    first, second = Node(tmp_path, "first", url), Node(tmp_path, "second", url)
    first.cli("db", "upgrade")
    try:
        first.start()
        refused = subprocess.run([*CLI, "serve", "--node", "second"], env=second.env, capture_output=True, text=True,
                                 timeout=60, check=False)
        assert refused.returncode == 2
        assert refused.stderr.strip().splitlines()[-1] == (
            "carrier-switch: error: an SQLite database holds one switch node, and node 'first' runs on it (its lease "
            "is live): use PostgreSQL or MariaDB for a cluster, or stop that node first")
        first.stop()
        second.start()  # the first one's lease ended with its clean stop
    finally:
        first.stop()
        second.stop()


def test_a_bad_node_name_is_one_clear_line(tmp_path: Path) -> None:
    node = Node(tmp_path, "n", f"sqlite:///{tmp_path / 'one.db'}")
    node.cli("db", "upgrade")
    refused = subprocess.run([*CLI, "serve", "--node", "a b"], env=node.env, capture_output=True, text=True,
                             timeout=60, check=False)
    assert refused.returncode == 2
    assert "node name 'a b' is not valid" in refused.stderr.strip().splitlines()[-1]
