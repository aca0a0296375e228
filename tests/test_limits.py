"""The reader's limits: each one a clear error, in time linear in the document."""

from __future__ import annotations

import copy
import json
import time
from decimal import Decimal

import pytest

from lawsummary import InvalidDocumentError, datasets, dumps, loads
from lawsummary.errors import MAX_PROBLEMS, Problem
from lawsummary.records import LocalizedText, Money, Source
from lawsummary.records.common import check_text, suggest


def bundled() -> dict[str, object]:
    data = json.loads(dumps(datasets.load("ru-migration-2024")))
    assert isinstance(data, dict)
    return data


def test_thousands_of_unresolved_references_are_reported_quickly_and_briefly() -> None:
    data = bundled()
    acts = data["acts"]
    assert isinstance(acts, list)
    data["acts"] = [{**copy.deepcopy(acts[0]), "id": f"ru-act-{i}"} for i in range(2000)]
    version = data["provisions"][0]["versions"][0]  # type: ignore[index]
    version["amended_by"] = [f"ru-akt-{i}x" for i in range(2000)]
    start = time.perf_counter()
    with pytest.raises(InvalidDocumentError) as info:
        loads(json.dumps(data))
    elapsed = time.perf_counter() - start
    error = info.value
    assert elapsed < 10  # 26 s before the suggestions were bounded
    assert len(error.problems) == MAX_PROBLEMS
    assert error.omitted >= 2000 - MAX_PROBLEMS
    assert len(str(error)) < 100_000  # 46 MB before the declared ids were capped
    assert "and 1980 more" in error.problems[0].message
    assert f"and {error.omitted} more, not listed" in str(error)


def test_a_suggestion_is_still_made_among_many_ids() -> None:
    close, first = suggest(
        "ru-uk-322.1-x", [f"ru-act-{i}" for i in range(5000)] + ["ru-uk-322.1-3"]
    )
    assert close == "ru-uk-322.1-3"
    assert len(first) == 20


def test_problem_count_is_capped_and_kept_through_rooting() -> None:
    error = InvalidDocumentError(Problem(f"$[{i}]", "bad") for i in range(250))
    assert len(error.problems) == MAX_PROBLEMS
    assert error.omitted == 150
    assert str(error).startswith("250 problems:")
    assert error.with_source("f.json").omitted == 150
    rooted = error.rooted("$.x")
    assert rooted.omitted == 150
    assert rooted.problems[0].path == "$.x[0]"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("t\ud800", "lone surrogate U+D800"),
        ("a\tb", "control character U+0009"),
        ("a\rb", "control character U+000D"),
        ("\x1b[31mred", "control character U+001B"),
        ("a\x85b", "control character U+0085"),
        ("a\u2028b", "control character U+2028"),
        ("a\u202eb", "bidirectional control U+202E"),
        ("a\u2067b", "bidirectional control U+2067"),
        ("\u200b", "is empty"),
        (" \u200b\u00a0\u2060 ", "is empty"),
        ("\u3164", "is empty"),
        ("   ", "is empty"),
        ("a" * 10_001, "at most 10000"),
    ],
)
def test_texts_that_are_refused(text: str, problem: str) -> None:
    found = check_text(text)
    assert found is not None
    assert problem in found
    with pytest.raises(ValueError, match="the 'en' text"):
        LocalizedText.of(en=text)


@pytest.mark.parametrize(
    "text",
    [
        "Штраф",
        "line\nbreak",
        "3\u00a0000 рублей",
        "soft\u00adhyphen",
        "نیم\u200cفاصله",
        "a" * 10_000,
    ],
)
def test_texts_that_are_kept(text: str) -> None:
    assert check_text(text) is None
    assert LocalizedText.of(en=text).get("en") == text


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/><script>alert(1)</script>",
        'https://example.org/"onclick',
        "https://example.org/a b",
        "https://example.org/\x07",
        "javascript:alert(1)//example.org",
        "ftp://example.org/file",
        "https://пример.рф/",
        "https://example.org/`x`",
        "https://example.org/" + "a" * 2000,
    ],
)
def test_unsafe_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="is not a web address"):
        Source(url)


def test_safe_urls_are_kept() -> None:
    for url in [
        "https://base.garant.ru/10108000/88ec7e3ceafbc9bd24c2a234a2622d51/",
        "http://example.org/a?b=1&c=%D0%BF#x",
        "https://en.wikipedia.org/wiki/Law_(disambiguation)",
    ]:
        assert Source(url).url == url


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-0", "must not be negative"),
        ("\u0663000", "ASCII digits"),
        ("1_000", "ASCII digits"),
        (" 1", "ASCII digits"),
        ("1E+26", "too many digits"),
        (Decimal("1" * 26), "too many digits"),
        (Decimal("1E+1000000"), "too many digits"),
        (Decimal("0E+20"), "too many digits"),
    ],
)
def test_amounts_that_are_refused(amount: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Money(amount, "RUB")  # type: ignore[arg-type]


def test_a_record_may_hold_more_decimals_than_a_document_may_write() -> None:
    """An exact product (a patent's monthly cost) is a record; a document is limited."""
    assert Money(Decimal("5999.999820000"), "RUB").amount == Decimal("5999.99982")
    ds = datasets.load("ru-migration-2024")
    text = dumps(ds).replace('"max": "500000"', '"max": "0.000000001"', 1)
    with pytest.raises(InvalidDocumentError, match="too many digits"):
        loads(text)


def test_the_largest_amounts_allowed_summarise() -> None:
    from lawsummary import summarize

    money = Money("999999999999.99999999", "RUB")
    assert money.amount == Decimal("999999999999.99999999")
    ds = datasets.load("ru-migration-2024")
    text = dumps(ds).replace('"max": "500000"', '"max": "999999999999.99999999"', 1)
    changed = loads(text)
    assert changed != ds
    for locale in ("en", "ru", "kk"):
        assert "999" in summarize(changed, locale=locale)


def test_duplicate_keys_are_reported_where_they_are() -> None:
    with pytest.raises(InvalidDocumentError) as info:
        loads('{"kind": "dataset", "id": "x", "title": {"en": "a", "en": "b"}}')
    assert [str(p) for p in info.value.problems] == [
        "$.title.en: the key 'en' appears twice in this object; keep one"
    ]


def test_nesting_within_the_limit_is_not_refused_for_its_depth() -> None:
    from lawsummary.serialization import MAX_DEPTH

    doc = (
        '{"kind": "dataset", "id": "x", "title": {"en": "x"}, "acts": '
        + "[" * (MAX_DEPTH - 1)
        + "]" * (MAX_DEPTH - 1)
        + "}"
    )
    with pytest.raises(InvalidDocumentError) as info:
        loads(doc)
    assert all("nested too deeply" not in p.message for p in info.value.problems)


def test_the_schema_states_the_limits_it_can() -> None:
    import jsonschema

    from lawsummary.schema import json_schema

    schema = json_schema()
    base = json.loads(dumps(datasets.load("ru-migration-2024")))
    jsonschema.validate(base, schema)
    for path, value in (
        (("title", "en"), "a" * 10_001),
        (("provisions", 0, "versions", 0, "valid_from"), "２０２４-01-01"),
        (("instruments", 0, "id"), "a" * 10_001),
    ):
        changed = copy.deepcopy(base)
        target = changed
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(changed, schema)
        with pytest.raises(InvalidDocumentError):
            loads(json.dumps(changed))
