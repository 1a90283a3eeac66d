"""E.164 normalisation: every number is rated and stored as digits without '+'."""

from __future__ import annotations

import phonenumbers

_STRIP = str.maketrans("", "", " \t-.()/")


def normalise_number(raw: str, default_region: str = "US") -> str:
    """Return the E.164 digits of `raw` (no '+'), or raise ValueError naming the bad number.

    Accepted forms: "+44 20 ...", "0044 20 ..." (00 is an international prefix everywhere it is dialled, and no
    national number starts with it), the default region's own international prefix ("011 44 ..." for "US"), and
    national numbers of the default region. A number must have a possible length for its country; full validity
    is not required, because a tariff must still rate a range allocated after this phonenumbers release.
    """
    text = raw.strip().translate(_STRIP)
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not a phone number: {raw!r} ({exc})") from exc
    if not phonenumbers.is_possible_number(parsed):
        raise ValueError(f"not a possible phone number: {raw!r}")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)[1:]
