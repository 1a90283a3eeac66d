"""The spoken grammars, language by language, each with a table of examples a native speaker would say."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest

from switch_service.media import speech
from switch_service.media.speech import digits, minutes, money, number

D = Decimal

ENGLISH = [
    (money("en", D("12.50"), "USD"), ["you_have", "n_12", "USD_other", "and", "n_50", "cent_other"]),
    (money("en", D("1.01"), "USD"), ["you_have", "n_1", "USD_one", "and", "n_1", "cent_one"]),
    (money("en", D("0.05"), "GBP"), ["you_have", "n_5", "penny_other"]),
    (money("en", D("0"), "EUR"), ["you_have", "n_0", "EUR_other"]),
    (money("en", D("3"), "INR"), ["you_have", "n_3", "INR_other"]),
    (money("en", D("1250.999"), "USD"),  # cut, never rounded up: the caller has less than 1251
     ["you_have", "n_1000", "n_200", "n_50", "USD_other", "and", "n_99", "cent_other"]),
    (money("en", D("-2.30"), "USD"), ["you_have", "minus", "n_2", "USD_other", "and", "n_30", "cent_other"]),
    (minutes("en", 35), ["you_have", "n_35", "minute_other"]),
    (minutes("en", 1), ["you_have", "n_1", "minute_one"]),
    (number("en", 105), ["n_100", "n_5"]),
    (number("en", 21000), ["n_21", "thousand_other"]),
    (number("en", 3_000_007), ["n_3", "million_other", "n_7"]),
    (digits("en", "+44 20-7"), ["n_4", "n_4", "n_2", "n_0", "n_7"]),
]

SPANISH = [
    # "doce dólares con cincuenta centavos": con before the cents
    (money("es", D("12.50"), "USD"), ["you_have", "n_12", "USD_other", "and", "n_50", "cent_other"]),
    (money("es", D("1"), "USD"), ["you_have", "n_1_m", "USD_one"]),  # un dólar
    (money("es", D("21"), "USD"), ["you_have", "n_21_m", "USD_other"]),  # veintiún dólares
    (money("es", D("1"), "GBP"), ["you_have", "n_1_f", "GBP_one"]),  # una libra
    (money("es", D("21"), "GBP"), ["you_have", "n_21_f", "GBP_other"]),  # veintiuna libras
    (money("es", D("200"), "GBP"), ["you_have", "n_200_f", "GBP_other"]),  # doscientas libras
    (money("es", D("200"), "USD"), ["you_have", "n_200", "USD_other"]),  # doscientos dólares
    (money("es", D("0.01"), "EUR"), ["you_have", "n_1_m", "eurocent_one"]),  # un céntimo
    (money("es", D("31.31"), "MXN"),
     ["you_have", "n_31_m", "MXN_other", "and", "n_31_m", "centavo_other"]),  # treinta y un pesos con ...
    (money("es", D("1000000"), "USD"), ["you_have", "n_1000000", "USD_many"]),  # un millón de dólares
    (minutes("es", 21), ["you_have", "n_21_m", "minute_other"]),  # veintiún minutos
    (minutes("es", 1), ["you_have", "n_1_m", "minute_one"]),  # un minuto
    (number("es", 100), ["n_100"]),  # cien
    (number("es", 101), ["n_100_more", "n_1"]),  # ciento uno
    (number("es", 21), ["n_21"]),  # veintiuno: counting form
    (number("es", 1000), ["n_1000"]),  # mil, not un mil
    (number("es", 21000), ["n_21_m", "thousand_other"]),  # veintiún mil
]

FRENCH = [
    (money("fr", D("12.50"), "EUR"), ["you_have", "n_12", "EUR_other", "and", "n_50", "eurocent_other"]),
    (money("fr", D("1"), "USD"), ["you_have", "n_1", "USD_one"]),  # un dollar
    (money("fr", D("1"), "GBP"), ["you_have", "n_1_f", "GBP_one"]),  # une livre
    (money("fr", D("0"), "USD"), ["you_have", "n_0", "USD_one"]),  # zéro dollar: singular in French
    (money("fr", D("2000000"), "USD"), ["you_have", "n_2", "million_other", "USD_many"]),  # deux millions de dollars
    (minutes("fr", 21), ["you_have", "n_21_f", "minute_other"]),  # vingt et une minutes
    (minutes("fr", 81), ["you_have", "n_81_f", "minute_other"]),  # quatre-vingt-une minutes
    (minutes("fr", 71), ["you_have", "n_71", "minute_other"]),  # soixante et onze minutes
    (minutes("fr", 1), ["you_have", "n_1_f", "minute_one"]),  # une minute
    (number("fr", 1000), ["n_1000"]),  # mille
    (number("fr", 2500), ["n_2", "thousand_other", "n_500"]),  # deux mille cinq cents
]

GERMAN = [
    (money("de", D("12.50"), "EUR"), ["you_have", "n_12", "EUR_other", "and", "n_50", "eurocent_other"]),
    (money("de", D("1"), "USD"), ["you_have", "n_1_m", "USD_one"]),  # ein Dollar
    (money("de", D("1.01"), "EUR"), ["you_have", "n_1_m", "EUR_one", "and", "n_1_m", "eurocent_one"]),
    (money("de", D("1"), "INR"), ["you_have", "n_1_f", "INR_one"]),  # eine Rupie
    (minutes("de", 1), ["you_have", "n_1_f", "minute_one"]),  # eine Minute
    (minutes("de", 21), ["you_have", "n_21", "minute_other"]),  # einundzwanzig Minuten
    (number("de", 1), ["n_1"]),  # eins
    (number("de", 1999), ["n_1000", "n_900", "n_99"]),
]

ARABIC = [
    (money("ar", D("1"), "USD"), ["you_have", "USD_one", "n_1_m"]),  # دولار واحد
    (money("ar", D("2"), "USD"), ["you_have", "USD_two"]),  # دولاران
    (money("ar", D("3"), "USD"), ["you_have", "n_3", "USD_few"]),  # ثلاثة دولارات
    (money("ar", D("12.50"), "USD"), ["you_have", "n_12", "USD_many", "and", "n_50", "cent_many"]),  # دولارًا
    (money("ar", D("100"), "USD"), ["you_have", "n_100", "USD_other"]),  # مئة دولار
    (money("ar", D("103"), "USD"), ["you_have", "n_100", "n_3", "USD_few"]),  # مئة وثلاثة دولارات
    (minutes("ar", 1), ["you_have", "minute_one", "n_1_f"]),  # دقيقة واحدة
    (minutes("ar", 2), ["you_have", "minute_two"]),  # دقيقتان
    (minutes("ar", 5), ["you_have", "n_5_f", "minute_few"]),  # خمس دقائق
    (minutes("ar", 35), ["you_have", "n_35", "minute_many"]),  # خمس وثلاثون دقيقة
    (number("ar", 2000), ["thousand_two"]),  # ألفان
    (number("ar", 5000), ["n_5", "thousand_few"]),  # خمسة آلاف
    (number("ar", 11000), ["n_11", "thousand_many"]),  # أحد عشر ألفًا
]

HINDI = [
    # "आपके पास बारह डॉलर और पचास सेंट हैं": the verb closes the sentence
    (money("hi", D("12.50"), "USD"), ["you_have", "n_12", "USD_other", "and", "n_50", "cent_other", "you_have_end"]),
    (money("hi", D("1"), "INR"), ["you_have", "n_1", "INR_one", "you_have_end"]),  # एक रुपया
    (money("hi", D("5.25"), "INR"), ["you_have", "n_5", "INR_other", "and", "n_25", "paisa_other", "you_have_end"]),
    (minutes("hi", 35), ["you_have", "n_35", "minute_other", "you_have_end"]),
    (number("hi", 99), ["n_99"]),  # निन्यानवे: every number to 99 recorded whole
    (number("hi", 150000), ["n_1", "lakh", "n_50", "thousand_other"]),  # एक लाख पचास हज़ार
    (number("hi", 25_000_000), ["n_2", "crore", "n_50", "lakh"]),  # दो करोड़ पचास लाख
    (number("hi", 1005), ["n_1000", "n_5"]),
]

CHINESE = [
    (money("zh", D("12.50"), "USD"), ["you_have", "n_12", "USD_other", "n_50", "cent_other"]),  # 十二美元五十美分
    (money("zh", D("2"), "CNY"), ["you_have", "n_2_measure", "CNY_other"]),  # 两元
    (money("zh", D("2.02"), "CNY"), ["you_have", "n_2_measure", "CNY_other", "n_2_measure", "fen_other"]),
    (minutes("zh", 2), ["you_have", "n_2_measure", "minute_other"]),  # 两分钟
    (minutes("zh", 22), ["you_have", "n_22", "minute_other"]),  # 二十二分钟
    (number("zh", 10), ["n_10"]),  # 十
    (number("zh", 110), ["n_100", "n_1", "n_10"]),  # 一百一十
    (number("zh", 105), ["n_100", "n_0", "n_5"]),  # 一百零五
    (number("zh", 1005), ["n_1000", "n_0", "n_5"]),  # 一千零五
    (number("zh", 1050), ["n_1000", "n_0", "n_50"]),  # 一千零五十
    (number("zh", 10005), ["n_1", "wan", "n_0", "n_5"]),  # 一万零五
    (number("zh", 10500), ["n_1", "wan", "n_0", "n_500"]),  # 一万零五百
    (number("zh", 12345), ["n_1", "wan", "n_2000", "n_300", "n_45"]),  # 一万二千三百四十五
    (number("zh", 100000), ["n_10", "wan"]),  # 十万
    (number("zh", 200_000_000), ["n_2", "yi"]),  # 二亿
]

RUSSIAN = [
    (money("ru", D("1"), "USD"), ["you_have", "n_1", "USD_one"]),  # один доллар
    (money("ru", D("2"), "USD"), ["you_have", "n_2", "USD_few"]),  # два доллара
    (money("ru", D("5"), "USD"), ["you_have", "n_5", "USD_many"]),  # пять долларов
    (money("ru", D("1"), "EUR"), ["you_have", "n_1_n", "EUR_one"]),  # одно евро
    (minutes("ru", 21), ["you_have", "n_20", "n_1_f", "minute_one"]),  # двадцать одна минута
    (minutes("ru", 22), ["you_have", "n_20", "n_2_f", "minute_few"]),  # двадцать две минуты
    (minutes("ru", 11), ["you_have", "n_11", "minute_many"]),  # одиннадцать минут
    (number("ru", 2000), ["n_2_f", "thousand_few"]),  # две тысячи
    (number("ru", 5000), ["n_5", "thousand_many"]),  # пять тысяч
]

OTHERS = [
    (minutes("pl", 2), ["you_have", "n_2_f", "minute_few"]),  # dwie minuty
    (minutes("pl", 5), ["you_have", "n_5", "minute_many"]),  # pięć minut
    (money("cs", D("2"), "EUR"), ["you_have", "n_2_n", "EUR_few"]),  # dvě eura
    (minutes("ro", 20), ["you_have", "n_20", "minute_other"]),  # douăzeci de minute
    (minutes("ro", 2), ["you_have", "n_2_n", "minute_few"]),  # două minute
    (money("ro", D("1"), "GBP"), ["you_have", "n_1_f", "GBP_one"]),  # o liră
    (number("vi", 105), ["n_100", "gap", "n_5"]),  # một trăm linh năm
    (number("ja", 10000), ["n_1", "wan"]),  # いちまん
    (number("ko", 10000), ["wan"]),  # 만
    (number("ko", 20000), ["n_2", "wan"]),  # 이만
    (money("ja", D("300"), "USD"), ["you_have", "n_300", "USD_other", "you_have_end"]),
]


@pytest.mark.parametrize(("spoken", "expected"),
                         ENGLISH + SPANISH + FRENCH + GERMAN + ARABIC + HINDI + CHINESE + RUSSIAN + OTHERS)
def test_examples(spoken: list[str], expected: list[str]) -> None:
    assert spoken == expected


def test_a_currency_without_recorded_names_is_a_decimal_number() -> None:
    assert money("en", D("7.05"), "CHF") == ["you_have", "n_7", "point", "n_0", "n_5"]
    assert money("en", D("300.70"), "JPY") == ["you_have", "n_300"]  # the yen has no minor unit


def test_every_language_speaks_every_currency_and_count_from_its_own_names() -> None:
    samples = [*range(0, 130), 1000, 1001, 2000, 2001, 21000, 100000, 150000, 1_000_000, 2_345_678, 999_999_999]
    assert len(speech.languages()) >= 25
    for language in speech.languages():
        names = speech.prompt_names(language)
        for n in samples:
            assert set(number(language, n)) <= names, (language, n)
            assert set(minutes(language, n)) <= names, (language, n)
            for currency in speech.CURRENCIES:
                assert set(money(language, D(n) + D("0.21"), currency)) <= names, (language, n, currency)
        assert set(digits(language, "0123456789")) <= names


def test_bad_input_is_refused_with_the_reason() -> None:
    with pytest.raises(KeyError, match="xx"):
        number("xx", 1)
    with pytest.raises(ValueError, match="0 to 999999999"):
        number("en", 1_000_000_000)
    with pytest.raises(ValueError, match="0 to"):
        minutes("en", -1)
    with pytest.raises(ValueError, match="'a'"):
        digits("en", "12a")


def test_the_grammar_is_pure() -> None:
    """speech.py only computes names: no files, sockets, audio or pjsua2 (CLDR's data from cldr.py, its plural
    rules evaluated by babel.plural)."""
    source = Path(speech.__file__).read_text(encoding="utf-8")
    imported = {node.module or "" for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import)
                 for alias in node.names}
    assert {module.split(".")[0] for module in imported} <= {"__future__", "functools", "collections", "dataclasses",
                                                             "decimal", "babel", "switch_service"}
    assert {module for module in imported if module.startswith(("babel", "switch_service"))} == {
        "babel.plural", "switch_service.media.cldr"}
