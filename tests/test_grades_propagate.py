"""Issue 14, "Grades propagate": a statement is never stronger than the facts it traces; a
derived value says it is derived; a date's grade is shown with the date."""

from __future__ import annotations

import datetime as dt

import pytest

from lawsummary import datasets
from lawsummary.compare import Comparison, compare
from lawsummary.explain import Statement, explain
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import Offence, Sanction, Status
from lawsummary.render import render, render_statements

DS = datasets.load("ru-migration-2024")
STRENGTH = (Status.UNCONFIRMED, Status.REPORTED, Status.CONFIRMED)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(DS.as_of(dt.date(2024, 11, 1)), DS.as_of(dt.date(2025, 6, 1)))


def _lines(comparison: Comparison, locale: str = "en") -> list[str]:
    return render(explain(comparison, detail="full"), locale=locale).splitlines()


def _block(lines: list[str], heading: str) -> list[str]:
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i]), len(lines))
    return lines[start:end]


def test_a_new_measure_takes_the_measures_grade(comparison: Comparison) -> None:
    part1 = _block(
        _lines(comparison), "Criminal Code of Russia, art. 322.1(1): Organising illegal migration"
    )
    (said,) = [line for line in part1 if line.startswith("Confiscation of property")]
    assert said.endswith("(harsher) (reported)")
    change = next(
        c for c in comparison.changes if c.path == "ru-uk-322.1-1/measures/ru-uk-104.1-1-a"
    )
    assert change.status is Status.REPORTED


def test_a_new_measure_of_unknown_start_says_so(comparison: Comparison) -> None:
    part1 = _block(
        _lines(comparison), "Criminal Code of Russia, art. 322.1(1): Organising illegal migration"
    )
    i = next(i for i, line in enumerate(part1) if line.startswith("Confiscation of property"))
    assert part1[i + 1] == "When this measure took effect is not established."


@pytest.mark.parametrize(
    ("heading", "grade"),
    [
        (
            "Criminal Code of Russia, art. 322.2: Fictitious registration at a place of stay or residence",
            "unconfirmed",
        ),
        (
            "Exam in Russian, history of Russia and the basics of Russian law for foreign citizens",
            "reported",
        ),
    ],
)
def test_the_date_changes_apply_from_carries_its_grade(
    comparison: Comparison, heading: str, grade: str
) -> None:
    block = _block(_lines(comparison), heading)
    (dated,) = [line for line in block if line.startswith("The changes apply from")]
    assert dated.endswith(f"({grade})")


def test_a_derived_category_change_says_it_is_derived(comparison: Comparison) -> None:
    block = _block(
        _lines(comparison),
        "Criminal Code of Russia, art. 322.2: Fictitious registration at a place of stay or residence",
    )
    i = next(i for i, line in enumerate(block) if line.startswith("Category before"))
    assert block[i + 1] == (
        "No source states these categories; they follow from the longest prison term under "
        "the category rules."
    )


def _weakest_traced(statement: Statement, offence: Offence) -> Status:
    grades = [offence.provenance.status]
    assert isinstance(offence.sanction, Sanction)
    if offence.sanction.provenance is not None:
        grades.append(offence.sanction.provenance.status)
    return min(grades, key=STRENGTH.index)


@pytest.mark.parametrize("pid", ["ru-uk-322.2", "ru-uk-322.3", "ru-uk-322.1-1"])
def test_a_derived_category_is_no_stronger_than_the_sanction(pid: str) -> None:
    version = DS.provision(pid).latest()
    body = version.body
    assert isinstance(body, Offence)
    assert body.category is None
    said = explain(DS.provision(pid), detail="short", dataset=DS)
    derived = [
        s
        for s in said.statements
        if f"$.versions[{len(DS.provision(pid).versions) - 1}].body.guilt" in s.trace
    ]
    assert derived
    floor = _weakest_traced(derived[0], body)
    for statement in derived:
        assert statement.status is not None
        assert STRENGTH.index(statement.status) <= STRENGTH.index(floor)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_comparison_statement_is_graded_no_stronger_than_its_changes(
    comparison: Comparison, locale: str
) -> None:
    by_path = {c.path: c for c in comparison.changes}
    for written in render_statements(explain(comparison, detail="full"), locale):
        changes = [by_path[t] for t in written.statement.trace if t in by_path]
        grades = [c.status for c in changes if c.status is not None]
        if not grades:
            continue
        floor = min(grades, key=STRENGTH.index)
        assert written.statement.status is not None, written.text
        assert STRENGTH.index(written.statement.status) <= STRENGTH.index(floor), written.text
