"""The installation's id: made once in the data folder, the same for everyone who asks, even at the same time."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from switch_service.config.identity import FILE_NAME, instance_id


def test_the_id_is_made_once_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "not yet made"
    first = instance_id(folder)
    assert len(first) == 32 and (folder / FILE_NAME).read_text(encoding="ascii") == first + "\n"
    assert instance_id(folder) == first
    assert instance_id(tmp_path / "another installation") != first
    assert sorted(path.name for path in folder.iterdir()) == [FILE_NAME]  # no draft left behind


def test_first_starts_at_the_same_time_agree(tmp_path: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        ids = pool.map(instance_id, [tmp_path] * 16)
    assert len(set(ids)) == 1
    assert ids[0] == instance_id(tmp_path)
