"""The body of an id-list answer (`{"ids": [1, 2, ...]}`, `switch_service.api.schemas.ids.IdList`) as an
`array('q')`, decoded in slices.

`json.loads` of a million ids holds the GIL for its whole run (~100 ms here), and the GUI thread waits that long
for it even though the decoding runs in a worker. Decoded a slice of ~64 KB at a time, the worker lets the GUI
thread in between slices (the interpreter switches threads every few milliseconds), and the GUI gets one compact
array (8 bytes an id) instead of a million Python ints.
"""

from __future__ import annotations

import json
from array import array

SLICE_BYTES = 64 * 1024


def decode_id_list(body: bytes) -> array[int]:
    """The ids of an IdList answer, in order. ValueError if the body is not one."""
    start, end = body.find(b"["), body.rfind(b"]")
    if start < 0 or end < start:
        raise ValueError("not an id list: no [ ... ]")
    try:
        envelope = json.loads(body[:start + 1] + body[end:])
    except ValueError:
        envelope = None
    if envelope != {"ids": []}:
        raise ValueError('not an id list: expected {"ids": [...]}')
    ids = array("q")
    inner = body[start + 1:end]
    if not inner.strip():
        return ids
    position = 0
    while position < len(inner):
        cut = inner.find(b",", position + SLICE_BYTES)
        cut = len(inner) if cut < 0 else cut
        try:
            ids.extend(json.loads(b"[" + inner[position:cut] + b"]"))
        except (ValueError, TypeError, OverflowError):
            raise ValueError(f"not an id list: a non-integer near byte {start + 1 + position}") from None
        position = cut + 1
    return ids
