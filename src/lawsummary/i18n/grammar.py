"""Numbers with their units, in the grammatical form each language needs.

Babel (CLDR) formats the numbers and chooses the plural category (``one``, ``few``,
``many``, ``other``), but it has no grammatical case: Russian needs the genitive
after "до" and "от" ("до 1 года", "до 5 лет", "от 8 до 15 лет"), and Uzbek, Kyrgyz
and Kazakh put the unit into the ablative and a limit form ("8 yildan 15
yilgacha"). CLDR also lacks some unit names (Tajik gives "15 y"). These small
tables hold the forms; ``tests/test_grammar.py`` checks them over many numbers and
against CLDR where CLDR has the words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from lawsummary._classes import shared_methods

__all__ = [
    "CODE_PATTERNS",
    "QUANTITY_UNITS",
    "RANGE_PATTERNS",
    "UNIT_WORDS",
    "RangePatterns",
    "UnitWords",
]

Case = Literal["nom", "gen", "abl", "lim"]

#: The units the tables cover; a currency or index unit not listed uses ``code`` forms.
QUANTITY_UNITS = ("hours", "days", "months", "years", "RUB", "index")


@shared_methods
@attrs.frozen(repr=False, eq=False)
class UnitWords:
    """The word for a unit, by grammatical case, then by CLDR plural category.

    ``nom`` is the form after a bare number ("5 лет", "5 yil"); ``gen`` the Russian
    genitive after "до"/"от"; ``abl`` and ``lim`` the Turkic ablative ("-dan") and
    limit ("-gacha") forms, written with their postposition where there is one.
    """

    forms: Mapping[str, Mapping[str, str]]

    def word(self, case: Case, category: str) -> str:
        by_category = self.forms.get(case) or self.forms["nom"]
        return by_category.get(category) or by_category["other"]


def _same(word: str) -> dict[str, str]:
    return {"one": word, "other": word}


def _ru(nom: tuple[str, str, str, str], gen: tuple[str, str, str, str]) -> UnitWords:
    keys = ("one", "few", "many", "other")
    return UnitWords(
        {"nom": dict(zip(keys, nom, strict=True)), "gen": dict(zip(keys, gen, strict=True))}
    )


def _en(one: str, other: str) -> UnitWords:
    return UnitWords({"nom": {"one": one, "other": other}})


def _turkic(nom: str, abl: str, lim: str) -> UnitWords:
    return UnitWords({"nom": _same(nom), "abl": _same(abl), "lim": _same(lim)})


def _one(word: str) -> UnitWords:
    return UnitWords({"nom": _same(word)})


UNIT_WORDS: dict[str, dict[str, UnitWords]] = {
    "en": {
        "hours": _en("hour", "hours"),
        "days": _en("day", "days"),
        "months": _en("month", "months"),
        "years": _en("year", "years"),
        "RUB": _en("ruble", "rubles"),
        "index": _en("unit", "units"),
    },
    "ru": {
        "hours": _ru(("час", "часа", "часов", "часа"), ("часа", "часов", "часов", "часа")),
        "days": _ru(("день", "дня", "дней", "дня"), ("дня", "дней", "дней", "дня")),
        "months": _ru(
            ("месяц", "месяца", "месяцев", "месяца"), ("месяца", "месяцев", "месяцев", "месяца")
        ),
        "years": _ru(("год", "года", "лет", "года"), ("года", "лет", "лет", "года")),
        "RUB": _ru(("рубль", "рубля", "рублей", "рубля"), ("рубля", "рублей", "рублей", "рубля")),
        "index": _ru(
            ("единица", "единицы", "единиц", "единицы"), ("единицы", "единиц", "единиц", "единицы")
        ),
    },
    "uz": {
        "hours": _turkic("soat", "soatdan", "soatgacha"),
        "days": _turkic("kun", "kundan", "kungacha"),
        "months": _turkic("oy", "oydan", "oygacha"),
        "years": _turkic("yil", "yildan", "yilgacha"),
        "RUB": _turkic("rubl", "rubldan", "rublgacha"),
        "index": _turkic("birlik", "birlikdan", "birlikkacha"),
    },
    "ky": {
        "hours": _turkic("саат", "сааттан", "саатка чейин"),
        "days": _turkic("күн", "күндөн", "күнгө чейин"),
        "months": _turkic("ай", "айдан", "айга чейин"),
        "years": _turkic("жыл", "жылдан", "жылга чейин"),
        "RUB": _turkic("рубль", "рублдан", "рублга чейин"),
        "index": _turkic("бирдик", "бирдиктен", "бирдикке чейин"),
    },
    "kk": {
        "hours": _turkic("сағат", "сағаттан", "сағатқа дейін"),
        "days": _turkic("күн", "күннен", "күнге дейін"),
        "months": _turkic("ай", "айдан", "айға дейін"),
        "years": _turkic("жыл", "жылдан", "жылға дейін"),
        "RUB": _turkic("рубль", "рубльден", "рубльге дейін"),
        "index": _turkic("бірлік", "бірліктен", "бірлікке дейін"),
    },
    "tg": {
        "hours": _one("соат"),
        "days": _one("рӯз"),
        "months": _one("моҳ"),
        "years": _one("сол"),
        "RUB": _one("рубл"),
        "index": _one("воҳид"),
    },
}


@shared_methods
@attrs.frozen(repr=False, eq=False)
class RangePatterns:
    """How a language says a bound or a range of an amount with a unit.

    Placeholders: ``{n}``, ``{lo}`` and ``{hi}`` are formatted numbers; ``{unit}`` is the
    unit in the case the pattern names in ``cases``.
    """

    exact: str
    up_to: str
    at_least: str
    more_than: str
    between: str
    #: The case of the unit word in each pattern: (for the lower number, for the upper one).
    cases: Mapping[str, tuple[Case, Case]]


def _cases(
    exact: Case, up_to: Case, at_least: Case, more_than: Case, between: tuple[Case, Case]
) -> dict[str, tuple[Case, Case]]:
    return {
        "exact": (exact, exact),
        "up_to": (up_to, up_to),
        "at_least": (at_least, at_least),
        "more_than": (more_than, more_than),
        "between": between,
    }


_TURKIC_CASES = _cases("nom", "lim", "nom", "abl", ("abl", "lim"))
_NO_CASES = _cases("nom", "nom", "nom", "nom", ("nom", "nom"))

RANGE_PATTERNS: dict[str, RangePatterns] = {
    "en": RangePatterns(
        exact="{n} {unit}",
        up_to="up to {n} {unit}",
        at_least="at least {n} {unit}",
        more_than="more than {n} {unit}",
        between="{lo} to {hi} {unit}",
        cases=_NO_CASES,
    ),
    "ru": RangePatterns(
        exact="{n} {unit}",
        up_to="до {n} {unit}",
        at_least="не менее {n} {unit}",
        more_than="более {n} {unit}",
        between="от {lo} до {hi} {unit}",
        cases=_cases("nom", "gen", "gen", "gen", ("gen", "gen")),
    ),
    "uz": RangePatterns(
        exact="{n} {unit}",
        up_to="{n} {unit}",
        at_least="kamida {n} {unit}",
        more_than="{n} {unit} ortiq",
        between="{lo} {lo_unit} {hi} {unit}",
        cases=_TURKIC_CASES,
    ),
    "ky": RangePatterns(
        exact="{n} {unit}",
        up_to="{n} {unit}",
        at_least="кеминде {n} {unit}",
        more_than="{n} {unit} ашык",
        between="{lo} {lo_unit} {hi} {unit}",
        cases=_TURKIC_CASES,
    ),
    "kk": RangePatterns(
        exact="{n} {unit}",
        up_to="{n} {unit}",
        at_least="кемінде {n} {unit}",
        more_than="{n} {unit} астам",
        between="{lo} {lo_unit} {hi} {unit}",
        cases=_TURKIC_CASES,
    ),
    "tg": RangePatterns(
        exact="{n} {unit}",
        up_to="то {n} {unit}",
        at_least="на камтар аз {n} {unit}",
        more_than="зиёда аз {n} {unit}",
        between="аз {lo} то {hi} {unit}",
        cases=_NO_CASES,
    ),
}

#: For units with no word table (a currency code such as XTS): no case endings needed.
CODE_PATTERNS: dict[str, RangePatterns] = {
    **RANGE_PATTERNS,
    "uz": RangePatterns(
        exact="{n} {unit}",
        up_to="ko‘pi bilan {n} {unit}",
        at_least="kamida {n} {unit}",
        more_than="{n} {unit} dan ortiq",
        between="{lo} – {hi} {unit}",
        cases=_NO_CASES,
    ),
    "ky": RangePatterns(
        exact="{n} {unit}",
        up_to="эң көп дегенде {n} {unit}",
        at_least="кеминде {n} {unit}",
        more_than="{n} {unit} ашык",
        between="{lo} – {hi} {unit}",
        cases=_NO_CASES,
    ),
    "kk": RangePatterns(
        exact="{n} {unit}",
        up_to="ең көбі {n} {unit}",
        at_least="кемінде {n} {unit}",
        more_than="{n} {unit} астам",
        between="{lo} – {hi} {unit}",
        cases=_NO_CASES,
    ),
}
