"""Comparisons as data: what changed between two records, and in which direction.

``compare(before, after)`` returns a :class:`Comparison` whose ``changes`` are
typed :class:`Change` records. It works for two datasets (or one dataset
``as_of`` two dates), two provisions, two versions, two offences or two sanctions.
``compare_many`` puts several offences side by side in a :class:`Table`.

How the direction of a change is decided (for penalties only):

* A bound of a penalty's term or amount raised, or a minimum added, or a maximum
  removed, is **harsher**; the opposite is **more lenient**.
* A main alternative added that is lighter than the heaviest the law already
  allowed is **more lenient** (the court gets a milder option); one heavier than
  all of them is **harsher**. Removing an alternative is the reverse, judged
  against what remains. Penalty kinds are ranked by their jurisdiction's plug-in
  (``Jurisdiction.severity``, see :mod:`lawsummary.rules`), and otherwise by the
  severity each kind declares (:mod:`lawsummary.explain.penalties`).
* An additional penalty added is **harsher**, removed **more lenient**; an optional
  one becoming mandatory is **harsher**, the reverse **more lenient**; a change
  to or from "unknown" is **unclear**.
* A higher crime category is **harsher**, a lower one **more lenient** (the rank is
  the order of the jurisdiction's category system).
* Confiscation (or another measure) newly applying is **harsher**, where the side
  without it lists its measures in full (:func:`measures_complete`: the sanction's
  ``complete`` flag covers them); otherwise the change is unconfirmed and **unclear**.
* A new offence is **harsher**, a repealed one **more lenient**.
* Changes of wording, qualifying circumstances or completeness are **unclear**.
* A bound (``min``, ``max``) or a whole sanction that is ``UNKNOWN`` on one side is
  not compared: one change of kind ``CHANGED``, ``comparable`` false, **unclear** and
  unconfirmed, never a rise or fall; an unknown bound is never converted either.
* Two jurisdictions' offences compared are two laws side by side, not a change:
  :attr:`Comparison.framing` says so, and the summaries say "milder/harsher than in"
  the country compared with (the directions are the same data).
* The changes within one offence together are **mixed** when some are harsher and
  some more lenient; unclear changes do not decide the overall direction.

Amounts in different currencies or index units are never compared silently
(:func:`convert`): an amount in an index unit is counted at the unit's value for the
date of the version compared (the value for fines and taxes, where the law sets
values by purpose), then money goes into the other currency only through a
:class:`Rate` the caller supplies (value, date and source; the package bundles
none). Each change keeps its :class:`Conversion` records, step by step, and the
summaries name every step; where a step is missing (no rate, no value for that date,
a date not known to the day, a unit not in the data) the amounts are not compared
and the change says which step is missing. An amount only one country's offence has
is converted into the other country's currency, for comparison. ``compare_many``
does the same per cell.

Each change says where it is as a typed :class:`Location` (section, alternative,
addition, option, quantity, bound, name); ``Change.path`` is the same location as a
readable id, for people and tests, never taken apart again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs

from lawsummary._classes import Enum, shared_methods
from lawsummary.errors import LawSummaryError
from lawsummary.explain.penalties import compared_quantity, severity
from lawsummary.records.acts import Provision, Version
from lawsummary.records.common import UNKNOWN, PartialDate, Provenance, Status, Unknown
from lawsummary.records.dataset import Dataset
from lawsummary.records.penalties import Addition, Alternative, Mode, Penalty, Sanction
from lawsummary.records.provisions import Body, Offence
from lawsummary.records.quantities import (
    IndexRange,
    IndexRate,
    IndexUnit,
    MoneyRange,
    RatePurpose,
    TermRange,
    TimeUnit,
    to_decimal,
)
from lawsummary.rules import jurisdiction

__all__ = [
    "Change",
    "ChangeKind",
    "Comparison",
    "Conversion",
    "Direction",
    "Framing",
    "Key",
    "Location",
    "NotCompared",
    "Rate",
    "RateError",
    "Table",
    "alternatives_by_key",
    "compare",
    "compare_many",
    "convert",
    "measures_complete",
    "overall_direction",
    "pair_additions",
    "weakest",
]


class ChangeKind(Enum):
    ADDED = "added"
    REMOVED = "removed"
    RAISED = "raised"
    LOWERED = "lowered"
    CHANGED = "changed"

    def reversed(self) -> ChangeKind:
        swap = {
            ChangeKind.ADDED: ChangeKind.REMOVED,
            ChangeKind.REMOVED: ChangeKind.ADDED,
            ChangeKind.RAISED: ChangeKind.LOWERED,
            ChangeKind.LOWERED: ChangeKind.RAISED,
        }
        return swap.get(self, self)


class Direction(Enum):
    HARSHER = "harsher"
    MORE_LENIENT = "more_lenient"
    MIXED = "mixed"
    UNCLEAR = "unclear"

    def reversed(self) -> Direction:
        swap = {
            Direction.HARSHER: Direction.MORE_LENIENT,
            Direction.MORE_LENIENT: Direction.HARSHER,
        }
        return swap.get(self, self)


def combine(directions: Iterable[Direction | None]) -> Direction | None:
    """The overall direction of several changes (see the module's rules)."""
    found = {d for d in directions if d is not None}
    if not found:
        return None
    decided = found - {Direction.UNCLEAR}
    if Direction.MIXED in decided or decided >= {Direction.HARSHER, Direction.MORE_LENIENT}:
        return Direction.MIXED
    if decided:
        return decided.pop()
    return Direction.UNCLEAR


def overall_direction(changes: Iterable[Change]) -> Direction | None:
    """:func:`combine` of the changes' directions, but **unclear** wherever the punishment
    of one side is not established: then nothing else decides the overall direction."""
    listed = list(changes)
    found = combine(c.direction for c in listed)
    if found is not None and any(_sanction_not_established(c) for c in listed):
        return Direction.UNCLEAR
    return found


def _sanction_not_established(change: Change) -> bool:
    return change.location.section == "sanction" and change.location.name == "established"


class RateError(LawSummaryError, ValueError):
    """A conversion rate that cannot be used as it is: the message says what is wrong."""


def _rate_value(value: object) -> Decimal:
    try:
        return to_decimal(value)  # type: ignore[arg-type]  # checked by to_decimal
    except (TypeError, ValueError) as exc:
        raise RateError(f"a rate's value must be an exact number: {exc}") from None


def _check_rate_currency(name: str, code: object) -> None:
    from lawsummary.records.quantities import known_currency

    if not isinstance(code, str) or not known_currency(code):
        hint = ""
        if isinstance(code, str) and known_currency(code.upper()):
            hint = f" (currency codes are written in capitals: {code.upper()!r})"
        raise RateError(
            f"a rate's {name} must be an ISO 4217 currency code known to CLDR, such as "
            f"'KZT' or 'EUR', got {code!r}{hint}; an index unit (say, a monthly "
            "calculation index) is converted through its own dated values in the data, "
            "not through a rate"
        )


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Rate:
    """A conversion rate the caller supplies: one ``source`` unit is ``value`` ``target``.

    ``source`` is a currency code or an index unit id; ``target`` a currency code.
    A comparison that uses the rate names it, with its date and provenance.
    """

    source: str
    target: str
    value: Decimal = attrs.field(converter=_rate_value)
    date: dt.date
    provenance: Provenance

    def __attrs_post_init__(self) -> None:
        for name in ("source", "target"):
            _check_rate_currency(name, getattr(self, name))
        if self.source == self.target:
            raise RateError(
                f"a rate from {self.source} to itself converts nothing; give a rate between "
                "two different currencies"
            )
        if not self.value.is_finite() or self.value <= 0:
            raise RateError(f"a rate must be a positive number, got {self.value}")
        if not isinstance(self.date, dt.date) or isinstance(self.date, dt.datetime):
            raise RateError(f"a rate's date must be a datetime.date, got {self.date!r}")
        if not isinstance(self.provenance, Provenance) or not self.provenance.sources:
            raise RateError(
                "a rate needs a provenance with at least one source (where the rate comes "
                "from), as every fact does"
            )

    def describe(self) -> str:
        """The rate in a few words, for messages: ``1 EUR = 1.08 USD (2025-09-17)``."""
        return f"1 {self.source} = {self.value} {self.target} ({self.date.isoformat()})"


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Key:
    """Which of several items a change is about, by meaning rather than list position:
    the penalty kinds it offers and, where several items offer the same, its number
    among them (1 for the first). Written ``fine``, ``fine+income_fine``, ``fine#2``."""

    kinds: tuple[str, ...]
    n: int = 1

    def __str__(self) -> str:
        name = "+".join(self.kinds)
        return name if self.n == 1 else f"{name}#{self.n}"


#: The sections of a record a change can be in.
SECTIONS = ("provision", "sanction", "category", "measures", "circumstances", "field", "kind")


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Location:
    """Where a change is, as typed parts (see the module).

    ``section`` is one of :data:`SECTIONS`. In the sanction: ``alternative`` (a main
    penalty), ``addition`` (an additional penalty of it), ``option`` (one penalty an
    addition offers), ``quantity`` (the field compared: ``term``, ``amount``,
    ``period``) and ``bound`` (``min`` or ``max``); ``name`` is ``mode`` or
    ``complete`` there, and elsewhere the field, measure or circumstance changed.
    """

    section: str
    alternative: Key | None = None
    addition: Key | None = None
    option: Key | None = None
    quantity: str | None = None
    bound: str | None = None
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.section not in SECTIONS:
            raise ValueError(f"unknown section {self.section!r}; use one of {SECTIONS}")

    def id(self, subject: str | None) -> str:
        """The location as a readable id: ``ru-uk-322.1-2/sanction/imprisonment/term/max``."""
        if self.section == "provision":
            return subject or "provision"
        parts: list[str] = [] if subject is None else [subject]
        if self.section == "sanction":
            parts.append("sanction")
            if self.alternative is not None:
                parts.append(str(self.alternative))
            if self.addition is not None:
                parts.extend(("with", str(self.addition)))
            if self.option is not None:
                parts.append(str(self.option))
            if self.quantity is not None:
                parts.append(self.quantity)
            if self.bound is not None:
                parts.append(self.bound)
            if self.name is not None:
                parts.append(self.name)
        elif self.section in ("measures", "circumstances"):
            parts.extend((self.section, self.name or ""))
        elif self.section == "field":
            parts.append(self.name or "")
        else:
            parts.append(self.section)
        return "/".join(parts)


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Change:
    """One difference between two records.

    ``location`` says where, as typed parts; :attr:`path` names the same by meaning
    rather than list position (for example
    ``ru-uk-322.1-2/sanction/imprisonment/term/max``). ``before`` and ``after`` are
    the values (``None`` when absent). ``difference`` and ``factor`` are given for
    numbers in one unit (``after - before`` and ``after / before``). ``direction``
    is set for anything about penalties. ``status`` is the weakest grade of the
    facts compared.
    """

    location: Location
    kind: ChangeKind
    before: Any = None
    after: Any = None
    unit: str | None = None
    difference: Decimal | None = None
    factor: Decimal | None = None
    direction: Direction | None = None
    comparable: bool = True
    rate: Rate | None = None
    status: Status | None = None
    subject: str | None = None
    #: How the amounts before and after were brought into ``unit`` (``None`` for a side
    #: that needed no conversion); a side whose conversion misses a step is not compared.
    conversions: tuple[Conversion | None, Conversion | None] = (None, None)

    @property
    def path(self) -> str:
        """The location as a readable id (see :meth:`Location.id`)."""
        return self.location.id(self.subject)

    def reversed(self) -> Change:
        numeric = self.difference is not None
        difference, factor = _arithmetic(self.after, self.before, numeric)
        return attrs.evolve(
            self,
            kind=self.kind.reversed(),
            before=self.after,
            after=self.before,
            difference=difference,
            factor=factor,
            direction=self.direction.reversed() if self.direction else None,
            conversions=(self.conversions[1], self.conversions[0]),
        )


def _arithmetic(before: Any, after: Any, numeric: bool) -> tuple[Decimal | None, Decimal | None]:
    if not numeric or not isinstance(before, Decimal) or not isinstance(after, Decimal):
        return None, None
    factor = after / before if before != 0 else None
    return after - before, factor


class Framing(Enum):
    """What a comparison's two sides are: two times of one law, or two jurisdictions'
    laws in force side by side (see :attr:`Comparison.framing`)."""

    OVER_TIME = "over_time"
    ACROSS_JURISDICTIONS = "across_jurisdictions"


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Comparison:
    """The changes from ``before`` to ``after``, in a stable order.

    ``jurisdictions`` holds each side's jurisdiction (an ISO 3166-1 code, from the
    records' citations, or ``None`` where they name none or several); :attr:`framing`
    says from it whether the sides are two times of one law or two countries' laws.
    """

    before: Any
    after: Any
    changes: tuple[Change, ...]
    #: The dataset each side comes from (names, index units), where known.
    contexts: tuple[Dataset | None, Dataset | None] = (None, None)
    jurisdictions: tuple[str | None, str | None] = (None, None)

    @property
    def framing(self) -> Framing:
        """Two jurisdictions' laws side by side where the sides are of two known
        jurisdictions; otherwise two times of one law."""
        first, second = self.jurisdictions
        if first is not None and second is not None and first != second:
            return Framing.ACROSS_JURISDICTIONS
        return Framing.OVER_TIME

    def subjects(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(c.subject for c in self.changes))

    def direction(self, subject: str | None = None) -> Direction | None:
        """The overall direction of the penalty changes (for one subject, if given)."""
        return overall_direction(c for c in self.changes if subject is None or c.subject == subject)

    def reversed(self) -> Comparison:
        return Comparison(
            self.after,
            self.before,
            tuple(c.reversed() for c in self.changes),
            (self.contexts[1], self.contexts[0]),
            (self.jurisdictions[1], self.jurisdictions[0]),
        )


# -- severity ----------------------------------------------------------------------------------


def _relative(penalty: Penalty, others: Iterable[Penalty], code: str | None) -> Direction:
    """Adding ``penalty`` to a sanction whose other alternatives are ``others``, ranked by
    the severity of the jurisdiction ``code`` (see ``lawsummary.explain.penalties``)."""
    rank = severity(penalty, code)
    ranks = [r for r in (severity(p, code) for p in others) if r is not None]
    if rank is None or not ranks:
        return Direction.UNCLEAR
    if rank < max(ranks):
        return Direction.MORE_LENIENT
    if rank > max(ranks):
        return Direction.HARSHER
    return Direction.UNCLEAR


_MODE_RANK = {Mode.OPTIONAL: 1, Mode.MANDATORY: 2}


_STATUS_ORDER = (Status.UNCONFIRMED, Status.REPORTED, Status.CONFIRMED)


def weakest(statuses: Iterable[Status | None]) -> Status | None:
    """The weakest of some grades (unconfirmed < reported < confirmed), ``None`` for none."""
    found = [s for s in statuses if s is not None]
    return min(found, key=_STATUS_ORDER.index) if found else None


def _weakest(*provenances: Provenance | None) -> Status | None:
    return weakest(p.status for p in provenances if p is not None)


# -- quantities ---------------------------------------------------------------------------------


# -- amounts in other units ---------------------------------------------------------------------


class NotCompared(Enum):
    """Why an amount could not be brought into the currency it is compared in."""

    #: No :class:`Rate` between the two currencies was given.
    NO_RATE = "no_rate"
    #: The index unit has no value in the data for the date that decides it.
    NO_INDEX_VALUE = "no_index_value"
    #: The date that decides the index unit's value (the version's) is not established.
    NO_DATE = "no_date"
    #: The index unit is not declared in the data at hand.
    UNKNOWN_UNIT = "unknown_unit"


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Conversion:
    """How one amount was brought into the currency ``target`` it is compared in, step by step.

    ``amount`` is the amount as the law states it. For an amount in an index unit,
    ``unit`` is the unit, ``day`` the date whose value counts (the date of the version
    compared) and ``index_rate`` the unit's value then (for fines and taxes where the
    law sets values by purpose); ``money`` is the amount in that value's currency.
    ``rate`` is the caller's rate from ``money``'s currency to ``target``, where one
    was needed; ``result`` the amount in ``target`` (exact, not rounded). Where a step
    is missing, ``missing`` says which, and ``result`` is ``None``.
    """

    amount: MoneyRange | IndexRange
    target: str
    unit: IndexUnit | None = None
    day: dt.date | None = None
    index_rate: IndexRate | None = None
    money: MoneyRange | None = None
    rate: Rate | None = None
    result: MoneyRange | None = None
    missing: NotCompared | None = None

    @property
    def status(self) -> Status | None:
        """The weakest grade of the values the conversion used."""
        return _weakest(
            self.index_rate.provenance if self.index_rate is not None else None,
            self.rate.provenance if self.rate is not None else None,
        )

    @property
    def source_currency(self) -> str | None:
        """The currency the rate would convert from (``None`` before the index step)."""
        if self.money is not None:
            return self.money.currency
        return self.amount.currency if isinstance(self.amount, MoneyRange) else None


def _scaled(amount: MoneyRange | IndexRange, factor: Decimal, currency: str) -> MoneyRange:
    """``amount`` times ``factor``; a bound that is not established stays so (never
    converted: no number is made for it)."""
    return MoneyRange(
        currency=currency,
        min=_scaled_bound(amount.min, factor),
        max=_scaled_bound(amount.max, factor),
    )


def _scaled_bound(bound: Decimal | Unknown | None, factor: Decimal) -> Decimal | Unknown | None:
    return bound * factor if isinstance(bound, Decimal) else bound


def _index_unit(unit_id: str, dataset: Dataset | None) -> IndexUnit | None:
    if dataset is not None:
        found = dataset.index().index_units.get(unit_id)
        if found is not None:
            return found
    from lawsummary import datasets as bundled

    for name in bundled.names():
        found = bundled.load(name).index().index_units.get(unit_id)
        if found is not None:
            return found
    return None


def _to_money(
    amount: MoneyRange | IndexRange, day: dt.date | None, dataset: Dataset | None
) -> tuple[MoneyRange | None, dict[str, Any]]:
    """The amount in money (an index amount at its unit's value on ``day``), and the steps."""
    if isinstance(amount, MoneyRange):
        return amount, {}
    unit = _index_unit(amount.unit, dataset)
    if unit is None:
        return None, {"missing": NotCompared.UNKNOWN_UNIT}
    if day is None:
        return None, {"unit": unit, "missing": NotCompared.NO_DATE}
    value = unit.rate_on(day, RatePurpose.FINES_AND_TAXES)
    if value is None:
        return None, {"unit": unit, "day": day, "missing": NotCompared.NO_INDEX_VALUE}
    money = _scaled(amount, value.value.amount, value.value.currency)
    return money, {"unit": unit, "day": day, "index_rate": value, "money": money}


def convert(
    amount: MoneyRange | IndexRange,
    target: str,
    *,
    day: dt.date | None = None,
    dataset: Dataset | None = None,
    rates: Sequence[Rate] = (),
) -> Conversion | None:
    """``amount`` in the currency ``target``, every step named (see :class:`Conversion`).

    An amount in an index unit is first counted at the unit's value for ``day`` (for
    fines and taxes where values have purposes), from ``dataset`` or the bundled data;
    money in another currency then goes through the caller's ``rates``. ``None`` when
    the amount is in ``target`` already.
    """
    if isinstance(amount, MoneyRange) and amount.currency == target:
        return None
    money, steps = _to_money(amount, day, dataset)
    if money is None:
        return Conversion(amount=amount, target=target, **steps)
    if money.currency == target:
        return Conversion(amount=amount, target=target, result=money, **steps)
    rate = next((r for r in rates if r.source == money.currency and r.target == target), None)
    if rate is None:
        return Conversion(
            amount=amount, target=target, missing=NotCompared.NO_RATE, **{**steps, "money": money}
        )
    result = _scaled(money, rate.value, target)
    return Conversion(
        amount=amount, target=target, rate=rate, result=result, **{**steps, "money": money}
    )


def version_day(version: Version | None, dataset: Dataset | None) -> dt.date | None:
    """The date whose index values count for a version: the date the dataset is cut at
    (``as_of``), else the version's first day, else its last; ``None`` if none is known
    to the day."""
    if dataset is not None and dataset.as_of_date is not None:
        return dataset.as_of_date
    if version is None:
        return None
    for bound in (version.valid_from, version.valid_to):
        if isinstance(bound, PartialDate) and bound.day is not None and bound.month is not None:
            return dt.date(bound.year, bound.month, bound.day)
    return None


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class _Money:
    """What converting the amounts of one comparison needs: the caller's rates, and for
    each side its dataset (index units) and the date its index values count at."""

    rates: tuple[Rate, ...] = ()
    datasets: tuple[Dataset | None, Dataset | None] = (None, None)
    days: tuple[dt.date | None, dt.date | None] = (None, None)
    #: Each side's jurisdiction's currency, where the two sides are of two countries.
    currencies: tuple[str | None, str | None] = (None, None)


def _lone_conversions(
    penalties: Iterable[Penalty], side: int, rates: Rates
) -> tuple[Conversion | None, Conversion | None]:
    """An amount only one side has (an added or removed penalty), in the other country's
    currency: how the two could be set side by side, or why they cannot."""
    money = _money_of(rates)
    mine, other = money.currencies[side], money.currencies[1 - side]
    if mine is None or other is None or mine == other:
        return None, None
    for penalty in penalties:
        found = compared_quantity(penalty)
        if found is not None and isinstance(found[1], MoneyRange | IndexRange):
            conv = convert(
                found[1],
                other,
                day=money.days[side],
                dataset=money.datasets[side],
                rates=money.rates,
            )
            return (conv, None) if side == 0 else (None, conv)
    return None, None


def _money_of(rates: Sequence[Rate] | _Money) -> _Money:
    return rates if isinstance(rates, _Money) else _Money(rates=tuple(rates))


def _money_currency(
    amount: MoneyRange | IndexRange, day: dt.date | None, dataset: Dataset | None
) -> str | None:
    money, _ = _to_money(amount, day, dataset)
    return money.currency if money is not None else None


def _target(a: str | None, b: str | None, rates: Sequence[Rate]) -> str | None:
    """The currency two amounts are compared in: the same whichever side is first."""
    if a is None or b is None:
        return b if a is None else a
    if a == b:
        return a
    if any(r.source == a and r.target == b for r in rates):
        return b
    if any(r.source == b and r.target == a for r in rates):
        return a
    return max(a, b)


def _term_in(term: TermRange, bound: str) -> tuple[Decimal | Unknown | None, str]:
    value: Decimal | Unknown | None = getattr(term, bound)
    if term.unit is TimeUnit.YEARS and isinstance(value, Decimal):
        return value * 12, "months"
    return value, "months" if term.unit in (TimeUnit.YEARS, TimeUnit.MONTHS) else term.unit.value


def _range_parts(
    value: TermRange | MoneyRange | IndexRange, other: TermRange | MoneyRange | IndexRange
) -> tuple[dict[str, Decimal | Unknown | None], str]:
    """The bounds and their unit; terms in months and years are both put in months."""
    if isinstance(value, TermRange):
        if isinstance(other, TermRange) and other.unit is value.unit:
            return {"min": value.min, "max": value.max}, value.unit.value
        low, unit = _term_in(value, "min")
        high, _ = _term_in(value, "max")
        return {"min": low, "max": high}, unit
    unit = value.currency if isinstance(value, MoneyRange) else f"index:{value.unit}"
    return {"min": value.min, "max": value.max}, unit


Rates = Sequence[Rate] | _Money


def _compare_ranges(
    loc: Location,
    before: TermRange | MoneyRange | IndexRange,
    after: TermRange | MoneyRange | IndexRange,
    rates: Rates,
    base: dict[str, Any],
) -> Iterator[Change]:
    b_parts, b_unit = _range_parts(before, after)
    a_parts, a_unit = _range_parts(after, before)
    rate = None
    conversions: tuple[Conversion | None, Conversion | None] = (None, None)
    if b_unit != a_unit:
        if isinstance(before, TermRange) or isinstance(after, TermRange):
            # Hours against days (say): calendar units are never converted.
            if before != after:
                yield Change(
                    location=loc,
                    kind=ChangeKind.CHANGED,
                    before=before,
                    after=after,
                    comparable=False,
                    direction=Direction.UNCLEAR,
                    **base,
                )
            return
        money = _money_of(rates)
        (ds_b, ds_a), (day_b, day_a) = money.datasets, money.days
        target = _target(
            _money_currency(before, day_b, ds_b), _money_currency(after, day_a, ds_a), money.rates
        )
        conv_b = convert(before, target or "", day=day_b, dataset=ds_b, rates=money.rates)
        conv_a = convert(after, target or "", day=day_a, dataset=ds_a, rates=money.rates)
        conversions = (conv_b, conv_a)
        if any(c is not None and c.result is None for c in conversions):
            if before != after:
                yield Change(
                    location=loc,
                    kind=ChangeKind.CHANGED,
                    before=before,
                    after=after,
                    comparable=False,
                    direction=Direction.UNCLEAR,
                    conversions=conversions,
                    **base,
                )
            return
        if conv_b is not None and conv_b.result is not None:
            b_parts = {"min": conv_b.result.min, "max": conv_b.result.max}
        if conv_a is not None and conv_a.result is not None:
            a_parts = {"min": conv_a.result.min, "max": conv_a.result.max}
        a_unit = target or a_unit
        rate = next((c.rate for c in conversions if c is not None and c.rate is not None), None)
        graded = [c.status for c in conversions if c is not None]
        base = {**base, "status": weakest([base.get("status"), *graded])}
    for bound in ("min", "max"):
        old, new = b_parts[bound], a_parts[bound]
        if old == new:
            continue
        if isinstance(old, Unknown) or isinstance(new, Unknown):
            yield _unknown_bound_change(loc, bound, old, new, a_unit, rate, conversions, base)
            continue
        if old is None or new is None:
            kind = ChangeKind.ADDED if old is None else ChangeKind.REMOVED
            # A minimum appearing or a maximum disappearing widens the punishment upwards.
            harsher = (bound == "min") == (kind is ChangeKind.ADDED)
            difference = factor = None
        else:
            kind = ChangeKind.RAISED if new > old else ChangeKind.LOWERED
            harsher = kind is ChangeKind.RAISED
            difference, factor = _arithmetic(old, new, True)
        yield Change(
            location=attrs.evolve(loc, bound=bound),
            kind=kind,
            before=old,
            after=new,
            unit=a_unit,
            difference=difference,
            factor=factor,
            direction=Direction.HARSHER if harsher else Direction.MORE_LENIENT,
            rate=rate,
            conversions=conversions,
            **base,
        )


def _unknown_bound_change(
    loc: Location,
    bound: str,
    old: Decimal | Unknown | None,
    new: Decimal | Unknown | None,
    unit: str,
    rate: Rate | None,
    conversions: tuple[Conversion | None, Conversion | None],
    base: dict[str, Any],
) -> Change:
    """A bound that is not established on one side: it cannot be compared, so the change
    is neither harsher nor more lenient, and never a number's rise or fall."""
    return Change(
        location=attrs.evolve(loc, bound=bound),
        kind=ChangeKind.CHANGED,
        before=old,
        after=new,
        unit=unit,
        comparable=False,
        direction=Direction.UNCLEAR,
        rate=rate,
        conversions=conversions,
        **{**base, "status": Status.UNCONFIRMED},
    )


def _unknown_sanction_changes(
    before: Sanction | Unknown, after: Sanction | Unknown, subject: str | None
) -> Iterator[Change]:
    """A sanction not established on one side (or both): nothing in it can be compared,
    so there is one change of unclear direction and unconfirmed, or none where neither
    side's punishment is established."""
    if isinstance(before, Unknown) and isinstance(after, Unknown):
        return
    yield Change(
        location=Location(section="sanction", name="established"),
        kind=ChangeKind.CHANGED,
        before=before,
        after=after,
        comparable=False,
        direction=Direction.UNCLEAR,
        status=Status.UNCONFIRMED,
        subject=subject,
    )


# -- offences -----------------------------------------------------------------------------------


_T = TypeVar("_T")


def _keyed(items: Iterable[tuple[tuple[str, ...], _T]]) -> dict[Key, _T]:
    """Items by :class:`Key`: their kinds, numbered where several have the same."""
    keyed: dict[Key, _T] = {}
    counts: dict[tuple[str, ...], int] = {}
    for kinds, item in items:
        n = counts[kinds] = counts.get(kinds, 0) + 1
        keyed[Key(kinds, n)] = item
    return keyed


def alternatives_by_key(sanction: Sanction) -> dict[Key, Alternative]:
    """A sanction's alternatives by :class:`Key` (the kind of their main penalty)."""
    return _keyed(((a.penalty.kind,), a) for a in sanction.alternatives)


def _options_by_key(addition: Addition) -> dict[Key, Penalty]:
    return _keyed(((p.kind,), p) for p in addition.options)


def _addition_kinds(addition: Addition) -> tuple[str, ...]:
    return tuple(sorted(p.kind for p in addition.options))


def _sorted_keys(keys: Iterable[Key]) -> list[Key]:
    """Keys in the order their ids sort: the order changes are listed in."""
    return sorted(keys, key=str)


def _compare_penalties(
    loc: Location, before: Penalty, after: Penalty, rates: Rates, base: dict[str, Any]
) -> Iterator[Change]:
    b_q, a_q = compared_quantity(before), compared_quantity(after)
    if b_q is not None and a_q is not None and b_q[0] == a_q[0]:
        yield from _compare_ranges(attrs.evolve(loc, quantity=b_q[0]), b_q[1], a_q[1], rates, base)
    elif before != after:
        yield Change(
            location=loc,
            kind=ChangeKind.CHANGED,
            before=before,
            after=after,
            direction=Direction.UNCLEAR,
            **base,
        )


def _compare_sanctions(
    before: Sanction,
    after: Sanction,
    rates: Rates,
    status: Status | None,
    subject: str | None,
    code: str | None = None,
) -> Iterator[Change]:
    """The changes of a sanction; ``code`` is the jurisdiction whose severity ranks its
    penalty kinds."""
    base: dict[str, Any] = {"status": status, "subject": subject}
    # Where the side without an item may list only part of the sanction, its absence is
    # not established: the change is unconfirmed and its direction unclear.
    doubtful: dict[str, Any] = {
        **base,
        "status": Status.UNCONFIRMED,
        "direction": Direction.UNCLEAR,
    }
    old = alternatives_by_key(before)
    new = alternatives_by_key(after)
    for key in _sorted_keys(set(old) | set(new)):
        alt_loc = Location(section="sanction", alternative=key)
        if key not in new:
            lighter = _relative(old[key].penalty, after.penalties(), code).reversed()
            extra = doubtful if not after.complete else {**base, "direction": lighter}
            yield Change(
                location=alt_loc,
                kind=ChangeKind.REMOVED,
                before=old[key].penalty,
                conversions=_lone_conversions((old[key].penalty,), 0, rates),
                **extra,
            )
            continue
        if key not in old:
            heavier = _relative(new[key].penalty, before.penalties(), code)
            extra = doubtful if not before.complete else {**base, "direction": heavier}
            yield Change(
                location=alt_loc,
                kind=ChangeKind.ADDED,
                after=new[key].penalty,
                conversions=_lone_conversions((new[key].penalty,), 1, rates),
                **extra,
            )
            continue
        a_status = _weakest(old[key].provenance, new[key].provenance) or status
        yield from _compare_penalties(
            alt_loc, old[key].penalty, new[key].penalty, rates, {**base, "status": a_status}
        )
        yield from _compare_additions(
            alt_loc,
            old[key].additions,
            new[key].additions,
            rates,
            a_status,
            subject,
            (before.complete, after.complete),
        )
    if before.complete != after.complete:
        yield Change(
            location=Location(section="sanction", name="complete"),
            kind=ChangeKind.CHANGED,
            before=before.complete,
            after=after.complete,
            direction=Direction.UNCLEAR,
            **base,
        )


def pair_additions(
    before: tuple[Addition, ...], after: tuple[Addition, ...]
) -> list[tuple[Key, Addition | None, Addition | None]]:
    """Additions matched by the kinds of penalty they offer; the key names both sides' kinds."""
    old = _keyed((_addition_kinds(a), a) for a in before)
    new = _keyed((_addition_kinds(a), a) for a in after)
    pairs: list[tuple[Key, Addition | None, Addition | None]] = []
    for key in _sorted_keys(set(old) & set(new)):
        pairs.append((key, old.pop(key), new.pop(key)))
    for o_key in _sorted_keys(old):
        match = next((n for n in _sorted_keys(new) if set(o_key.kinds) & set(n.kinds)), None)
        if match is None:
            pairs.append((o_key, old[o_key], None))
        else:
            joined = Key(tuple(sorted(set(o_key.kinds) | set(match.kinds))))
            pairs.append((joined, old[o_key], new.pop(match)))
    pairs.extend((n_key, None, new[n_key]) for n_key in _sorted_keys(new))
    return sorted(pairs, key=lambda pair: str(pair[0]))


def _compare_additions(
    alt_loc: Location,
    before: tuple[Addition, ...],
    after: tuple[Addition, ...],
    rates: Rates,
    status: Status | None,
    subject: str | None,
    complete: tuple[bool, bool] = (True, True),
) -> Iterator[Change]:
    for key, o, n in pair_additions(before, after):
        add_loc = attrs.evolve(alt_loc, addition=key)
        st = _weakest(o.provenance if o else None, n.provenance if n else None) or status
        base: dict[str, Any] = {"status": st, "subject": subject}
        if o is None or n is None:
            added = o is None
            sure = complete[0] if added else complete[1]
            direction = Direction.HARSHER if added else Direction.MORE_LENIENT
            lone = n if added else o
            assert lone is not None
            yield Change(
                location=add_loc,
                kind=ChangeKind.ADDED if added else ChangeKind.REMOVED,
                before=o,
                after=n,
                direction=direction if sure else Direction.UNCLEAR,
                conversions=_lone_conversions(lone.options, 1 if added else 0, rates),
                **(base if sure else {**base, "status": Status.UNCONFIRMED}),
            )
            continue
        if o.mode is not n.mode:
            old_rank, new_rank = _MODE_RANK.get(o.mode), _MODE_RANK.get(n.mode)
            if old_rank is None or new_rank is None:
                direction = Direction.UNCLEAR
            elif new_rank > old_rank:
                direction = Direction.HARSHER
            else:
                direction = Direction.MORE_LENIENT
            yield Change(
                location=attrs.evolve(add_loc, name="mode"),
                kind=ChangeKind.CHANGED,
                before=o.mode,
                after=n.mode,
                direction=direction,
                **base,
            )
        old_opts = _options_by_key(o)
        new_opts = _options_by_key(n)
        for opt in _sorted_keys(set(old_opts) | set(new_opts)):
            opt_loc = attrs.evolve(add_loc, option=opt)
            if opt in old_opts and opt in new_opts:
                yield from _compare_penalties(opt_loc, old_opts[opt], new_opts[opt], rates, base)
            else:
                added = opt in new_opts
                sure = complete[0] if added else complete[1]
                yield Change(
                    location=opt_loc,
                    kind=ChangeKind.ADDED if added else ChangeKind.REMOVED,
                    before=None if added else old_opts[opt],
                    after=new_opts[opt] if added else None,
                    direction=Direction.UNCLEAR,
                    **(base if sure else {**base, "status": Status.UNCONFIRMED}),
                )


def _category(version: Version | None, body: Offence, dataset: Dataset | None) -> str | None:
    """The offence's crime category (its id), stated or derived."""
    if body.category is not None:
        return body.category
    if dataset is not None and version is not None:
        derived = dataset.derived_category(version)
        if isinstance(derived, str):
            return derived
    return None


def _category_rank(code: str, category: str) -> int | None:
    plugin = jurisdiction(code)
    system = plugin.categories if plugin is not None else None
    return system.rank(category) if system is not None else None


def _text_key(text: Any) -> str:
    entries = getattr(text, "entries", ())
    return dict(entries).get("en") or dict(entries).get("ru") or str(text)


def _money_context(
    before: Offence,
    after: Offence,
    rates: Rates,
    versions: tuple[Version | None, Version | None],
    datasets: tuple[Dataset | None, Dataset | None],
) -> _Money:
    """What converting the two offences' amounts needs (see :class:`_Money`)."""
    codes = (before.citation.jurisdiction, after.citation.jurisdiction)
    currencies: tuple[str | None, str | None] = (None, None)
    if codes[0] != codes[1]:
        plugins = (jurisdiction(codes[0]), jurisdiction(codes[1]))
        currencies = (
            plugins[0].currency if plugins[0] is not None else None,
            plugins[1].currency if plugins[1] is not None else None,
        )
    return _Money(
        rates=_money_of(rates).rates,
        datasets=datasets,
        days=(version_day(versions[0], datasets[0]), version_day(versions[1], datasets[1])),
        currencies=currencies,
    )


def _compare_offences(
    before: Offence,
    after: Offence,
    subject: str | None,
    rates: Rates,
    versions: tuple[Version | None, Version | None] = (None, None),
    datasets: tuple[Dataset | None, Dataset | None] = (None, None),
) -> Iterator[Change]:
    status = _weakest(before.provenance, after.provenance)
    base: dict[str, Any] = {"status": status, "subject": subject}
    code = after.citation.jurisdiction
    money = _money_context(before, after, rates, versions, datasets)
    if isinstance(before.sanction, Sanction) and isinstance(after.sanction, Sanction):
        yield from _compare_sanctions(before.sanction, after.sanction, money, status, subject, code)
    else:
        yield from _unknown_sanction_changes(before.sanction, after.sanction, subject)
    old_cat = _category(versions[0], before, datasets[0])
    new_cat = _category(versions[1], after, datasets[1])
    if old_cat != new_cat:
        if old_cat is None or new_cat is None:
            kind = ChangeKind.ADDED if old_cat is None else ChangeKind.REMOVED
            direction = Direction.UNCLEAR
        else:
            old_rank = _category_rank(before.citation.jurisdiction, old_cat)
            new_rank = _category_rank(code, new_cat)
            if old_rank is None or new_rank is None or code != before.citation.jurisdiction:
                kind, direction = ChangeKind.CHANGED, Direction.UNCLEAR
            else:
                harsher = new_rank > old_rank
                kind = ChangeKind.RAISED if harsher else ChangeKind.LOWERED
                direction = Direction.HARSHER if harsher else Direction.MORE_LENIENT
        yield Change(
            location=Location(section="category"),
            kind=kind,
            before=old_cat,
            after=new_cat,
            direction=direction,
            **base,
        )
    yield from _compare_measures(before, after, status, subject, datasets)
    old_c = {_text_key(c.text): c for c in before.circumstances}
    new_c = {_text_key(c.text): c for c in after.circumstances}
    for key in sorted(set(old_c) ^ set(new_c)):
        added = key in new_c
        # A circumstance missing from a list the sources may not give in full is not
        # established as added or removed: the change is unconfirmed.
        sure = before.circumstances_complete if added else after.circumstances_complete
        yield Change(
            location=Location(section="circumstances", name=key),
            kind=ChangeKind.ADDED if added else ChangeKind.REMOVED,
            before=None if added else old_c[key],
            after=new_c[key] if added else None,
            direction=Direction.UNCLEAR,
            **(base if sure else {**base, "status": Status.UNCONFIRMED}),
        )
    for field in ("liability", "guilt", "title", "description", "citation"):
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            yield Change(
                location=Location(section="field", name=field),
                kind=ChangeKind.CHANGED,
                before=old,
                after=new,
                direction=Direction.UNCLEAR if field in ("liability", "guilt") else None,
                **base,
            )


def measures_complete(offence: Offence) -> bool:
    """Whether the data establishes an offence's list of measures (confiscation and the
    like) as complete: its sanction's ``complete`` flag covers the penalties and the
    measures alike, so a measure missing beside an incomplete sanction, or beside a
    sanction that is not established, is not established as absent."""
    return isinstance(offence.sanction, Sanction) and offence.sanction.complete


def _compare_measures(
    before: Offence,
    after: Offence,
    status: Status | None,
    subject: str | None,
    datasets: tuple[Dataset | None, Dataset | None],
) -> Iterator[Change]:
    for measure in sorted(set(before.measures) ^ set(after.measures)):
        added = measure in after.measures
        # The change states the measure too: it is no stronger than the measure's grade.
        held = _measure_provenances(datasets[1] if added else datasets[0], measure)
        graded = weakest((status, *(p.status for p in held)))
        # A measure missing from a side whose list is not established as complete is not
        # established as absent: the change is unconfirmed and has no direction.
        sure = measures_complete(before if added else after)
        direction = Direction.HARSHER if added else Direction.MORE_LENIENT
        yield Change(
            location=Location(section="measures", name=measure),
            kind=ChangeKind.ADDED if added else ChangeKind.REMOVED,
            before=None if added else measure,
            after=measure if added else None,
            direction=direction if sure else Direction.UNCLEAR,
            status=graded if sure else Status.UNCONFIRMED,
            subject=subject,
        )


def _measure_provenances(dataset: Dataset | None, measure_id: str) -> tuple[Provenance, ...]:
    """The grade of the measure ``measure_id`` as ``dataset`` holds it (its latest
    version's body's; the version's own grade is that of its dates)."""
    provision = (
        next((p for p in dataset.provisions if p.id == measure_id), None) if dataset else None
    )
    if provision is None:
        return ()
    found = getattr(provision.latest().body, "provenance", None)
    return (found,) if isinstance(found, Provenance) else ()


def _compare_bodies(
    before: Body,
    after: Body,
    subject: str | None,
    rates: Rates,
    versions: tuple[Version | None, Version | None] = (None, None),
    datasets: tuple[Dataset | None, Dataset | None] = (None, None),
) -> Iterator[Change]:
    if isinstance(before, Offence) and isinstance(after, Offence):
        yield from _compare_offences(before, after, subject, rates, versions, datasets)
        return
    status = _weakest(getattr(before, "provenance", None), getattr(after, "provenance", None))
    if type(before) is not type(after):
        yield Change(
            location=Location(section="kind"),
            kind=ChangeKind.CHANGED,
            before=before,
            after=after,
            status=status,
            subject=subject,
        )
        return
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(before))):
        if field.name.endswith("provenance") or field.name == "open_questions":
            continue
        old, new = getattr(before, field.name), getattr(after, field.name)
        if old != new:
            yield Change(
                location=Location(section="field", name=field.name),
                kind=ChangeKind.CHANGED,
                before=old,
                after=new,
                status=status,
                subject=subject,
            )


