"""Every number in every summary comes from a field the statement names in its trace.

For each record of the bundled dataset, in every locale, each written statement's
numbers (read back with the locale's separators) must appear among the numbers
of the fields at the statement's trace paths: ``$...`` in the record summarised,
``@dataset$...`` in the dataset it came from. The check is
``lawsummary.testing.assert_numbers_traced``; ``tests/test_testing.py`` shows it fail.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from lawsummary import datasets, explain
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.testing import assert_numbers_traced, field_numbers, written_numbers

DATASET = datasets.load("ru-migration-2024")
RECORDS: dict[str, object] = {"dataset": DATASET}
RECORDS.update({p.id: p for p in DATASET.provisions})
RECORDS.update({a.id: a for a in DATASET.acts})


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_number_is_traced(name: str, locale: str) -> None:
    """The check users run on their own data (``lawsummary.testing``), short and full."""
    assert_numbers_traced(RECORDS[name], locales=locale, dataset=DATASET)


def test_the_check_can_fail() -> None:
    assert written_numbers("до 500\xa0000 рублей, 1,5 года, ст. 322.1", "ru") == {
        Decimal(500000),
        Decimal("1.5"),
        Decimal("322.1"),
    }
    assert field_numbers({"a": ["2024-11-09", {"max": "15"}]}) == {
        Decimal(2024),
        Decimal(11),
        Decimal(9),
        Decimal(15),
    }


def _check_value(value: object) -> None:
    from lawsummary.explain import (
        Items,
        Link,
        Message,
        MoreThan,
        Number,
        Quantity,
        Text,
        Verbatim,
        When,
    )
    from lawsummary.records.common import LocalizedText, PartialDate

    if isinstance(value, Message):
        assert isinstance(value.key, str)
        assert value.context is None or isinstance(value.context, str)
        assert isinstance(value.values, tuple)
        for name, inner in value.values:
            assert isinstance(name, str)
            _check_value(inner)
    elif isinstance(value, Items):
        assert value.style in ("standard", "or", "sentences")
        for inner in value.items:
            _check_value(inner)
    elif isinstance(value, Text):
        assert isinstance(value.text, LocalizedText)
        assert isinstance(value.path, str)
    elif isinstance(value, Quantity):
        assert value.low is None or isinstance(value.low, Decimal)
        assert value.high is None or isinstance(value.high, Decimal)
        assert isinstance(value.unit, str)
        assert isinstance(value.path, str)
        assert value.label is None or isinstance(value.label, Text)
    elif isinstance(value, When):
        assert isinstance(value.date, PartialDate)
        assert isinstance(value.path, str)
        assert isinstance(value.governed, bool)
    elif isinstance(value, (Verbatim, Link)):
        assert all(isinstance(field, str) for field in value)
    else:
        assert isinstance(value, (MoreThan, Number)), value


@pytest.mark.parametrize("detail", ["short", "full"])
def test_every_statement_holds_its_fields_in_order(detail: str) -> None:
    """Statements, messages and values are made field by field on the summary path
    (``tuple.__new__``): each field holds what its name says, for every record."""
    from lawsummary.compare import compare
    from lawsummary.explain import Role, Statement
    from lawsummary.records.common import Source, Status

    ds = datasets.load("ru-migration-2024")
    subjects: list[Any] = [ds, *ds.provisions, *ds.acts]
    subjects += [p.latest() for p in ds.provisions]
    subjects += [p.latest().body for p in ds.provisions]
    subjects.append(compare(ds.provisions[0].versions[0], ds.provisions[0].latest()))
    count = 0
    for subject in subjects:
        for statement in explain(subject, detail=detail, dataset=ds).statements:  # type: ignore[arg-type]
            assert type(statement) is Statement
            assert len(statement) == len(Statement._fields)
            assert isinstance(statement.role, Role)
            _check_value(statement.message)
            assert statement.status is None or isinstance(statement.status, Status)
            assert isinstance(statement.flag_grade, bool)
            assert all(isinstance(s, Source) for s in statement.sources)
            assert all(isinstance(p, str) for p in statement.extra_trace)
            for cell in statement.cells:
                if cell is not None:
                    _check_value(cell)
            count += 1
    assert count > 300
