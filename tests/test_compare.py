"""Comparisons as data: kinds, directions, differences, rates and the properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from lawsummary import LawSummaryError, datasets, summarize
from lawsummary.compare import (
    Change,
    ChangeKind,
    Direction,
    Rate,
    combine,
    compare,
    compare_many,
)
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import (
    UNKNOWN,
    Addition,
    Alternative,
    Fine,
    Imprisonment,
    Mode,
    MoneyRange,
    Offence,
    Provenance,
    Sanction,
    Source,
    Status,
    TermRange,
    TimeUnit,
)
from lawsummary.render import FORMATS
from lawsummary.rules.ru import Category
from tests import strategies as S

DATASET = datasets.load("ru-migration-2024")
BEFORE = DATASET.as_of(dt.date(2024, 11, 1))
AFTER = DATASET.as_of(dt.date(2025, 1, 1))
STORY = compare(BEFORE, AFTER)


def change(path: str) -> Change:
    return next(c for c in STORY.changes if c.path == path)


def test_part_2_prison_term_rises_from_7_to_10_years() -> None:
    c = change("ru-uk-322.1-2/sanction/imprisonment/term/max")
    assert (c.kind, c.before, c.after, c.unit) == (ChangeKind.RAISED, 7, 10, "years")
    assert c.difference == 3
    assert c.factor == Decimal(10) / Decimal(7)
    assert c.direction is Direction.HARSHER
    assert c.status is Status.CONFIRMED
    minimum = change("ru-uk-322.1-2/sanction/imprisonment/term/min")
    assert (minimum.kind, minimum.before, minimum.after) == (ChangeKind.ADDED, None, 5)
    assert minimum.direction is Direction.HARSHER


def test_part_3_is_new_and_reported() -> None:
    c = change("ru-uk-322.1-3")
    assert c.kind is ChangeKind.ADDED
    assert c.after.valid_from.earliest() == dt.date(2024, 11, 9)
    assert c.direction is Direction.HARSHER
    assert c.status is Status.REPORTED


def test_additions_keep_their_grade_and_mode() -> None:
    fine = change("ru-uk-322.1-2/sanction/imprisonment/with/fine+income_fine/fine/amount/max")
    assert (fine.before, fine.after, fine.status) == (500000, 1000000, Status.REPORTED)
    mode = change("ru-uk-322.1-2/sanction/imprisonment/with/fine+income_fine/mode")
    assert (mode.before, mode.after, mode.direction) == (
        Mode.OPTIONAL,
        Mode.UNKNOWN,
        Direction.UNCLEAR,
    )
    # Part 1 lost restriction of freedom for certain: the new sanction text is confirmed whole.
    restriction = change("ru-uk-322.1-1/sanction/imprisonment/with/restriction_of_freedom")
    assert (restriction.kind, restriction.direction) == (ChangeKind.REMOVED, Direction.MORE_LENIENT)
    assert STORY.direction("ru-uk-322.1-1") is Direction.MIXED


def test_absence_from_an_incomplete_sanction_is_not_a_removal_for_certain() -> None:
    fine = change("ru-uk-322.2/sanction/fine")
    assert fine.kind is ChangeKind.REMOVED
    assert (fine.status, fine.direction) == (Status.UNCONFIRMED, Direction.UNCLEAR)
    assert STORY.direction("ru-uk-322.2") is Direction.HARSHER  # the prison maximum 3 -> 5


def test_categories_change_with_the_sanction() -> None:
    c = change("ru-uk-322.2/category")
    assert (c.before, c.after, c.direction) == (Category.MINOR, Category.MEDIUM, Direction.HARSHER)


def test_new_measures_and_provisions_of_uncertain_date() -> None:
    assert change("ru-uk-322.1-1/measures/ru-uk-104.1-1-a").direction is Direction.HARSHER
    assert change("ru-uk-63-1-u").kind is ChangeKind.ADDED
    assert change("ru-fz-115-exam/conducted_by").direction is None  # not about penalties


def test_compare_with_itself_has_no_changes() -> None:
    assert compare(AFTER, AFTER).changes == ()
    assert compare(DATASET, DATASET).changes == ()


def test_swapping_reverses() -> None:
    assert compare(AFTER, BEFORE) == STORY.reversed()
    assert STORY.reversed().reversed() == STORY


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(S.offences(), S.offences())
def test_properties_for_offences(a: Offence, b: Offence) -> None:
    assert compare(a, a).changes == ()
    forward, backward = compare(a, b), compare(b, a)
    assert backward == forward.reversed()
    for f, r in zip(forward.changes, backward.changes, strict=True):
        assert r.kind is f.kind.reversed()
        assert r.direction == (f.direction.reversed() if f.direction else None)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(S.sanctions(), S.sanctions())
def test_properties_for_sanctions(a: Sanction, b: Sanction) -> None:
    assert compare(a, a).changes == ()
    assert compare(b, a) == compare(a, b).reversed()


def _fine(currency: str, high: int) -> Sanction:
    return Sanction(
        alternatives=(Alternative(penalty=Fine(amount=MoneyRange(currency=currency, max=high))),)
    )


def test_currencies_are_not_compared_without_a_rate() -> None:
    (c,) = compare(_fine("RUB", 500_000), _fine("KZT", 2_000_000)).changes
    assert (c.kind, c.comparable, c.direction) == (ChangeKind.CHANGED, False, Direction.UNCLEAR)


def test_a_rate_converts_and_is_named() -> None:
    rate = Rate(
        source="RUB",
        target="KZT",
        value="5.1",
        date=dt.date(2025, 1, 1),
        provenance=Provenance(
            status=Status.REPORTED, sources=(Source("https://example.org/rates"),)
        ),
    )
    (c,) = compare(_fine("RUB", 500_000), _fine("KZT", 2_000_000), rates=[rate]).changes
    assert (c.kind, c.before, c.after, c.unit) == (
        ChangeKind.LOWERED,
        Decimal("2550000.0"),
        2_000_000,
        "KZT",
    )
    assert c.rate is rate
    assert c.direction is Direction.MORE_LENIENT
    with pytest.raises(ValueError, match="positive"):
        attrs.evolve(rate, value=0)


def test_months_and_years_compare_exactly() -> None:
    def prison(unit: TimeUnit, high: int) -> Sanction:
        return Sanction(
            alternatives=(Alternative(penalty=Imprisonment(term=TermRange(unit=unit, max=high))),)
        )

    assert compare(prison(TimeUnit.YEARS, 2), prison(TimeUnit.MONTHS, 24)).changes == ()
    (c,) = compare(prison(TimeUnit.YEARS, 2), prison(TimeUnit.MONTHS, 30)).changes
    assert (c.before, c.after, c.unit) == (24, 30, "months")
    assert c.difference == Decimal(6)


def test_alternatives_lighter_and_heavier() -> None:
    prison = Alternative(penalty=Imprisonment(term=TermRange(unit=TimeUnit.YEARS, max=5)))
    fine = Alternative(penalty=Fine(amount=MoneyRange(currency="RUB", max=1)))
    (lighter,) = compare(
        Sanction(alternatives=(prison,)), Sanction(alternatives=(prison, fine))
    ).changes
    assert (lighter.kind, lighter.direction) == (ChangeKind.ADDED, Direction.MORE_LENIENT)
    (heavier,) = compare(
        Sanction(alternatives=(fine,)), Sanction(alternatives=(fine, prison))
    ).changes
    assert heavier.direction is Direction.HARSHER


def test_optional_becoming_mandatory_is_harsher() -> None:
    penalty = Imprisonment(term=TermRange(unit=TimeUnit.YEARS, max=5))
    extra = Fine(amount=MoneyRange(currency="RUB", max=1))

    def sanction(mode: Mode) -> Sanction:
        return Sanction(
            alternatives=(
                Alternative(penalty=penalty, additions=(Addition(options=(extra,), mode=mode),)),
            )
        )

    (c,) = compare(sanction(Mode.OPTIONAL), sanction(Mode.MANDATORY)).changes
    assert c.direction is Direction.HARSHER


@pytest.mark.parametrize(
    ("directions", "expected"),
    [
        ([Direction.HARSHER, Direction.UNCLEAR], Direction.HARSHER),
        ([Direction.HARSHER, Direction.MORE_LENIENT], Direction.MIXED),
        ([Direction.UNCLEAR, None], Direction.UNCLEAR),
        ([None], None),
    ],
)
def test_combine(directions: list[Direction | None], expected: Direction | None) -> None:
    assert combine(directions) == expected


def test_mismatched_kinds_are_refused() -> None:
    with pytest.raises(LawSummaryError, match="cannot compare a Dataset with a Sanction"):
        compare(DATASET, _fine("RUB", 1))


def test_compare_many_table() -> None:
    parts = [DATASET.provision(f"ru-uk-322.1-{n}") for n in (1, 2, 3)]
    table = compare_many([*parts, DATASET.provision("ru-uk-322.2")], dataset=DATASET)
    assert len(table.columns) == 4
    assert table.row("category") == (
        Category.MEDIUM,
        Category.GRAVE,
        Category.ESPECIALLY_GRAVE,
        Category.MEDIUM,
    )
    prison = table.row("prison")
    assert [p.term.max for p in prison] == [5, 10, 15, 5]
    # Art. 322.2's sanction is not established as complete: nor is the absence of a measure.
    assert table.row("confiscation")[3] is UNKNOWN
    with pytest.raises(LawSummaryError, match="at least two"):
        compare_many(parts[:1])
    with pytest.raises(LawSummaryError, match="not a Dataset"):
        compare_many([DATASET, DATASET])


# -- prose and tables ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_story_renders_everywhere(locale: str, fmt: str) -> None:
    out = summarize(STORY, locale=locale, format=fmt)
    assert out.strip()
    table = compare_many(
        [DATASET.provision(f"ru-uk-322.1-{n}") for n in (1, 2, 3)], dataset=DATASET
    )
    rendered = summarize(table, locale=locale, format=fmt)
    if fmt == "html":
        assert rendered.count("<tr>") == 1 + 8  # the header and eight features
        assert '<th scope="col">' in rendered
    if fmt == "markdown":
        assert "|---|---|---|---|" in rendered


def test_the_story_in_english() -> None:
    text = summarize(STORY, locale="en")
    assert text.startswith("What changed between November 1, 2024 and January 1, 2025\n")
    assert "Before: prison for up to 7 years. Now: prison for 5 to 10 years. (harsher)" in text
    assert "New from November 9, 2024. (harsher) (reported)" in text
    assert (
        "Category before: a crime of minor gravity. Now: a crime of medium gravity. (harsher) (reported)"
        in text
    )
    assert "they may be incomplete. (direction unclear) (unconfirmed)" in text
    assert "Overall: mixed; some changes are harsher and some more lenient." in text
    assert "The data cannot say whether this applied on January 1, 2025." in text


def test_the_story_in_russian() -> None:
    text = summarize(STORY, locale="ru")
    assert (
        "Раньше: лишение свободы на срок до 7 лет. Теперь: лишение свободы на срок от 5 до 10 лет. (строже)"
        in text
    )
    assert "Новое положение; действует с 9 ноября 2024\u202fг. (строже) (по сообщениям)" in text


def test_nothing_changed_and_rates_in_prose() -> None:
    assert "Nothing changed." in summarize(compare(AFTER, AFTER), locale="en")
    rate = Rate(
        source="RUB",
        target="KZT",
        value="5.1",
        date=dt.date(2025, 1, 1),
        provenance=Provenance(
            status=Status.REPORTED, sources=(Source("https://example.org/rates"),)
        ),
    )
    converted = summarize(
        compare(_fine("RUB", 500_000), _fine("KZT", 2_000_000), rates=[rate]), locale="en"
    )
    assert (
        "For comparison: 500,000 rubles: at the given rate of 5.1 Kazakhstani tenges for 1 "
        "Russian ruble on January 1, 2025 (source https://example.org/rates), about 2,550,000 "
        "Kazakhstani tenges (reported)." in converted
    )
    plain = summarize(compare(_fine("RUB", 500_000), _fine("KZT", 2_000_000)), locale="ru")
    assert (
        "Суммы указаны в разных единицах, а курс пересчёта не задан, поэтому они не сравниваются."
        in plain
    )


def test_table_says_what_is_not_established() -> None:
    table = compare_many(
        [DATASET.provision("ru-uk-322.1-1"), DATASET.provision("ru-uk-322.2")], dataset=DATASET
    )
    text = summarize(table, locale="en")
    # part 1 is confirmed, art. 322.2 only reported: its cells say so
    assert "| Fines | — | not established (reported) |" in text
    assert "| Confiscation | may apply | not established whether it applies (reported) |" in text
