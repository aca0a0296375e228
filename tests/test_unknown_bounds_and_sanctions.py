"""Issue 14, item 1: "unknown" is a value for a range's bound, for a sanction and for what a
part of an article covers. The reader, the writer, TOML, the JSON Schema, the summaries and
the comparisons agree on it; bad input gets a clear error naming its place."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from lawsummary import LawSummaryError, datasets, dumps, loads, summarize
from lawsummary.compare import ChangeKind, Direction, compare, compare_many
from lawsummary.explain import explain
from lawsummary.records import (
    UNKNOWN,
    Alternative,
    Dataset,
    Imprisonment,
    IndexRange,
    MoneyRange,
    Offence,
    Sanction,
    TermRange,
    TimeUnit,
)
from lawsummary.records.common import Unknown
from lawsummary.render import render
from lawsummary.schema import json_schema
from lawsummary.testing import unstated_unknowns, untraced_numbers
from tests import strategies as S

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
DOCUMENT: dict[str, Any] = json.loads(dumps(datasets.load("ru-migration-2024")))
PART_2 = "ru-uk-322.1-2"


def _body(doc: dict[str, Any], provision: str = PART_2, version: int = -1) -> dict[str, Any]:
    found = next(p for p in doc["provisions"] if p["id"] == provision)
    body: dict[str, Any] = found["versions"][version]["body"]
    return body


def _term(doc: dict[str, Any]) -> dict[str, Any]:
    term: dict[str, Any] = _body(doc)["sanction"]["alternatives"][0]["penalty"]["term"]
    return term


def _read(doc: dict[str, Any]) -> Dataset:
    read = loads(json.dumps(doc), "json")
    assert isinstance(read, Dataset)
    return read


def _offence(ds: Dataset, provision: str = PART_2) -> Offence:
    body = ds.index().provisions[provision][1].versions[-1].body
    assert isinstance(body, Offence)
    return body


# -- records ------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [TermRange, MoneyRange, IndexRange])
def test_a_bound_may_be_unknown_and_stays_apart_from_absent(cls: type[Any]) -> None:
    unit: dict[str, Any] = (
        {"unit": TimeUnit.YEARS}
        if cls is TermRange
        else {"currency": "RUB"}
        if cls is MoneyRange
        else {"unit": "kz-mci"}
    )
    lower_unknown = cls(**unit, min=UNKNOWN, max=3)
    assert lower_unknown.min is UNKNOWN
    assert lower_unknown.max == Decimal(3)
    upper_unknown = cls(**unit, min=2, max=UNKNOWN)
    assert upper_unknown.max is UNKNOWN
    both = cls(**unit, min=UNKNOWN, max=UNKNOWN)
    assert both.min is UNKNOWN
    assert both.max is UNKNOWN
    assert cls(**unit, max=UNKNOWN).min is None  # no lower bound at all: not the same
    with pytest.raises(ValueError, match="needs 'min', 'max' or both"):
        cls(**unit)


def test_an_inverted_range_is_refused_only_where_both_bounds_are_known() -> None:
    with pytest.raises(ValueError, match="inverted"):
        TermRange(unit=TimeUnit.YEARS, min=5, max=3)
    assert TermRange(unit=TimeUnit.YEARS, min=UNKNOWN, max=0).max == 0


def test_lower_and_upper_keep_the_unknown() -> None:
    term = TermRange(unit=TimeUnit.YEARS, min=UNKNOWN, max=3)
    assert term.lower is UNKNOWN
    upper = term.upper
    assert upper is not None
    assert upper is not UNKNOWN
    assert upper.value == 3


# -- reader, writer, TOML, schema ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_unknown_bounds_sanction_and_description_read_and_write_back(fmt: str) -> None:
    doc = copy.deepcopy(DOCUMENT)
    _term(doc)["min"] = "unknown"
    other = _body(doc, "ru-uk-322.1-3")
    other["sanction"] = "unknown"
    other["description"] = "unknown"
    other["guilt"] = "unknown"
    other.pop("category", None)
    ds = _read(doc)
    term = _offence(ds).sanction
    assert isinstance(term, Sanction)
    penalty = term.alternatives[0].penalty
    assert isinstance(penalty, Imprisonment)
    assert penalty.term.min is UNKNOWN
    whole = _offence(ds, "ru-uk-322.1-3")
    assert whole.sanction is UNKNOWN
    assert whole.description is UNKNOWN
    text = dumps(ds, fmt)  # type: ignore[arg-type]
    assert loads(text, fmt) == ds  # type: ignore[arg-type]
    assert '"unknown"' in text or "'unknown'" in text or '= "unknown"' in text
    assert list(VALIDATOR.iter_errors(doc)) == []


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("min", "unkown", r'did you mean "unknown"\?'),
        ("max", "Unknown", r'did you mean "unknown"\?'),
        ("min", "some", r'not a number.*or "unknown" when it is not established'),
        ("max", None, r"needs 'min', 'max' or both|expected a number"),
    ],
)
def test_a_bad_bound_names_its_place(where: str, value: object, expected: str) -> None:
    doc = copy.deepcopy(DOCUMENT)
    term = _term(doc)
    term.pop("min", None)
    term[where] = value
    with pytest.raises(LawSummaryError, match=expected) as caught:
        loads(json.dumps(doc), "json")
    assert "sanction.alternatives[0].penalty.term" in str(caught.value)
    if value != "some" and value is not None:
        assert list(VALIDATOR.iter_errors(doc)), "the schema accepts a near miss of unknown"


def test_an_amount_of_money_stays_a_number() -> None:
    doc = copy.deepcopy(DOCUMENT)
    next(p for p in doc["provisions"] if p["id"] == "ru-patent-cost")["versions"][-1]["body"][
        "base"
    ]["amount"] = "unknown"
    with pytest.raises(LawSummaryError, match=r"this number cannot be unknown.*min.*max") as caught:
        loads(json.dumps(doc), "json")
    assert ".body.base.amount" in str(caught.value)
    assert list(VALIDATOR.iter_errors(doc)), "the schema accepts an unknown amount"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([], r"expected an object, got a list.*or \"unknown\""),
        ("unkown", r'did you mean "unknown"\?'),
        ({"alternatives": []}, r"alternatives needs at least one entry"),
    ],
)
def test_a_bad_sanction_names_its_place(value: object, expected: str) -> None:
    doc = copy.deepcopy(DOCUMENT)
    _body(doc)["sanction"] = value
    with pytest.raises(LawSummaryError, match=expected) as caught:
        loads(json.dumps(doc), "json")
    assert ".body.sanction" in str(caught.value)
    assert list(VALIDATOR.iter_errors(doc)), f"the schema accepts the sanction {value!r}"


@pytest.mark.parametrize("field", ["description", "sanction"])
@pytest.mark.parametrize("value", ["Unknown", "unkown", " unknown"])
def test_a_near_miss_of_an_unknown_description_or_sanction_is_suggested(
    field: str, value: str
) -> None:
    doc = copy.deepcopy(DOCUMENT)
    _body(doc)[field] = value
    with pytest.raises(LawSummaryError, match=r'did you mean "unknown"\?') as caught:
        loads(json.dumps(doc), "json")
    assert f".body.{field}:" in str(caught.value)
    assert list(VALIDATOR.iter_errors(doc)), f"the schema accepts {field} = {value!r}"


def test_the_schema_allows_unknown_exactly_where_the_reader_does() -> None:
    defs = json_schema()["$defs"]
    for name in ("TermRange", "MoneyRange", "IndexRange"):
        for bound in ("min", "max"):
            assert {"const": "unknown"} in defs[name]["properties"][bound]["anyOf"]
    assert {"const": "unknown"} in defs["Offence"]["properties"]["sanction"]["anyOf"]
    assert {"const": "unknown"} in defs["Offence"]["properties"]["description"]["anyOf"]
    assert (
        "anyOf" not in defs["Money"]["properties"]["amount"]
        or {"const": "unknown"} not in (defs["Money"]["properties"]["amount"]["anyOf"])
    )


# -- summaries ---------------------------------------------------------------------------------------


def _unknown_part(doc: dict[str, Any]) -> Dataset:
    body = _body(doc, "ru-uk-322.1-3")
    body["sanction"] = "unknown"
    body["description"] = "unknown"
    body.pop("category", None)
    return _read(doc)


def _summary(ds: Dataset, provision: str, locale: str, detail: str = "full") -> str:
    found = ds.index().provisions[provision][1]
    return summarize(found, locale=locale, dataset=ds, detail=detail)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en", "prison for up to 10 years (the lower bound is not established)"),
        ("ru", "лишение свободы на срок до 10 лет (нижний предел не установлен)"),
    ],
)
def test_an_unknown_lower_bound_is_said(locale: str, said: str) -> None:
    doc = copy.deepcopy(DOCUMENT)
    _term(doc)["min"] = "unknown"
    ds = _read(doc)
    for detail in ("short", "full"):
        assert said in _summary(ds, PART_2, locale, detail)


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en", "prison for at least 5 years (the upper bound is not established)"),
        ("ru", "лишение свободы на срок не менее 5 лет (верхний предел не установлен)"),
        ("en", "The crime category cannot be derived: the longest prison term is not established."),
        ("ru", "Категорию преступления нельзя вывести"),
    ],
)
def test_an_unknown_upper_bound_is_said_and_no_category_is_guessed(locale: str, said: str) -> None:
    doc = copy.deepcopy(DOCUMENT)
    _term(doc)["max"] = "unknown"
    _body(doc).pop("category", None)
    ds = _read(doc)
    full = _summary(ds, PART_2, locale)
    assert said in full
    # the version whose bound is not established (the others keep their categories)
    (block,) = [b for b in full.split("\n\n") if "(the upper bound" in b or "(верхний" in b]
    assert "grave crime" not in block
    assert "тяжк" not in block
    assert said in block


def test_a_wholly_unknown_term_is_said() -> None:
    doc = copy.deepcopy(DOCUMENT)
    _term(doc)["min"] = "unknown"
    _term(doc)["max"] = "unknown"
    ds = _read(doc)
    assert "Punishment: prison for a term not established." in _summary(ds, PART_2, "en")
    assert "лишение свободы на срок (не установлен)" in _summary(ds, PART_2, "ru")


@pytest.mark.parametrize(
    ("locale", "sanction", "description"),
    [
        ("en", "The punishment is not established.", "What it covers is not established."),
        ("ru", "Наказание не установлено.", "Состав не установлен."),
        ("kk", "Жаза анықталмаған.", "Әрекет құрамы анықталмаған."),
    ],
)
def test_an_unknown_sanction_and_description_are_said(
    locale: str, sanction: str, description: str
) -> None:
    ds = _unknown_part(copy.deepcopy(DOCUMENT))
    full = _summary(ds, "ru-uk-322.1-3", locale)
    assert sanction in full
    assert description in full
    short = _summary(ds, "ru-uk-322.1-3", locale, "short")
    assert sanction in short


def test_every_new_unknown_is_traced_in_every_locale() -> None:
    doc = copy.deepcopy(DOCUMENT)
    _term(doc)["min"] = "unknown"
    _body(doc, "ru-uk-322.1-1")["sanction"]["alternatives"][0]["penalty"]["term"]["max"] = "unknown"
    ds = _unknown_part(doc)
    for provision in (PART_2, "ru-uk-322.1-1", "ru-uk-322.1-3"):
        found = ds.index().provisions[provision][1]
        assert unstated_unknowns(found, dataset=ds) == []
        assert untraced_numbers(found, dataset=ds) == []


# -- comparisons ---------------------------------------------------------------------------------


def _with(sanction: Sanction | Any, base: Offence) -> Offence:
    import attrs

    return attrs.evolve(base, sanction=sanction)


def test_an_unknown_bound_is_never_a_change_of_direction() -> None:
    base = _offence(datasets.load("ru-migration-2024"))
    known = Sanction(
        alternatives=(
            Alternative(penalty=Imprisonment(term=TermRange(unit=TimeUnit.YEARS, min=5, max=10))),
        )
    )
    unknown = Sanction(
        alternatives=(
            Alternative(
                penalty=Imprisonment(term=TermRange(unit=TimeUnit.YEARS, min=UNKNOWN, max=10))
            ),
        )
    )
    for before, after in ((known, unknown), (unknown, known)):
        changes = compare(_with(before, base), _with(after, base)).changes
        bound = [c for c in changes if c.location.bound == "min"]
        assert len(bound) == 1
        (change,) = bound
        assert change.kind is ChangeKind.CHANGED
        assert not change.comparable
        assert change.direction is Direction.UNCLEAR
        assert change.difference is None
        assert change.factor is None
        text = render(explain(compare(_with(before, base), _with(after, base))), locale="en")
        assert "A bound that is not established cannot be compared" in text
        assert "harsher" not in text.replace("neither harsher", "")
        assert "more lenient" not in text.replace("nor more lenient", "")


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_an_unknown_sanction_is_not_compared(locale: str) -> None:
    ds = datasets.load("ru-migration-2024")
    base = _offence(ds)
    before, after = base, _with(UNKNOWN, base)
    for a, b in ((before, after), (after, before)):
        comparison = compare(a, b)
        assert [
            c.location.name for c in comparison.changes if c.location.section == "sanction"
        ] == ["established"]
        assert all(
            c.direction in (None, Direction.UNCLEAR)
            for c in comparison.changes
            if c.location.section == "sanction"
        )
        text = render(explain(comparison), locale=locale)
        expected = {
            "en": "The punishments cannot be compared: the punishment of",
            "ru": "Наказания нельзя сравнить: наказание по",
        }[locale]
        assert expected in text
    assert compare(after, after).changes == ()


def test_compare_many_says_not_established_for_an_unknown_sanction() -> None:
    ds = datasets.load("ru-migration-2024")
    base = _offence(ds)
    table = compare_many([base, _with(UNKNOWN, base)], dataset=ds)
    rows = dict(table.rows)
    for feature in ("prison", "fine", "other_alternatives", "additional"):
        assert rows[feature][1] is UNKNOWN
    text = render(explain(table), locale="en")
    assert "not established" in text


# -- properties ------------------------------------------------------------------------------------

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(S.offences(), S.offences())
def test_an_unknown_value_is_never_a_change_of_direction(a: Offence, b: Offence) -> None:
    for change in compare(a, b).changes:
        if isinstance(change.before, Unknown) or isinstance(change.after, Unknown):
            if change.location.section != "sanction":
                continue  # a field such as guilt: said as "not established" either way
            assert change.direction in (None, Direction.UNCLEAR), change.path
            assert change.kind is ChangeKind.CHANGED, change.path
            assert not change.comparable, change.path
            assert change.difference is None, change.path


@PROPERTY
@given(S.offences())
def test_no_category_is_derived_from_an_unknown_longest_term(offence: Offence) -> None:
    from lawsummary.rules.ru import max_punishment

    sanction = offence.sanction
    unknown_term = not isinstance(sanction, Sanction) or any(
        isinstance(alt.penalty, Imprisonment) and isinstance(alt.penalty.term.max, Unknown)
        for alt in sanction.alternatives
    )
    if unknown_term:
        assert max_punishment(sanction) is UNKNOWN


def test_the_outline_says_what_is_not_established() -> None:
    from lawsummary.outline import outline

    text = outline(datasets.load("kz-migration-2025"))
    assert "index fine kz-mrp: minimum not established, maximum 3000" in text
    assert "or imprisonment years: minimum not established, maximum 3" in text
    assert "what it covers: not established\n    sanction: not established" in text


def test_no_overall_direction_where_a_punishment_is_not_established() -> None:
    ru, kz = datasets.load("ru-migration-2024"), datasets.load("kz-migration-2025")
    comparison = compare(
        ru.provision("ru-uk-322.1-3"), kz.provision("kz-cc-394-3"), datasets=[ru, kz]
    )
    # a measure the Kazakh data does not hold would otherwise make it "more lenient"
    assert comparison.direction() is Direction.UNCLEAR
    text = render(explain(comparison), locale="en")
    assert "Overall: the direction is unclear." in text
    assert "Overall: more lenient." not in text


@pytest.mark.parametrize("term", [{"unit": "years"}, {"unit": "years", "max": None}])
def test_reader_and_schema_refuse_a_range_without_a_bound(term: dict[str, Any]) -> None:
    doc = copy.deepcopy(DOCUMENT)
    _body(doc)["sanction"]["alternatives"][0]["penalty"]["term"] = term
    with pytest.raises(LawSummaryError, match=r"needs 'min', 'max' or both|expected a number"):
        loads(json.dumps(doc), "json")
    assert list(VALIDATOR.iter_errors(doc)), "the schema accepts a range without a bound"
    _body(doc)["sanction"]["alternatives"][0]["penalty"]["term"] = {
        "unit": "years",
        "min": "unknown",
    }
    assert list(VALIDATOR.iter_errors(doc)) == []
