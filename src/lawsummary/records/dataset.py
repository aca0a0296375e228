"""A dataset: acts, dated provisions and the registries they refer to.

Building a :class:`Dataset` checks what no single record can: unique ids, that
every reference points at something declared, and (with the jurisdiction plug-ins of
:mod:`lawsummary.rules`, which install that check here when imported) that a stated
crime category is one of its jurisdiction's and agrees with the one its rules derive.
The records do not import the rules: the rules depend on the records, not the reverse.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, TypeVar, cast

import attrs

from lawsummary._classes import shared_methods, shared_repr
from lawsummary.errors import InvalidDocumentError, Problem
from lawsummary.records.acts import Act, Instrument, Provision, Region, Version
from lawsummary.records.common import (
    LocalizedText,
    OpenQuestion,
    PartialDate,
    Provenance,
    Unknown,
    check_id,
    suggest,
)
from lawsummary.records.provisions import (
    Citation,
    Confiscation,
    CrimeCategories,
    Measure,
    Offence,
    RegionalBan,
    RegionalCoefficient,
    ReportedCost,
)
from lawsummary.records.quantities import IndexRange, IndexUnit, MoneyRange, TermRange
from lawsummary.records.walk import walk

__all__ = ["Dataset", "DatasetIndex", "UncertainVersion"]

#: The jurisdiction logic the records use without importing it (see
#: :func:`install_jurisdiction_logic`): how a category is derived, and the dataset check
#: that needs the registry.
_Derive = Callable[["Dataset", Version], "tuple[str | Unknown | None, CrimeCategories | None]"]
_CheckCategories = Callable[["Dataset"], "list[tuple[str, str]]"]
_LOGIC: list[tuple[_Derive, _CheckCategories]] = []


def install_jurisdiction_logic(derive: _Derive, check: _CheckCategories) -> None:
    """Called by :mod:`lawsummary.rules` when it is imported (which ``import lawsummary``
    does): ``derive`` gives an offence version's derived category and its category table,
    ``check`` the problems of a dataset's stated categories as (path, message)."""
    _LOGIC[:] = [(derive, check)]


#: Provision kinds an offence's ``measures`` may point at.
_MEASURE_KINDS = frozenset({Confiscation.kind, Measure.kind})


def _suggest(value: str, choices: Iterable[str]) -> str:
    pool = set(choices)
    close, first = suggest(value, pool)  # linear: a bounded set is compared, 20 listed
    hint = f" (did you mean {close!r}?)" if close else ""
    listed = ", ".join(repr(c) for c in first) if first else "none"
    more = f" and {len(pool) - len(first)} more" if len(pool) > len(first) else ""
    return f"{hint}; declared: {listed}{more}"


_R = TypeVar("_R")


def _find(items: tuple[_R, ...], key: str, what: str, key_of: Callable[[_R], str]) -> _R:
    for item in items:
        if key_of(item) == key:
            return item
    raise KeyError(f"no {what} {key!r}{_suggest(key, (key_of(i) for i in items))}")


@shared_repr
@attrs.frozen(eq=False, repr=False)
class DatasetIndex:
    """A dataset's records by id, with their positions (for field paths).

    Made once per dataset by :meth:`Dataset.index`; it holds only what the dataset
    holds, arranged for look-up.
    """

    #: Provision id -> (position, provision).
    provisions: dict[str, tuple[int, Provision]]
    #: Instrument id -> (position, instrument).
    instruments: dict[str, tuple[int, Instrument]]
    #: Act id -> (position, act).
    acts: dict[str, tuple[int, Act]]
    #: Region code -> (position, region).
    regions: dict[str, tuple[int, Region]]
    #: Index unit id -> index unit.
    index_units: dict[str, IndexUnit]
    #: For each version body, by identity: the id and position of the provision holding
    #: it, and the position of the version.
    holders: dict[int, tuple[str, int, int]]

    @classmethod
    def of(cls, ds: Dataset) -> DatasetIndex:
        def first_of(pairs: Iterable[tuple[str, _R]]) -> dict[str, _R]:
            found: dict[str, _R] = {}
            for key, value in pairs:
                found.setdefault(key, value)
            return found

        return cls(
            provisions=first_of((p.id, (i, p)) for i, p in enumerate(ds.provisions)),
            instruments=first_of((x.id, (i, x)) for i, x in enumerate(ds.instruments)),
            acts=first_of((a.id, (i, a)) for i, a in enumerate(ds.acts)),
            regions=first_of((r.code, (i, r)) for i, r in enumerate(ds.regions)),
            index_units=first_of((u.id, u) for u in ds.index_units),
            holders={
                id(v.body): (p.id, i, j)
                for i, p in reversed(list(enumerate(ds.provisions)))
                for j, v in reversed(list(enumerate(p.versions)))
            },
        )