def _penal(body: Body) -> bool:
    from lawsummary.records.provisions import AggravatingCircumstance, Confiscation

    return isinstance(body, Offence | Confiscation | AggravatingCircumstance)


def _compare_datasets(before: Dataset, after: Dataset, rates: Sequence[Rate]) -> Iterator[Change]:
    old = {p.id: p for p in before.provisions}
    new = {p.id: p for p in after.provisions}
    ordered = [p.id for p in after.provisions] + [
        p.id for p in before.provisions if p.id not in new
    ]
    for pid in ordered:
        o, n = old.get(pid), new.get(pid)
        if o is None and n is not None:
            version = n.latest()
            direction = Direction.HARSHER if _penal(version.body) else None
            yield Change(
                location=Location(section="provision"),
                kind=ChangeKind.ADDED,
                after=version,
                direction=direction,
                status=_weakest(getattr(version.body, "provenance", None)),
                subject=pid,
            )
        elif n is None and o is not None:
            version = o.latest()
            direction = Direction.MORE_LENIENT if _penal(version.body) else None
            yield Change(
                location=Location(section="provision"),
                kind=ChangeKind.REMOVED,
                before=version,
                direction=direction,
                status=_weakest(getattr(version.body, "provenance", None)),
                subject=pid,
            )
        elif o is not None and n is not None:
            ov, nv = o.latest(), n.latest()
            yield from _compare_bodies(ov.body, nv.body, pid, rates, (ov, nv), (before, after))


