"""Issue 14, "Unknown is a value": the reader and the JSON Schema agree on the reader's rules
(at least one alternative, no negative number, no blank text), and a near miss of
"unknown" gets a suggestion rather than being kept as a literal."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest

from lawsummary import LawSummaryError, datasets, dumps, loads
from lawsummary.records import Act
from lawsummary.schema import json_schema

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
DOCUMENT: dict[str, Any] = json.loads(dumps(datasets.load("ru-migration-2024")))


def _part_2(doc: dict[str, Any]) -> dict[str, Any]:
    provision = next(p for p in doc["provisions"] if p["id"] == "ru-uk-322.1-2")
    body: dict[str, Any] = provision["versions"][-1]["body"]
    return body


def _no_alternatives(doc: dict[str, Any]) -> None:
    _part_2(doc)["sanction"]["alternatives"] = []


def _negative_term(doc: dict[str, Any]) -> None:
    _part_2(doc)["sanction"]["alternatives"][0]["penalty"]["term"]["max"] = "-10"


def _negative_number(doc: dict[str, Any]) -> None:
    _part_2(doc)["sanction"]["alternatives"][0]["penalty"]["term"]["max"] = -10


def _blank_part(doc: dict[str, Any]) -> None:
    _part_2(doc)["citation"]["part"] = "   "


def _blank_text(doc: dict[str, Any]) -> None:
    _part_2(doc)["title"]["en"] = "  "


def _no_versions(doc: dict[str, Any]) -> None:
    next(p for p in doc["provisions"] if p["id"] == "ru-uk-322.1-2")["versions"] = []


BREAKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "no alternatives": _no_alternatives,
    "negative term as text": _negative_term,
    "negative term as a number": _negative_number,
    "blank citation part": _blank_part,
    "blank text": _blank_text,
    "no versions": _no_versions,
}


def test_the_bundled_data_is_valid_under_the_schema() -> None:
    assert list(VALIDATOR.iter_errors(DOCUMENT)) == []


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_reader_and_schema_refuse_the_same_document(name: str) -> None:
    doc = copy.deepcopy(DOCUMENT)
    BREAKS[name](doc)
    with pytest.raises(LawSummaryError):
        loads(json.dumps(doc), "json")
    assert list(VALIDATOR.iter_errors(doc)), f"the schema accepts a document with {name}"


@pytest.mark.parametrize(
    ("field", "value"),
    [("number", "Unknown"), ("number", "unkown"), ("date", "Unknown"), ("date", " unknown")],
)
def test_a_near_miss_of_unknown_gets_a_suggestion(field: str, value: str) -> None:
    act = copy.deepcopy(DOCUMENT["acts"][0])
    act["kind"] = "act"
    act[field] = value
    with pytest.raises(LawSummaryError, match=r'did you mean "unknown"\?') as caught:
        loads(json.dumps(act), "json")
    assert f"$.{field}" in str(caught.value)


def test_a_real_number_close_to_nothing_is_kept() -> None:
    act = copy.deepcopy(DOCUMENT["acts"][0])
    act["kind"] = "act"
    act["number"] = "Unk-12-FZ"
    read = loads(json.dumps(act), "json")
    assert isinstance(read, Act)
    assert read.number == "Unk-12-FZ"


def test_an_unknown_bound_is_a_value() -> None:
    doc = copy.deepcopy(DOCUMENT)
    _part_2(doc)["sanction"]["alternatives"][0]["penalty"]["term"]["max"] = "unknown"
    read = loads(json.dumps(doc), "json")
    assert '"max": "unknown"' in dumps(read)
    assert list(VALIDATOR.iter_errors(doc)) == []


def test_an_unknown_amount_says_what_to_do_instead() -> None:
    doc = copy.deepcopy(DOCUMENT)
    patent = next(p for p in doc["provisions"] if p["id"] == "ru-patent-cost")
    patent["versions"][-1]["body"]["base"]["amount"] = "unknown"
    with pytest.raises(LawSummaryError, match=r"cannot be unknown.*complete.*open_questions"):
        loads(json.dumps(doc), "json")


def test_an_unknown_mode_near_miss_is_suggested() -> None:
    doc = copy.deepcopy(DOCUMENT)
    _part_2(doc)["sanction"]["alternatives"][0]["additions"][0]["mode"] = "Unknown"
    with pytest.raises(LawSummaryError, match="did you mean 'unknown'"):
        loads(json.dumps(doc), "json")
