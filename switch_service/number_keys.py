"""How a number key (E.164 digits without '+', phone_numbers.py) is handed to another door: with its '+', which every
door reads back as the same key. Apart from phone_numbers so that an IVR media worker, which hands keys back to the
switch, does not import phonenumbers' metadata for it (bench ivr: 16 workers)."""

from __future__ import annotations


def with_plus(key: str) -> str:
    """'+' and the E.164 digits of a key; anything that is no key (a SIP user name, "anonymous") as it is."""
    return "+" + key if key.isascii() and key.isdigit() else key
