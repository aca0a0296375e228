"""Amounts and terms: money, index units, calendar terms and ranges of them.

Every amount is a :class:`~decimal.Decimal`, never a float. A range keeps its
unit once, so both bounds are always in the same unit.

Each bound of a range is a number, :data:`~lawsummary.records.common.UNKNOWN` (the bound
exists but the sources do not establish it: "up to 3 years", the minimum not read) or
``None`` (there is no such bound: "up to 3 years" and nothing more). A range has at
least one bound, known or unknown; both bounds may be unknown (a term that the law sets
but the sources do not give). Bounds are in order only where both are known. An amount
(:class:`Money`, :class:`Term`) is always a number.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from decimal import Decimal
from typing import Any

import attrs

from lawsummary._classes import Enum, shared_methods
from lawsummary.records.common import (
    UNKNOWN,
    FieldValueError,
    LocalizedText,
    Provenance,
    Unknown,
    check_id,
)

__all__ = [
    "MAX_FRACTION_DIGITS",
    "MAX_WHOLE_DIGITS",
    "Bound",
    "IndexRange",
    "IndexRate",
    "IndexUnit",
    "Money",
    "MoneyRange",
    "RatePurpose",
    "Term",
    "TermRange",
    "TimeUnit",
    "check_country",
    "check_region",
    "known",
    "known_currency",
    "to_decimal",
]


#: An amount has at most this many digits before the decimal point ...
MAX_WHOLE_DIGITS = 12
#: ... and at most this many after it, so that every sum, product and rounding the
#: summaries make stays exact within Python's default 28-digit decimal context.
MAX_FRACTION_DIGITS = 8

# Python's Decimal also reads other scripts' digits, "1_000" and surrounding spaces.
_ASCII_NUMBER = re.compile(
    r"[+-]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,9})?|(?i:s?nan|inf|infinity))\Z"
)


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Turn an int, a numeric string or a Decimal into a Decimal; floats are refused.

    A string holds ASCII digits only (``"٣000"`` is refused, though Python reads it).
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(
            f"expected an exact number (a Decimal, an int or a numeric string), got "
            f"{type(value).__name__} {value!r}"
        )
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and not _ASCII_NUMBER.match(value):
        raise ValueError(f"{value[:40]!r} is not a number written in ASCII digits")
    try:
        return Decimal(value)
    except ArithmeticError:  # pragma: no cover - the pattern admits only valid numbers
        raise ValueError(f"{value!r} is not a number") from None


def amount_problem(value: Decimal, *, computed: bool = False) -> str | None:
    """What is wrong with an amount (``"must not be negative, ..."``), or ``None``.

    A ``computed`` amount (an exact product of amounts from the data, such as a patent's
    monthly cost) may have more digits after the point than a document may write."""
    if not value.is_finite():
        return f"must be a finite number, not {value}"
    if value.is_signed():
        return f"must not be negative, got {value}"
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if (value and value.adjusted() >= MAX_WHOLE_DIGITS) or exponent > MAX_WHOLE_DIGITS:
        return (
            f"has too many digits: at most {MAX_WHOLE_DIGITS} before the decimal point, "
            f"got {value:.6E}"
        )
    if exponent < -MAX_FRACTION_DIGITS and not computed:
        shown = str(value) if len(str(value)) <= 40 else f"{value:.6E}"
        return (
            f"has too many digits: at most {MAX_FRACTION_DIGITS} after the decimal point, "
            f"got {shown}"
        )
    return None


def _check_amount(
    _inst: object, attribute: attrs.Attribute[Any], value: Decimal | Unknown | None
) -> None:
    if value is None or value is UNKNOWN:
        return
    # A record may hold an exact product of amounts (a patent's monthly cost); the digits a
    # document may write after the point are limited where documents are read.
    problem = amount_problem(value, computed=True)
    if problem is not None:
        raise FieldValueError(attribute.name, f"{attribute.name} {problem}")


def _optional_decimal(value: Decimal | int | str | Unknown | None) -> Decimal | Unknown | None:
    if value is None or value is UNKNOWN:
        return value
    return to_decimal(value)


#: A bound of a range: a number, ``UNKNOWN`` (exists, not established) or ``None`` (none).
Bound = Decimal | Unknown | None


def known(value: Decimal | Unknown | None) -> Decimal | None:
    """A bound as a number, or ``None`` where it is absent or not established."""
    return value if isinstance(value, Decimal) else None


@functools.cache
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def known_currency(code: str) -> bool:
    """Whether ``code`` is an ISO 4217 currency code CLDR knows (capital letters only)."""
    return code in _currencies()


def _check_currency(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in _currencies():
        hint = f" (did you mean {value.upper()!r}?)" if value.upper() in _currencies() else ""
        raise FieldValueError(
            attribute.name, f"{value!r} is not an ISO 4217 currency code known to CLDR{hint}"
        )


# ISO 3166-1 reserves these alpha-2 codes for user-assigned use; the project uses
# them for clearly labelled fictional example jurisdictions.
_USER_ASSIGNED = re.compile(r"AA|Q[M-Z]|X[A-Z]|ZZ\Z")


@functools.cache
def _countries() -> frozenset[str]:
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if re.fullmatch("[A-Z]{2}", code))


def check_country(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Validator for ISO 3166-1 alpha-2 country codes (user-assigned codes allowed)."""
    if not (value in _countries() or _USER_ASSIGNED.fullmatch(value)):
        raise FieldValueError(
            attribute.name,
            f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. 'RU', 'KZ'; "
            "'XA'-'XZ' for a fictional example)",
        )