@shared_methods
@attrs.frozen(repr=False, eq=False)
class UncertainVersion:
    """A version that the data cannot say is, or is not, in force on a day."""

    provision: str
    version: Version


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Dataset:
    """A set of legal acts and provisions, as of every date or cut to one date.

    ``as_of`` is set on a dataset returned by :meth:`as_of`, which holds only the
    versions in force on that day (and those the data cannot rule out; see
    :meth:`uncertain`).
    """

    kind: ClassVar[str] = "dataset"

    id: str = attrs.field(validator=check_id)
    title: LocalizedText
    description: LocalizedText | None = None
    as_of_date: dt.date | None = None
    instruments: tuple[Instrument, ...] = ()
    acts: tuple[Act, ...] = ()
    regions: tuple[Region, ...] = ()
    index_units: tuple[IndexUnit, ...] = ()
    provisions: tuple[Provision, ...] = ()
    open_questions: tuple[OpenQuestion, ...] = ()
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        problems = list(_check(self))
        if problems:
            raise InvalidDocumentError(problems)

    # -- look-ups ---------------------------------------------------------------

    def provision(self, provision_id: str) -> Provision:
        """The provision with this id; ``KeyError`` naming the ids there are otherwise."""
        found = self.index().provisions.get(provision_id)
        if found is None:
            return _find(self.provisions, provision_id, "provision", lambda p: p.id)
        return found[1]

    def provision_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.provisions)

    def index(self) -> DatasetIndex:
        """Positions of the dataset's records by id, made once while the dataset lives."""
        return self.kept(("index",), DatasetIndex.of, self)

    def kept_answers(self) -> dict[tuple[object, ...], object]:
        """The answers :meth:`kept` keeps for this dataset, by key (to look up many)."""
        return _memo_for(self)

    def kept(self, key: tuple[object, ...], make: Callable[..., _R], *args: Any) -> _R:
        """``make(*args)``, made once per ``key`` while the dataset lives.

        For what depends on the dataset alone (it is immutable): look-up tables, and
        the parts of summaries that every record of the dataset shares. ``key`` must
        name everything the answer depends on besides the dataset.
        """
        return keep(_memo_for(self), key, make, *args)

    def act(self, act_id: str) -> Act:
        return _find(self.acts, act_id, "act", lambda a: a.id)

    def instrument(self, instrument_id: str) -> Instrument:
        return _find(self.instruments, instrument_id, "instrument", lambda i: i.id)

    def region(self, code: str) -> Region:
        return _find(self.regions, code, "region", lambda r: r.code)

    def index_unit(self, unit_id: str) -> IndexUnit:
        return _find(self.index_units, unit_id, "index unit", lambda u: u.id)

    # -- time -------------------------------------------------------------------

    def _not_before(self, provision: Provision) -> tuple[dt.date | None, ...]:
        acts = {a.id: a for a in self.acts}
        bounds: list[dt.date | None] = []
        for version in provision.versions:
            days = [acts[a].earliest_event() for a in version.amended_by if a in acts]
            known = [d for d in days if d is not None]
            bounds.append(max(known) if known else None)
        return tuple(bounds)

    def statuses_on(self, provision: Provision, day: dt.date) -> tuple[bool | None, ...]:
        """For each version of ``provision``: in force on ``day`` (True/False), or None if unknown.

        A version whose start is not known to the day is taken not to apply before
        the first dated step of the act that made it.
        """
        return provision.statuses_on(day, not_before=self._not_before(provision))

    def as_of(self, day: dt.date) -> Dataset:
        """The same dataset holding only the versions in force on ``day``.

        Versions the data cannot rule in or out (their start or end date is not
        known precisely enough) are kept; :meth:`uncertain` lists them. Provisions
        with no version left are dropped.
        """
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise TypeError(f"as_of takes a datetime.date, got {type(day).__name__}")
        kept: list[Provision] = []
        for provision in self.provisions:
            statuses = self.statuses_on(provision, day)
            versions = tuple(v for v, s in zip(provision.versions, statuses, strict=True) if s)
            versions += tuple(
                v for v, s in zip(provision.versions, statuses, strict=True) if s is None
            )
            if versions:
                ordered = tuple(v for v in provision.versions if v in versions)
                kept.append(attrs.evolve(provision, versions=ordered))
        return attrs.evolve(self, as_of_date=day, provisions=tuple(kept))

    def uncertain(self) -> tuple[UncertainVersion, ...]:
        """Versions kept by :meth:`as_of` that the data cannot say are in force that day."""
        if self.as_of_date is None:
            return ()
        day = self.as_of_date
        return tuple(
            UncertainVersion(provision.id, version)
            for provision in self.provisions
            for version, status in zip(
                provision.versions, self.statuses_on(provision, day), strict=True
            )
            if status is None
        )

    # -- derived facts ----------------------------------------------------------

    def category_scheme(self, jurisdiction: str, day: dt.date) -> CrimeCategories | None:
        """The crime-category table of ``jurisdiction`` certainly in force on ``day``, if held."""
        for provision in self.provisions:
            if provision.kind != CrimeCategories.kind:
                continue
            for version, status in zip(
                provision.versions, self.statuses_on(provision, day), strict=True
            ):
                body = version.body
                assert isinstance(body, CrimeCategories)
                if status and body.citation.jurisdiction == jurisdiction:
                    return body
        return None

    def category_rules_for(self, version: Version) -> CrimeCategories | None:
        """The category table that applies to an offence version, if the dataset holds one.

        That is the table in force on the version's last known day (its ``valid_to``),
        or on its first day while it is still in force. The table in force on a day is
        looked up once per dataset and day.
        """
        body = version.body
        if not isinstance(body, Offence):
            return None
        valid_to = version.valid_to
        if isinstance(valid_to, PartialDate):
            date, bound = valid_to, "to"
        elif valid_to is None and isinstance(version.valid_from, PartialDate):
            date, bound = version.valid_from, "from"
        else:
            return None
        jurisdiction = body.citation.jurisdiction
        key = ("rules", jurisdiction, bound, date.year, date.month, date.day)
        return self.kept(key, self._scheme_on, jurisdiction, bound, date)

    def _scheme_on(
        self, jurisdiction: str, bound: str, date: PartialDate
    ) -> CrimeCategories | None:
        """The scheme in force on a version's last known day ("to") or first ("from")."""
        return self.category_scheme(
            jurisdiction, date.earliest() if bound == "to" else date.latest()
        )

    def derived_category(self, version: Version) -> str | Unknown | None:
        """The crime category (its id) the dataset's category rules give for an offence
        version, as its jurisdiction's plug-in derives it.

        ``None`` when the version is not a criminal offence, no category rules apply
        (see :meth:`category_rules_for`), or the jurisdiction derives no categories.
        """
        return self.derive_category(version)[0]

    def derive_category(
        self, version: Version
    ) -> tuple[str | Unknown | None, CrimeCategories | None]:
        """:meth:`derived_category` and the category rules it comes from
        (:meth:`category_rules_for`), found once for both."""
        if not _LOGIC:
            return None, None
        return _LOGIC[0][0](self, version)


