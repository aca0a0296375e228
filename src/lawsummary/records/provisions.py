"""What a provision says: offences, measures, exam and patent rules, crime categories.

Nothing here belongs to one country: crime categories are ids that a jurisdiction
plug-in declares (:mod:`lawsummary.rules`).

Each class here is one *kind* of provision body, registered in :data:`PROVISION_KINDS`
under the ``kind`` name that documents use. A body lives inside a dated
:class:`~lawsummary.records.acts.Version`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import attrs

from lawsummary._classes import Enum, shared_methods
from lawsummary.records.common import (
    Fact,
    FieldValueError,
    LocalizedText,
    OpenQuestion,
    Provenance,
    Unknown,
    check_id,
)
from lawsummary.records.penalties import Sanction
from lawsummary.records.quantities import Money, check_country, check_region, to_decimal
from lawsummary.records.registry import KindRegistry

__all__ = [
    "PROVISION_KINDS",
    "ActivityBans",
    "AggravatingCircumstance",
    "Body",
    "CategoryRule",
    "Circumstance",
    "Citation",
    "Confiscation",
    "Count",
    "CrimeCategories",
    "ExamRule",
    "Guilt",
    "Liability",
    "Measure",
    "Offence",
    "PatentCost",
    "Purpose",
    "RegionalBan",
    "RegionalCoefficient",
    "ReportedCost",
    "Subject",
    "YearValue",
    "provision_kind",
]


class Body:
    """Base class of every provision kind. Subclasses are frozen attrs classes."""

    kind: ClassVar[str]


#: Every provision kind, by the name written in documents.
PROVISION_KINDS: KindRegistry[Body] = KindRegistry("provision")

#: Class decorator registering a new provision kind.
provision_kind = PROVISION_KINDS.register


def _nonempty_str(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise FieldValueError(attribute.name, f"{attribute.name} is empty: leave it out instead")


def _unique(_inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if len(set(value)) != len(value):
        raise FieldValueError(attribute.name, f"{attribute.name} lists the same value twice")


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Citation:
    """Where a rule stands: ``RU``, the criminal code, article 322.1, part 3, items.

    ``instrument`` is the id of an instrument declared in the dataset
    (for example ``ru-criminal-code``). ``items`` keep the statute's own letters.
    """

    jurisdiction: str = attrs.field(validator=check_country)
    instrument: str = attrs.field(validator=check_id)
    article: str | None = attrs.field(default=None, validator=_nonempty_str)
    part: str | None = attrs.field(default=None, validator=_nonempty_str)
    items: tuple[str, ...] = attrs.field(default=(), validator=_unique)
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        if self.part is not None and self.article is None:
            raise ValueError("a citation with a part needs an article")
        if self.items and self.article is None:
            raise ValueError("a citation with items needs an article")
        for item in self.items:
            if not item.strip():
                raise ValueError("an item is empty")


class Guilt(Enum):
    """The form of guilt the offence requires."""

    INTENTIONAL = "intentional"
    NEGLIGENT = "negligent"


def _category_id(value: object) -> object:
    """A crime category as its id: a plug-in's enum member (``Category.GRAVE``) becomes its
    value, so that records hold plain ids whichever way they were made."""
    found = getattr(value, "value", value)
    return found if isinstance(found, str) else value


def _check_category(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise FieldValueError(attribute.name, f"{attribute.name} is a category id, a string")
    check_id(_inst, attribute, value)


class Liability(Enum):
    """The branch of law the offence belongs to."""

    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Circumstance:
    """A qualifying circumstance, with the statute's item letter where known."""

    item: str | None = attrs.field(default=None, validator=_nonempty_str)
    text: LocalizedText
    provenance: Provenance | None = None


@provision_kind("offence")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Offence(Body):
    """An offence and what a court may impose for it.

    ``category`` is the id of the crime category as a source states it, one of the
    categories its jurisdiction's plug-in declares (:mod:`lawsummary.rules`); when the
    dataset holds the jurisdiction's category rules, a stated category that contradicts
    the derived one is an error. ``measures`` names the ids of provisions (such
    as confiscation) that may apply besides the sanction. ``circumstances_complete`` is
    false where the sources may not list every qualifying circumstance.

    A part of an article that is known to exist but was not read is an offence whose
    ``description`` (what it covers), ``guilt`` and ``sanction`` are ``UNKNOWN``: each
    is then stated as not established, never left out. An unknown ``sanction`` is
    "the punishment is not established"; a known one has at least one alternative.
    """

    citation: Citation
    title: LocalizedText
    description: LocalizedText | Unknown | None = None
    liability: Liability = Liability.CRIMINAL
    offender: LocalizedText | None = None
    circumstances: tuple[Circumstance, ...] = ()
    #: False when the sources do not establish that ``circumstances`` lists every
    #: qualifying circumstance: a circumstance missing from it is then not a removal.
    circumstances_complete: bool = True
    guilt: Guilt | Unknown
    sanction: Sanction | Unknown
    category: str | None = attrs.field(
        default=None, converter=_category_id, validator=_check_category
    )
    measures: tuple[str, ...] = attrs.field(default=(), validator=_unique)
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()

    def __attrs_post_init__(self) -> None:
        for measure in self.measures:
            check_id(self, attrs.fields(Offence).measures, measure)
        if self.liability is Liability.ADMINISTRATIVE and self.category is not None:
            raise ValueError("crime categories apply only to criminal offences")


@provision_kind("confiscation")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Confiscation(Body):
    """Confiscation of property: a criminal-law measure that is not a punishment."""

    citation: Citation
    title: LocalizedText
    what: LocalizedText
    condition: LocalizedText | None = None
    applies_to: tuple[Citation, ...] = ()
    nature: Fact | None = None
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()


