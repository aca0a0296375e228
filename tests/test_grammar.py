"""Numbers with units in every locale: plural and case forms over many numbers.

Russian needs the genitive after "до" and "от" ("до 1 года", "до 5 лет"); the
Turkic languages put the unit in the ablative and limit forms ("8 yildan 15
yilgacha"). These tests check every unit the summaries use over the numbers
1-30, 100, 101 and 1.5, against an independent statement of the rules, and the
project's word tables against CLDR wherever CLDR has the words.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from babel.units import format_unit

from lawsummary.i18n import SUPPORTED_LOCALES, language
from lawsummary.i18n.grammar import QUANTITY_UNITS

NUMBERS = [Decimal(n) for n in range(1, 31)] + [Decimal(100), Decimal(101), Decimal("1.5")]
UNITS = (*QUANTITY_UNITS, "XTS")  # XTS: a currency with no word table, written as its code

# Russian genitive forms, singular and plural, written out independently of the tables.
RU_GENITIVE = {
    "hours": ("часа", "часов"),
    "days": ("дня", "дней"),
    "months": ("месяца", "месяцев"),
    "years": ("года", "лет"),
    "RUB": ("рубля", "рублей"),
    "index": ("единицы", "единиц"),
    "XTS": ("XTS", "XTS"),
}


def ru_genitive(n: Decimal, unit: str) -> str:
    """Genitive after "до"/"от": singular for 1, 21, 31... and for fractions; plural otherwise."""
    singular, plural = RU_GENITIVE[unit]
    if n != n.to_integral_value():
        return singular
    i = int(n)
    return singular if i % 10 == 1 and i % 100 != 11 else plural


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("n", NUMBERS, ids=str)
def test_russian_bounds_use_the_genitive(n: Decimal, unit: str) -> None:
    ru = language("ru")
    number = ru.number(n)
    assert ru.quantity(None, n, unit) == f"до {number} {ru_genitive(n, unit)}"
    assert ru.quantity(n, None, unit) == f"не менее {number} {ru_genitive(n, unit)}"
    assert ru.quantity(Decimal(0), n, unit) == f"от 0 до {number} {ru_genitive(n, unit)}"


@pytest.mark.parametrize(
    ("low", "high", "unit", "expected"),
    [
        (None, "1", "years", "до 1 года"),
        (None, "2", "years", "до 2 лет"),
        (None, "5", "years", "до 5 лет"),
        (None, "21", "years", "до 21 года"),
        ("8", "15", "years", "от 8 до 15 лет"),
        (None, "500000", "RUB", "до 500\xa0000 рублей"),
        (None, "480", "hours", "до 480 часов"),
        (None, "1.5", "years", "до 1,5 года"),
        ("6", "12", "months", "от 6 до 12 месяцев"),
        ("3000000", "5000000", "RUB", "от 3\xa0000\xa0000 до 5\xa0000\xa0000 рублей"),
        ("5", "5", "years", "5 лет"),
        ("1", "1", "years", "1 год"),
        ("22", "22", "days", "22 дня"),
    ],
)
def test_russian_examples(low: str | None, high: str, unit: str, expected: str) -> None:
    lo = None if low is None else Decimal(low)
    assert language("ru").quantity(lo, Decimal(high), unit) == expected


def test_russian_in_a_sentence(ru: object) -> None:
    from lawsummary import summarize
    from lawsummary.records import CompulsoryWorks, TermRange, TimeUnit

    works = CompulsoryWorks(term=TermRange(unit=TimeUnit.HOURS, max=480))
    from lawsummary.explain.common import penalty_phrase
    from lawsummary.explain.values import _Context
    from lawsummary.render import _Writer

    phrase = penalty_phrase(works, "$", _Context("short", None))
    assert (
        _Writer(language("ru"), "plain").message(phrase)
        == "обязательные работы на срок до 480 часов"
    )
    assert "лишение свободы на срок от 8 до 15 лет" in summarize(ru, locale="ru")


EN_WORDS = {
    "hours": ("hour", "hours"),
    "days": ("day", "days"),
    "months": ("month", "months"),
    "years": ("year", "years"),
    "RUB": ("ruble", "rubles"),
    "index": ("unit", "units"),
    "XTS": ("XTS", "XTS"),
}


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("n", NUMBERS, ids=str)
def test_english_plurals(n: Decimal, unit: str) -> None:
    en = language("en")
    word = EN_WORDS[unit][0 if n == 1 else 1]
    assert en.quantity(None, n, unit) == f"up to {en.number(n)} {word}"
    assert en.quantity(n, n, unit) == f"{en.number(n)} {word}"
    assert en.quantity(Decimal("0.5"), n, unit) == f"0.5 to {en.number(n)} {word}"


TURKIC = {
    # locale: unit: (plain, ablative, limit)
    "uz": {
        "years": ("yil", "yildan", "yilgacha"),
        "RUB": ("rubl", "rubldan", "rublgacha"),
        "hours": ("soat", "soatdan", "soatgacha"),
    },
    "ky": {
        "years": ("жыл", "жылдан", "жылга чейин"),
        "RUB": ("рубль", "рублдан", "рублга чейин"),
        "hours": ("саат", "сааттан", "саатка чейин"),
    },
    "kk": {
        "years": ("жыл", "жылдан", "жылға дейін"),
        "RUB": ("рубль", "рубльден", "рубльге дейін"),
        "hours": ("сағат", "сағаттан", "сағатқа дейін"),
    },
}


@pytest.mark.parametrize("code", sorted(TURKIC))
@pytest.mark.parametrize("n", NUMBERS, ids=str)
def test_turkic_ranges(code: str, n: Decimal) -> None:
    lang = language(code)
    for unit, (plain, ablative, limit) in TURKIC[code].items():
        number = lang.number(n)
        assert lang.quantity(None, n, unit) == f"{number} {limit}"
        assert lang.quantity(n, n, unit) == f"{number} {plain}"
        assert lang.quantity(Decimal(0), n, unit) == f"0 {ablative} {number} {limit}"


@pytest.mark.parametrize("n", NUMBERS, ids=str)
def test_tajik_ranges(n: Decimal) -> None:
    tg = language("tg")
    number = tg.number(n)
    assert tg.quantity(None, n, "years") == f"то {number} сол"
    assert tg.quantity(Decimal(0), n, "years") == f"аз 0 то {number} сол"
    assert tg.quantity(n, None, "RUB") == f"на камтар аз {number} рубл"


CLDR_UNITS = {
    "hours": "duration-hour",
    "days": "duration-day",
    "months": "duration-month",
    "years": "duration-year",
}


@pytest.mark.parametrize("code", ["en", "ru", "uz", "ky", "kk"])
@pytest.mark.parametrize("unit", sorted(CLDR_UNITS))
def test_word_tables_agree_with_cldr(code: str, unit: str) -> None:
    """Where CLDR has the unit's words, the project's nominative forms are the same."""
    lang = language(code)
    for n in NUMBERS:
        ours = lang.quantity(n, n, unit)
        cldr = format_unit(n, CLDR_UNITS[unit], length="long", locale=code)
        assert ours == cldr, (code, unit, n)


def test_tajik_unit_words_are_a_cldr_gap_the_project_fills() -> None:
    gap = format_unit(15, "duration-year", length="long", locale="tg")
    assert gap == "15 y", "CLDR now has Tajik unit names: compare them with the table"
    assert language("tg").quantity(Decimal(15), Decimal(15), "years") == "15 сол"


GAP = re.compile(r"\d (y|yr|h|hr|d|m|mo)\b")


@pytest.mark.parametrize("code", SUPPORTED_LOCALES)
@pytest.mark.parametrize("unit", UNITS)
def test_no_gap_or_placeholder_reaches_the_output(code: str, unit: str) -> None:
    lang = language(code)
    for n in NUMBERS:
        for written in (
            lang.quantity(None, n, unit),
            lang.quantity(n, None, unit),
            lang.quantity(Decimal("0.5"), n, unit),
            lang.quantity(n, n, unit),
            lang.more_than(n, unit),
        ):
            assert lang.number(n) in written
            assert "{" not in written
            assert "}" not in written
            assert not GAP.search(written), written