def compare(
    before: object,
    after: object,
    *,
    rates: Sequence[Rate] = (),
    dataset: Dataset | None = None,
    datasets: Sequence[Dataset | None] | None = None,
) -> Comparison:
    """What changed from ``before`` to ``after``.

    Both must be of one kind: datasets, provisions, versions, provision bodies or
    sanctions. ``dataset`` gives context for records taken out of one (derived
    categories, index units and their values); ``datasets`` one for each side, for
    records of two datasets (say, two countries).

    Amounts in different currencies or index units are converted as
    :func:`convert` says: an index amount at its unit's value for the date of the
    version compared, then money through one of the caller's ``rates``; every change
    that needed it holds its :class:`Conversion` records, and where a step is missing
    the amounts are not compared (``Change.comparable`` is false).
    """
    contexts = _contexts(dataset, datasets, 2, "compare")
    rates = _checked_rates(rates)
    if type(before) is not type(after) and not (
        isinstance(before, Body) and isinstance(after, Body)
    ):
        raise LawSummaryError(
            f"cannot compare a {type(before).__name__} with a {type(after).__name__}; "
            "compare two records of one kind"
        )
    pair = (contexts[0], contexts[1])
    if isinstance(before, Dataset) and isinstance(after, Dataset):
        changes = list(_compare_datasets(before, after, rates))
        pair = (before, after)
    elif isinstance(before, Provision) and isinstance(after, Provision):
        ov, nv = before.latest(), after.latest()
        changes = list(_compare_bodies(ov.body, nv.body, None, rates, (ov, nv), pair))
    elif isinstance(before, Version) and isinstance(after, Version):
        changes = list(_compare_bodies(before.body, after.body, None, rates, (before, after), pair))
    elif isinstance(before, Body) and isinstance(after, Body):
        changes = list(_compare_bodies(before, after, None, rates, (None, None), pair))
    elif isinstance(before, Sanction) and isinstance(after, Sanction):
        changes = list(
            _compare_sanctions(
                before,
                after,
                rates,
                _weakest(before.provenance, after.provenance),
                None,
            )
        )
    else:
        raise LawSummaryError(
            f"cannot compare {type(before).__name__} records; compare datasets, provisions, "
            "versions, provision bodies or sanctions"
        )
    # One order whichever side is "before", so that swapping the sides reverses each change.
    changes.sort(key=lambda c: (c.subject or "", c.path))
    codes = (side_jurisdiction(before, pair[0]), side_jurisdiction(after, pair[1]))
    return Comparison(before, after, tuple(changes), pair, codes)


