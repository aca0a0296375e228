"""Legal acts and the dated versions of provisions they create.

Law is dated data: every version of a provision says from when and until when it
applies, and which act made it. An ended version always has an end (possibly
``"unknown"``); only the last version of a provision may be open-ended.
"""

from __future__ import annotations

import datetime as dt

import attrs

from lawsummary._classes import Enum, shared_methods
from lawsummary.records.common import (
    LocalizedText,
    OpenQuestion,
    PartialDate,
    Provenance,
    Unknown,
    check_id,
)
from lawsummary.records.provisions import Body
from lawsummary.records.quantities import check_country

__all__ = ["Act", "ActEvent", "Instrument", "Provision", "Region", "Stage", "Version"]


class Stage(Enum):
    """A step in the life of a legal act."""

    INTRODUCED = "introduced"
    #: Passed by the lower house of parliament in its final reading.
    PASSED = "passed"
    #: Approved by the upper house of parliament.
    APPROVED = "approved"
    SIGNED = "signed"
    #: A source says "adopted" without saying by which body.
    ADOPTED = "adopted"
    PUBLISHED = "published"
    IN_FORCE = "in_force"


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class ActEvent:
    """One dated step; ``date`` is ``"unknown"`` when the step happened on a date not found."""

    stage: Stage
    date: PartialDate | Unknown
    note: LocalizedText | None = None
    provenance: Provenance | None = None


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Act:
    """A law or other act that creates or changes provisions."""

    id: str = attrs.field(validator=check_id)
    jurisdiction: str = attrs.field(validator=check_country)
    title: LocalizedText
    number: str | Unknown
    date: PartialDate | Unknown
    bill: str | None = None
    events: tuple[ActEvent, ...] = ()
    provenance: Provenance
    open_questions: tuple[OpenQuestion, ...] = ()

    def earliest_event(self) -> dt.date | None:
        """The first day any dated step of the act may have happened."""
        days = [e.date.earliest() for e in self.events if isinstance(e.date, PartialDate)]
        if isinstance(self.date, PartialDate):
            days.append(self.date.earliest())
        return min(days, default=None)


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Instrument:
    """A code or statute that citations point into, with its names."""

    id: str = attrs.field(validator=check_id)
    jurisdiction: str = attrs.field(validator=check_country)
    title: LocalizedText
    short_title: LocalizedText | None = None


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Region:
    """A region (ISO 3166-2 subdivision) with its names."""

    code: str
    name: LocalizedText

    def __attrs_post_init__(self) -> None:
        from lawsummary.records.quantities import check_region

        check_region(self, attrs.fields(Region).code, self.code)


def _tri_and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Version:
    """What a provision said over one period.

    ``valid_from`` and ``valid_to`` are inclusive. ``valid_to`` is left out only
    while the version is still in force; ``"unknown"`` means it ended on a date not
    found. ``amended_by`` names the ids of the acts that made this version.
    """

    valid_from: PartialDate | Unknown
    valid_to: PartialDate | Unknown | None = None
    amended_by: tuple[str, ...] = ()
    body: Body
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        for act in self.amended_by:
            check_id(self, attrs.fields(Version).amended_by, act)
        if len(set(self.amended_by)) != len(self.amended_by):
            raise ValueError("amended_by lists the same act twice")
        start, end = self.valid_from, self.valid_to
        if (
            isinstance(start, PartialDate)
            and isinstance(end, PartialDate)
            and end.latest() < start.earliest()
        ):
            raise ValueError(f"valid_to {end} is before valid_from {start}")

    def in_force_on(self, day: dt.date, *, not_before: dt.date | None = None) -> bool | None:
        """Whether the version applies on ``day``: True, False, or None when the data cannot say.

        ``not_before`` is a day the version certainly did not apply before (for
        example the first step of its amending act), used when its start is unknown
        or known only to the month or year.
        """
        start = self.valid_from
        started: bool | None
        if isinstance(start, PartialDate):
            started = True if start.latest() <= day else (False if day < start.earliest() else None)
        else:
            started = None
        if started is not True and not_before is not None and day < not_before:
            started = False
        end = self.valid_to
        ongoing: bool | None
        if end is None:
            ongoing = True
        elif isinstance(end, PartialDate):
            ongoing = True if day <= end.earliest() else (False if day > end.latest() else None)
        else:
            ongoing = None
        return _tri_and(started, ongoing)


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class Provision:
    """A rule identified over time (say, Criminal Code art. 322.1 part 2), and its versions.

    Versions are listed oldest first; all of them have the same kind of body.
    """

    id: str = attrs.field(validator=check_id)
    versions: tuple[Version, ...]

    def __attrs_post_init__(self) -> None:
        from lawsummary.errors import InvalidDocumentError, Problem

        problems: list[Problem] = []
        if not self.versions:
            problems.append(Problem("$.versions", "a provision needs at least one version"))
        kinds = {v.body.kind for v in self.versions}
        if len(kinds) > 1:
            problems.append(
                Problem("$.versions", f"all versions must be of one kind, found {sorted(kinds)}")
            )
        for i, (old, new) in enumerate(zip(self.versions, self.versions[1:], strict=False)):
            where = f"$.versions[{i}]"
            if old.valid_to is None:
                problems.append(
                    Problem(
                        f"{where}.valid_to",
                        'an ended version needs valid_to (a date, or "unknown"); only the '
                        "last version may be open-ended",
                    )
                )
            start, end = new.valid_from, old.valid_to
            if (
                isinstance(start, PartialDate)
                and isinstance(end, PartialDate)
                and end.earliest() >= start.latest()
            ):
                problems.append(
                    Problem(
                        f"$.versions[{i + 1}].valid_from",
                        f"starts on {start}, which is not after the previous version's valid_to "
                        f"{end}; versions are listed oldest first and must not overlap",
                    )
                )
            old_start = old.valid_from
            if (
                isinstance(old_start, PartialDate)
                and isinstance(start, PartialDate)
                and start.latest() < old_start.earliest()
            ):
                problems.append(
                    Problem(
                        f"$.versions[{i + 1}].valid_from", "versions must be listed oldest first"
                    )
                )
        if problems:
            raise InvalidDocumentError(problems)

    @property
    def kind(self) -> str:
        return self.versions[0].body.kind

    def latest(self) -> Version:
        """The newest version in the data."""
        return self.versions[-1]

    def statuses_on(
        self, day: dt.date, *, not_before: tuple[dt.date | None, ...] | None = None
    ) -> tuple[bool | None, ...]:
        """For each version, whether it applies on ``day`` (True, False or None for unknown).

        A version is taken to have ended once a later version has certainly started.
        """
        bounds = not_before or (None,) * len(self.versions)
        result = [
            v.in_force_on(day, not_before=b) for v, b in zip(self.versions, bounds, strict=True)
        ]
        for i in range(len(result) - 1, 0, -1):
            if result[i] is True:
                for j in range(i):
                    result[j] = False
                break
        return tuple(result)
