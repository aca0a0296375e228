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
    years = Decimal(0)
    more_severe = False
    for penalty in sanction.penalties():
        if isinstance(penalty, LifeImprisonment):
            more_severe = True
        elif isinstance(penalty, Imprisonment):
            if penalty.term.max is None:
                return UNKNOWN
            term = penalty.term.max
            if penalty.term.unit is TimeUnit.MONTHS:
                term = term / _MONTHS_PER_YEAR
            years = max(years, term)
    return MaxPunishment(years, more_severe)


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
    punishment = max_punishment(offence.sanction)
    if isinstance(punishment, Unknown):
        return UNKNOWN
    for rule in scheme.rules:
        if rule.guilt is not offence.guilt:
            continue
        if punishment.more_severe:
            if rule.more_severe:
                return rule.category
            continue
        above_ok = rule.above is None or punishment.years > rule.above
        below_ok = rule.up_to is None or punishment.years <= rule.up_to
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