def check_region(inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Validator for ISO 3166-2 subdivision codes such as ``RU-MOW``."""
    match = re.fullmatch(r"([A-Z]{2})-[A-Z0-9]{1,3}", value)
    if not match:
        raise FieldValueError(
            attribute.name, f"{value!r} is not an ISO 3166-2 region code such as 'RU-MOW'"
        )
    check_country(inst, attribute, match.group(1))


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Money:
    """An amount of money in an ISO 4217 currency."""

    amount: Decimal = attrs.field(converter=to_decimal, validator=_check_amount)
    currency: str = attrs.field(validator=_check_currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


class TimeUnit(Enum):
    """Calendar units of a term. They are never converted into one another."""

    HOURS = "hours"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Term:
    """A length of time in one calendar unit."""

    value: Decimal = attrs.field(converter=to_decimal, validator=_check_amount)
    unit: TimeUnit

    def __str__(self) -> str:
        return f"{self.value} {self.unit.value}"


def _check_bounds(lower: Bound, upper: Bound) -> None:
    if lower is None and upper is None:
        raise ValueError(
            "a range needs 'min', 'max' or both (either may be \"unknown\" where the bound "
            "exists but is not established)"
        )
    if isinstance(lower, Decimal) and isinstance(upper, Decimal) and lower > upper:
        raise ValueError(f"the range is inverted: min {lower} is greater than max {upper}")


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class TermRange:
    """A term with optional bounds: "up to 5 years", "at least 2 years", "8 to 15 years"."""

    unit: TimeUnit
    min: Decimal | Unknown | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_amount
    )
    max: Decimal | Unknown | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_amount
    )

    def __attrs_post_init__(self) -> None:
        _check_bounds(self.min, self.max)

    @property
    def lower(self) -> Term | Unknown | None:
        """The lower bound as an amount; ``UNKNOWN`` where it is not established."""
        if self.min is None or self.min is UNKNOWN:
            return self.min
        return Term(self.min, self.unit)

    @property
    def upper(self) -> Term | Unknown | None:
        """The upper bound as an amount; ``UNKNOWN`` where it is not established."""
        if self.max is None or self.max is UNKNOWN:
            return self.max
        return Term(self.max, self.unit)


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class MoneyRange:
    """An amount of money with optional bounds, in one currency."""

    currency: str = attrs.field(validator=_check_currency)
    min: Decimal | Unknown | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_amount
    )
    max: Decimal | Unknown | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_amount
    )

    def __attrs_post_init__(self) -> None:
        _check_bounds(self.min, self.max)

    @property
    def lower(self) -> Money | Unknown | None:
        """The lower bound as an amount; ``UNKNOWN`` where it is not established."""
        if self.min is None or self.min is UNKNOWN:
            return self.min
        return Money(self.min, self.currency)

    @property
    def upper(self) -> Money | Unknown | None:
        """The upper bound as an amount; ``UNKNOWN`` where it is not established."""
        if self.max is None or self.max is UNKNOWN:
            return self.max
        return Money(self.max, self.currency)


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class IndexRange:
    """An amount in an index unit (e.g. a monthly calculation index), with optional bounds.

    ``unit`` is the id of an :class:`IndexUnit` declared in the same dataset.
    """

    unit: str = attrs.field(validator=check_id)
    min: Decimal | Unknown | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_amount
    )
    max: Decimal | Unknown | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_amount
    )

    def __attrs_post_init__(self) -> None:
        _check_bounds(self.min, self.max)


class RatePurpose(Enum):
    """What a value of an index unit is for, where the law sets different values.

    Kazakhstan's monthly calculation index had two values in 2022: one for fines and
    taxes, and from 1 April one for benefits. A fine is counted at the value for
    :attr:`FINES_AND_TAXES`.
    """

    FINES_AND_TAXES = "fines_and_taxes"
    BENEFITS = "benefits"


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class IndexRate:
    """The value of one index unit in a currency over a period.

    ``purpose`` says what the value is for when the law sets different values for
    different purposes; it is left out when the source names no purpose, and such a
    value serves every purpose that has no value of its own.
    """

    valid_from: dt.date
    valid_to: dt.date | None = None
    value: Money
    purpose: RatePurpose | None = None
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


def _purpose_name(purpose: RatePurpose | None) -> str:
    return "no purpose" if purpose is None else f"purpose {purpose.value!r}"


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class IndexUnit:
    """A unit that fines or fees are counted in that is not a currency.

    Examples: Kazakhstan's monthly calculation index, multiples of a minimum wage.
    ``name`` is its full name ("monthly calculation index"), ``short_name`` the short
    one an amount is written with ("3,000 MCI", "3 000 МРП"), both in every language
    the data has. Its ``rates`` give its value in a currency, period by period, and where the law
    sets different values for different purposes, purpose by purpose: the rates of
    one purpose (or of none) must not overlap.
    """

    id: str = attrs.field(validator=check_id)
    jurisdiction: str = attrs.field(validator=check_country)
    name: LocalizedText
    short_name: LocalizedText | None = None
    rates: tuple[IndexRate, ...] = ()
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        ordered = sorted(self.rates, key=lambda r: r.valid_from)
        if list(ordered) != list(self.rates):
            raise ValueError("rates must be listed in order of valid_from")
        by_purpose: dict[RatePurpose | None, list[IndexRate]] = {}
        for rate in ordered:
            by_purpose.setdefault(rate.purpose, []).append(rate)
        for purpose, rates in by_purpose.items():
            for earlier, later in itertools.pairwise(rates):
                if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
                    raise ValueError(
                        f"the rate from {earlier.valid_from} overlaps the rate from "
                        f"{later.valid_from} ({_purpose_name(purpose)}); give the earlier one "
                        "a valid_to before it"
                    )

    def rate_on(self, day: dt.date, purpose: RatePurpose | None = None) -> IndexRate | None:
        """The rate in force on ``day`` for ``purpose``, or ``None`` when the data has none.

        A rate for that very purpose comes first, then one the data gives without a
        purpose. Without ``purpose``, only a rate without a purpose is taken: a value
        set for one purpose (say, benefits) is never used for another.
        """
        general = None
        for rate in self.rates:
            if rate.covers(day):
                if purpose is not None and rate.purpose is purpose:
                    return rate
                if rate.purpose is None:
                    general = rate
        return general
