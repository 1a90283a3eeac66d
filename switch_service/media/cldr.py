"""CLDR data the IVR's speech grammar (speech.py) needs, written from babel 2.18.0 by
resources/prompts/cldr_tables.py; do not edit: tests/media/test_cldr.py keeps it equal to babel's. A worker reads
these instead of babel's locale data, which cost each worker 4-5 MB (bench ivr).
"""
# ruff: noqa: E501  (a CLDR rule is one string)

# the plural rules of each grammar's locale (CLDR syntax, as babel.plural.PluralRule takes them)
PLURAL_RULES: dict[str, dict[str, str]] = {
    "ar": {
        "few": "n mod 100 in 3..10",
        "many": "n mod 100 in 11..99",
        "one": "n in 1",
        "two": "n in 2",
        "zero": "n in 0"
    },
    "bn": {
        "one": "i in 0 or n in 1"
    },
    "cs": {
        "few": "i in 2..4 and v in 0",
        "many": "v not in 0",
        "one": "i in 1 and v in 0"
    },
    "de": {
        "one": "i in 1 and v in 0"
    },
    "el": {
        "one": "n in 1"
    },
    "en": {
        "one": "i in 1 and v in 0"
    },
    "es": {
        "many": "e in 0 and i not in 0 and i mod 1000000 in 0 and v in 0 or e not in 0..5",
        "one": "n in 1"
    },
    "fa": {
        "one": "i in 0 or n in 1"
    },
    "fr": {
        "many": "e in 0 and i not in 0 and i mod 1000000 in 0 and v in 0 or e not in 0..5",
        "one": "i in 0,1"
    },
    "hi": {
        "one": "i in 0 or n in 1"
    },
    "hu": {
        "one": "n in 1"
    },
    "id": {},
    "it": {
        "many": "e in 0 and i not in 0 and i mod 1000000 in 0 and v in 0 or e not in 0..5",
        "one": "i in 1 and v in 0"
    },
    "ja": {},
    "ko": {},
    "ms": {},
    "nl": {
        "one": "i in 1 and v in 0"
    },
    "pl": {
        "few": "v in 0 and i mod 10 in 2..4 and i mod 100 not in 12..14",
        "many": "v in 0 and i not in 1 and i mod 10 in 0..1 or v in 0 and i mod 10 in 5..9 or v in 0 and i mod 100 in 12..14",
        "one": "i in 1 and v in 0"
    },
    "pt": {
        "many": "e in 0 and i not in 0 and i mod 1000000 in 0 and v in 0 or e not in 0..5",
        "one": "i in 0..1"
    },
    "ro": {
        "few": "v not in 0 or n in 0 or n not in 1 and n mod 100 in 1..19",
        "one": "i in 1 and v in 0"
    },
    "ru": {
        "few": "v in 0 and i mod 10 in 2..4 and i mod 100 not in 12..14",
        "many": "v in 0 and i mod 10 in 0 or v in 0 and i mod 10 in 5..9 or v in 0 and i mod 100 in 11..14",
        "one": "v in 0 and i mod 10 in 1 and i mod 100 not in 11"
    },
    "sv": {
        "one": "i in 1 and v in 0"
    },
    "tr": {
        "one": "n in 1"
    },
    "uk": {
        "few": "v in 0 and i mod 10 in 2..4 and i mod 100 not in 12..14",
        "many": "v in 0 and i mod 10 in 0 or v in 0 and i mod 10 in 5..9 or v in 0 and i mod 100 in 11..14",
        "one": "v in 0 and i mod 10 in 1 and i mod 100 not in 11"
    },
    "vi": {},
    "zh": {}
}

MINOR_DIGITS_DEFAULT = 2
# the currencies whose minor unit is not 2 digits
MINOR_DIGITS: dict[str, int] = {
    "ADP": 0,
    "AFN": 0,
    "ALL": 0,
    "BHD": 3,
    "BIF": 0,
    "BYR": 0,
    "CLF": 4,
    "CLP": 0,
    "DJF": 0,
    "ESP": 0,
    "GNF": 0,
    "IQD": 0,
    "IRR": 0,
    "ISK": 0,
    "ITL": 0,
    "JOD": 3,
    "JPY": 0,
    "KMF": 0,
    "KPW": 0,
    "KRW": 0,
    "KWD": 3,
    "LAK": 0,
    "LBP": 0,
    "LUF": 0,
    "LYD": 3,
    "MGA": 0,
    "MGF": 0,
    "MMK": 0,
    "MRO": 0,
    "OMR": 3,
    "PYG": 0,
    "RSD": 0,
    "RWF": 0,
    "SLL": 0,
    "SOS": 0,
    "STD": 0,
    "SYP": 0,
    "TMM": 0,
    "TND": 3,
    "TRL": 0,
    "UGX": 0,
    "UYI": 0,
    "UYW": 4,
    "VND": 0,
    "VUV": 0,
    "XAF": 0,
    "XOF": 0,
    "XPF": 0,
    "YER": 0,
    "ZMK": 0,
    "ZWD": 0
}
