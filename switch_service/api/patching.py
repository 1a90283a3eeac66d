"""Applying a PATCH body to a row, and what the audit log keeps of it (each changed field, before and after)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def apply_patch(row: object, values: Mapping[str, Any]) -> dict[str, Any]:
    """Set the given column values on `row`; return `{field: {"from": old, "to": new}}` for those that changed."""
    changed: dict[str, Any] = {}
    for name, value in values.items():
        old = getattr(row, name)
        if old != value:
            changed[name] = {"from": old, "to": value}
            setattr(row, name, value)
    return changed
