"""Write switch_service/media/cldr.py: the CLDR data the IVR's speech grammar needs (each language's plural rules,
each currency's minor-unit digits), taken from babel, so an IVR media worker speaks without loading babel's locale
data (4-5 MB in each of up to 16 workers). tests/media/test_cldr.py fails when the file and babel disagree (babel
upgraded, a grammar added): run this again then, from the repository with the project installed:

    .venv/bin/python resources/prompts/cldr_tables.py
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale
from babel.core import get_global

from switch_service.media import speech

TARGET = Path(speech.__file__).with_name("cldr.py")

HEADER = '''"""CLDR data the IVR's speech grammar (speech.py) needs, written from babel {version} by
resources/prompts/cldr_tables.py; do not edit: tests/media/test_cldr.py keeps it equal to babel's. A worker reads
these instead of babel's locale data, which cost each worker 4-5 MB (bench ivr).
"""
# ruff: noqa: E501  (a CLDR rule is one string)

# the plural rules of each grammar's locale (CLDR syntax, as babel.plural.PluralRule takes them)
PLURAL_RULES: dict[str, dict[str, str]] = {plural}

MINOR_DIGITS_DEFAULT = {default}
# the currencies whose minor unit is not {default} digits
MINOR_DIGITS: dict[str, int] = {digits}
'''


def plural_rules() -> dict[str, dict[str, str]]:
    locales = {grammar.plural or language for language, grammar in speech.GRAMMARS.items()}
    return {code: dict(sorted(Locale.parse(code).plural_form.rules.items())) for code in sorted(locales)}


def minor_digits() -> tuple[int, dict[str, int]]:
    fractions = get_global("currency_fractions")
    default = int(fractions["DEFAULT"][0])
    return default, {code: int(value[0]) for code, value in sorted(fractions.items())
                     if code != "DEFAULT" and value[0] != default}


def render() -> str:
    import babel

    default, digits = minor_digits()
    return HEADER.format(version=babel.__version__, default=default,
                         plural=json.dumps(plural_rules(), indent=4, sort_keys=True),
                         digits=json.dumps(digits, indent=4, sort_keys=True))


if __name__ == "__main__":
    TARGET.write_text(render())
    print(f"wrote {TARGET}")
