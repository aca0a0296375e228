"""The bundled dataset, dates, derived categories and dataset-level checks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest

from lawsummary import InvalidDocumentError, UnknownDatasetError, datasets
from lawsummary.records import (
    Dataset,
    Imprisonment,
    Mode,
    Offence,
    Sanction,
    Source,
    Status,
    walk,
)
from lawsummary.rules.ru import Category
from tests.paths import FACT_BASE


def test_names_and_unknown_name() -> None:
    assert datasets.names() == ("kz-migration-2025", "ru-migration-2024")
    with pytest.raises(
        UnknownDatasetError, match=r"available: kz-migration-2025, ru-migration-2024$"
    ):
        datasets.load("ru-migration-2025")


def offence(ds: Dataset, pid: str, index: int = -1) -> Offence:
    body = ds.provision(pid).versions[index].body
    assert isinstance(body, Offence)
    return body


def prison(body: Offence) -> tuple[object, object]:
    assert isinstance(body.sanction, Sanction)
    penalty = body.sanction.alternatives[0].penalty
    assert isinstance(penalty, Imprisonment)
    return penalty.term.min, penalty.term.max


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 6, 1), {"ru-uk-322.1-1": (None, 5), "ru-uk-322.1-2": (None, 7)}),
        (
            dt.date(2025, 6, 1),
            {"ru-uk-322.1-1": (2, 5), "ru-uk-322.1-2": (5, 10), "ru-uk-322.1-3": (8, 15)},
        ),
    ],
)
def test_as_of_picks_the_version_in_force(
    ru: Dataset, day: dt.date, expected: dict[str, tuple[int | None, int]]
) -> None:
    cut = ru.as_of(day)
    assert cut.as_of_date == day
    found = {p.id: p for p in cut.provisions if p.id.startswith("ru-uk-322.1-")}
    assert set(found) == set(expected)
    for pid, (low, high) in expected.items():
        assert len(found[pid].versions) == 1
        assert prison(offence(cut, pid)) == (low, high)


def test_as_of_the_change_day(ru: Dataset) -> None:
    assert prison(offence(ru.as_of(dt.date(2024, 11, 8)), "ru-uk-322.1-2")) == (None, 7)
    assert prison(offence(ru.as_of(dt.date(2024, 11, 9)), "ru-uk-322.1-2")) == (5, 10)


def test_as_of_keeps_what_the_data_cannot_rule_out(ru: Dataset) -> None:
    cut = ru.as_of(dt.date(2025, 1, 1))
    uncertain = {u.provision for u in cut.uncertain()}
    # Their dates of entry into force are not established.
    assert {"ru-uk-104.1-1-a", "ru-uk-63-1-u", "ru-patent-cost"} <= uncertain
    assert "ru-uk-322.1-3" not in uncertain
    # Before any step of the confiscation law, it is certainly not in force.
    early = ru.as_of(dt.date(2024, 6, 1))
    assert "ru-uk-104.1-1-a" not in early.provision_ids()
    assert "ru-uk-322.1-3" not in early.provision_ids()
    # A vague start date makes the day itself uncertain.
    nov_2019 = ru.as_of(dt.date(2019, 11, 10))
    assert "ru-uk-322.1-2" in {u.provision for u in nov_2019.uncertain()}


def test_as_of_is_idempotent_and_loads_back(ru: Dataset) -> None:
    from lawsummary import dumps, loads

    cut = ru.as_of(dt.date(2025, 1, 1))
    assert cut.as_of(dt.date(2025, 1, 1)).provisions == cut.provisions
    assert loads(dumps(cut)) == cut


def test_as_of_takes_a_date(ru: Dataset) -> None:
    with pytest.raises(TypeError, match=r"takes a datetime\.date"):
        ru.as_of("2025-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pid", "index", "expected"),
    [
        ("ru-uk-322.1-1", 2, Category.MEDIUM),  # before 383-FZ: up to 5 years
        ("ru-uk-322.1-2", 2, Category.GRAVE),  # before: up to 7 years
        ("ru-uk-322.1-1", 3, Category.MEDIUM),  # after: 2 to 5 years
        ("ru-uk-322.1-2", 3, Category.GRAVE),  # after: 5 to 10 years
        ("ru-uk-322.1-3", 0, Category.ESPECIALLY_GRAVE),  # after: 8 to 15 years
    ],
)
def test_derived_categories_match_the_fact_base(
    ru: Dataset, pid: str, index: int, expected: str
) -> None:
    assert ru.derived_category(ru.provision(pid).versions[index]) == expected


def test_part_3_as_the_fact_base_gives_it(ru: Dataset) -> None:
    part3 = offence(ru, "ru-uk-322.1-3")
    assert part3.category == Category.ESPECIALLY_GRAVE
    assert part3.provenance.status is Status.REPORTED
    assert isinstance(part3.sanction, Sanction)
    assert not part3.sanction.complete
    (alternative,) = part3.sanction.alternatives
    assert [a.mode for a in alternative.additions] == [Mode.UNKNOWN, Mode.UNKNOWN]
    assert {p.kind for p in alternative.additions[0].options} == {"fine", "income_fine"}
    assert "ru-uk-104.1-1-a" in part3.measures


def test_part_1_after_is_confirmed_with_optional_additions(ru: Dataset) -> None:
    part1 = offence(ru, "ru-uk-322.1-1")
    assert part1.provenance.status is Status.CONFIRMED
    assert isinstance(part1.sanction, Sanction)
    assert part1.sanction.complete
    assert [a.mode for a in part1.sanction.alternatives[0].additions] == [Mode.OPTIONAL] * 2


def test_every_source_url_is_in_the_fact_base(ru: Dataset) -> None:
    known = set(re.findall(r"https?://[^\s|;)]+", FACT_BASE.read_text(encoding="utf-8")))
    used = {record.url for _, record in walk(ru) if isinstance(record, Source)}
    assert used, "the dataset cites no sources"
    assert used - known == set()


def test_every_record_with_provenance_has_it(ru: Dataset) -> None:
    for path, record in walk(ru):
        if isinstance(record, Offence):
            assert record.provenance is not None, path
    assert all(
        len(lang) >= 2 for _, record in walk(ru) for lang in getattr(record, "languages", ())
    )


def test_titles_in_russian_and_english(ru: Dataset) -> None:
    for path, record in walk(ru):
        title = getattr(record, "title", None)
        if title is not None and hasattr(title, "languages"):
            assert {"en", "ru"} <= set(title.languages), path


# -- dataset-level checks ------------------------------------------------------------------


def problems(make: object) -> list[str]:
    with pytest.raises(InvalidDocumentError) as info:
        make()  # type: ignore[operator]
    return [str(p) for p in info.value.problems]


def test_duplicate_provision_id(ru: Dataset) -> None:
    first = ru.provisions[0]
    found = problems(lambda: attrs.evolve(ru, provisions=(*ru.provisions, first)))
    assert found == [
        f"$.provisions[{len(ru.provisions)}].id: duplicate id 'ru-uk-322.1-1': "
        "$.provisions[0].id has it already"
    ]


def test_dangling_act(ru: Dataset) -> None:
    acts = tuple(a for a in ru.acts if a.id != "ru-fz-2016-375")
    found = problems(lambda: attrs.evolve(ru, acts=acts))
    assert found == [
        "$.provisions[0].versions[2].amended_by[0]: unknown act 'ru-fz-2016-375' "
        "(did you mean 'ru-fz-2019-354'?); declared: "
        + ", ".join(repr(a.id) for a in sorted(acts, key=lambda a: a.id))
        + " (in $.acts)",
        "$.provisions[1].versions[1].amended_by[0]: unknown act 'ru-fz-2016-375' "
        "(did you mean 'ru-fz-2019-354'?); declared: "
        + ", ".join(repr(a.id) for a in sorted(acts, key=lambda a: a.id))
        + " (in $.acts)",
    ]


def test_dangling_instrument_and_measure(ru: Dataset) -> None:
    keep = tuple(p for p in ru.provisions if p.id != "ru-uk-104.1-1-a")
    found = problems(lambda: attrs.evolve(ru, provisions=keep))
    assert len(found) == 3  # parts 1, 2 and 3 after 383-FZ point at it
    assert all("unknown provision 'ru-uk-104.1-1-a'" in p for p in found)
    instruments = tuple(i for i in ru.instruments if i.id != "ru-tax-code")
    found = problems(lambda: attrs.evolve(ru, instruments=instruments))
    assert found == [
        f"$.provisions[{ru.provision_ids().index('ru-patent-cost')}].versions[0].body.citations[0]"
        ".instrument: unknown instrument 'ru-tax-code'; declared: 'ru-administrative-code', "
        "'ru-criminal-code', 'ru-fz-115' (in $.instruments)"
    ]


def test_dangling_region(ru: Dataset) -> None:
    regions = tuple(r for r in ru.regions if r.code != "RU-PRI")
    index = ru.provision_ids().index("ru-fz-115-18.1-6")
    (found,) = problems(lambda: attrs.evolve(ru, regions=regions))
    assert found.startswith(
        f"$.provisions[{index}].versions[0].body.examples[2].region: unknown region 'RU-PRI'"
    )
    assert found.endswith("(in $.regions)")


def test_stated_category_that_contradicts_the_rules(ru: Dataset) -> None:
    index = ru.provision_ids().index("ru-uk-322.1-3")
    provision = ru.provisions[index]
    wrong = attrs.evolve(
        provision,
        versions=(
            attrs.evolve(
                provision.versions[0],
                body=attrs.evolve(offence(ru, "ru-uk-322.1-3"), category=Category.GRAVE),
            ),
        ),
    )
    provisions = list(ru.provisions)
    provisions[index] = wrong
    found = problems(lambda: attrs.evolve(ru, provisions=tuple(provisions)))
    assert found == [
        f"$.provisions[{index}].versions[0].body.category: states 'grave', but the category "
        "rules in the dataset give 'especially_grave' for this sanction and form of guilt; "
        "correct the category or leave it out"
    ]


def test_lookups_name_what_there_is(ru: Dataset) -> None:
    assert ru.region("RU-MOW").name["ru"] == "Москва"
    assert ru.instrument("ru-criminal-code").short_title is not None
    with pytest.raises(
        KeyError, match=r"no provision 'ru-uk-322\.1-4' \(did you mean 'ru-uk-322\.1-"
    ):
        ru.provision("ru-uk-322.1-4")
    with pytest.raises(KeyError, match="no region 'RU-XXX'"):
        ru.region("RU-XXX")
    with pytest.raises(KeyError, match=r"no index unit 'kz-mci'; declared: none"):
        ru.index_unit("kz-mci")


def test_the_records_the_reference_check_passes_by_can_hold_no_reference() -> None:
    import typing

    from lawsummary.records import dataset as module
    from lawsummary.records.acts import Version
    from lawsummary.records.provisions import (
        Citation,
        Offence,
        RegionalBan,
        RegionalCoefficient,
        ReportedCost,
    )
    from lawsummary.records.quantities import IndexRange

    checked = {
        Citation,
        Version,
        Offence,
        IndexRange,
        RegionalCoefficient,
        ReportedCost,
        RegionalBan,
    }

    def reachable(tp: object, seen: set[object]) -> set[object]:
        if tp in seen:
            return seen
        seen.add(tp)
        if isinstance(tp, type) and attrs.has(tp):
            for hint in typing.get_type_hints(tp).values():
                reachable(hint, seen)
        for arg in typing.get_args(tp):
            reachable(arg, seen)
        return seen

    for cls in module._HOLD_NO_REFERENCES:
        assert not (reachable(cls, set()) & checked), cls


def test_the_walk_finds_every_record_a_walk_over_all_fields_finds(ru: Dataset) -> None:
    from lawsummary.records.walk import walk

    def every(obj: object, path: str) -> list[tuple[str, int]]:
        cls = type(obj)
        if not attrs.has(cls):
            return []
        found = [(path, id(obj))]
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            if isinstance(value, tuple):
                for i, item in enumerate(value):
                    found += every(item, f"{path}.{field.name}[{i}]")
            else:
                found += every(value, f"{path}.{field.name}")
        return found

    for subject in (ru, ru.as_of(dt.date(2025, 1, 1))):
        assert [(p, id(r)) for p, r in walk(subject)] == every(subject, "$")


def test_derive_category_gives_the_derived_category_and_its_rules(ru: Dataset) -> None:
    checked = 0
    for provision in ru.provisions:
        for version in provision.versions:
            category, scheme = ru.derive_category(version)
            assert category == ru.derived_category(version)
            assert scheme is (ru.category_rules_for(version) if category is not None else None)
            checked += category is not None
    assert checked >= 5


def test_list_positions_in_paths() -> None:
    from lawsummary.explain.values import AT

    before = len(AT)
    assert AT[0] == "[0]"
    assert AT[7] == "[7]"
    assert AT[255] == "[255]"
    assert AT[256] == "[256]"
    assert AT[10_000] == "[10000]"
    assert len(AT) == before  # positions beyond the table are made, not kept


def test_every_text_of_the_bundled_data_is_in_all_six_languages(ru: Dataset) -> None:
    from lawsummary.i18n import SUPPORTED_LOCALES
    from lawsummary.records import LocalizedText, walk

    lacking = [
        (path, sorted(set(SUPPORTED_LOCALES) - set(value.languages)))
        for path, value in walk(ru)
        if isinstance(value, LocalizedText) and not set(SUPPORTED_LOCALES) <= set(value.languages)
    ]
    assert lacking == []


def test_ci_requires_the_fact_base_copy_and_a_clean_check() -> None:
    """Where ../shared is beside the checkout, CI requires the fact base's copy to match it
    (tests/test_fact_base_copy.py), and `lawsummary check` on the bundled datasets must find
    nothing (issue 14)."""
    ci = (Path(__file__).parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "export LAWSUMMARY_REQUIRE_FACT_BASE=1\n" in ci
    assert ci.index("LAWSUMMARY_REQUIRE_FACT_BASE") < ci.index(".venv/bin/python -m pytest")
    assert '[ "$status" -ne 0 ]' in ci
