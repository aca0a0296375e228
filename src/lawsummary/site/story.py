"""The amendment story of a dataset: one change of effect per pair of consecutive versions.

A provision's versions are kept oldest first; each version after the first replaced the
one before it on its ``valid_from`` date. :func:`changes_of_effect` compares each such
pair with :func:`lawsummary.compare.compare` and keeps the typed result with the date of
effect, the overall direction and the weakest grade of the facts compared. A provision's
first version in the data is not announced as new: the data cannot tell whether an earlier
text existed that it does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from lawsummary.compare import Comparison, Direction, compare
from lawsummary.i18n import Language
from lawsummary.records.acts import Provision, Version
from lawsummary.records.common import PartialDate, Status, Unknown
from lawsummary.records.dataset import Dataset

__all__ = [
    "ChangeOfEffect",
    "change_label",
    "changes_of_effect",
    "latest_date",
    "tidy",
    "version_anchor",
    "weakest_status",
]

_STRENGTH = {Status.CONFIRMED: 2, Status.REPORTED: 1, Status.UNCONFIRMED: 0}


@attrs.frozen(kw_only=True)
class ChangeOfEffect:
    """The changes made by one version of a provision, from the date it took effect."""

    dataset: Dataset = attrs.field(repr=False, eq=False)
    provision: Provision = attrs.field(repr=False, eq=False)
    before: Version = attrs.field(repr=False, eq=False)
    after: Version = attrs.field(repr=False, eq=False)
    comparison: Comparison = attrs.field(repr=False, eq=False)
    #: When the new version took effect (its ``valid_from``), or unknown.
    date: PartialDate | Unknown
    #: The overall direction of the penalty changes, or None when none is about penalties.
    direction: Direction | None
    #: The weakest grade of the facts compared, or None when no change carries one.
    status: Status | None
    #: The anchor of this change on the provision's page (``change-2024-11-09``).
    anchor: str


def weakest_status(statuses: Iterator[Status | None]) -> Status | None:
    """The weakest of the grades given (unconfirmed < reported < confirmed), ignoring None."""
    found = [s for s in statuses if s is not None]
    return min(found, key=_STRENGTH.__getitem__) if found else None


def version_anchor(provision: Provision, index: int) -> str:
    """A stable anchor for the version at ``index``: its start date, or its position.

    ``v-2024-11-09`` for a version whose start is known (``v-2019-11`` to the month);
    ``v3`` (the position, from 1) when the start is unknown or shared by two versions.
    """
    start = provision.versions[index].valid_from
    if isinstance(start, PartialDate):
        same = [v for v in provision.versions if v.valid_from == start]
        if len(same) == 1:
            return f"v-{start}"
    return f"v{index + 1}"


def changes_of_effect(dataset: Dataset, provision: Provision) -> tuple[ChangeOfEffect, ...]:
    """The changes of effect of one provision, oldest first."""
    found = []
    versions = provision.versions
    for index in range(1, len(versions)):
        before, after = versions[index - 1], versions[index]
        comparison = compare(before, after, dataset=dataset)
        status = weakest_status(c.status for c in comparison.changes)
        if status is None and after.provenance is not None:
            status = after.provenance.status
        found.append(
            ChangeOfEffect(
                dataset=dataset,
                provision=provision,
                before=before,
                after=after,
                comparison=comparison,
                date=after.valid_from,
                direction=comparison.direction(),
                status=status,
                anchor="change-" + version_anchor(provision, index).removeprefix("v-"),
            )
        )
    return tuple(found)


def latest_date(ds: Dataset) -> PartialDate | None:
    dates = [
        d
        for p in ds.provisions
        for v in p.versions
        for d in (v.valid_from, v.valid_to)
        if isinstance(d, PartialDate)
    ]
    return max(dates, key=lambda d: d.latest()) if dates else None


_DOUBLE_STOP = re.compile(r"(?<=\w)\.\.(?!\.)")


def tidy(text: str) -> str:
    """One full stop where an abbreviation's meets the sentence's ("2024 г.." → "2024 г.").

    The same rule as the summaries' (an ellipsis stays).
    """
    return _DOUBLE_STOP.sub(".", text)


def change_label(lang: Language, change: ChangeOfEffect) -> str:
    """ "The changes apply from November 9, 2024", or that the date is not established."""
    if isinstance(change.date, PartialDate):
        day = lang.date(change.date, governed=True)
        text = lang.gettext("The changes apply from {date}.").format(date=day)
    else:
        text = lang.gettext("When these changes took effect is not established.")
    return tidy(text)