@provision_kind("aggravating_circumstance")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class AggravatingCircumstance(Body):
    """A circumstance that makes the punishment for any crime heavier."""

    citation: Citation
    title: LocalizedText
    text: LocalizedText
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()


def _optional_years(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class CategoryRule:
    """One line of a category table.

    It matches an offence of the given ``guilt`` whose maximum prison term is
    above ``above`` years (exclusive) and at most ``up_to`` years (inclusive).
    ``more_severe`` also matches offences punishable by more than prison for a
    term (life imprisonment).
    """

    category: str = attrs.field(converter=_category_id, validator=_check_category)
    guilt: Guilt
    above: Decimal | None = attrs.field(default=None, converter=_optional_years)
    up_to: Decimal | None = attrs.field(default=None, converter=_optional_years)
    more_severe: bool = False

    def __attrs_post_init__(self) -> None:
        if self.above is not None and self.up_to is not None and self.above >= self.up_to:
            raise ValueError(f"'above' ({self.above}) must be less than 'up_to' ({self.up_to})")


@provision_kind("crime_categories")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class CrimeCategories(Body):
    """A jurisdiction's table of crime categories by maximum prison term and guilt."""

    citation: Citation
    title: LocalizedText
    rules: tuple[CategoryRule, ...]
    provenance: Provenance

    def __attrs_post_init__(self) -> None:
        if not self.rules:
            raise ValueError("rules needs at least one entry")


class Subject(Enum):
    """Subjects of the exam for foreign workers."""

    RUSSIAN_LANGUAGE = "russian_language"
    HISTORY = "history"
    LAW = "law"


class Purpose(Enum):
    """What a foreign national needs a document for."""

    PATENT = "patent"
    WORK_PERMIT = "work_permit"
    TEMPORARY_RESIDENCE = "temporary_residence"
    RESIDENCE_PERMIT = "residence_permit"


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Count:
    """A whole number of things, with its own provenance."""

    value: int
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        if self.value < 0:
            raise ValueError(f"value must not be negative, got {self.value}")


@provision_kind("exam_rule")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class ExamRule(Body):
    """Rules of the language, history and law exam for foreign workers."""

    citations: tuple[Citation, ...]
    title: LocalizedText
    subjects: tuple[Subject, ...] = attrs.field(default=(), validator=_unique)
    conducted_by: Fact | None = None
    list_formed_by: Fact | None = None
    listed_institutions: Count | None = None
    prohibited: tuple[Fact, ...] = ()
    permitted: tuple[Fact, ...] = ()
    required_for: tuple[Purpose, ...] = attrs.field(default=(), validator=_unique)
    required_for_provenance: Provenance | None = None
    fee_set_by: Fact | None = None
    conduct_rules: tuple[Fact, ...] = ()
    notes: tuple[Fact, ...] = ()
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class YearValue:
    """A coefficient set for one calendar year."""

    year: int
    value: Decimal = attrs.field(converter=to_decimal)
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        if not 1900 <= self.year <= 2200:
            raise ValueError(f"year {self.year} is out of range 1900-2200")
        if not self.value.is_finite() or self.value <= 0:
            raise ValueError(f"value must be a positive number, got {self.value}")


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class RegionalCoefficient:
    """A region's coefficient for one year."""

    region: str = attrs.field(validator=check_region)
    year: int
    value: Decimal = attrs.field(converter=to_decimal)
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        YearValue(year=self.year, value=self.value)  # same range checks


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class ReportedCost:
    """A monthly cost as a source reports it; ``approximate`` when it says "about"."""

    region: str = attrs.field(validator=check_region)
    year: int
    monthly: Money
    approximate: bool = False
    provenance: Provenance | None = None


@provision_kind("patent_cost")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class PatentCost(Body):
    """The monthly cost of a work patent: base x the year's deflator x the region's coefficient.

    The arithmetic lives in :mod:`lawsummary.rules.ru`; this record holds the data.
    """

    citations: tuple[Citation, ...]
    title: LocalizedText
    base: Money
    deflator_set_by: Fact | None = None
    coefficient_set_by: Fact | None = None
    deflators: tuple[YearValue, ...] = ()
    coefficients: tuple[RegionalCoefficient, ...] = ()
    reported_costs: tuple[ReportedCost, ...] = ()
    territorial_scope: tuple[Fact, ...] = ()
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()

    def __attrs_post_init__(self) -> None:
        years = [d.year for d in self.deflators]
        if len(set(years)) != len(years):
            raise ValueError("deflators lists the same year twice")
        keys = [(c.region, c.year) for c in self.coefficients]
        if len(set(keys)) != len(keys):
            raise ValueError("coefficients lists the same region and year twice")
        for cost in self.reported_costs:
            if cost.monthly.currency != self.base.currency:
                raise ValueError(
                    f"a reported cost is in {cost.monthly.currency}, but the base is in "
                    f"{self.base.currency}"
                )


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class RegionalBan:
    """One region's use of the power to ban hiring patent holders in some activities."""

    region: str = attrs.field(validator=check_region)
    act: LocalizedText | None = None
    activities: Count | None = None
    provenance: Provenance | None = None


@provision_kind("activity_bans")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class ActivityBans(Body):
    """Regional bans on employing patent holders in listed activities."""

    citation: Citation
    title: LocalizedText
    description: LocalizedText
    examples: tuple[RegionalBan, ...] = ()
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()


@provision_kind("measure")
@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Measure(Body):
    """A measure described in words, for rules the model has no kind for yet."""

    jurisdiction: str = attrs.field(validator=check_country)
    title: LocalizedText
    description: LocalizedText
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()