def side_jurisdiction(record: object, context: Dataset | None = None) -> str | None:
    """The jurisdiction of one side of a comparison, from what its records cite: a
    dataset's provisions (where all that cite one cite the same jurisdiction), a
    provision's newest version, a body's citation; a sanction (which cites nothing)
    takes its dataset's."""
    if isinstance(record, Dataset):
        codes = {side_jurisdiction(p) for p in record.provisions} - {None}
        return codes.pop() if len(codes) == 1 else None
    if isinstance(record, Provision):
        record = record.latest() if record.versions else None
    if isinstance(record, Version):
        record = record.body
    if isinstance(record, Sanction):
        return side_jurisdiction(context) if context is not None else None
    citation = getattr(record, "citation", None)
    if citation is None:
        citations = getattr(record, "citations", ())
        citation = citations[0] if citations else None
    code = getattr(citation, "jurisdiction", None)
    return code if isinstance(code, str) else None


def _contexts(
    dataset: Dataset | None, datasets: Sequence[Dataset | None] | None, n: int, name: str
) -> tuple[Dataset | None, ...]:
    """One dataset (or ``None``) per item, from ``dataset`` or ``datasets``."""
    if datasets is None:
        found: tuple[Dataset | None, ...] = (dataset,) * n
    else:
        if dataset is not None:
            raise LawSummaryError(f"{name}() takes dataset= or datasets=, not both")
        found = tuple(datasets)
    if len(found) != n:
        raise LawSummaryError(f"{name}() got {n} records but {len(found)} datasets; give one each")
    for i, context in enumerate(found):
        if context is not None and not isinstance(context, Dataset):
            raise LawSummaryError(
                f"{name}(): datasets[{i}] is a {type(context).__name__}, not a Dataset (or None)"
            )
    return found