# Answers derived from a dataset, kept while the dataset lives (datasets are immutable).
# Keyed by id, with a weak reference that proves the id still names the same dataset.
_MEMOS: dict[int, tuple[weakref.ref[Dataset], dict[tuple[object, ...], object]]] = {}
_MISSING = object()


def keep(
    answers: dict[tuple[object, ...], object],
    key: tuple[object, ...],
    make: Callable[..., _R],
    *args: Any,
) -> _R:
    """``answers[key]``, made with ``make(*args)`` the first time (see :meth:`Dataset.kept`)."""
    found = answers.get(key, _MISSING)
    if found is _MISSING:
        found = answers[key] = make(*args)
    return cast("_R", found)


def _memo_for(dataset: Dataset) -> dict[tuple[object, ...], object]:
    key = id(dataset)
    entry = _MEMOS.get(key)
    if entry is None or entry[0]() is not dataset:

        def forget(_: weakref.ref[Dataset]) -> None:
            _MEMOS.pop(key, None)

        entry = _MEMOS[key] = (weakref.ref(dataset, forget), {})
    return entry[1]


def _duplicates(items: Iterable[tuple[str, str]], what: str) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for path, key in items:
        if key in first:
            yield Problem(path, f"duplicate {what} {key!r}: {first[key]} has it already")
        else:
            first[key] = path


