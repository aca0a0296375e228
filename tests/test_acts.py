"""Versions in time and the order of a provision's versions."""

from __future__ import annotations

import datetime as dt

import pytest

from lawsummary import InvalidDocumentError
from lawsummary.records import (
    UNKNOWN,
    LocalizedText,
    Measure,
    PartialDate,
    Provenance,
    Provision,
    Status,
    Version,
)

BODY = Measure(
    jurisdiction="XA",
    title=LocalizedText.of(en="A measure"),
    description=LocalizedText.of(en="Something applies."),
    provenance=Provenance(status=Status.UNCONFIRMED),
)


def version(start: str | None, end: str | None = None, *, unknown_end: bool = False) -> Version:
    return Version(
        valid_from=PartialDate.parse(start) if start else UNKNOWN,
        valid_to=UNKNOWN if unknown_end else (PartialDate.parse(end) if end else None),
        body=BODY,
    )


@pytest.mark.parametrize(
    ("start", "end", "day", "expected"),
    [
        ("2024-11-09", None, dt.date(2024, 11, 9), True),
        ("2024-11-09", None, dt.date(2024, 11, 8), False),
        ("2016-07-20", "2024-11-08", dt.date(2024, 11, 8), True),
        ("2016-07-20", "2024-11-08", dt.date(2024, 11, 9), False),
        ("2019-11", "2024-11-08", dt.date(2019, 11, 10), None),
        ("2019-11", "2024-11-08", dt.date(2019, 12, 1), True),
        ("2019-11", "2024-11-08", dt.date(2019, 10, 31), False),
        (None, "2024-11-08", dt.date(2020, 1, 1), None),
        (None, "2024-11-08", dt.date(2025, 1, 1), False),
    ],
)
def test_in_force_on(
    start: str | None, end: str | None, day: dt.date, expected: bool | None
) -> None:
    assert version(start, end).in_force_on(day) is expected


def test_unknown_end_is_not_forever() -> None:
    v = version("2004-01-01", unknown_end=True)
    assert v.in_force_on(dt.date(2004, 6, 1)) is None
    assert v.in_force_on(dt.date(2003, 6, 1)) is False


def test_not_before_rules_out_early_days() -> None:
    v = version(None)
    assert v.in_force_on(dt.date(2020, 1, 1)) is None
    assert v.in_force_on(dt.date(2020, 1, 1), not_before=dt.date(2024, 10, 30)) is False
    assert v.in_force_on(dt.date(2025, 1, 1), not_before=dt.date(2024, 10, 30)) is None


def test_later_version_ends_earlier_ones() -> None:
    provision = Provision(id="p", versions=(version(None, unknown_end=True), version("2016-07-20")))
    assert provision.statuses_on(dt.date(2020, 1, 1)) == (False, True)


def test_version_end_before_start() -> None:
    with pytest.raises(ValueError, match="is before valid_from"):
        version("2024-11-09", "2024-11-08")


def test_an_ended_version_needs_an_end() -> None:
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.versions\[0\]\.valid_to: an ended version"
    ):
        Provision(id="p", versions=(version("2016-07-20"), version("2024-11-09")))


def test_overlapping_versions() -> None:
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.versions\[1\]\.valid_from: starts on 2024-11-01"
    ):
        Provision(id="p", versions=(version("2016-07-20", "2024-11-08"), version("2024-11-01")))


def test_versions_oldest_first() -> None:
    with pytest.raises(InvalidDocumentError, match="oldest first"):
        Provision(id="p", versions=(version("2024-11-09", "2025-01-01"), version("2016-07-20")))


def test_provision_needs_versions() -> None:
    with pytest.raises(InvalidDocumentError, match="at least one version"):
        Provision(id="p", versions=())
