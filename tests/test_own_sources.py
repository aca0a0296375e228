"""Issue 14, "Sources where they belong": in the full text, markdown and HTML output every
statement can show its own sources, as the JSON does, not only its record's."""

from __future__ import annotations

import json

import pytest

from lawsummary import datasets, summarize
from lawsummary.records.common import Source
from lawsummary.records.walk import walk

RU = datasets.load("ru-migration-2024")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_source_of_the_russian_data_appears_in_full_output(fmt: str) -> None:
    used = {r.url for _, r in walk(RU) if isinstance(r, Source)}
    out = summarize(RU, locale="en", detail="full", format=fmt) + "".join(
        summarize(a, locale="en", detail="full", dataset=RU, format=fmt) for a in RU.acts
    )
    if fmt == "html":
        out = out.replace("&amp;", "&")
    assert sorted(u for u in used if u not in out) == []


@pytest.mark.parametrize("locale", ["en", "ru", "kk"])
def test_a_statement_shows_its_own_sources_as_in_the_json(locale: str) -> None:
    act = next(a for a in RU.acts if a.id == "ru-fz-2024-383")
    text = summarize(act, locale=locale, detail="full", dataset=RU)
    data = json.loads(summarize(act, locale=locale, detail="full", dataset=RU, format="json"))
    record = {s.url for s in act.provenance.sources}
    own = [s for s in data["statements"] if s["sources"] and set(s["sources"]) != record]
    assert own
    for statement in own:
        line = next(line for line in text.splitlines() if statement["sources"][0] in line)
        assert all(url in line for url in statement["sources"])


def test_the_reported_fine_is_not_under_sources_that_do_not_carry_it() -> None:
    part2 = RU.provision("ru-uk-322.1-2")
    text = summarize(part2, locale="en", detail="full", dataset=RU)
    (fine,) = [line for line in text.splitlines() if "1,000,000 rubles" in line]
    body = part2.latest().body
    addition = body.sanction.alternatives[0].additions[0]  # type: ignore[attr-defined]
    assert addition.provenance is not None
    for src in addition.provenance.sources:
        assert src.url in fine
