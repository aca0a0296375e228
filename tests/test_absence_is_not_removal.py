"""Issue 14, "Absence is not removal": a comparison states a removal only where the list on
that side is complete; qualifying circumstances the data marks incomplete included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import lawsummary.testing as honesty
from lawsummary import LawSummaryError, datasets, dumps, loads
from lawsummary.compare import Change, ChangeKind, compare
from lawsummary.explain import explain
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import Offence, Status
from lawsummary.render import render

DS = datasets.load("ru-migration-2024")


def _part_2(complete: bool) -> tuple[Offence, Offence]:
    versions = DS.provision("ru-uk-322.1-2").versions
    before, after = versions[2].body, versions[3].body
    assert isinstance(before, Offence)
    assert isinstance(after, Offence)
    return before, attrs.evolve(after, circumstances_complete=complete)


def test_the_data_marks_part_2s_circumstances_incomplete() -> None:
    _, after = _part_2(False)
    body = DS.provision("ru-uk-322.1-2").versions[3].body
    assert isinstance(body, Offence)
    assert body.circumstances_complete is False
    said = render(explain(DS.provision("ru-uk-322.1-2"), detail="full", dataset=DS), locale="en")
    assert "The sources may not list every qualifying circumstance." in said
    assert after.circumstances_complete is False


def test_a_circumstance_missing_from_an_incomplete_list_is_not_a_removal() -> None:
    comparison = compare(DS.as_of(dt.date(2024, 11, 1)), DS.as_of(dt.date(2025, 1, 1)))
    removed = [
        c
        for c in comparison.changes
        if c.kind is ChangeKind.REMOVED and c.location.section == "circumstances"
    ]
    assert removed
    assert all(c.status is Status.UNCONFIRMED for c in removed)
    english = render(explain(comparison, detail="full"), locale="en")
    assert "No longer a qualifying circumstance" not in english
    assert (
        "The sources no longer list this qualifying circumstance: in order to commit a crime "
        "in Russia; they may be incomplete." in english
    )


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_no_removal_from_an_incomplete_side_in_any_locale(locale: str) -> None:
    assert honesty.removals_from_incomplete(DS, locales=locale) == []


def test_from_a_complete_list_a_removal_is_a_removal() -> None:
    before, after = _part_2(True)
    comparison = compare(before, after)
    english = render(explain(comparison, detail="full"), locale="en")
    assert "No longer a qualifying circumstance: in order to commit a crime in Russia." in english
    removed = [
        c
        for c in comparison.changes
        if c.kind is ChangeKind.REMOVED and c.location.section == "circumstances"
    ]
    assert removed
    assert all(c.status is not Status.UNCONFIRMED for c in removed)


def test_an_addition_to_a_list_that_was_incomplete_is_not_certain() -> None:
    before, after = _part_2(True)
    before = attrs.evolve(before, circumstances_complete=False)
    english = render(explain(compare(before, after), detail="full"), locale="en")
    assert "The sources now also list a qualifying circumstance: using forged documents" in english
    assert "New qualifying circumstance" not in english


def test_the_check_finds_a_removal_claimed_from_an_incomplete_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The honesty check itself: with the comparison's grading undone, it fails."""
    import importlib

    module = importlib.import_module("lawsummary.compare")  # the module, not the function

    real = module._compare_offences

    def claims_removals(*args: Any, **kwargs: Any) -> Iterator[Change]:
        for change in real(*args, **kwargs):
            if "/circumstances/" in change.path:
                change = attrs.evolve(change, status=Status.REPORTED)
            yield change

    monkeypatch.setattr(module, "_compare_offences", claims_removals)
    found = honesty.removals_from_incomplete(DS, locales="en")
    assert any(
        f.kind == "removal-from-incomplete" and f.path.endswith(".circumstances_complete")
        for f in found
    )


def test_the_reader_takes_circumstances_complete_and_refuses_a_non_boolean() -> None:
    body = DS.provision("ru-uk-322.1-2").versions[3].body
    text = dumps(body, "json")
    assert '"circumstances_complete": false' in text
    read = loads(text, "json")
    assert isinstance(read, Offence)
    assert read.circumstances_complete is False
    with pytest.raises(LawSummaryError, match="circumstances_complete"):
        loads(
            text.replace('"circumstances_complete": false', '"circumstances_complete": "no"'),
            "json",
        )


def test_an_option_the_sources_no_longer_list_is_said_not_dropped() -> None:
    """Part 2's additional fine: the income alternative is not in the new sources, which
    may be incomplete; "before … now" alone read as if it was dropped."""
    comparison = compare(DS.as_of(dt.date(2024, 11, 1)), DS.as_of(dt.date(2025, 1, 1)))
    english = render(explain(comparison, detail="short"), locale="en").splitlines()
    i = next(i for i, line in enumerate(english) if line.startswith("Additional penalty before"))
    assert english[i + 1] == (
        "The sources no longer list a fine of the offender's wages or other income for up to "
        "3 years; they may be incomplete. (direction unclear) (unconfirmed)"
    )
