"""The CLDR tables a worker speaks from (switch_service/media/cldr.py) are babel's: when babel is upgraded or a
grammar is added, this fails until `resources/prompts/cldr_tables.py` is run again."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from babel import Locale
from babel.numbers import get_currency_precision

from switch_service.media import cldr, speech

SCRIPT = Path(__file__).resolve().parents[2] / "resources" / "prompts" / "cldr_tables.py"


def _tables() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cldr_tables", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_written_file_is_what_babel_gives_now() -> None:
    tables = _tables()
    assert tables.TARGET.read_text() == tables.render(), "run resources/prompts/cldr_tables.py"


def test_every_grammar_counts_as_babel_does() -> None:
    for language, grammar in speech.GRAMMARS.items():
        locale = Locale.parse(grammar.plural or language)
        for n in [*range(0, 250), 1000, 1001, 10**6, 2 * 10**6]:
            assert speech.plural_category(language, n) == locale.plural_form(n), (language, n)


def test_minor_units_are_babels() -> None:
    for currency in ("USD", "EUR", "GBP", "JPY", "KRW", "KWD", "BHD", "CLF", "XOF", "INR"):
        assert cldr.MINOR_DIGITS.get(currency, cldr.MINOR_DIGITS_DEFAULT) == get_currency_precision(currency), currency
