"""Art. 15 crime categories and the patent cost formula."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from lawsummary import MissingDataError
from lawsummary.records import (
    UNKNOWN,
    Alternative,
    CrimeCategories,
    Dataset,
    Fine,
    Guilt,
    Imprisonment,
    LifeImprisonment,
    MoneyRange,
    Offence,
    PatentCost,
    Sanction,
    TermRange,
    TimeUnit,
)
from lawsummary.rules import category_deriver
from lawsummary.rules.ru import Category, crime_category, max_punishment, patent_monthly_cost


@pytest.fixture(scope="module")
def scheme(ru: Dataset) -> CrimeCategories:
    body = ru.provision("ru-uk-15").latest().body
    assert isinstance(body, CrimeCategories)
    return body


@pytest.fixture(scope="module")
def offence(ru: Dataset) -> Offence:
    body = ru.provision("ru-uk-322.1-1").latest().body
    assert isinstance(body, Offence)
    return body


def with_prison(
    offence: Offence,
    years: str | None,
    guilt: Guilt = Guilt.INTENTIONAL,
    *,
    unit: TimeUnit = TimeUnit.YEARS,
    life: bool = False,
) -> Offence:
    alternatives = [Alternative(penalty=Fine(amount=MoneyRange(currency="RUB", max=1)))]
    if years is not None:
        alternatives.append(
            Alternative(penalty=Imprisonment(term=TermRange(unit=unit, min=1, max=years)))
        )
    if life:
        alternatives.append(Alternative(penalty=LifeImprisonment()))
    return attrs.evolve(offence, guilt=guilt, sanction=Sanction(alternatives=tuple(alternatives)))


@pytest.mark.parametrize(
    ("years", "guilt", "expected"),
    [
        (None, Guilt.INTENTIONAL, Category.MINOR),
        ("3", Guilt.INTENTIONAL, Category.MINOR),
        ("3.5", Guilt.INTENTIONAL, Category.MEDIUM),
        ("5", Guilt.INTENTIONAL, Category.MEDIUM),
        ("7", Guilt.INTENTIONAL, Category.GRAVE),
        ("10", Guilt.INTENTIONAL, Category.GRAVE),
        ("15", Guilt.INTENTIONAL, Category.ESPECIALLY_GRAVE),
        ("3", Guilt.NEGLIGENT, Category.MINOR),
        ("4", Guilt.NEGLIGENT, Category.MEDIUM),
        ("15", Guilt.NEGLIGENT, Category.MEDIUM),  # negligent crimes are never grave
    ],
)
def test_art_15_thresholds(
    offence: Offence, scheme: CrimeCategories, years: str | None, guilt: Guilt, expected: str
) -> None:
    assert crime_category(with_prison(offence, years, guilt), scheme) == expected


def test_life_imprisonment_is_more_severe(offence: Offence, scheme: CrimeCategories) -> None:
    assert (
        crime_category(with_prison(offence, "20", life=True), scheme) == Category.ESPECIALLY_GRAVE
    )


def test_months_count_as_fractions_of_years(offence: Offence, scheme: CrimeCategories) -> None:
    assert (
        crime_category(with_prison(offence, "42", unit=TimeUnit.MONTHS), scheme) == Category.MEDIUM
    )
    assert max_punishment(with_prison(offence, "42", unit=TimeUnit.MONTHS).sanction) != UNKNOWN


def test_open_ended_prison_cannot_be_categorised(offence: Offence, scheme: CrimeCategories) -> None:
    open_ended = attrs.evolve(
        offence,
        sanction=Sanction(
            alternatives=(
                Alternative(penalty=Imprisonment(term=TermRange(unit=TimeUnit.YEARS, min=2))),
            )
        ),
    )
    assert crime_category(open_ended, scheme) is UNKNOWN
    assert crime_category(attrs.evolve(offence, guilt=UNKNOWN), scheme) is UNKNOWN


def test_deriver_registry() -> None:
    assert category_deriver("RU") is crime_category
    assert category_deriver("XA") is None


@pytest.fixture(scope="module")
def patent(ru: Dataset) -> PatentCost:
    body = ru.provision("ru-patent-cost").latest().body
    assert isinstance(body, PatentCost)
    return body


@pytest.mark.parametrize(
    ("year", "monthly", "reported"),
    [
        # 1200 x 2.594 x 2.8592 = 8,900.1; the source reports "about 8,900".
        (2025, Decimal("8900.1177600"), Decimal("8900")),
        # 1200 x 2.842 x 2.9323 = 10,000.3; the source reports 10,000.
        (2026, Decimal("10000.3159200"), Decimal("10000")),
    ],
)
def test_moscow_patent_cost(
    patent: PatentCost, year: int, monthly: Decimal, reported: Decimal
) -> None:
    cost = patent_monthly_cost(patent, "RU-MOW", year)
    assert cost.monthly.amount == monthly
    assert cost.monthly.currency == "RUB"
    assert cost.factors == (Decimal("1200"), cost.deflator.value, cost.coefficient.value)
    report = next(c for c in patent.reported_costs if c.region == "RU-MOW" and c.year == year)
    assert report.monthly.amount == reported
    assert abs(cost.monthly.amount - reported) < 1  # the formula agrees with the reports


def test_patent_cost_names_missing_data(patent: PatentCost) -> None:
    with pytest.raises(
        MissingDataError, match="no deflator for 2023 in the data; years with one: 2024, 2025, 2026"
    ):
        patent_monthly_cost(patent, "RU-MOW", 2023)
    with pytest.raises(MissingDataError, match="no coefficient for RU-KDA in 2026"):
        patent_monthly_cost(patent, "RU-KDA", 2026)
