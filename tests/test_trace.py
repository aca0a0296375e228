"""Every number in every summary comes from a field the statement names in its trace.

For each record of the bundled dataset, in every locale, each written statement's
numbers (read back with the locale's separators) must appear among the numbers
of the fields at the statement's trace paths: ``$...`` in the record summarised,
``@dataset$...`` in the dataset it came from.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

from lawsummary import datasets, explain
from lawsummary.explain import Explanation
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.render import render_statements
from lawsummary.serialization import unstructure

DATASET = datasets.load("ru-migration-2024")
RECORDS: dict[str, object] = {"dataset": DATASET}
RECORDS.update({p.id: p for p in DATASET.provisions})
RECORDS.update({a.id: a for a in DATASET.acts})

_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")
_FIELD_NUMBER = re.compile(r"\d+(?:\.\d+)*")


def _numbers(token: str) -> set[Decimal]:
    """A number, or each part of a dotted date such as 17.06.2019."""
    parts = token.split(".") if token.count(".") > 1 else [token]
    return {Decimal(p) for p in parts}


def resolve(data: Any, path: str) -> Any:
    """The value at a ``$.a.b[0]`` path, or None where an omitted default leaves nothing."""
    value = data
    for name, index in _STEP.findall(path[path.index("$") + 1 :]):
        if name:
            if not isinstance(value, dict) or name not in value:
                return None
            value = value[name]
        else:
            if not isinstance(value, list) or int(index) >= len(value):
                return None
            value = value[int(index)]
    return value


def field_numbers(value: Any) -> set[Decimal]:
    if isinstance(value, dict):
        return set().union(*(field_numbers(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(field_numbers(v) for v in value)) if value else set()
    if isinstance(value, bool) or value is None:
        return set()
    found: set[Decimal] = set()
    for token in _FIELD_NUMBER.findall(str(value).replace("\xa0", "")):
        found |= _numbers(token)
    return found


def written_numbers(text: str, locale: str) -> set[Decimal]:
    group = re.escape(get_group_symbol(locale))
    decimal = re.escape(get_decimal_symbol(locale))
    pattern = re.compile(rf"\d+(?:{group}\d{{3}})*(?:{decimal}\d+)?(?:\.\d+)*")
    found = set()
    for token in pattern.findall(re.sub(r"https?://\S+", "", text)):
        plain = re.sub(group, "", token)
        plain = re.sub(decimal, ".", plain) if get_decimal_symbol(locale) != "." else plain
        found |= _numbers(plain)
    return found


def untraced(explanation: Explanation, data: Any, locale: str) -> list[tuple[str, set[Decimal]]]:
    """The statements whose numbers are not all in their traced fields, with those numbers."""
    context = unstructure(DATASET)
    problems = []
    for rendered in render_statements(explanation, locale):
        numbers = written_numbers(rendered.text, locale)
        allowed: set[Decimal] = set()
        for path in rendered.statement.trace:
            allowed |= field_numbers(
                resolve(context if path.startswith("@dataset") else data, path)
            )
        if numbers - allowed:
            problems.append((rendered.text, numbers - allowed))
    return problems


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_number_is_traced(name: str, locale: str) -> None:
    record = RECORDS[name]
    explanation = explain(record, detail="full", dataset=DATASET)
    assert untraced(explanation, unstructure(record), locale) == []


def test_an_untraced_number_is_caught() -> None:
    from lawsummary.explain import Message, Number, Role, Statement

    wrong = Statement(
        Role.SENTENCE,
        Message("Institutions on the list: {count}.", (("count", Number(93, "$.id")),)),
    )
    explanation = Explanation("test", (wrong,), "short")
    assert untraced(explanation, unstructure(DATASET), "en") == [
        ("Institutions on the list: 93.", {Decimal(93)})
    ]


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
