"""Properties of the summary path over generated records of every kind, in every locale:
explaining and rendering never raises, and every number printed comes from a field the
statement names in its trace (issue #11; the bundled records alone are in test_trace)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawsummary import SUPPORTED_LOCALES, summarize
from lawsummary.compare import compare
from lawsummary.records import (
    ActivityBans,
    AggravatingCircumstance,
    CategoryRule,
    Confiscation,
    Count,
    CrimeCategories,
    Dataset,
    ExamRule,
    Guilt,
    Measure,
    Money,
    PatentCost,
    Purpose,
    RegionalBan,
    RegionalCoefficient,
    ReportedCost,
    Subject,
    YearValue,
)
from lawsummary.render import FORMATS
from lawsummary.testing import untraced_numbers
from tests import strategies as S

PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

locales = st.sampled_from(SUPPORTED_LOCALES)
details: st.SearchStrategy[Literal["short", "full"]] = st.sampled_from(["short", "full"])
regions = st.sampled_from(["XA-AA", "XA-BB"])
years = st.integers(min_value=1990, max_value=2100)
positive = st.decimals(min_value=Decimal("0.01"), max_value=1000, places=3)

confiscations = st.builds(
    Confiscation,
    citation=S.citations(),
    title=S.localized,
    what=S.localized,
    condition=st.none() | S.localized,
    applies_to=st.lists(S.citations(), max_size=2).map(tuple),
    nature=st.none() | S.facts,
    provenance=S.provenances(),
)
aggravating = st.builds(
    AggravatingCircumstance,
    citation=S.citations(),
    title=S.localized,
    text=S.localized,
    provenance=S.provenances(),
)


@st.composite
def category_rules(draw: st.DrawFn) -> CategoryRule:
    above = draw(st.none() | st.integers(min_value=0, max_value=10))
    up_to = draw(st.none() | st.integers(min_value=11, max_value=30))
    return CategoryRule(
        category=draw(st.sampled_from(["minor", "medium", "grave", "especially_grave"])),
        guilt=draw(st.sampled_from(Guilt)),
        above=above,
        up_to=up_to,
        more_severe=draw(st.booleans()),
    )


crime_categories = st.builds(
    CrimeCategories,
    citation=st.sampled_from(["RU", "XA", "XB"]).flatmap(lambda j: S.citations(jurisdiction=j)),
    title=S.localized,
    rules=st.lists(category_rules(), min_size=1, max_size=3).map(tuple),
    provenance=S.provenances(),
)
exam_rules = st.builds(
    ExamRule,
    citations=st.lists(S.citations(), max_size=2).map(tuple),
    title=S.localized,
    subjects=st.lists(st.sampled_from(Subject), unique=True, max_size=3).map(tuple),
    conducted_by=st.none() | S.facts,
    listed_institutions=st.none() | st.builds(Count, value=st.integers(0, 500)),
    prohibited=st.lists(S.facts, max_size=2).map(tuple),
    permitted=st.lists(S.facts, max_size=2).map(tuple),
    required_for=st.lists(st.sampled_from(Purpose), unique=True, max_size=2).map(tuple),
    fee_set_by=st.none() | S.facts,
    notes=st.lists(S.facts, max_size=1).map(tuple),
    provenance=S.provenances(),
)


@st.composite
def patent_costs(draw: st.DrawFn) -> PatentCost:
    currency = draw(S.currencies)
    deflator_years = draw(st.lists(years, unique=True, max_size=2))
    keys = draw(st.lists(st.tuples(regions, years), unique=True, max_size=2))
    return PatentCost(
        citations=tuple(draw(st.lists(S.citations(), max_size=1))),
        title=draw(S.localized),
        base=Money(draw(positive), currency),
        deflators=tuple(YearValue(year=y, value=draw(positive)) for y in deflator_years),
        coefficients=tuple(
            RegionalCoefficient(region=r, year=y, value=draw(positive)) for r, y in keys
        ),
        reported_costs=tuple(
            ReportedCost(
                region=draw(regions),
                year=draw(years),
                monthly=Money(draw(positive), currency),
                approximate=draw(st.booleans()),
            )
            for _ in range(draw(st.integers(0, 2)))
        ),
        territorial_scope=tuple(draw(st.lists(S.facts, max_size=1))),
        provenance=draw(S.provenances()),
    )


activity_bans = st.builds(
    ActivityBans,
    citation=S.citations(),
    title=S.localized,
    description=S.localized,
    examples=st.lists(
        st.builds(
            RegionalBan,
            region=regions,
            act=st.none() | S.localized,
            activities=st.none() | st.builds(Count, value=st.integers(0, 99)),
        ),
        max_size=2,
    ).map(tuple),
    provenance=S.provenances(),
)
measures = st.builds(
    Measure,
    jurisdiction=st.just("XA"),
    title=S.localized,
    description=S.localized,
    provenance=S.provenances(),
)

#: A record of every kind the summary path explains, without a context dataset.
records = st.one_of(
    S.offences(),
    S.sanctions(),
    S.acts_strategy,
    confiscations,
    aggravating,
    crime_categories,
    exam_rules,
    patent_costs(),
    activity_bans,
    measures,
)


@PROPERTY
@given(records, locales, details)
def test_every_record_kind_is_summarised_with_every_number_traced(
    record: object, locale: str, detail: Literal["short", "full"]
) -> None:
    assert untraced_numbers(record, locales=locale) == []
    for fmt in FORMATS:
        assert summarize(record, locale=locale, format=fmt, detail=detail)


@PROPERTY
@given(S.datasets(), locales)
def test_a_dataset_and_its_records_are_summarised_with_every_number_traced(
    dataset: Dataset, locale: str
) -> None:
    # the dataset, each provision and each act, short and full
    assert untraced_numbers(dataset, locales=locale) == []
    for provision in dataset.provisions:
        assert untraced_numbers(provision.latest(), locales=locale, dataset=dataset) == []


@PROPERTY
@given(S.offences(), S.offences(), locales)
def test_comparing_two_records_never_raises(before: Any, after: Any, locale: str) -> None:
    comparison = compare(before, after)
    for fmt in FORMATS:
        assert summarize(comparison, locale=locale, format=fmt)
    assert summarize(comparison.reversed(), locale=locale)


def test_a_number_longer_than_the_decimal_context_keeps_every_digit() -> None:
    """Found by the properties above: Babel computes in the decimal context (28 digits),
    which dropped the last digits of a longer number or failed on it."""
    from lawsummary.i18n import language

    assert language("en").number(Decimal("1.4334724578428696699348432364E-17")) == (
        "0.000000000000000014334724578428696699348432364"
    )
    assert language("ru").number(Decimal("123456789012345678901234567890.123")) == (
        "123\xa0456\xa0789\xa0012\xa0345\xa0678\xa0901\xa0234\xa0567\xa0890,123"
    )


def test_an_index_unit_name_is_traced_to_the_dataset() -> None:
    from pathlib import Path

    from lawsummary import load
    from lawsummary.explain.penalties import index_value
    from lawsummary.explain.values import Context
    from lawsummary.records import IndexRange

    ds = load(Path(__file__).parents[1] / "examples" / "exampleland.toml")
    assert isinstance(ds, Dataset)
    unit = ds.index_units[0]
    value = index_value(IndexRange(unit=unit.id, max=5), "$.amount", Context("short", ds))
    assert value.label is not None
    assert value.label.path == "@dataset$.index_units[0].name"
    alone = index_value(IndexRange(unit="xa-mci", max=5), "$.amount", Context("short", None))
    assert alone.label is not None
    assert alone.label.path == "$.amount.unit"
