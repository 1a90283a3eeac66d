"""A node's name: what its live calls, money held and crash recovery are labelled with (pure)."""

from __future__ import annotations

import re

from switch_service.errors import UserError

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def checked_node_name(name: str) -> str:
    """The name when it is one (1-64 letters, digits, '.', '-', '_', starting with a letter or digit), else a
    UserError naming it: it is stored with each call and written into SIP Call-IDs."""
    if not _NAME.fullmatch(name):
        raise UserError(f"node name {name!r} is not valid: 1-64 letters, digits, '.', '-' or '_', starting with a "
                        "letter or digit (set node_name, or serve --node NAME)")
    return name
