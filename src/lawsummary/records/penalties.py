"""Penalties and sanctions, as the statute writes them.

A :class:`Sanction` is a list of alternatives ("punishable by X, or Y, or Z"). Each
alternative is one main :class:`Penalty` with its additional penalties. Each
:class:`Addition` is mandatory ("with a fine"), optional ("with or without a fine")
or unknown (not established), and may itself offer a choice ("a fine of up to
500,000 roubles or of the income for up to 3 years").

The set of penalty kinds is open: :func:`penalty_kind` registers a new one, and the
document format picks it up by its ``kind`` name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import attrs

from lawsummary._classes import Enum, shared_methods
from lawsummary.records.common import FieldValueError, LocalizedText, OpenQuestion, Provenance
from lawsummary.records.quantities import IndexRange, MoneyRange, TermRange, TimeUnit
from lawsummary.records.registry import KindRegistry

__all__ = [
    "PENALTY_KINDS",
    "Addition",
    "AdministrativeConfiscation",
    "Alternative",
    "Arrest",
    "CompulsoryWorks",
    "CorrectionalLabour",
    "DeprivationOfRight",
    "EntryBan",
    "Expulsion",
    "Fine",
    "ForcedLabour",
    "Imprisonment",
    "IncomeFine",
    "IndexFine",
    "LifeImprisonment",
    "Mode",
    "OtherPenalty",
    "Penalty",
    "RestrictionOfFreedom",
    "Sanction",
    "penalty_kind",
]


class Penalty:
    """Base class of every penalty kind. Subclasses are frozen attrs classes."""

    #: The name of the kind in documents, set by :func:`penalty_kind`.
    kind: ClassVar[str]


#: Every penalty kind, by the name written in documents.
PENALTY_KINDS: KindRegistry[Penalty] = KindRegistry("penalty")

#: Class decorator registering a new penalty kind: ``@penalty_kind("community_service")``.
penalty_kind = PENALTY_KINDS.register


def _units(*allowed: TimeUnit) -> Callable[[Any, attrs.Attribute[Any], TermRange | None], None]:
    def check(_inst: Any, attribute: attrs.Attribute[Any], value: TermRange | None) -> None:
        if value is not None and value.unit not in allowed:
            names = ", ".join(u.value for u in allowed)
            raise FieldValueError(
                attribute.name, f"{attribute.name} is counted in {names}, not {value.unit.value}"
            )

    return check


_MONTHS_YEARS = _units(TimeUnit.MONTHS, TimeUnit.YEARS)


@penalty_kind("fine")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Fine(Penalty):
    """A fine of an amount of money."""

    amount: MoneyRange


@penalty_kind("income_fine")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class IncomeFine(Penalty):
    """A fine of the offender's wages or other income for a period."""

    period: TermRange = attrs.field(validator=_MONTHS_YEARS)


@penalty_kind("index_fine")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class IndexFine(Penalty):
    """A fine counted in an index unit, such as a monthly calculation index."""

    amount: IndexRange


@penalty_kind("compulsory_works")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class CompulsoryWorks(Penalty):
    """Unpaid community work, counted in hours."""

    term: TermRange = attrs.field(validator=_units(TimeUnit.HOURS))


@penalty_kind("correctional_labour")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class CorrectionalLabour(Penalty):
    """Work with part of the wages withheld for the state."""

    term: TermRange = attrs.field(validator=_MONTHS_YEARS)


@penalty_kind("restriction_of_freedom")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class RestrictionOfFreedom(Penalty):
    """Limits on where the offender may go and live, without prison."""

    term: TermRange = attrs.field(validator=_MONTHS_YEARS)


@penalty_kind("forced_labour")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class ForcedLabour(Penalty):
    """Work at a place set by the state, living in a correctional centre."""

    term: TermRange = attrs.field(validator=_MONTHS_YEARS)


@penalty_kind("arrest")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Arrest(Penalty):
    """Short detention in strict isolation."""

    term: TermRange = attrs.field(validator=_units(TimeUnit.DAYS, TimeUnit.MONTHS))


@penalty_kind("imprisonment")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Imprisonment(Penalty):
    """Deprivation of liberty for a fixed term (prison)."""

    term: TermRange = attrs.field(validator=_MONTHS_YEARS)


@penalty_kind("life_imprisonment")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class LifeImprisonment(Penalty):
    """Prison for life."""


@penalty_kind("deprivation_of_right")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class DeprivationOfRight(Penalty):
    """A ban on holding certain posts or doing certain work."""

    term: TermRange = attrs.field(validator=_MONTHS_YEARS)
    scope: LocalizedText | None = None


@penalty_kind("expulsion")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Expulsion(Penalty):
    """Administrative expulsion of a foreign national from the country."""


@penalty_kind("entry_ban")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class EntryBan(Penalty):
    """A ban on entering the country for a term."""

    term: TermRange = attrs.field(validator=_MONTHS_YEARS)


@penalty_kind("administrative_confiscation")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class AdministrativeConfiscation(Penalty):
    """Confiscation of the instrument or object of an administrative offence."""

    what: LocalizedText


@penalty_kind("other")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class OtherPenalty(Penalty):
    """A penalty with no kind of its own here; named in words."""

    name: LocalizedText
    term: TermRange | None = None


class Mode(Enum):
    """Whether an additional penalty comes with the main one."""

    #: "with a fine": the court must add it.
    MANDATORY = "mandatory"
    #: "with or without a fine": the court may add it.
    OPTIONAL = "optional"
    #: the sources do not say which.
    UNKNOWN = "unknown"


def _nonempty(_inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        raise FieldValueError(attribute.name, f"{attribute.name} needs at least one entry")


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Addition:
    """An additional penalty; ``options`` are alternatives ("a fine or income for ...")."""

    options: tuple[Penalty, ...] = attrs.field(validator=_nonempty)
    mode: Mode
    provenance: Provenance | None = None


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Alternative:
    """One main penalty with its additional penalties."""

    penalty: Penalty
    additions: tuple[Addition, ...] = ()
    provenance: Provenance | None = None


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Sanction:
    """What a court may impose: one of ``alternatives``.

    ``complete`` is false when the sources do not establish that the list of
    alternatives is whole; ``open_questions`` says what is missing.
    """

    alternatives: tuple[Alternative, ...] = attrs.field(validator=_nonempty)
    complete: bool = True
    provenance: Provenance | None = None
    open_questions: tuple[OpenQuestion, ...] = ()

    def penalties(self) -> tuple[Penalty, ...]:
        """Every main penalty, in the order the statute lists them."""
        return tuple(alt.penalty for alt in self.alternatives)
