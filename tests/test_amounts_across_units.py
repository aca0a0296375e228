"""Amounts compared honestly across currencies and index units (issue #12, section 2)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

import lawsummary
from lawsummary import LawSummaryError, cli, compare, compare_many, datasets, summarize
from lawsummary.compare import Conversion, NotCompared, Rate, RateError, convert
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import (
    Alternative,
    IndexFine,
    IndexRange,
    MoneyRange,
    Provenance,
    Sanction,
    Source,
    Status,
)

RU = datasets.load("ru-migration-2024")
KZ = datasets.load("kz-migration-2025")
SOURCE = Provenance(status=Status.UNCONFIRMED, sources=(Source("https://example.org/example"),))


def example_rate(source: str = "KZT", target: str = "RUB", value: str = "0.18") -> Rate:
    """An EXAMPLE rate a caller supplies, not a fact: the package bundles none."""
    return Rate(
        source=source, target=target, value=value, date=dt.date(2025, 9, 17), provenance=SOURCE
    )


# -- rates are validated like documents ----------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source": "kzt"}, "currency codes are written in capitals: 'KZT'"),
        ({"target": "rub"}, "currency codes are written in capitals: 'RUB'"),
        ({"target": "KZT"}, "from KZT to itself"),
        ({"source": "kz-mrp"}, "an index unit .* is converted through its own dated values"),
        ({"source": "ABC"}, "ISO 4217 currency code known to CLDR"),
        ({"value": "0"}, "positive"),
        ({"value": "-1"}, "positive"),
        ({"value": 0.18}, "exact number"),
        ({"value": "x"}, "exact number"),
        ({"date": "2025-09-17"}, "datetime.date"),
        ({"provenance": Provenance(status=Status.UNCONFIRMED)}, "at least one source"),
    ],
)
def test_a_bad_rate_is_a_lawsummary_error(change: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {
        "source": "KZT",
        "target": "RUB",
        "value": "0.18",
        "date": dt.date(2025, 9, 17),
        "provenance": SOURCE,
    }
    with pytest.raises(RateError, match=message) as caught:
        Rate(**{**fields, **change})  # type: ignore[arg-type]
    assert isinstance(caught.value, LawSummaryError)


def test_rates_given_are_checked() -> None:
    part1 = RU.provision("ru-uk-322.1-1"), KZ.provision("kz-cc-394-1")
    with pytest.raises(RateError, match=r"not a lawsummary\.compare\.Rate"):
        compare(*part1, rates=["KZT:RUB:0.18"])  # type: ignore[list-item]
    with pytest.raises(RateError, match="two rates from KZT to RUB"):
        compare(*part1, rates=[example_rate(), example_rate(value="0.2")])
    with pytest.raises(LawSummaryError, match="got 2 records but 1 datasets"):
        compare(*part1, datasets=[RU])


# -- conversions name every step ------------------------------------------------------------------


def test_an_index_amount_converts_through_its_dated_value_then_the_rate() -> None:
    found = convert(
        IndexRange(unit="kz-mrp", max=3000),
        "RUB",
        day=dt.date(2025, 9, 17),
        dataset=KZ,
        rates=[example_rate()],
    )
    assert isinstance(found, Conversion)
    assert found.missing is None
    assert found.index_rate is not None
    assert found.index_rate.value.amount == 3932
    assert found.money is not None
    assert found.money.max == 11_796_000
    assert found.result is not None
    assert found.result.max == Decimal("2123280.00")
    assert found.status is Status.UNCONFIRMED  # the example rate's grade (the value: reported)


def test_the_value_for_fines_is_used_where_values_have_purposes() -> None:
    found = convert(IndexRange(unit="kz-mrp", max=1000), "KZT", day=dt.date(2022, 6, 1))
    assert found is not None
    assert found.result is not None
    assert found.result.max == 3_063_000  # fines and taxes, not the 3,180 for benefits


@pytest.mark.parametrize(
    ("amount", "day", "rates", "missing"),
    [
        (IndexRange(unit="kz-mrp", max=3000), dt.date(2025, 9, 17), (), NotCompared.NO_RATE),
        (IndexRange(unit="kz-mrp", max=3000), None, (), NotCompared.NO_DATE),
        (IndexRange(unit="kz-mrp", max=3000), dt.date(2019, 1, 1), (), NotCompared.NO_INDEX_VALUE),
        (IndexRange(unit="xa-unit", max=1), dt.date(2025, 1, 1), (), NotCompared.UNKNOWN_UNIT),
        (MoneyRange(currency="KZT", max=1), None, (), NotCompared.NO_RATE),
    ],
)
def test_a_missing_step_is_named(
    amount: IndexRange | MoneyRange, day: dt.date | None, rates: tuple[Rate, ...], missing: object
) -> None:
    found = convert(amount, "RUB", day=day, dataset=KZ, rates=rates)
    assert found is not None
    assert found.missing is missing
    assert found.result is None


def _index_fine(high: int) -> Sanction:
    return Sanction(
        alternatives=(Alternative(penalty=IndexFine(amount=IndexRange(unit="kz-mrp", max=high))),)
    )


def test_a_rate_for_another_pair_is_never_a_false_no_rate_was_given() -> None:
    ru, kz = RU.provision("ru-uk-322.1-2"), KZ.provision("kz-cc-394-2")
    other = example_rate(target="EUR", value="0.0018")
    text = summarize(compare(ru, kz, datasets=[RU, KZ], rates=[other]), locale="en")
    assert "no conversion rate was given" not in text
    assert "not compared, because no rate from Kazakhstani tenge to Russian ruble was given" in text
    # A sanction alone has no date: an index value cannot be chosen, and the table says so.
    table = compare_many([ru.latest().body, kz.latest().body], rates=[example_rate()])
    out = summarize(table, locale="en")
    assert "the date that decides the value of the MCI is not established" in out


def test_russia_against_kazakhstan_names_the_conversion_in_every_locale() -> None:
    ru, kz = RU.provision("ru-uk-322.1-2"), KZ.provision("kz-cc-394-2")
    with_rate = compare(ru, kz, datasets=[RU, KZ], rates=[example_rate()])
    lone = [c for c in with_rate.changes if any(c.conversions)]
    assert lone, "the fine only Kazakhstan's part 2 has is set beside roubles"
    text = summarize(with_rate, locale="en")
    assert (
        "For comparison: 7,000 MCI = 27,524,000 Kazakhstani tenges at the 2025 value of 3,932 "
        "Kazakhstani tenges (reported); at the given rate of 0.18 rubles for 1 Kazakhstani "
        "tenge on September 17, 2025 (source https://example.org/example), about 4,954,320 "
        "rubles (unconfirmed)."
    ) in text
    without = compare(ru, kz, datasets=[RU, KZ])
    for locale in SUPPORTED_LOCALES:
        converted = summarize(with_rate, locale=locale)
        plain = summarize(without, locale=locale)
        assert "4 954 320" in converted.replace("\xa0", " ") or "4,954,320" in converted
        assert converted != plain
    assert "not compared, because no rate from Kazakhstani tenge to Russian ruble" in summarize(
        without, locale="en"
    )
    assert "не сравнивается, так как курс пересчёта" in summarize(without, locale="ru")
    assert compare(kz, ru, datasets=[KZ, RU]) == without.reversed()


def test_a_table_converts_and_marks_each_cell() -> None:
    items = [RU.provision("ru-uk-322.1-1"), KZ.provision("kz-cc-394-1")]
    table = compare_many(items, datasets=[RU, KZ], rates=[example_rate()])
    assert table.currency == "RUB"
    ((), (conversion,)) = table.conversions_of("fine")
    assert conversion is not None
    assert conversion.result is not None
    assert table.statuses == (Status.CONFIRMED, Status.REPORTED)
    text = summarize(table, locale="en")
    assert (
        "| Prison | prison for 2 to 5 years | prison for up to 3 years (the lower bound is not established) (reported) |"
        in text
    )
    assert "| Category | a crime of medium gravity | not established (reported) |" in text
    assert "about 2,123,280 rubles (unconfirmed)) (reported) |" in text
    plain = summarize(compare_many(items, datasets=[RU, KZ]), locale="kk")
    assert "салыстырылмайды, себебі" in plain
    in_tenge = compare_many(items, datasets=[RU, KZ], currency="KZT")
    ((only,),) = in_tenge.conversions_of("fine")[1:]
    assert only is not None
    assert only.rate is None
    assert only.result is not None
    assert only.result.currency == "KZT"
    with pytest.raises(RateError, match="capitals"):
        compare_many(items, datasets=[RU, KZ], currency="kzt")


def test_one_country_index_against_index_needs_no_rate() -> None:
    story = compare(KZ.as_of(dt.date(2025, 9, 1)), KZ.as_of(dt.date(2025, 10, 1)))
    fines = [c for c in story.changes if c.location.quantity == "amount"]
    assert fines
    assert all(c.comparable and c.conversions == (None, None) for c in fines)
    assert (
        "Before: a fine of up to 2,000 MCI (the lower bound is not established). Now: a fine of up to 3,000 MCI (the lower bound is not established)."
        in summarize(story, locale="en")
    )


# -- the package top and the command line ---------------------------------------------------------


def test_compare_is_callable_at_the_package_top() -> None:
    assert lawsummary.compare is compare
    assert callable(lawsummary.compare)
    assert lawsummary.compare_many is compare_many
    comparison = lawsummary.compare(KZ.provision("kz-cc-394-1"), KZ.provision("kz-cc-394-1"))
    assert comparison.changes == ()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


_PAIR = (
    "compare",
    "--dataset",
    "ru-migration-2024",
    "--dataset",
    "kz-migration-2025",
    "--provision",
    "ru-uk-322.1-2",
    "--provision",
    "kz-cc-394-2",
    "--locale",
    "en",
)


def test_the_command_line_compares_two_countries(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, *_PAIR, "--rate", "KZT:RUB:0.18:2025-09-17:https://example.org/r")
    assert code == 0
    assert "about 4,954,320 rubles (unconfirmed)" in out
    code, out, _ = _cli(capsys, *_PAIR)
    assert code == 0
    assert "not compared, because no rate" in out


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        ("kzt:RUB:0.18:2025-09-17:https://example.org/r", "written in capitals"),
        ("KZT:KZT:1:2025-09-17:https://example.org/r", "to itself"),
        ("KZT:RUB:0.18:2025-13-01:https://example.org/r", "is not a date"),
        ("KZT:RUB:0.18", "write FROM:TO:VALUE:DATE:SOURCE"),
        ("KZT:RUB:0.18:2025-09-17:example.org", "not a web address"),
    ],
)
def test_a_bad_rate_on_the_command_line(
    capsys: pytest.CaptureFixture[str], rate: str, message: str
) -> None:
    code, out, err = _cli(capsys, *_PAIR, "--rate", rate)
    assert (code, out) == (1, "")
    assert message in err
    assert "Traceback" not in err


def test_a_rates_file_in_json_and_toml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    entry = {
        "source": "KZT",
        "target": "RUB",
        "value": "0.18",
        "date": "2025-09-17",
        "sources": ["https://example.org/r"],
        "status": "reported",
    }
    path = tmp_path / "rates.json"
    path.write_text(json.dumps({"rates": [entry]}), encoding="utf-8")
    code, out, _ = _cli(capsys, *_PAIR, "--rates", str(path))
    assert code == 0
    assert "about 4,954,320 rubles (reported)" in out
    toml = tmp_path / "rates.toml"
    toml.write_text(
        '[[rates]]\nsource = "KZT"\ntarget = "RUB"\nvalue = "0.18"\ndate = 2025-09-17\n'
        'sources = ["https://example.org/r"]\n',
        encoding="utf-8",
    )
    code, out, _ = _cli(capsys, *_PAIR, "--rates", str(toml))
    assert code == 0
    assert "about 4,954,320 rubles (unconfirmed)" in out
    for bad, message in [
        ({**entry, "value": 0.18}, "not a float"),
        ({**entry, "status": "sure"}, "status: use one of"),
        ({**entry, "colour": "red"}, "unknown keys ['colour']"),
        ({k: v for k, v in entry.items() if k != "sources"}, "missing ['sources']"),
        ({**entry, "source": "kzt"}, "rates[0]: a rate's source"),
    ]:
        path.write_text(json.dumps({"rates": [bad]}), encoding="utf-8")
        code, out, err = _cli(capsys, *_PAIR, "--rates", str(path))
        assert (code, out) == (1, ""), bad
        assert message in err, (message, err)


def test_from_and_to_on_a_bundled_dataset_and_a_dataset_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dates = ("--from", "2025-09-01", "--to", "2025-10-01", "--locale", "en")
    code, bundled, _ = _cli(capsys, "compare", "--dataset", "kz-migration-2025", *dates)
    assert code == 0
    assert (
        "Before: a fine of up to 2,000 MCI (the lower bound is not established). Now: a fine of up to 3,000 MCI (the lower bound is not established)."
        in bundled
    )
    path = tmp_path / "kz.json"
    path.write_text(lawsummary.dumps(KZ, "json"), encoding="utf-8")
    code, from_file, _ = _cli(capsys, "compare", str(path), *dates)
    assert (code, from_file) == (0, bundled)
    with pytest.raises(SystemExit):  # a usage error: one dataset only
        cli.main(["compare", "--dataset", "kz-migration-2025", str(path), *dates])


def test_an_unknown_provision_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    argv = list(_PAIR)
    argv[argv.index("kz-cc-394-2")] = "kz-cc-999"
    code, out, err = _cli(capsys, *argv)
    assert (code, out) == (1, "")
    assert "--provision kz-cc-999: no provision with this id in ru-migration-2024" in err


def test_show_lists_index_units_with_their_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "show", "--dataset", "kz-migration-2025")
    assert code == 0
    assert "kz-mrp — MCI, monthly calculation index (KZ)" in out
    assert "2022-01-01 → 2022-12-31: 3063 KZT for fines_and_taxes [confirmed]" in out
    assert "2025-01-01 → 2025-12-31: 3932 KZT [reported]" in out


def test_two_countries_are_compared_not_dated_as_changes() -> None:
    ru, kz = RU.provision("ru-uk-322.1-1"), KZ.provision("kz-cc-394-1")
    text = summarize(compare(ru, kz, datasets=[RU, KZ]), locale="ru")
    assert "В сравнении с: ч. 1 ст. 322.1 УК РФ." in text
    assert "Изменения действуют с" not in text
    same_country = summarize(
        compare(KZ.as_of(dt.date(2025, 9, 1)), KZ.as_of(dt.date(2025, 10, 1))), locale="en"
    )
    assert "The changes apply from September 17, 2025." in same_country


def test_an_index_unit_no_dataset_declares_is_named_in_every_language() -> None:
    """An index fine in a unit no dataset declares is written with a phrase in the reader's
    language, never the unit's id and never a text in another language."""
    from lawsummary.testing import fallbacks

    sanction = Sanction(
        alternatives=(Alternative(penalty=IndexFine(amount=IndexRange(unit="xx-wage", max=50))),)
    )
    assert fallbacks(sanction) == []
    expected = {
        "en": "Punishment: a fine of up to 50 units (an index unit whose name is not in the data).",
        "ru": "Наказание: штраф в размере до 50 единиц (расчётный показатель, название которого "
        "в данных не указано).",
    }
    for locale in SUPPORTED_LOCALES:
        written = summarize(sanction, locale=locale)
        assert "xx-wage" not in written
        if locale in expected:
            assert expected[locale] in written
