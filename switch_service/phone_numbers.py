"""Phone numbers: the one rule that turns what a person, a carrier or a gateway sends into E.164 digits, and back
into a carrier's national form.

Every door calls these (the API when it stores a number, the switch on a request-URI or caller, RADIUS on
User-Name / Calling- and Called-Station-Id, routing's explain, the snapshots on stored rows), so a number stored
through one door is the key another door looks up. Keys are E.164 digits without '+'.

The rule, with `region` the country a national form is read in (`reading_region`: the country of the door's own
objects — the DID called, the trunk sending, the caller's account — else the `default_region` setting):

1. Spaces, tabs and `-`, `.`, `(`, `)`, `/` are ignored.
2. A leading `+` or `00` is international (00 is the international prefix almost everywhere and no national
   number starts with it); so is the region's own international prefix (`011` in the US), as phonenumbers reads it.
3. Bare digits are read first as dialled in `region` (a national number, with or without its trunk prefix, or
   already led by the region's country code), then as international digits without the `+`. The first reading
   that is a *valid* number wins; when neither is valid (a range allocated after this phonenumbers release), the
   first reading whose length is possible for its country. So with region US "3055550101" is 13055550101 and
   "442071234567" (not a US number) is 442071234567, at every door.
4. A number that is only possible as a local number (7 US digits, no area code) is not a number: its E.164 form
   cannot be known.

A number is read by the rule once, where it enters. From then on it is a key and is never read again as dialled:
bare E.164 digits of a foreign number can be a valid national number too (+47 55 12 34 56 is kept as 4755123456,
which read in the US is 1 475 512 3456). So rows in the store are taken as the keys they are (`stored_number`), and
the switch sends its keys to RADIUS with a '+' (`number_keys.with_plus`), which the server's door reads back unchanged.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, ValidationResult

_SEPARATORS = str.maketrans("", "", " \t-.()/")


def _reading(text: str, region: str | None) -> PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except NumberParseException:
        return None


def _possible(number: PhoneNumber) -> bool:
    return phonenumbers.is_possible_number_with_reason(number) == ValidationResult.IS_POSSIBLE


@lru_cache(maxsize=1 << 16)
def _e164(text: str, region: str) -> str | None:
    """The rule of the module docstring on separator-free text; None when it is no phone number. Cached: RADIUS and
    the switch see the same few thousand numbers over and over, and a parse costs tens of microseconds."""
    if text.startswith("00"):
        text = "+" + text[2:]
    international = text.startswith("+")
    readings = [_reading(text, None)] if international else [_reading(text, region), _reading("+" + text, None)]
    found = [number for number in readings if number is not None]
    chosen = next((n for n in found if phonenumbers.is_valid_number(n)), None) or next(
        (n for n in found if _possible(n)), None)
    return phonenumbers.format_number(chosen, PhoneNumberFormat.E164)[1:] if chosen is not None else None


def reading_region(default: str, *countries: str | None) -> str:
    """The country a national form is read in: the first of `countries` that is set (the caller names them in the
    order that decides: the DID, the trunk, the account), else `default`, the `default_region` setting."""
    return next((country for country in countries if country), default)


def country_code(raw: str) -> str:
    """An ISO 3166 two-letter country phonenumbers knows the numbering of, upper-case; ValueError naming it
    otherwise."""
    code = raw.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"not a country code: {raw!r} (ISO 3166, such as US, GB, DE)")
    return code


def e164_digits(raw: str, region: str) -> str:
    """E.164 digits (no '+') of `raw` read in `region`, or ValueError naming the number (for input that must be a
    phone number: the API, the command line)."""
    found = _e164(raw.strip().translate(_SEPARATORS), region)
    if found is None:
        raise ValueError(f"not a phone number: {raw!r} (give it with + and the country code, or as dialled in "
                         f"{region})")
    return found


def normalise_number(raw: str | None, region: str) -> str:
    """The lookup key of a number as a caller, carrier or gateway sends it: its E.164 digits by the same rule, or,
    when it is no phone number (a short code, a test number), its digits as sent; "" when it has none or is no
    dial string at all (a SIP user name)."""
    text = (raw or "").strip().translate(_SEPARATORS)
    found = _e164(text, region) if text else None
    if found is not None:
        return found
    digits = text.removeprefix("+")
    return digits if digits.isascii() and digits.isdigit() else ""


def stored_number(stored: str | None) -> str:
    """The key of a number read back from the store, which holds keys (the API writes them through
    `e164_digits`): its digits as they are, a '+' or spaces written into a row by hand ignored."""
    return "".join(ch for ch in stored or "" if ch.isascii() and ch.isdigit())


def national_number(e164: str) -> str:
    """The national dialling form of E.164 digits, digits only ("442079460000" -> "02079460000",
    "12025550105" -> "2025550105"), for carriers that take it; ValueError when the digits are no number."""
    number = _reading("+" + e164, None)
    if number is None:
        raise ValueError(f"not an E.164 number: {e164!r}")
    formatted = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return "".join(ch for ch in formatted if ch.isdigit())
