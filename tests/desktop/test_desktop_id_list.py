"""The id list decoder (desktop.id_list): in slices, in order, and nothing that is not an IdList gets through."""

from __future__ import annotations

import json

import pytest

from desktop import id_list
from desktop.id_list import decode_id_list


def test_ids_across_many_slices_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(id_list, "SLICE_BYTES", 16)  # a slice every few ids
    ids = [5, 3, 900_000_000_001, *range(10, 400)]
    assert decode_id_list(json.dumps({"ids": ids}).encode()).tolist() == ids
    assert decode_id_list(json.dumps({"ids": ids}, separators=(",", ":")).encode()).tolist() == ids
    assert decode_id_list(b'{"ids": []}').tolist() == []


@pytest.mark.parametrize(("body", "problem"), [
    (b'{"items": [1, 2]}', 'expected {"ids": [...]}'),
    (b"[1, 2]", 'expected {"ids": [...]}'),
    (b"<html>busy</html>", "no [ ... ]"),
    (b'{"ids": [1, 2.5]}', "a non-integer near byte 9"),
    (b'{"ids": [1, "2"]}', "a non-integer near byte 9"),
    (b'{"ids": [1,, 2]}', "a non-integer near byte 9"),
])
def test_anything_else_is_refused_naming_the_problem(body: bytes, problem: str) -> None:
    with pytest.raises(ValueError, match=problem.replace("[", r"\[").replace("{", r"\{")):
        decode_id_list(body)
