"""Money, terms, ranges and index units."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lawsummary.records import (
    IndexRange,
    IndexRate,
    IndexUnit,
    LocalizedText,
    Money,
    MoneyRange,
    TermRange,
    TimeUnit,
)


def test_money_is_exact() -> None:
    money = Money("2.8592", "RUB")
    assert money.amount == Decimal("2.8592")
    assert str(Money(1200, "RUB")) == "1200 RUB"


@pytest.mark.parametrize(
    ("amount", "currency", "error", "message"),
    [
        (1.5, "RUB", TypeError, "expected an exact number"),
        (True, "RUB", TypeError, "expected an exact number"),
        ("-1", "RUB", ValueError, "must not be negative"),
        ("NaN", "RUB", ValueError, "must be a finite number"),
        ("Infinity", "RUB", ValueError, "must be a finite number"),
        ("abc", "RUB", ValueError, "is not a number"),
        ("1", "RUX", ValueError, "not an ISO 4217 currency code"),
        ("1", "rub", ValueError, r"did you mean 'RUB'\?"),
    ],
)
def test_money_rejects(amount: object, currency: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Money(amount, currency)  # type: ignore[arg-type]  # deliberately wrong input


def test_open_ranges() -> None:
    up_to = TermRange(unit=TimeUnit.YEARS, max=5)
    assert up_to.lower is None
    assert up_to.upper is not None
    assert up_to.upper.value == 5
    at_least = MoneyRange(currency="RUB", min=3_000_000)
    assert at_least.upper is None
    assert at_least.lower == Money(3_000_000, "RUB")


@pytest.mark.parametrize(
    "make",
    [
        lambda: TermRange(unit=TimeUnit.YEARS, min=15, max=8),
        lambda: MoneyRange(currency="RUB", min=5_000_000, max=3_000_000),
        lambda: IndexRange(unit="kz-mci", min=10, max=1),
    ],
)
def test_inverted_ranges(make: object) -> None:
    with pytest.raises(ValueError, match="the range is inverted"):
        make()  # type: ignore[operator]


def test_range_needs_a_bound() -> None:
    with pytest.raises(ValueError, match="needs 'min', 'max' or both"):
        TermRange(unit=TimeUnit.YEARS)


def _unit(*rates: IndexRate) -> IndexUnit:
    return IndexUnit(
        id="xa-mci", jurisdiction="XA", name=LocalizedText.of(en="Example index"), rates=rates
    )


def test_index_unit_rate_on_date() -> None:
    first = IndexRate(
        valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2024, 12, 31), value=Money(3692, "KZT")
    )
    second = IndexRate(valid_from=dt.date(2025, 1, 1), value=Money(3932, "KZT"))
    unit = _unit(first, second)
    assert unit.rate_on(dt.date(2024, 6, 1)) is first
    assert unit.rate_on(dt.date(2030, 1, 1)) is second
    assert unit.rate_on(dt.date(2023, 12, 31)) is None


def test_index_unit_rates_must_not_overlap() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        _unit(
            IndexRate(valid_from=dt.date(2024, 1, 1), value=Money(1, "KZT")),
            IndexRate(valid_from=dt.date(2025, 1, 1), value=Money(2, "KZT")),
        )
    with pytest.raises(ValueError, match="in order of valid_from"):
        _unit(
            IndexRate(valid_from=dt.date(2025, 1, 1), value=Money(2, "KZT")),
            IndexRate(
                valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2024, 2, 1), value=Money(1, "KZT")
            ),
        )


def test_index_unit_country_code() -> None:
    with pytest.raises(ValueError, match="not an ISO 3166-1 alpha-2 country code"):
        IndexUnit(id="x", jurisdiction="Kazakhstan", name=LocalizedText.of(en="x"))
