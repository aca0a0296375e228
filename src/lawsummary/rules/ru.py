"""Russia as a jurisdiction plug-in: everything about Russian law the core uses.

- the four crime categories of the Criminal Code (art. 15), their words and the rule
  that derives them from the category table in the data (:func:`crime_category`);
- the severity of the main penalty kinds (Criminal Code art. 44);
- the words for the subjects of the exam for foreign workers;
- the currency, and the citation style the glossary requires for Russian: the part
  before the article and the law in the genitive ("ч. 1 ст. 322.1 УК РФ",
  "ч. 6 ст. 18.1 Закона № 115-ФЗ");
- the patent cost formula (:func:`patent_monthly_cost`).

The thresholds and coefficients are data (see the bundled dataset); this module
holds only the arithmetic, the words and the reading of the law that turns data
into a derived fact. It registers itself when :mod:`lawsummary.rules` is imported.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from lawsummary._classes import shared_methods
from lawsummary.errors import MissingDataError
from lawsummary.i18n.titles import inflect_title
from lawsummary.records.common import UNKNOWN, Unknown
from lawsummary.records.penalties import Imprisonment, LifeImprisonment, Sanction
from lawsummary.records.provisions import (
    CrimeCategories,
    Liability,
    Offence,
    PatentCost,
    RegionalCoefficient,
    YearValue,
)
from lawsummary.records.quantities import Money, TimeUnit
from lawsummary.rules import (
    CategorySystem,
    CategoryWords,
    CitationStyle,
    Jurisdiction,
    register,
)

__all__ = [
    "JURISDICTION",
    "Category",
    "MaxPunishment",
    "PatentCostBreakdown",
    "crime_category",
    "max_punishment",
    "patent_monthly_cost",
]

_MONTHS_PER_YEAR = Decimal(12)
_ZERO = Decimal(0)
_MONTHS = TimeUnit.MONTHS


N_ = str  # marks a message for the catalogs (see lawsummary.explain.values)


class Category:
    """The ids of the four crime categories of Russian criminal law (Criminal Code,
    art. 15), as documents write them: ``Category.GRAVE == "grave"``."""

    MINOR = "minor"
    MEDIUM = "medium"
    GRAVE = "grave"
    ESPECIALLY_GRAVE = "especially_grave"


@shared_methods
@attrs.frozen(repr=False, eq=False)
class MaxPunishment:
    """The most severe punishment a sanction allows, as art. 15 reads it.

    ``years`` is the longest prison term in years (0 when the sanction has no
    prison term); ``more_severe`` is true when it allows life imprisonment.
    """

    years: Decimal
    more_severe: bool


def max_punishment(sanction: Sanction | Unknown) -> MaxPunishment | Unknown:
    """The longest prison term of any alternative, or ``UNKNOWN`` when one has no upper
    bound or an upper bound that is not established, or the sanction is not established."""
    found = _longest_term(sanction)
    return UNKNOWN if found is None else MaxPunishment(*found)


def _longest_term(sanction: Sanction | Unknown) -> tuple[Decimal, bool] | None:
    """:func:`max_punishment` as a pair (years, more severe), or ``None`` for ``UNKNOWN``:
    a plain tuple, as crime categories are derived for every offence summarised."""
    years = _ZERO
    more_severe = False
    if not isinstance(sanction, Sanction):  # the punishment is not established
        return None
    for alternative in sanction.alternatives:
        penalty = alternative.penalty
        if isinstance(penalty, Imprisonment):
            term = penalty.term
            if not isinstance(term.max, Decimal):  # open-ended, or not established
                return None
            longest = term.max
            if term.unit is _MONTHS:
                longest = longest / _MONTHS_PER_YEAR
            if longest > years:
                years = longest
        elif isinstance(penalty, LifeImprisonment):
            more_severe = True
    return years, more_severe


def crime_category(offence: Offence, scheme: CrimeCategories) -> str | Unknown | None:
    """The crime category of ``offence`` under the category table ``scheme``.

    The category depends on the maximum prison term the sanction allows and on
    the form of guilt (art. 15: negligent crimes are never grave or especially
    grave). Returns ``None`` for an offence that is not criminal, and ``UNKNOWN``
    when the data cannot decide (an open-ended prison term, or no line of the
    table matches).
    """
    if offence.liability is not Liability.CRIMINAL:
        return None
    if isinstance(offence.guilt, Unknown):
        return UNKNOWN
    punishment = _longest_term(offence.sanction)
    if punishment is None:
        return UNKNOWN
    years, more_severe = punishment
    for rule in scheme.rules:
        if rule.guilt is not offence.guilt:
            continue
        if more_severe:
            if rule.more_severe:
                return rule.category
            continue
        above_ok = rule.above is None or years > rule.above
        below_ok = rule.up_to is None or years <= rule.up_to
        if above_ok and below_ok:
            return rule.category
    return UNKNOWN


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class PatentCostBreakdown:
    """The monthly patent cost for one region and year, with every factor used."""

    region: str
    year: int
    base: Money
    deflator: YearValue
    coefficient: RegionalCoefficient
    monthly: Money

    @property
    def factors(self) -> tuple[Decimal, Decimal, Decimal]:
        return (self.base.amount, self.deflator.value, self.coefficient.value)


def patent_monthly_cost(rule: PatentCost, region: str, year: int) -> PatentCostBreakdown:
    """Base x the year's deflator x the region's coefficient for that year.

    The product is exact; the law's rounding is not in the data, so none is applied.
    Raises :class:`~lawsummary.errors.MissingDataError` naming what the data holds
    when the year's deflator or the region's coefficient is missing.
    """
    deflator = next((d for d in rule.deflators if d.year == year), None)
    if deflator is None:
        years = ", ".join(str(d.year) for d in rule.deflators) or "none"
        raise MissingDataError(f"no deflator for {year} in the data; years with one: {years}")
    coefficient = next(
        (c for c in rule.coefficients if c.region == region and c.year == year), None
    )
    if coefficient is None:
        known = ", ".join(f"{c.region} {c.year}" for c in rule.coefficients) or "none"
        raise MissingDataError(f"no coefficient for {region} in {year} in the data; known: {known}")
    amount = rule.base.amount * deflator.value * coefficient.value
    return PatentCostBreakdown(
        region=region,
        year=year,
        base=rule.base,
        deflator=deflator,
        coefficient=coefficient,
        monthly=Money(amount, rule.base.currency),
    )


# -- the plug-in -------------------------------------------------------------------------------

_CATEGORIES = CategorySystem(
    categories=(
        CategoryWords(
            id=Category.MINOR,
            name=N_("a crime of minor gravity"),
            rank=N_("the least serious of the four categories of crimes in Russian law"),
        ),
        CategoryWords(
            id=Category.MEDIUM,
            name=N_("a crime of medium gravity"),
            rank=N_("the second of the four categories of crimes in Russian law"),
        ),
        CategoryWords(
            id=Category.GRAVE,
            name=N_("a grave crime"),
            rank=N_("the third of the four categories of crimes in Russian law"),
        ),
        CategoryWords(
            id=Category.ESPECIALLY_GRAVE,
            name=N_("an especially grave crime"),
            rank=N_("the most serious of the four categories of crimes in Russian law"),
        ),
    ),
    derive=crime_category,
    explained=N_(
        "The category depends on the longest prison term the law allows and on whether the crime is intentional."  # noqa: E501
    ),
)

#: Main penalty kinds from lightest to most severe (Criminal Code art. 44).
_SEVERITY = {
    "fine": 1,
    "income_fine": 1,
    "index_fine": 1,
    "deprivation_of_right": 2,
    "compulsory_works": 3,
    "correctional_labour": 4,
    "restriction_of_freedom": 6,
    "forced_labour": 7,
    "arrest": 8,
    "imprisonment": 9,
    "life_imprisonment": 10,
}

#: The subjects of the exam for foreign workers.
_SUBJECTS = {
    "russian_language": N_("the Russian language"),
    "history": N_("the history of Russia"),
    "law": N_("the basics of Russian law"),
}

#: Russian citations: items, part, article, then the law in the genitive (glossary).
_RU_CITATIONS = {
    "article": "ru.citation.article",
    "part": "ru.citation.part",
    "items": "ru.citation.items",
    "part+items": "ru.citation.part+items",
}
_RU_CITATION_TEXTS = {
    "ru.citation.article": "ст. {article} {instrument}",
    "ru.citation.part": "ч. {part} ст. {article} {instrument}",
    "ru.citation.items": "п. «{items}» ст. {article} {instrument}",
    "ru.citation.part+items": "п. «{items}» ч. {part} ст. {article} {instrument}",
}

_CITATION_STYLE = CitationStyle(
    keys=_RU_CITATIONS,
    inflect=inflect_title,
    instrument_case={"ru": "genitive"},
)

JURISDICTION = register(
    Jurisdiction(
        code="RU",
        name="Russia",
        currency="RUB",
        categories=_CATEGORIES,
        severity=_SEVERITY,
        subjects=_SUBJECTS,
        citation=_CITATION_STYLE,
        messages={"ru": _RU_CITATION_TEXTS},
    )
)
