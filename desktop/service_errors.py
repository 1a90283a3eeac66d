"""What the service refused, said in the user's language and in the desktop's own terms.

The service answers every 4xx with a machine-readable `code`, the `field` and the `params` of its words (a 422 with
each problem's pydantic `type`, `loc` and `ctx`; `switch_service/api/request_errors.py`). Here each code and each
pydantic type has a translated wording, and each field a translated label, so `amount: Input should be greater
than 0` reads "Amount: must be more than 0" (or "Importe: debe ser mayor que 0"). The same wording serves the
checks the desktop makes itself with the shared schemas. A refusal with no code known here keeps the service's own
words, with its API and command-line terms (`circuit breaker open`, `h323-return-code=9`, `give dial_plan_id`,
`--format`) turned into the desktop's (`plain_words`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.api_client import ApiError, ServiceUnreachableError
from desktop.qt import QCoreApplication

translate = QCoreApplication.translate  # with the context "Errors" written out: lupdate reads literals


@dataclass(frozen=True)
class Problem:
    field: str  # the request's field path ("amount", "gateways.0.port"); "" when it is about no field
    text: str  # in the user's language
    needs_label: bool = True  # False: `text` says what it is about (it is shown at its field all the same)


# --- words ---------------------------------------------------------------------------------------


def field_label(path: str) -> str:
    """'amount' -> 'Amount', 'gateways.0.port' -> 'Gateway 1, port'; a field not listed: its name in words."""
    parts = path.split(".")
    words: list[str] = []
    for index, part in enumerate(parts):
        if part.isdigit():
            words[-1:] = [f"{words[-1]} {int(part) + 1}"] if words else [str(int(part) + 1)]
            continue
        label = _field_labels().get(part) or part.removesuffix("_id").replace("_", " ")
        words.append(label if index or not label else label[0].upper() + label[1:])
    return ", ".join(words)


def _field_labels() -> dict[str, str]:
    return {
        "account_id": translate("Errors", "account"),
        "amount": translate("Errors", "amount"),
        "code": translate("Errors", "code"),
        "company_name": translate("Errors", "company name"),
        "count": translate("Errors", "number of cards"),
        "credit_limit": translate("Errors", "credit limit"),
        "currency": translate("Errors", "currency"),
        "destination": translate("Errors", "destination"),
        "dial_plan_id": translate("Errors", "dial plan"),
        "email": translate("Errors", "e-mail"),
        "face_value": translate("Errors", "face value"),
        "forward_to": translate("Errors", "forward to"),
        "gateways": translate("Errors", "gateway"),
        "host": translate("Errors", "host"),
        "kind": translate("Errors", "kind"),
        "method": translate("Errors", "method"),
        "name": translate("Errors", "name"),
        "note": translate("Errors", "note"),
        "number": translate("Errors", "number"),
        "overdraft": translate("Errors", "overdraft"),
        "parent_id": translate("Errors", "parent reseller"),
        "password": translate("Errors", "password"),
        "pin": translate("Errors", "PIN"),
        "port": translate("Errors", "port"),
        "prefix": translate("Errors", "prefix"),
        "price_per_minute": translate("Errors", "price per minute"),
        "reference": translate("Errors", "reference"),
        "reseller_id": translate("Errors", "reseller"),
        "role": translate("Errors", "role"),
        "serial": translate("Errors", "serial"),
        "slot": translate("Errors", "slot"),
        "source_ip": translate("Errors", "source IP"),
        "tariff_id": translate("Errors", "tariff"),
        "text": translate("Errors", "text"),
        "time_zone": translate("Errors", "time zone"),
        "trunk_id": translate("Errors", "trunk"),
        "username": translate("Errors", "user name"),
        "valid_from": translate("Errors", "valid from"),
        "valid_until": translate("Errors", "valid until"),
    }


def _thing(what: str) -> str:
    """The service's name of a kind of record ('dial plan') in the user's language."""
    return {
        "account": translate("Errors", "account"),
        "account number": translate("Errors", "account number"),
        "ANI": translate("Errors", "caller number"),
        "band schedule": translate("Errors", "band schedule"),
        "call": translate("Errors", "call"),
        "card": translate("Errors", "card"),
        "card batch": translate("Errors", "card batch"),
        "carrier": translate("Errors", "carrier"),
        "DID": translate("Errors", "DID"),
        "dial plan": translate("Errors", "dial plan"),
        "gateway": translate("Errors", "gateway"),
        "job": translate("Errors", "job"),
        "package": translate("Errors", "package"),
        "rate": translate("Errors", "rate"),
        "recurring fee": translate("Errors", "recurring fee"),
        "reseller": translate("Errors", "reseller"),
        "route": translate("Errors", "route"),
        "speed dial": translate("Errors", "speed dial"),
        "tariff": translate("Errors", "tariff"),
        "tax profile": translate("Errors", "tax profile"),
        "trunk": translate("Errors", "trunk"),
        "user": translate("Errors", "user"),
        "voucher": translate("Errors", "voucher"),
    }.get(what, what)


def return_code_name(code: int) -> str:
    """A Cisco h323-return-code (the RADIUS answer that refused a call) in words."""
    return {
        0: translate("Errors", "accepted"),
        1: translate("Errors", "unknown account"),
        2: translate("Errors", "wrong PIN"),
        3: translate("Errors", "account in use"),
        4: translate("Errors", "no balance left"),
        5: translate("Errors", "account expired"),
        6: translate("Errors", "credit limit reached"),
        7: translate("Errors", "refused"),
        8: translate("Errors", "service unavailable"),
        9: translate("Errors", "the number is blocked"),
        10: translate("Errors", "too many tries"),
        11: translate("Errors", "invalid number"),
        12: translate("Errors", "not enough balance"),
        13: translate("Errors", "toll-free number"),
        14: translate("Errors", "invalid card"),
    }.get(code, translate("Errors", "refused (code {code})").format(code=code))


_PLAIN: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"circuit breaker open until (\S+)"),
        lambda m: translate("Errors", "marked down after failed calls, until {time}").format(time=m.group(1)),
    ),
    (re.compile(r"circuit breaker open"), lambda _m: translate("Errors", "marked down after failed calls")),
    (
        re.compile(r"h323-return-code=(\d+)"),
        lambda m: translate("Errors", "refused by billing: {reason}").format(reason=return_code_name(int(m.group(1)))),
    ),
    (
        re.compile(r"give dial_plan_id(?: or account_id \(whose dial plan is used\))?"),
        lambda _m: translate("Errors", "choose a dial plan"),
    ),
    (
        re.compile(r"name (?:it|its layout) with --format \([^)]*\)"),
        lambda _m: translate("Errors", "choose its layout"),
    ),
]


def plain_words(text: str) -> str:
    """The service's API and command-line terms in `text` said the desktop's way; the rest as it is."""
    for pattern, words in _PLAIN:
        text = pattern.sub(words, text)
    return text


# --- pydantic problems (a 422, or the desktop's own check with the shared schemas) --------------


def _problem_texts() -> dict[str, str]:
    number = translate("Errors", "is not a number")
    moment = translate("Errors", "is not a date and time; write it like 2026-01-01 08:00")
    yes_no = translate("Errors", "must be yes or no")
    return {
        "missing": translate("Errors", "is required"),
        "string_too_long": translate("Errors", "may have at most {max_length} characters"),
        "string_pattern_mismatch": translate("Errors", "has characters that do not belong here"),
        "string_type": translate("Errors", "must be text"),
        "greater_than": translate("Errors", "must be more than {gt}"),
        "greater_than_equal": translate("Errors", "must be at least {ge}"),
        "less_than": translate("Errors", "must be less than {lt}"),
        "less_than_equal": translate("Errors", "must be at most {le}"),
        "decimal_max_places": translate("Errors", "may have at most {decimal_places} digits after the point"),
        "decimal_max_digits": translate("Errors", "has too many digits"),
        "decimal_whole_digits": translate("Errors", "has too many digits before the point"),
        "decimal_parsing": number,
        "decimal_type": number,
        "int_parsing": number,
        "int_type": number,
        "float_parsing": number,
        "float_type": number,
        "finite_number": number,
        "int_from_float": translate("Errors", "must be a whole number"),
        "enum": translate("Errors", "must be one of: {expected}"),
        "literal_error": translate("Errors", "must be one of: {expected}"),
        "too_short": translate("Errors", "needs at least {min_length} entries"),
        "too_long": translate("Errors", "may have at most {max_length} entries"),
        "datetime_parsing": moment,
        "datetime_from_date_parsing": moment,
        "datetime_type": moment,
        "date_parsing": moment,
        "date_from_datetime_parsing": moment,
        "timezone_aware": moment,
        "bool_parsing": yes_no,
        "bool_type": yes_no,
        "extra_forbidden": translate("Errors", "is not expected here"),
        "json_invalid": translate("Errors", "is not valid JSON"),
    }


def _problem_text(kind: str, context: Mapping[str, Any], message: str) -> str:
    values = {name: str(value) for name, value in context.items()}
    if kind == "string_too_short":
        if values.get("min_length") == "1":
            return translate("Errors", "is required")
        return translate("Errors", "needs at least {min_length} characters").format(**values)
    if kind == "not_found" and {"what", "key"} <= values.keys():
        return translate("Errors", "{what} {key} does not exist").format(what=_thing(values["what"]), key=values["key"])
    if kind == "no_dial_plan":
        if "account" in values:
            return translate("Errors", "account {account} has no dial plan: choose a dial plan").format(
                account=values["account"]
            )
        return translate("Errors", "choose a dial plan, or an account whose dial plan is used")
    wording = _problem_texts().get(kind)
    if wording is not None:
        try:
            return wording.format(**values)
        except (KeyError, IndexError):  # a translation naming a value this problem lacks
            pass
    return plain_words(message.removeprefix("Value error, "))


def validation_problems(errors: Sequence[Any]) -> list[Problem]:
    """pydantic's error list (a 422's `detail`, or `ValidationError.errors()`) as problems."""
    found = []
    for error in errors:
        if not isinstance(error, Mapping):
            found.append(Problem("", str(error)))
            continue
        field = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))
        found.append(
            Problem(field, _problem_text(str(error.get("type", "")), error.get("ctx") or {}, str(error.get("msg", ""))))
        )
    return found


# --- refusals of the service -------------------------------------------------------------------


def _code_text(error: ApiError) -> str | None:
    params = error.params
    if error.code == "wrong_credentials":
        return translate("Errors", "wrong user name or password")
    if error.code == "not_signed_in":
        return translate("Errors", "your sign-in has ended: sign in again")
    if error.code == "forbidden":
        return translate("Errors", "your role may not do this")
    if error.code == "not_found" and {"what", "key"} <= params.keys():
        return translate("Errors", "{what} {key} does not exist").format(what=_thing(params["what"]), key=params["key"])
    if error.code == "name_taken" and {"what", "name"} <= params.keys():
        return translate("Errors", "a {what} named “{name}” already exists").format(
            what=_thing(params["what"]), name=params["name"]
        )
    if error.code == "number_taken" and "number" in params:
        return translate("Errors", "number {number} is already in use").format(number=params["number"])
    if error.code == "already_set_up":
        return translate("Errors", "this service is already set up: sign in instead")
    if error.code == "last_admin" and "user" in params:
        return translate(
            "Errors", "{user} is the last active administrator: make another user an administrator first"
        ).format(user=params["user"])
    return None


def problems_of(error: Exception) -> list[Problem]:
    """What went wrong, field by field, in the user's words."""
    if isinstance(error, ServiceUnreachableError):
        return [Problem("", translate("Errors", "No Carrierdesk service answers at {url}").format(url=error.url))]
    if isinstance(error, ApiError):
        if error.problems:
            return validation_problems(error.problems)
        return [Problem(error.field or "", _code_text(error) or plain_words(error.message), needs_label=False)]
    return [Problem("", str(error) or type(error).__name__)]


def joined(problems: Sequence[Problem]) -> str:
    """'Amount: must be more than 0; Name: is required' — each field by its label."""
    return "; ".join(f"{field_label(p.field)}: {p.text}" if p.field and p.needs_label else p.text for p in problems)


def error_text(error: Exception) -> str:
    return joined(problems_of(error))


def validation_text(errors: Sequence[Any]) -> str:
    return joined(validation_problems(errors))
