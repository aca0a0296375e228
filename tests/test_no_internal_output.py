"""Nothing internal reaches a reader (issue #12): no repr, no raw id, no enum name.

Every record of both bundled datasets, summarised with its dataset and alone, and
every comparison of them (each dataset between the dates its versions change, and
Russia's art. 322.1 parts 1 and 2 against Kazakhstan's art. 394 parts 1 and 2, each
way, with and without a rate, as changes and as tables) is rendered in six locales
and four formats; the reader's text must hold none of the patterns below.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from typing import Literal

import pytest

from lawsummary import Dataset, compare, compare_many, datasets, summarize
from lawsummary.compare import Rate
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import PartialDate, Provenance, Source, Status

RU = datasets.load("ru-migration-2024")
KZ = datasets.load("kz-migration-2025")

#: What must never reach a reader: a repr, a "field=value" pair, an id of either
#: dataset, an enum's name or its qualified name.
LEAKS = re.compile(
    r"Citation\(|\w\(\w+=|\b\w+='|(?i:\bkz-(?:cc|mrp|criminal|migration)|\bru-(?:uk|koap|fz|migration)-)"
    r"|\b[A-Z]{3,}_[A-Z_]+\b|\b(?:Status|Guilt|Liability|RatePurpose|Mode|NotCompared)\.\w"
    r"|\bNone\b|\bUNKNOWN\b"
)
_URL = re.compile(r"https?://[^\s<>\")\]]+")
_TAG = re.compile(r"<[^>]+>")

#: An example rate the caller supplies: NOT a fact (the fact base has no official
#: tenge-rouble rate, and the package bundles none).
EXAMPLE_RATE = Rate(
    source="KZT",
    target="RUB",
    value="0.18",
    date=dt.date(2025, 9, 17),
    provenance=Provenance(
        status=Status.UNCONFIRMED, sources=(Source("https://example.org/an-example-rate"),)
    ),
)


def _reader_text(out: str, format: str) -> str:
    """What a reader sees of an output: the texts of a JSON one, an HTML one untagged;
    web addresses (which hold '=' and ids of their own) left out."""
    if format == "json":
        data = json.loads(out)
        parts = []
        for statement in data["statements"]:
            parts.append(statement["text"])
            parts.extend(c for c in statement["cells"] if c)
        out = "\n".join(parts)
    elif format == "html":
        out = html.unescape(_TAG.sub(" ", out))
    return _URL.sub("URL", out)


def _records() -> Iterator[tuple[str, object, Dataset | None]]:
    for ds in (RU, KZ):
        yield ds.id, ds, None
        for provision in ds.provisions:
            yield provision.id, provision, ds
            yield f"{provision.id} (alone)", provision, None
        for act in ds.acts:
            yield act.id, act, ds


def _day_changes(ds: Dataset) -> list[dt.date]:
    days = set()
    for provision in ds.provisions:
        for version in provision.versions:
            start = version.valid_from
            if isinstance(start, PartialDate) and start.month and start.day:
                days.add(dt.date(start.year, start.month, start.day))
    return sorted(days)


def _comparisons() -> Iterator[tuple[str, object]]:
    for ds in (RU, KZ):
        for day in _day_changes(ds)[-2:]:
            before = ds.as_of(day - dt.timedelta(days=1))
            yield f"{ds.id} {day}", compare(before, ds.as_of(day))
    for n in (1, 2):
        ru, kz = RU.provision(f"ru-uk-322.1-{n}"), KZ.provision(f"kz-cc-394-{n}")
        for rates in ((), (EXAMPLE_RATE,)):
            label = f"part {n}, {'with' if rates else 'without'} a rate"
            yield label, compare(ru, kz, datasets=[RU, KZ], rates=rates)
            yield label + " (reversed)", compare(kz, ru, datasets=[KZ, RU], rates=rates)
            yield label + " (table)", compare_many([ru, kz], datasets=[RU, KZ], rates=rates)
            yield (
                label + " (table, reversed)",
                compare_many([kz, ru], datasets=[KZ, RU], rates=rates),
            )
    parts = [RU.provision("ru-uk-322.1-1"), RU.provision("ru-uk-322.1-2")]
    parts += [KZ.provision("kz-cc-394-1"), KZ.provision("kz-cc-394-2")]
    yield "four parts", compare_many(parts, datasets=[RU, RU, KZ, KZ], rates=[EXAMPLE_RATE])


def _leaks(out: str, format: str) -> list[str]:
    text = _reader_text(out, format)
    return [text[max(0, m.start() - 50) : m.end() + 30] for m in LEAKS.finditer(text)]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_no_record_output_shows_anything_internal(locale: str) -> None:
    found = []
    for name, record, ds in _records():
        details: tuple[tuple[str, Literal["short", "full"]], ...] = (
            ("text", "short"),
            ("text", "full"),
            ("markdown", "full"),
        )
        for format, detail in details:
            out = summarize(record, locale=locale, format=format, detail=detail, dataset=ds)
            found += [(name, format, detail, leak) for leak in _leaks(out, format)]
        for format in ("html", "json"):
            out = summarize(record, locale=locale, format=format, detail="full", dataset=ds)
            found += [(name, format, "full", leak) for leak in _leaks(out, format)]
    assert found == []


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_no_comparison_output_shows_anything_internal(locale: str) -> None:
    found = []
    for name, comparison in _comparisons():
        for format in ("text", "markdown", "html", "json"):
            out = summarize(comparison, locale=locale, format=format)
            found += [(name, format, leak) for leak in _leaks(out, format)]
    assert found == []


def test_the_patterns_catch_what_the_issue_saw() -> None:
    """The test above can fail: each leak the issue reported is caught."""
    for seen in (
        "Citation. Before: Citation(jurisdiction='KZ', instrument='kz-criminal-code')",
        "A further measure can now also apply: ru-uk-104.1-1-a.",
        "a fine of up to 2,000 units (kz-mrp)",
        "Kz-criminal-code, art. 394(1)",
        "purpose FINES_AND_TAXES",
        "Status.REPORTED",
    ):
        assert _leaks(seen, "text"), seen
