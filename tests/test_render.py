"""summarize() and render(): every record kind, locale and format; escaping; fallbacks."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import attrs
import pytest

from lawsummary import LawSummaryError, UnsupportedFormatError, datasets, explain, summarize
from lawsummary.i18n import SUPPORTED_LOCALES, language
from lawsummary.records import (
    Dataset,
    LocalizedText,
    Offence,
    Provenance,
    Source,
    Status,
)
from lawsummary.render import FORMATS
from lawsummary.render.readability import readability

DATASET = datasets.load("ru-migration-2024")


def records() -> dict[str, object]:
    part3 = DATASET.provision("ru-uk-322.1-3")
    found: dict[str, object] = {
        "dataset": DATASET,
        "dataset as of 2025-01-01": DATASET.as_of(dt.date(2025, 1, 1)),
        "provision": part3,
        "version": part3.latest(),
        "sanction": part3.latest().body.sanction,  # type: ignore[attr-defined]
        "act": DATASET.act("ru-fz-2024-383"),
    }
    for provision in DATASET.provisions:  # one body of every kind
        found.setdefault(provision.kind, provision.latest().body)
    return found


RECORDS = records()


def test_every_kind_is_covered() -> None:
    assert {
        "offence",
        "confiscation",
        "aggravating_circumstance",
        "crime_categories",
        "exam_rule",
        "patent_cost",
        "activity_bans",
        "measure",
    } <= set(RECORDS)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_record_locale_and_format(name: str, locale: str, fmt: str) -> None:
    out = summarize(RECORDS[name], locale=locale, format=fmt, dataset=DATASET)
    assert out.endswith("\n")
    assert "{" not in out.replace("{\n", "").replace("{}", "") or fmt == "json"
    if fmt == "json":
        document = json.loads(out)
        assert document["locale"] == locale
        assert document["statements"]
        for statement in document["statements"]:
            assert statement["text"]
            assert isinstance(statement["trace"], list)
    if fmt == "html":
        assert out.startswith(f'<article lang="{locale}">')


def hostile_offence() -> Offence:
    body = DATASET.provision("ru-uk-322.1-3").latest().body
    assert isinstance(body, Offence)
    return attrs.evolve(
        body,
        title=LocalizedText.of(en="<script>alert(1)</script>", ru="<b>*жирный*</b> & [ссылка](x)"),
        provenance=Provenance(
            status=Status.REPORTED, sources=(Source("https://example.org/?a=1&b='x'"),)
        ),
    )


def test_html_escapes_everything_from_records() -> None:
    out = summarize(hostile_offence(), locale="en", format="html", detail="full", dataset=DATASET)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'href="https://example.org/?a=1&amp;b=&#x27;x&#x27;"' in out
    ru = summarize(hostile_offence(), locale="ru", format="html", dataset=DATASET)
    assert "<b>" not in ru
    assert "&lt;b&gt;*жирный*&lt;/b&gt; &amp; [ссылка](x)" in ru


def test_markdown_escapes_record_text() -> None:
    out = summarize(hostile_offence(), locale="ru", format="markdown", dataset=DATASET)
    assert "\\<b\\>\\*жирный\\*\\</b\\> & \\[ссылка\\](x)" in out
    assert out.startswith("## ")


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("locale", ["ru", "uz"])
def test_standalone_page(locale: str) -> None:
    page = summarize(DATASET, locale=locale, format="html", standalone=True)
    assert page.startswith("<!DOCTYPE html>\n")
    tree = _Tree()
    tree.feed(page)
    tags = [t for t, _ in tree.tags]
    assert tags[:4] == ["html", "head", "meta", "meta"]
    assert dict(tree.tags)["html"] == {"lang": locale}
    assert "title" in tags
    assert "h1" in tags
    assert "article" in tags
    assert "<link" not in page
    assert "<script" not in page
    assert "src=" not in page
    with pytest.raises(LawSummaryError, match="standalone=True needs format='html'"):
        summarize(DATASET, locale=locale, format="text", standalone=True)


def test_fallback_text_is_marked() -> None:
    english_only = attrs.evolve(hostile_offence(), title=LocalizedText.of(en="Only in English"))
    text = summarize(english_only, locale="ru", dataset=DATASET)
    assert "Only in English (язык: английский; перевода в данных нет)" in text
    html = summarize(english_only, locale="ru", format="html", dataset=DATASET)
    assert '<span lang="en">Only in English</span>' in html
    document = json.loads(summarize(english_only, locale="kk", format="json", dataset=DATASET))
    assert document["statements"][0]["fallbacks"] == ["en"]


def test_bundled_titles_need_no_fallback() -> None:
    for locale in SUPPORTED_LOCALES:
        document = json.loads(summarize(DATASET, locale=locale, format="json"))
        headings = [s for s in document["statements"] if s["role"] in ("title", "heading")]
        assert headings
        assert all(not s["fallbacks"] for s in headings), locale


def test_plain_language_promises() -> None:
    en = summarize(DATASET.provision("ru-uk-322.1-3"), locale="en", dataset=DATASET)
    assert en.startswith("Criminal Code of Russia, art. 322.1(3): Organising illegal migration\n")
    assert "Reported: the statute text was not available" in en
    assert "This is an especially grave crime: the most serious of the four categories" in en
    assert "the sources do not say whether the court must impose it" in en
    ru = summarize(DATASET.provision("ru-uk-322.1-3"), locale="ru", dataset=DATASET)
    assert ru.startswith("Ч. 3 ст. 322.1 УК РФ: Организация незаконной миграции\n")
    assert "лишение свободы на срок от 8 до 15 лет" in ru
    part2 = summarize(DATASET.provision("ru-uk-322.1-2"), locale="en", dataset=DATASET)
    assert "a fine of up to 1,000,000 rubles; the sources do not say" in part2
    assert "(reported)" in part2  # the fine is reported while the prison term is confirmed
    old = summarize(DATASET.provision("ru-uk-322.1-1").versions[0], locale="en", dataset=DATASET)
    assert "- a fine of up to 200,000 rubles; or\n" in old


def test_categories_are_explained_once_per_summary() -> None:
    text = summarize(DATASET, locale="en")
    assert text.count("a crime of medium gravity: the second of the four categories") == 1
    assert "This is a crime of medium gravity." in text


def test_detail_full_adds_sources_and_open_questions() -> None:
    part3 = DATASET.provision("ru-uk-322.1-3")
    short = summarize(part3, locale="en", dataset=DATASET)
    full = summarize(part3, locale="en", detail="full", dataset=DATASET)
    assert "Sources:" not in short
    assert "Sources: https://forbes.ru/" in full
    assert "Some points are not established" in short
    assert "Not established: Whether the fine and the deprivation" in full


def test_errors() -> None:
    with pytest.raises(UnsupportedFormatError, match="use one of: text, markdown, html, json"):
        summarize(DATASET, locale="en", format="pdf")
    with pytest.raises(LawSummaryError, match="unknown detail 'long'"):
        summarize(DATASET, locale="en", detail="long")  # type: ignore[arg-type]
    with pytest.raises(LawSummaryError, match="cannot summarise a int"):
        summarize(42, locale="en")


def test_statements_carry_traces_and_sources() -> None:
    explanation = explain(DATASET.provision("ru-uk-322.1-2"), dataset=DATASET)
    punishment = next(
        s for s in explanation.statements if s.message.key == "Punishment: {penalty}."
    )
    assert punishment.trace == (
        "$.versions[3].body.sanction.alternatives[0].penalty.term",
        "$.versions[3].body.sanction.alternatives[0].provenance.status",
    )
    assert punishment.status is Status.CONFIRMED
    assert [s.url for s in punishment.sources] == [
        "https://epp.genproc.gov.ru/web/proc_59/activity/legal-education/explain?item=102681537"
    ]


def test_output_is_the_same_under_any_hash_seed() -> None:
    code = (
        "import sys, lawsummary as l;"
        "ds = l.datasets.load('ru-migration-2024');"
        "sys.stdout.write(l.summarize(ds, locale='ky', format='json'))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("0", "1", "4242")
    }
    assert len(outputs) == 1


def test_as_of_summary_marks_uncertain_versions() -> None:
    text = summarize(DATASET.as_of(dt.date(2025, 1, 1)), locale="en")
    assert text.startswith("Russia's 2024 laws against illegal migration\n")
    assert "The law as of January 1, 2025." in text
    assert "The data cannot say whether this applied on January 1, 2025." in text


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_readability_thresholds(locale: str) -> None:
    """The documented thresholds (README, "Plain language") hold for the short summary of
    every provision: the check data maintainers run (``lawsummary.testing``)."""
    from lawsummary.testing import DEFAULT_THRESHOLDS, assert_readable

    assert DEFAULT_THRESHOLDS.max_words_per_sentence == 16
    assert DEFAULT_THRESHOLDS.min_reading_ease == {"en": 40.0, "ru": 15.0}
    for provision in DATASET.provisions:
        assert readability(summarize(provision, locale=locale, dataset=DATASET), locale).sentences
        assert_readable(provision, locales=locale, dataset=DATASET)


def test_readability_counts() -> None:
    report = readability(
        "Title\n=====\nPrison for up to 5 years. The court may also impose a fine.\n", "en"
    )
    assert (report.sentences, report.words) == (2, 12)
    assert report.long_words == 0
    assert report.reading_ease is not None
    assert report.reading_ease > 70
    assert readability("", "uz").reading_ease is None
    assert json.loads(summarize(DATASET, locale="ru", format="json"))["readability"]["words"] > 100


def test_dataset_summary_is_the_main_job() -> None:
    assert isinstance(DATASET, Dataset)
    text = summarize(DATASET, locale="en")
    assert all(f"art. 322.1({part})" in text for part in "123")


def test_a_body_heading_alone_is_the_heading_its_statements_start_with() -> None:
    """Comparisons take a body's heading alone (``body_heading``); it must be the one the
    body's own statements start with, for every kind, known or not."""
    from typing import ClassVar

    import attrs

    from lawsummary import datasets
    from lawsummary.explain.bodies import body_heading, other_body_statements
    from lawsummary.explain.values import _Context
    from lawsummary.records.provisions import Body

    @attrs.frozen
    class Unexplained(Body):
        kind: ClassVar[str] = "unexplained"

    ds = datasets.load("ru-migration-2024")
    bodies: list[Body] = [v.body for p in ds.provisions for v in p.versions]
    bodies.append(Unexplained())
    kinds = set()
    for body in bodies:
        first = next(iter(other_body_statements(body, "$", _Context("short", ds))))
        assert body_heading(body, "$", _Context("short", ds)) == first
        kinds.add(type(body))
    assert len(kinds) >= 8
    assert body_heading(Unexplained(), "$", _Context("short", ds)).message.key == (
        "A provision of the kind {kind}"
    )


def test_json_readability_is_that_of_the_plain_text() -> None:
    """The JSON output measures the text it would write as plain text (from the same
    written statements, not written again)."""
    from lawsummary.compare import compare_many

    pair = [DATASET.provision("ru-uk-322.1-1"), DATASET.provision("ru-uk-322.2")]
    table = compare_many(pair, dataset=DATASET)
    for obj in (DATASET, DATASET.provision("ru-uk-322.1-3"), table):
        for locale in ("ru", "ky"):
            document = json.loads(summarize(obj, locale=locale, format="json", dataset=DATASET))
            text = summarize(obj, locale=locale, dataset=DATASET)
            # The review-status notice is added after the statements are measured.
            text = text.removesuffix(f"\n{language(locale).review_notice}\n")
            assert document["readability"] == attrs.asdict(readability(text, locale))
