"""The document format: formats, strictness, exactness and determinism."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawsummary import (
    InvalidDocumentError,
    Problem,
    UnsupportedFormatError,
    dump,
    dumps,
    load,
    loads,
)
from lawsummary.records import (
    UNKNOWN,
    Dataset,
    IndexFine,
    Money,
    Offence,
    PartialDate,
    Provision,
    Sanction,
    TermRange,
    TimeUnit,
    Version,
)
from lawsummary.serialization import document_kinds, structure, unstructure

EXAMPLE = Path(__file__).parents[1] / "examples" / "exampleland.toml"


def test_bundled_dataset_round_trips_in_both_formats(ru: Dataset) -> None:
    for fmt in ("json", "toml"):
        text = dumps(ru, fmt)
        assert loads(text, fmt) == ru
        assert dumps(loads(text, fmt), fmt) == text


def test_dumping_twice_gives_the_same_bytes(ru: Dataset) -> None:
    assert dumps(ru) == dumps(ru)
    assert dumps(ru, "toml") == dumps(ru, "toml")


def test_bundled_file_is_in_canonical_form(ru: Dataset) -> None:
    path = Path(__file__).parents[1] / "src" / "lawsummary" / "data" / "ru-migration-2024.json"
    assert path.read_text(encoding="utf-8") == dumps(ru)


def test_every_record_kind_is_a_document(ru: Dataset) -> None:
    provision = ru.provision("ru-uk-322.1-3")
    version = provision.latest()
    body = version.body
    assert isinstance(body, Offence)
    for record in (ru, provision, version, body, body.sanction, ru.acts[0]):
        text = dumps(record)
        assert json.loads(text)["kind"] in document_kinds()
        assert loads(text) == record
    assert isinstance(loads(dumps(version)), Version)
    assert isinstance(loads(dumps(provision)), Provision)
    assert isinstance(loads(dumps(body.sanction)), Sanction)


def test_any_record_class_loads_with_cls() -> None:
    money = Money("1200.50", "RUB")
    assert loads(dumps(money), cls=Money) == money
    assert unstructure(money) == {"amount": "1200.50", "currency": "RUB"}


def test_decimals_keep_their_digits() -> None:
    text = json.dumps({"amount": "2.8592000", "currency": "RUB"})
    money = loads(text, cls=Money)
    assert str(money.amount) == "2.8592000"
    assert json.loads(dumps(money))["amount"] == "2.8592000"


def test_json_and_toml_numbers_are_read_exactly() -> None:
    assert loads('{"amount": 0.1, "currency": "RUB"}', cls=Money).amount == Decimal("0.1")
    assert loads('amount = 0.1\ncurrency = "RUB"\n', "toml", cls=Money).amount == Decimal("0.1")
    assert loads('{"amount": 999999999999.00000001, "currency": "RUB"}', cls=Money).amount == (
        Decimal("999999999999.00000001")
    )


def test_a_python_float_is_refused_with_advice() -> None:
    with pytest.raises(
        InvalidDocumentError,
        match=r"\$\.amount: expected a number, got a number 2\.8592 \(floats lose precision",
    ):
        structure({"amount": 2.8592, "currency": "RUB"}, Money)


def test_toml_native_dates_are_accepted() -> None:
    text = "\n".join(
        [
            "valid_from = 2024-11-09",
            'valid_to = "unknown"',
            "[body]",
            'kind = "measure"',
            'jurisdiction = "XA"',
            'title = {en = "t"}',
            'description = {en = "d"}',
            'provenance = {status = "unconfirmed"}',
        ]
    )
    version = loads(text, "toml", cls=Version)
    assert version.valid_from == PartialDate(2024, 11, 9)
    assert version.valid_to is UNKNOWN


def test_example_document_loads(ru: Dataset) -> None:
    example = load(EXAMPLE)
    assert isinstance(example, Dataset)
    body = example.provision("xa-ac-517-1").latest().body
    assert isinstance(body, Offence)
    assert isinstance(body.sanction, Sanction)
    assert isinstance(body.sanction.alternatives[0].penalty, IndexFine)
    rate = example.index_unit("xa-mci").rate_on(dt.date(2026, 3, 1))
    assert rate is not None
    assert rate.value == Money("4325", "XTS")


def test_load_and_dump_files(tmp_path: Path, ru: Dataset) -> None:
    for name in ("ru.json", "ru.toml"):
        dump(ru, tmp_path / name)
        assert load(tmp_path / name) == ru
    with pytest.raises(
        UnsupportedFormatError, match="unsupported format 'yaml'; use one of: json, toml"
    ):
        dump(ru, tmp_path / "ru.yaml")
    with pytest.raises(UnsupportedFormatError, match="xml"):
        loads("<x/>", "xml")  # type: ignore[arg-type]


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(
        InvalidDocumentError, match=r"in .*absent\.json:\n  \$: cannot read the file"
    ):
        load(tmp_path / "absent.json")


def test_non_utf8_bytes(tmp_path: Path) -> None:
    with pytest.raises(InvalidDocumentError, match="not UTF-8 text"):
        loads(b'{"kind": "\xff"}')


def test_top_level_must_be_an_object() -> None:
    with pytest.raises(InvalidDocumentError, match=r"\$: expected an object, got a list"):
        loads("[]")
    with pytest.raises(InvalidDocumentError, match=r"\$\.kind: missing: a document names its kind"):
        loads("{}")
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.kind: expected a dataset document, got 'offence'"
    ):
        loads('{"kind": "offence"}', cls=Dataset)


def test_strings_are_not_lists() -> None:
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.items: expected a list, got a string 'аб'"
    ):
        structure(
            {"jurisdiction": "RU", "instrument": "x", "article": "1", "items": "аб"},
            __import__("lawsummary").records.Citation,
        )


def test_unknown_as_a_date_only_where_allowed() -> None:
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.valid_from: expected a date written YYYY-MM-DD"
    ):
        structure(
            {"valid_from": "unknown", "value": {"amount": "1", "currency": "KZT"}},
            __import__("lawsummary").records.IndexRate,
        )


def test_term_range_units_are_named() -> None:
    with pytest.raises(
        InvalidDocumentError,
        match=r"\$\.unit: 'decades' is not allowed; allowed: hours, days, months, years",
    ):
        structure({"unit": "decades", "max": "1"}, TermRange)
    assert structure({"unit": "years", "max": 5}, TermRange) == TermRange(
        unit=TimeUnit.YEARS, max=5
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.sampled_from(["unknown", "2024-11-09", "RUB", "years", "fine"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "kind",
                    "id",
                    "title",
                    "versions",
                    "body",
                    "valid_from",
                    "penalty",
                    "amount",
                    "en",
                    "x",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150)
@given(
    json_values, st.sampled_from(["dataset", "provision", "version", "offence", "sanction", "act"])
)
def test_arbitrary_input_gives_only_document_errors(value: object, kind: str) -> None:
    document = {"kind": kind, **value} if isinstance(value, dict) else value
    problems: tuple[Problem, ...] = ()
    try:
        loads(json.dumps(document))
    except InvalidDocumentError as exc:  # anything else fails the test
        problems = exc.problems
    for problem in problems:
        assert problem.path.startswith("$")
        assert problem.message
