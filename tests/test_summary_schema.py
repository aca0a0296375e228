"""The summary JSON follows its published, versioned schema: every JSON output of both
bundled datasets (records, comparisons, tables) validates against ``schema summary``."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lawsummary import datasets, dumps
from lawsummary.cli import main
from lawsummary.compare import compare, compare_many
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import Dataset, Sanction
from lawsummary.records.common import PartialDate
from lawsummary.records.provisions import Offence
from lawsummary.render import summarize
from lawsummary.schema import (
    SUMMARY_SCHEMA_ID,
    SUMMARY_SCHEMA_VERSION,
    json_schema,
    summary_schema,
)
from lawsummary.site.story import changes_of_effect

NAMES = ("ru-migration-2024", "kz-migration-2025")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = summary_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _records(ds: Dataset) -> Iterator[tuple[str, object]]:
    """Every record of a dataset that has a summary: the dataset on each date of change,
    its acts, provisions, versions, their bodies and the offences' sanctions."""
    yield ds.id, ds
    days = sorted(
        {
            d.earliest()
            for p in ds.provisions
            for v in p.versions
            for d in (v.valid_from, v.valid_to)
            if isinstance(d, PartialDate)
        }
    )
    for day in days:
        yield f"{ds.id} as of {day}", ds.as_of(day)
    for act in ds.acts:
        yield f"act {act.id}", act
    for provision in ds.provisions:
        yield provision.id, provision
        for i, version in enumerate(provision.versions):
            yield f"{provision.id} version {i}", version
            yield f"{provision.id} version {i} body", version.body
            if isinstance(version.body, Offence) and isinstance(version.body.sanction, Sanction):
                yield f"{provision.id} version {i} sanction", version.body.sanction


def _comparisons(ds: Dataset) -> Iterator[tuple[str, object]]:
    for provision in ds.provisions:
        for change in changes_of_effect(ds, provision):
            yield f"{provision.id} {change.anchor}", change.comparison
        for a, b in itertools.pairwise(provision.versions):
            yield f"{provision.id} versions", compare(a, b)
    days = sorted(
        {
            v.valid_from.earliest()
            for p in ds.provisions
            for v in p.versions
            if isinstance(v.valid_from, PartialDate)
        }
    )
    for before, after in itertools.pairwise(days):
        yield f"{ds.id} {before} to {after}", compare(ds.as_of(before), ds.as_of(after))


def _offences(ds: Dataset) -> list[Any]:
    return [p for p in ds.provisions if isinstance(p.latest().body, Offence)]


def _tables() -> Iterator[tuple[str, object]]:
    loaded = [datasets.load(name) for name in NAMES]
    for ds in loaded:
        offences = _offences(ds)
        if len(offences) >= 2:
            yield f"{ds.id} table", compare_many(offences, dataset=ds)
    ru, kz = loaded
    pair = [_offences(ru)[0], _offences(kz)[0]]
    yield "ru against kz", compare_many(pair, datasets=[ru, kz])


def _outputs() -> Iterator[tuple[str, object, Dataset | None]]:
    for name in NAMES:
        ds = datasets.load(name)
        for label, record in _records(ds):
            yield label, record, None if record is ds else ds
        for label, comparison in _comparisons(ds):
            yield label, comparison, ds
    for label, table in _tables():
        yield label, table, None


def test_every_json_output_of_both_datasets_follows_the_summary_schema(
    validator: jsonschema.Draft202012Validator,
) -> None:
    checked: dict[str, int] = {}
    for label, obj, ds in _outputs():
        for locale in SUPPORTED_LOCALES:
            # The full summary in every locale; the short one (a subset) in two.
            for detail in ("full", "short") if locale in ("en", "ru") else ("full",):
                out = summarize(obj, locale=locale, format="json", detail=detail, dataset=ds)
                document = json.loads(out)
                errors = [e.message for e in validator.iter_errors(document)]
                assert not errors, (label, locale, detail, errors[:3])
                assert document["schema_version"] == SUMMARY_SCHEMA_VERSION
                checked[document["subject"]] = checked.get(document["subject"], 0) + 1
    # Records, comparisons and tables were all among them.
    assert {"dataset", "act", "provision", "offence", "sanction"} <= set(checked), checked
    assert {"comparison", "table"} <= set(checked), checked
    assert sum(checked.values()) > 1000


def test_json_lines_from_the_command_line_follow_it_too(
    tmp_path: Path, validator: jsonschema.Draft202012Validator, capsys: pytest.CaptureFixture[str]
) -> None:
    ds = datasets.load("ru-migration-2024")
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "".join(json.dumps(json.loads(dumps(p.latest().body))) + "\n" for p in ds.provisions),
        encoding="utf-8",
    )
    assert main(["summarize", "--jsonl", str(path), "--locale", "uz", "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(ds.provisions)
    for line in lines:
        document = json.loads(line)
        assert document["schema_version"] == SUMMARY_SCHEMA_VERSION
        validator.validate(document)


def test_the_schema_refuses_what_is_not_a_summary(
    validator: jsonschema.Draft202012Validator,
) -> None:
    ds = datasets.load("kz-migration-2025")
    good = json.loads(summarize(ds, locale="kk", format="json"))
    validator.validate(good)
    for broken in (
        {k: v for k, v in good.items() if k != "schema_version"},
        {**good, "schema_version": "0.9"},
        {**good, "extra": 1},
        {**good, "statements": [{**good["statements"][0], "role": "footnote"}]},
        {**good, "statements": [{**good["statements"][0], "status": "rumoured"}]},
        {**good, "readability": {**good["readability"], "words": -1}},
    ):
        assert not validator.is_valid(broken)


def test_the_command_writes_either_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "summary"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary == summary_schema()
    assert summary["$id"] == SUMMARY_SCHEMA_ID
    assert summary["properties"]["schema_version"]["const"] == SUMMARY_SCHEMA_VERSION
    assert main(["schema"]) == 0  # the document schema stays the default
    assert json.loads(capsys.readouterr().out) == json_schema()
    out = tmp_path / "summary.schema.json"
    assert main(["schema", "summary", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == summary


def test_an_unknown_schema_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["schema", "summaries"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'summaries'" in err
    assert "Traceback" not in err
