"""Index rates by purpose: a value of an index unit belongs to a period and a purpose."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

from lawsummary import InvalidDocumentError, LawSummaryError, dumps, loads
from lawsummary.records import (
    Dataset,
    IndexRate,
    IndexUnit,
    LocalizedText,
    Money,
    RatePurpose,
)
from lawsummary.schema import json_schema
from lawsummary.serialization import structure, unstructure

FINES = RatePurpose.FINES_AND_TAXES
BENEFITS = RatePurpose.BENEFITS


def _rate(
    start: tuple[int, int, int],
    end: tuple[int, int, int] | None,
    amount: int,
    purpose: RatePurpose | None = None,
) -> IndexRate:
    return IndexRate(
        valid_from=dt.date(*start),
        valid_to=None if end is None else dt.date(*end),
        value=Money(amount, "KZT"),
        purpose=purpose,
    )


def _unit(*rates: IndexRate) -> IndexUnit:
    return IndexUnit(id="xa-mci", jurisdiction="XA", name=LocalizedText.of(en="index"), rates=rates)


FINES_2022 = _rate((2022, 1, 1), (2022, 12, 31), 3063, FINES)
BENEFITS_2022 = _rate((2022, 4, 1), (2022, 12, 31), 3180, BENEFITS)
ANY_2025 = _rate((2025, 1, 1), (2025, 12, 31), 3932)
FINES_2026 = _rate((2026, 1, 1), (2026, 12, 31), 4325, FINES)
UNIT = _unit(FINES_2022, BENEFITS_2022, ANY_2025, FINES_2026)


@pytest.mark.parametrize(
    ("day", "purpose", "expected"),
    [
        # Two values in one year: each purpose gets its own.
        (dt.date(2022, 6, 1), FINES, FINES_2022),
        (dt.date(2022, 6, 1), BENEFITS, BENEFITS_2022),
        # Benefits before April 2022: the data has no value for them, and the value
        # for fines is not used instead.
        (dt.date(2022, 2, 1), BENEFITS, None),
        # A value given without a purpose serves every purpose.
        (dt.date(2025, 9, 17), FINES, ANY_2025),
        (dt.date(2025, 9, 17), BENEFITS, ANY_2025),
        (dt.date(2025, 9, 17), None, ANY_2025),
        # A value for fines only: not for benefits, nor for a caller naming no purpose.
        (dt.date(2026, 3, 1), FINES, FINES_2026),
        (dt.date(2026, 3, 1), BENEFITS, None),
        (dt.date(2026, 3, 1), None, None),
        (dt.date(2022, 6, 1), None, None),
        # Outside every period.
        (dt.date(2023, 6, 1), FINES, None),
        (dt.date(2027, 1, 1), FINES, None),
    ],
)
def test_rate_on_a_day_for_a_purpose(
    day: dt.date, purpose: RatePurpose | None, expected: IndexRate | None
) -> None:
    assert UNIT.rate_on(day, purpose) is expected


def test_a_rate_for_the_purpose_comes_before_one_without() -> None:
    general = _rate((2022, 1, 1), (2022, 12, 31), 3063)
    unit = _unit(general, BENEFITS_2022)
    assert unit.rate_on(dt.date(2022, 6, 1), BENEFITS) is BENEFITS_2022
    assert unit.rate_on(dt.date(2022, 6, 1), FINES) is general
    assert unit.rate_on(dt.date(2022, 2, 1), BENEFITS) is general


def test_rates_of_one_purpose_must_not_overlap() -> None:
    with pytest.raises(
        ValueError, match=r"overlaps the rate from 2022-04-01 \(purpose 'benefits'\)"
    ):
        _unit(
            _rate((2022, 1, 1), None, 1, BENEFITS),
            _rate((2022, 4, 1), (2022, 12, 31), 2, BENEFITS),
        )
    with pytest.raises(ValueError, match=r"overlaps the rate from 2022-04-01 \(no purpose\)"):
        _unit(_rate((2022, 1, 1), (2022, 6, 30), 1), _rate((2022, 4, 1), None, 2))
    with pytest.raises(ValueError, match="in order of valid_from"):
        _unit(BENEFITS_2022, FINES_2022)


def _dataset(*rates: dict[str, object]) -> dict[str, object]:
    return {
        "kind": "dataset",
        "id": "xa-demo",
        "title": {"en": "demo"},
        "index_units": [
            {"id": "xa-mci", "jurisdiction": "XA", "name": {"en": "index"}, "rates": list(rates)}
        ],
    }


def _doc_rate(start: str, amount: str, purpose: str | None = None) -> dict[str, object]:
    rate: dict[str, object] = {"valid_from": start, "value": {"amount": amount, "currency": "KZT"}}
    if purpose is not None:
        rate["purpose"] = purpose
    return rate


def test_the_purpose_is_written_only_when_there_is_one() -> None:
    assert unstructure(FINES_2022)["purpose"] == "fines_and_taxes"
    assert "purpose" not in unstructure(ANY_2025)
    dataset = Dataset(id="xa-demo", title=LocalizedText.of(en="demo"), index_units=(UNIT,))
    for fmt in ("json", "toml"):
        assert loads(dumps(dataset, fmt), fmt) == dataset


def test_a_bad_purpose_is_an_error_naming_the_place_and_the_choices() -> None:
    rate = {"valid_from": "2022-01-01", "value": {"amount": "1", "currency": "KZT"}}
    with pytest.raises(
        InvalidDocumentError,
        match=r"\$\.purpose: 'Benefits' is not allowed \(did you mean 'benefits'\?\); "
        "allowed: fines_and_taxes, benefits",
    ) as caught:
        structure({**rate, "purpose": "Benefits"}, IndexRate)
    assert isinstance(caught.value, LawSummaryError)
    with pytest.raises(InvalidDocumentError, match=r"\$\.purpose: expected one of"):
        structure({**rate, "purpose": 1}, IndexRate)
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.index_units\[0\]\.rates\[1\]\.purpose: 'fines'"
    ):
        loads(
            json.dumps(
                _dataset(_doc_rate("2022-01-01", "1"), _doc_rate("2023-01-01", "2", "fines"))
            )
        )


def test_overlapping_rates_in_a_document_are_an_error_with_a_path() -> None:
    overlapping = _dataset(
        _doc_rate("2022-01-01", "1", "benefits"), _doc_rate("2022-04-01", "2", "benefits")
    )
    with pytest.raises(InvalidDocumentError) as caught:
        loads(json.dumps(overlapping))
    assert [p.path for p in caught.value.problems] == ["$.index_units[0]"]
    assert "overlaps the rate from 2022-04-01 (purpose 'benefits')" in str(caught.value)
    apart = _dataset(
        _doc_rate("2022-01-01", "1", "benefits"), _doc_rate("2022-04-01", "2", "fines_and_taxes")
    )
    dataset = loads(json.dumps(apart))
    assert isinstance(dataset, Dataset)
    assert [r.purpose for r in dataset.index_units[0].rates] == [BENEFITS, FINES]


def test_the_schema_knows_the_purposes() -> None:
    schema = json_schema()
    purpose = schema["$defs"]["IndexRate"]["properties"]["purpose"]
    assert {"enum": ["fines_and_taxes", "benefits"]} in purpose["anyOf"]
    validator = jsonschema.Draft202012Validator(schema)
    document = _dataset(_doc_rate("2022-01-01", "1", "benefits"))
    assert list(validator.iter_errors(document)) == []
    document["index_units"][0]["rates"][0]["purpose"] = "fines"  # type: ignore[index]
    assert list(validator.iter_errors(document))