def _checked_rates(rates: object) -> tuple[Rate, ...]:
    """The caller's rates, checked: each a :class:`Rate`, no two for one pair of currencies."""
    if isinstance(rates, Rate | str) or not isinstance(rates, Iterable):
        raise RateError("rates= takes a list of lawsummary.compare.Rate records")
    found = tuple(rates)
    seen: dict[tuple[str, str], Rate] = {}
    for i, rate in enumerate(found):
        if not isinstance(rate, Rate):
            raise RateError(f"rates[{i}] is a {type(rate).__name__}, not a lawsummary.compare.Rate")
        pair = (rate.source, rate.target)
        if pair in seen and seen[pair] != rate:
            raise RateError(
                f"two rates from {rate.source} to {rate.target} ({seen[pair].describe()} and "
                f"{rate.describe()}); give one, so that the comparison says which it used"
            )
        seen[pair] = rate
    return found


# -- tables ------------------------------------------------------------------------------------


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Table:
    """Records side by side: one column per record, one row per feature.

    ``rows`` maps a feature name to one cell per column; a cell is a value, a tuple of
    values, or ``None`` where the record has nothing for that feature.
    """

    columns: tuple[Any, ...]
    rows: tuple[tuple[str, tuple[Any, ...]], ...]
    #: The dataset each column comes from, for names and derived categories.
    contexts: tuple[Dataset | None, ...] = ()
    #: The currency amounts are compared in (``None``: none is, say for one country).
    currency: str | None = None
    #: By feature (``fine``, ``additional``): per column, the conversion of each penalty
    #: (of each additional penalty's amount) in the cell, ``None`` where none was needed.
    conversions: tuple[tuple[str, tuple[tuple[Conversion | None, ...], ...]], ...] = ()
    #: Per column, the weakest grade of the offence's facts (``None``: not graded).
    statuses: tuple[Status | None, ...] = ()

    def conversions_of(self, feature: str) -> tuple[tuple[Conversion | None, ...], ...]:
        """Per column, the conversions of the amounts in the cell of ``feature``."""
        for name, found in self.conversions:
            if name == feature:
                return found
        return ((),) * len(self.columns)

    def row(self, feature: str) -> tuple[Any, ...]:
        for name, cells in self.rows:
            if name == feature:
                return cells
        raise KeyError(feature)


