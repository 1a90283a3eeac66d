"""What the IVR says for a number, an amount of money, a count of minutes or a string of digits: lists of prompt
NAMES, one recorded file each (resources/prompts/<lang>/<name>.wav), played one after another.

Pure: no files, no audio. Plural categories and currencies' minor units come from CLDR (cldr.py, written from
babel); number words are recorded whole for 0-99 (or 0-19 where tens and units simply follow each other), so each
language's irregular forms (French 70-99, German "einundzwanzig", Hindi 0-99) come from its own speaker. Gender and
case forms a noun needs (Spanish "un dólar / veintiún dólares / una libra", Russian "одна минута / две минуты",
Chinese 两) are extra recorded forms named `n_<number>_<gender>`. Number systems: western (thousand, million),
Indian (thousand, lakh, crore) and East Asian (万, 亿).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from babel.plural import PluralRule

from switch_service.media.cldr import MINOR_DIGITS, MINOR_DIGITS_DEFAULT, PLURAL_RULES

# Prompts the call flows play by name, in every language.
FIXED_PROMPTS: tuple[str, ...] = (
    "welcome", "enter_pin", "invalid_pin", "locked_out", "enter_destination", "you_have", "minutes", "balance_is",
    "destination_blocked", "destination_unknown", "insufficient_balance", "press_star_to_dial_again",
    "register_ani_offer", "registered", "enter_voucher", "recharged", "language_menu", "goodbye", "all_busy",
    "speed_dial_unknown", "try_again", "recharge_offer", "invalid_voucher",
    "card_recharge_offer", "enter_card_pin", "invalid_card_pin",
    "enter_agent_pin", "enter_customer_number", "enter_amount", "customer_recharged", "customer_unknown",
    "agent_cannot_pay", "agent_not_allowed",
)
# Grammar pieces every language has besides the numbers and nouns: the word joining major and minor units, the
# decimal point for a currency without recorded names, the minus sign of a negative balance.
GRAMMAR_WORDS: tuple[str, ...] = ("and", "point", "minus")

# Currencies whose names are recorded; another currency is spoken as a decimal number without a unit name.
CURRENCIES: tuple[str, ...] = ("USD", "EUR", "GBP", "INR", "CNY", "CAD", "AUD", "MXN")
# The minor unit's word, by currency (each language records the kinds it names; "cent" is the default).
MINOR_KIND: Mapping[str, str] = {"GBP": "penny", "INR": "paisa", "CNY": "fen", "EUR": "eurocent", "MXN": "centavo"}
MINOR_KINDS: tuple[str, ...] = ("cent", "penny", "paisa", "fen", "eurocent", "centavo")
LARGEST = 999_999_999


@dataclass(frozen=True)
class Grammar:
    """How one language builds numbers and counted nouns out of recorded pieces."""

    system: str = "western"  # "western" (10^3, 10^6), "indian" (10^3, 10^5, 10^7) or "east_asian" (10^4, 10^8)
    whole_to: int = 99  # 0..whole_to recorded whole; above it tens and units follow each other
    gendered: Mapping[str, frozenset[int]] = field(default_factory=dict)  # gender -> numbers with their own form
    genders: Mapping[str, str] = field(default_factory=dict)  # noun ("USD", "minute", "cent", ...) -> gender
    scale_gender: str = ""  # the gender of "thousand"/"million" (Russian тысяча is feminine)
    hundred_more: bool = False  # 100 alone differs from 100 followed by more (Spanish cien / ciento)
    gap_word: bool = False  # a word between hundreds and 1-9 (Vietnamese "một trăm linh năm"): piece "gap"
    zero_fill: bool = False  # Chinese 零 for skipped places and 一十 inside a number
    omit_one_wan: bool = False  # Korean 만, not 일만
    noun_first_one: bool = False  # Arabic "دولار واحد": one is said after the noun
    dual_alone: bool = False  # Arabic "دولاران": two is the dual noun alone
    money_and: bool = True  # a word between the major and the minor amount
    tail: bool = False  # the verb closes the sentence (Hindi "... हैं"): piece "you_have_end"
    plural: str = ""  # the CLDR locale whose plural rules apply (default: the language code)


_ES = frozenset({1, *range(21, 100, 10)})  # un / una, veintiún / veintiuna ...
_SLAVIC = {"f": frozenset({1, 2}), "n": frozenset({1})}  # одна две / одно; jedna dwie / jedno
_CS = {"f": frozenset({1, 2}), "n": frozenset({1, 2})}  # jedna dvě / jedno dvě

GRAMMARS: Mapping[str, Grammar] = {
    "en": Grammar(),
    "es": Grammar(gendered={"m": _ES, "f": _ES | frozenset(range(200, 1000, 100))},
                  genders={"GBP": "f", "INR": "f", "minute": "m"}, scale_gender="m", hundred_more=True),
    "fr": Grammar(gendered={"f": frozenset({1, 21, 31, 41, 51, 61, 81})},
                  genders={"GBP": "f", "INR": "f", "minute": "f"}),
    "de": Grammar(gendered={"m": frozenset({1}), "f": frozenset({1})},
                  genders={"USD": "m", "EUR": "m", "GBP": "m", "INR": "f", "CNY": "m", "CAD": "m", "AUD": "m",
                           "MXN": "m", "minute": "f", "cent": "m", "penny": "m", "paisa": "m", "fen": "m",
                           "eurocent": "m", "centavo": "m"}),
    "it": Grammar(gendered={"m": frozenset({1}), "f": frozenset({1})},
                  genders={"USD": "m", "EUR": "m", "GBP": "f", "INR": "f", "CNY": "m", "CAD": "m", "AUD": "m",
                           "MXN": "m", "minute": "m", "cent": "m", "penny": "m", "paisa": "m", "fen": "m",
                           "eurocent": "m", "centavo": "m"}),
    "pt": Grammar(gendered={"f": frozenset({1, 2})}, genders={"GBP": "f", "INR": "f"}),
    "nl": Grammar(),
    "sv": Grammar(),
    "pl": Grammar(whole_to=19, gendered=_SLAVIC, genders={"EUR": "n", "INR": "f", "minute": "f"}),
    "cs": Grammar(whole_to=19, gendered=_CS, genders={"EUR": "n", "GBP": "f", "INR": "f", "minute": "f"}),
    "ru": Grammar(whole_to=19, gendered=_SLAVIC, genders={"EUR": "n", "INR": "f", "minute": "f"}, scale_gender="f"),
    "uk": Grammar(whole_to=19, gendered=_SLAVIC, genders={"EUR": "n", "INR": "f", "minute": "f"}, scale_gender="f"),
    "ro": Grammar(gendered={"f": frozenset({1, 2}), "n": frozenset({2})},
                  genders={"GBP": "f", "INR": "f", "minute": "n"}, scale_gender="f"),
    "hu": Grammar(),
    "el": Grammar(gendered={"f": frozenset({1, 3, 4})}, genders={"GBP": "f", "INR": "f", "minute": "n"}),
    "tr": Grammar(tail=True),
    "ar": Grammar(gendered={"m": frozenset({1}), "f": frozenset({1, *range(3, 11)})},
                  genders={"minute": "f", "INR": "f", "GBP": "m"}, noun_first_one=True, dual_alone=True),
    "fa": Grammar(tail=True),
    "hi": Grammar(system="indian", tail=True),
    "bn": Grammar(system="indian", tail=True),
    "zh": Grammar(system="east_asian", zero_fill=True, gendered={"measure": frozenset({2})}, money_and=False,
                  genders={key: "measure" for key in (*CURRENCIES, *MINOR_KINDS, "minute")}),
    "ja": Grammar(system="east_asian", money_and=False, tail=True),
    "ko": Grammar(system="east_asian", omit_one_wan=True, money_and=False, tail=True),
    "vi": Grammar(gap_word=True),
    "id": Grammar(),
    "ms": Grammar(),
}


def languages() -> list[str]:
    """The language codes with a grammar (and, by the generator, a recorded prompt set)."""
    return sorted(GRAMMARS)


def _grammar(language: str) -> Grammar:
    try:
        return GRAMMARS[language]
    except KeyError:
        raise KeyError(f"no speech grammar for language {language!r} (have {', '.join(languages())})") from None


@functools.cache
def _plural_rule(language: str) -> PluralRule:
    return PluralRule(PLURAL_RULES[GRAMMARS[language].plural or language])


def plural_category(language: str, n: int) -> str:
    """CLDR's plural category of n in the language ("one", "two", "few", "many", "other", "zero")."""
    _grammar(language)
    category: str = _plural_rule(language)(n)
    return category