#: Records that hold no reference to check: the walk over a dataset passes them by.
_HOLD_NO_REFERENCES = (LocalizedText, PartialDate, Provenance, TermRange, MoneyRange)


def _check(ds: Dataset) -> Iterator[Problem]:
    yield from _duplicates(
        ((f"$.instruments[{i}].id", x.id) for i, x in enumerate(ds.instruments)), "id"
    )
    yield from _duplicates(((f"$.acts[{i}].id", x.id) for i, x in enumerate(ds.acts)), "id")
    yield from _duplicates(
        ((f"$.regions[{i}].code", x.code) for i, x in enumerate(ds.regions)), "region code"
    )
    yield from _duplicates(
        ((f"$.index_units[{i}].id", x.id) for i, x in enumerate(ds.index_units)), "id"
    )
    yield from _duplicates(
        ((f"$.provisions[{i}].id", x.id) for i, x in enumerate(ds.provisions)), "id"
    )

    instruments = {i.id: i for i in ds.instruments}
    acts = {a.id for a in ds.acts}
    regions = {r.code for r in ds.regions}
    units = {u.id for u in ds.index_units}
    provisions = {p.id: p for p in ds.provisions}

    for path, record in walk(ds, skip=_HOLD_NO_REFERENCES):
        if isinstance(record, Citation):
            instrument = instruments.get(record.instrument)
            if instrument is None:
                yield Problem(
                    f"{path}.instrument",
                    f"unknown instrument {record.instrument!r}"
                    f"{_suggest(record.instrument, instruments)} (in $.instruments)",
                )
            elif instrument.jurisdiction != record.jurisdiction:
                yield Problem(
                    f"{path}.jurisdiction",
                    f"{record.jurisdiction!r} does not match the jurisdiction "
                    f"{instrument.jurisdiction!r} of instrument {instrument.id!r}",
                )
        elif isinstance(record, Version):
            for i, act in enumerate(record.amended_by):
                if act not in acts:
                    yield Problem(
                        f"{path}.amended_by[{i}]",
                        f"unknown act {act!r}{_suggest(act, acts)} (in $.acts)",
                    )
        elif isinstance(record, Offence):
            for i, measure in enumerate(record.measures):
                target = provisions.get(measure)
                if target is None:
                    if ds.as_of_date is None:  # a cut dataset drops measures not in force
                        yield Problem(
                            f"{path}.measures[{i}]",
                            f"unknown provision {measure!r}{_suggest(measure, provisions)}",
                        )
                elif target.kind not in _MEASURE_KINDS:
                    yield Problem(
                        f"{path}.measures[{i}]",
                        f"{measure!r} is a {target.kind}, not a measure "
                        f"({', '.join(sorted(_MEASURE_KINDS))})",
                    )
        elif isinstance(record, IndexRange):
            if record.unit not in units:
                yield Problem(
                    f"{path}.unit",
                    f"unknown index unit {record.unit!r}{_suggest(record.unit, units)} "
                    "(in $.index_units)",
                )
        elif (
            isinstance(record, RegionalCoefficient | ReportedCost | RegionalBan)
            and record.region not in regions
        ):
            yield Problem(
                f"{path}.region",
                f"unknown region {record.region!r}{_suggest(record.region, regions)} "
                "(in $.regions)",
            )

    if _LOGIC:
        for path, message in _LOGIC[0][1](ds):
            yield Problem(path, message)