#: The features of a comparison table, in order.
FEATURES = (
    "category",
    "prison",
    "fine",
    "other_alternatives",
    "additional",
    "confiscation",
    "in_force",
)


def _as_offence(item: object, dataset: Dataset | None) -> tuple[Offence, Version | None]:
    if isinstance(item, Provision):
        item = item.latest()
    if isinstance(item, Version) and isinstance(item.body, Offence):
        return item.body, item
    if isinstance(item, Offence):
        return item, None
    raise LawSummaryError(
        f"compare_many compares offences (or provisions and versions of offences), "
        f"not a {type(item).__name__}"
    )


_FINES = ("fine", "income_fine", "index_fine")


def _alternative_grades(sanction: Sanction | Unknown) -> list[Status]:
    if not isinstance(sanction, Sanction):
        return [Status.UNCONFIRMED]  # the punishment is not established
    return [a.provenance.status for a in sanction.alternatives if a.provenance]


def _sanction_cells(
    sanction: Sanction | Unknown,
) -> tuple[tuple[Any, Any, Any, Any], tuple[Penalty, ...], tuple[Addition, ...]]:
    """A table's cells of a sanction (prison, fines, other alternatives, additional
    penalties), and the fines and additions whose amounts are converted. Where the
    sources may not list the whole sanction, absence is unknown, not "none"; where the
    sanction itself is not established, every one of its cells is."""
    if not isinstance(sanction, Sanction):
        return (UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN), (), ()
    absent: Unknown | None = None if sanction.complete else UNKNOWN
    main = [a.penalty for a in sanction.alternatives]
    fines = tuple(p for p in main if p.kind in _FINES)
    others = tuple(p for p in main if p.kind not in (*_FINES, "imprisonment"))
    additions = tuple(a for alt in sanction.alternatives for a in alt.additions)
    prison = next((p for p in main if p.kind == "imprisonment"), absent)
    return (prison, fines or absent, others or absent, additions or absent), fines, additions


