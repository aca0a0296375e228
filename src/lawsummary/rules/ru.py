"""Russian legal logic: crime categories (Criminal Code art. 15) and the patent cost formula.

The thresholds and coefficients are data (see the bundled dataset); this module
holds only the arithmetic and the reading of the law that turns data into a
derived fact.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from lawsummary._classes import shared_methods
from lawsummary.errors import MissingDataError
from lawsummary.records.common import UNKNOWN, Unknown
from lawsummary.records.penalties import Imprisonment, LifeImprisonment, Sanction
from lawsummary.records.provisions import (
    Category,
    CrimeCategories,
    Liability,
    Offence,
    PatentCost,
    RegionalCoefficient,
    YearValue,
)
from lawsummary.records.quantities import Money, TimeUnit

__all__ = [
    "MaxPunishment",
    "PatentCostBreakdown",
    "crime_category",
    "max_punishment",
    "patent_monthly_cost",
]

_MONTHS_PER_YEAR = Decimal(12)
_ZERO = Decimal(0)
_MONTHS = TimeUnit.MONTHS


@shared_methods
@attrs.frozen(repr=False, eq=False)
class MaxPunishment:
    """The most severe punishment a sanction allows, as art. 15 reads it.

    ``years`` is the longest prison term in years (0 when the sanction has no
    prison term); ``more_severe`` is true when it allows life imprisonment.
    """

    years: Decimal
    more_severe: bool


def max_punishment(sanction: Sanction) -> MaxPunishment | Unknown:
    """The longest prison term of any alternative, or ``UNKNOWN`` when one has no upper bound."""
    found = _longest_term(sanction)
    return UNKNOWN if found is None else MaxPunishment(*found)


def _longest_term(sanction: Sanction) -> tuple[Decimal, bool] | None:
    """:func:`max_punishment` as a pair (years, more severe), or ``None`` for ``UNKNOWN``:
    a plain tuple, as crime categories are derived for every offence summarised."""
    years = _ZERO
    more_severe = False
    for alternative in sanction.alternatives:
        penalty = alternative.penalty
        if isinstance(penalty, Imprisonment):
            term = penalty.term
            if term.max is None:
                return None
            longest = term.max
            if term.unit is _MONTHS:
                longest = longest / _MONTHS_PER_YEAR
            if longest > years:
                years = longest
        elif isinstance(penalty, LifeImprisonment):
            more_severe = True
    return years, more_severe


def crime_category(offence: Offence, scheme: CrimeCategories) -> Category | Unknown | None:
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