@functools.cache
def plural_categories(language: str) -> tuple[str, ...]:
    """The categories whole numbers reach in the language (CLDR rules also name fraction-only ones)."""
    return tuple(sorted({plural_category(language, n) for n in [*range(0, 1200), 10**6, 10**7, 2 * 10**6]}))


def _n(grammar: Grammar, n: int, gender: str) -> str:
    return f"n_{n}_{gender}" if gender and n in grammar.gendered.get(gender, ()) else f"n_{n}"


def _below_100(grammar: Grammar, n: int, gender: str) -> list[str]:
    if n <= grammar.whole_to or n % 10 == 0:
        return [_n(grammar, n, gender)]
    return [f"n_{n - n % 10}", _n(grammar, n % 10, gender)]


def _below_1000(grammar: Grammar, n: int, gender: str) -> list[str]:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        name = "n_100_more" if hundreds == 1 and rest and grammar.hundred_more else _n(grammar, hundreds * 100, gender)
        parts.append(name)
        if grammar.gap_word and 0 < rest < 10:
            parts.append("gap")
    if rest or not hundreds:
        parts += _below_100(grammar, rest, gender)
    return parts


def _western(language: str, grammar: Grammar, n: int, gender: str) -> list[str]:
    millions, rest = divmod(n, 10**6)
    thousands, units = divmod(rest, 1000)
    parts: list[str] = []
    for count, whole, scale in ((millions, "n_1000000", "million"), (thousands, "n_1000", "thousand")):
        if count == 1:
            parts.append(whole)
        elif count == 2 and grammar.dual_alone:
            parts.append(f"{scale}_two")
        elif count:
            parts += _below_1000(grammar, count, grammar.scale_gender)
            parts.append(f"{scale}_{plural_category(language, count)}")
    if units or not parts:
        parts += _below_1000(grammar, units, gender)
    return parts