def _table_category(
    version: Version | None, offence: Offence, context: Dataset | None
) -> str | Unknown | None:
    """A table's category cell: unknown, not "none", for an offence whose jurisdiction has
    categories the data does not declare (no category system in its plug-in)."""
    found = _category(version, offence, context)
    if found is not None:
        return found
    plugin = jurisdiction(offence.citation.jurisdiction)
    if plugin is not None and plugin.categories is None:
        return UNKNOWN
    return None


def _cell_conversion(
    penalties: Iterable[Penalty],
    target: str | None,
    day: dt.date | None,
    context: Dataset | None,
    rates: Sequence[Rate],
) -> Conversion | None:
    """The first amount of some penalties in ``target`` (see :func:`convert`)."""
    if target is None:
        return None
    for penalty in penalties:
        found = compared_quantity(penalty)
        if found is not None and isinstance(found[1], MoneyRange | IndexRange):
            return convert(found[1], target, day=day, dataset=context, rates=rates)
    return None


def compare_many(
    items: Sequence[object],
    *,
    dataset: Dataset | None = None,
    datasets: Sequence[Dataset | None] | None = None,
    rates: Sequence[Rate] = (),
    currency: str | None = None,
) -> Table:
    """Offences side by side: category, prison, fines, other alternatives, additional
    penalties, confiscation and the date in force.

    ``dataset`` is the context of every item; ``datasets`` gives one per item, for
    offences from different datasets (say, two jurisdictions). Where the columns are
    of more than one country, fines are compared in ``currency`` (by default the first
    column's country's): each amount in another currency or an index unit is
    converted as :func:`convert` says, at the index unit's value for the date of the
    version and through the caller's ``rates``, and the table keeps each
    :class:`Conversion` (or why there is none) for its cell.
    """
    if isinstance(items, str) or not isinstance(items, Sequence) or len(items) < 2:
        raise LawSummaryError("compare_many needs a list of at least two offences")
    contexts = _contexts(dataset, datasets, len(items), "compare_many")
    checked = _checked_rates(rates)
    if currency is not None:
        _check_rate_currency("currency", currency)
    offences = [_as_offence(item, context) for item, context in zip(items, contexts, strict=True)]
    codes = {o.citation.jurisdiction for o, _ in offences}
    target = currency
    if target is None and len(codes) > 1:
        plugin = jurisdiction(offences[0][0].citation.jurisdiction)
        target = plugin.currency if plugin is not None else None
    columns = []
    cells: dict[str, list[Any]] = {f: [] for f in FEATURES}
    conversions: dict[str, list[tuple[Conversion | None, ...]]] = {"fine": [], "additional": []}
    statuses: list[Status | None] = []
    for item, context, (offence, version) in zip(items, contexts, offences, strict=True):
        columns.append(item)
        sanction = offence.sanction
        (prison, fine_cell, others, addition_cell), fines, additions = _sanction_cells(sanction)
        cells["category"].append(_table_category(version, offence, context))
        cells["prison"].append(prison)
        cells["fine"].append(fine_cell)
        cells["other_alternatives"].append(others)
        cells["additional"].append(addition_cell)
        cells["confiscation"].append(
            offence.measures or (None if measures_complete(offence) else UNKNOWN)
        )
        start = version.valid_from if version is not None else None
        cells["in_force"].append(start if isinstance(start, PartialDate | Unknown) else None)
        day = version_day(version, context)

        conversions["fine"].append(
            tuple(_cell_conversion((p,), target, day, context, checked) for p in fines)
        )
        conversions["additional"].append(
            tuple(_cell_conversion(a.options, target, day, context, checked) for a in additions)
        )
        statuses.append(
            weakest(
                [
                    offence.provenance.status if offence.provenance is not None else None,
                    *_alternative_grades(sanction),
                ]
            )
        )
    return Table(
        tuple(columns),
        tuple((f, tuple(cells[f])) for f in FEATURES),
        contexts,
        target,
        tuple((f, tuple(found)) for f, found in conversions.items()),
        tuple(statuses),
    )