def _indian(language: str, grammar: Grammar, n: int, gender: str) -> list[str]:
    crores, rest = divmod(n, 10**7)
    lakhs, rest = divmod(rest, 10**5)
    thousands, units = divmod(rest, 1000)
    parts: list[str] = []
    if crores:
        parts += [*_indian(language, grammar, crores, ""), "crore"]
    if lakhs:
        parts += [*_below_100(grammar, lakhs, ""), "lakh"]
    if thousands == 1:
        parts.append("n_1000")
    elif thousands:
        parts += [*_below_100(grammar, thousands, ""), "thousand_other"]
    if units or not parts:
        parts += _below_1000(grammar, units, gender)
    return parts


def _below_10000(grammar: Grammar, n: int, inner: bool) -> list[str]:
    """East Asian 0-9999; `inner` when a larger place was said before (Chinese 一万零五, 一百一十)."""
    thousands, rest = divmod(n, 1000)
    hundreds, rest = divmod(rest, 100)
    parts: list[str] = []
    zero = grammar.zero_fill
    if thousands:
        parts.append(f"n_{thousands * 1000}")
    if hundreds:
        if zero and inner and not thousands:
            parts.append("n_0")
        parts.append(f"n_{hundreds * 100}")
    if rest:
        if zero and (thousands or hundreds or inner) and (rest < 10 or not hundreds):
            parts.append("n_0")
        if zero and 10 <= rest < 20 and (thousands or hundreds or inner):
            parts.append("n_1")
        parts.append(f"n_{rest}")
    return parts


def _east_asian(grammar: Grammar, n: int, gender: str) -> list[str]:
    if n == 0:
        return ["n_0"]
    if n in grammar.gendered.get(gender, ()):
        return [_n(grammar, n, gender)]
    hundred_millions, rest = divmod(n, 10**8)
    myriads, units = divmod(rest, 10**4)
    parts: list[str] = []
    for count, scale in ((hundred_millions, "yi"), (myriads, "wan")):
        if count:
            if not (count == 1 and scale == "wan" and grammar.omit_one_wan and not parts):
                parts += _below_10000(grammar, count, inner=bool(parts) and count < 1000)
            parts.append(scale)
    if units:
        parts += _below_10000(grammar, units, inner=bool(parts) and units < 1000)
    return parts


def _number(language: str, n: int, gender: str = "") -> list[str]:
    grammar = _grammar(language)
    if not 0 <= n <= LARGEST:
        raise ValueError(f"cannot speak {n}: numbers from 0 to {LARGEST}")
    if grammar.system == "indian":
        return _indian(language, grammar, n, gender)
    if grammar.system == "east_asian":
        return _east_asian(grammar, n, gender)
    return _western(language, grammar, n, gender)


def _counted(language: str, n: int, noun: str) -> list[str]:
    """n and the noun in the form n asks for: pieces `<noun>_<category>`."""
    grammar = _grammar(language)
    gender = grammar.genders.get(noun, "m")
    category = plural_category(language, n)
    word = f"{noun}_{category}"
    if grammar.noun_first_one and n == 1:
        return [word, _n(grammar, 1, gender)]
    if grammar.dual_alone and n == 2:
        return [word]
    return [*_number(language, n, gender), word]


def number(language: str, n: int) -> list[str]:
    """A cardinal number on its own (counting form)."""
    return _number(language, n)


def digits(language: str, text: str) -> list[str]:
    """A number said digit by digit (a PIN or a phone number read back); spaces, '+' and '-' are skipped."""
    _grammar(language)
    wrong = sorted({ch for ch in text if not ch.isdigit() and ch not in " +-"})
    if wrong:
        raise ValueError(f"cannot read {''.join(wrong)!r} as digits")
    return [f"n_{ch}" for ch in text if ch.isdigit()]


def minutes(language: str, n: int) -> list[str]:
    """"You have 35 minutes"."""
    grammar = _grammar(language)
    return ["you_have", *_counted(language, n, "minute"), *(["you_have_end"] if grammar.tail else [])]


def money(language: str, amount: Decimal, currency: str) -> list[str]:
    """"You have twelve dollars and fifty cents": the amount cut (not rounded up) to the currency's minor unit."""
    grammar = _grammar(language)
    currency = currency.upper()
    places = MINOR_DIGITS.get(currency, MINOR_DIGITS_DEFAULT)
    parts = ["you_have"]
    if amount < 0:
        parts.append("minus")
        amount = -amount
    cut = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    major = int(cut)
    minor = int((cut - major).scaleb(places))
    if currency not in CURRENCIES:
        parts += _number(language, major)
        if minor:
            parts += ["point", *digits(language, str(minor).rjust(places, "0"))]
    else:
        if major or not minor:
            parts += _counted(language, major, currency)
        if minor:
            if major and grammar.money_and:
                parts.append("and")
            parts += _counted(language, minor, MINOR_KIND.get(currency, "cent"))
    if grammar.tail:
        parts.append("you_have_end")
    return parts


@functools.cache
def prompt_names(language: str) -> frozenset[str]:
    """Every name the language's grammars can produce, and the fixed prompts: the files its prompt set needs."""
    grammar = _grammar(language)
    names = {*FIXED_PROMPTS, *GRAMMAR_WORDS, *(f"n_{d}" for d in range(10))}
    if grammar.tail:
        names.add("you_have_end")
    for n in range(0, 1000 if grammar.system != "east_asian" else 10000):
        names.update(_number(language, n))
    for gender, numbers in grammar.gendered.items():
        names.update(f"n_{n}_{gender}" for n in numbers)
    categories = plural_categories(language)
    if grammar.system == "western":
        names.update({"n_1000", "n_1000000"})
        names.update(f"{scale}_{category}" for scale in ("thousand", "million") for category in categories)
    elif grammar.system == "indian":
        names.update({"n_1000", "thousand_other", "lakh", "crore"})
    else:
        names.update({"wan", "yi"})
    for noun in (*CURRENCIES, *MINOR_KINDS, "minute"):
        names.update(f"{noun}_{category}" for category in categories)
    return frozenset(names)
