"""The small text helpers of the writer, checked against what they replace."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from lawsummary import datasets, explain, render
from lawsummary.i18n import SUPPORTED_LOCALES, language, review
from lawsummary.render import _blocks, _html_escape, _plain_text, _text, _tidy

# The regular expression the tidying was first written with.
_DOUBLE_STOP = re.compile(r"(?<=\w)\.\.(?!\.)")

_TEXTS = st.text(alphabet="a.Z_ 1г.…-<>&\"'", max_size=24)


@given(_TEXTS)
def test_tidy_keeps_one_stop_after_an_abbreviation_as_the_pattern_did(text: str) -> None:
    assert _tidy(text) == _DOUBLE_STOP.sub(".", text)


def test_tidy_examples() -> None:
    assert _tidy("с 9 ноября 2024 г..") == "с 9 ноября 2024 г."
    assert _tidy("Wait...") == "Wait..."
    assert _tidy("..start") == "..start"
    assert _tidy("a.. b.. c") == "a. b. c"


@given(_TEXTS)
def test_html_escape_is_the_standard_one(text: str) -> None:
    assert _html_escape(text) == html.escape(text, quote=True)


def test_plain_text_in_one_pass_is_the_text_of_the_blocks() -> None:
    ds = datasets.load("ru-migration-2024")
    subjects = [ds, *ds.provisions, *ds.acts]
    for locale in SUPPORTED_LOCALES:
        lang = language(locale)
        for subject in subjects:
            for detail in ("short", "full"):
                explanation = explain(subject, detail=detail, dataset=ds)
                expected = _text(_blocks(explanation, lang, "plain"))
                assert _plain_text(explanation, lang) == expected
                assert render(explanation, locale=locale) == review.mark(
                    expected, lang, "text", False
                )


def test_a_table_and_a_comparison_in_plain_text_are_the_text_of_the_blocks() -> None:
    from lawsummary.compare import compare, compare_many

    ds = datasets.load("ru-migration-2024")
    offences = [p for p in ds.provisions if p.kind == "offence"]
    provision = next(p for p in offences if len(p.versions) > 1)
    subjects = [
        compare_many(offences[:3], dataset=ds),
        compare(provision.versions[0], provision.versions[-1], dataset=ds),
    ]
    for locale in SUPPORTED_LOCALES:
        lang = language(locale)
        for subject in subjects:
            explanation = explain(subject, dataset=ds)
            assert _plain_text(explanation, lang) == _text(_blocks(explanation, lang, "plain"))


def test_a_shared_message_keeps_its_fallback_languages_when_written_again() -> None:
    from lawsummary.explain.values import Explanation, Role, Statement, Text, msg, shared
    from lawsummary.records.common import LocalizedText
    from lawsummary.render import render_statements

    only_english = Text(LocalizedText.of(en="Only in English"), "$.title")
    statement = Statement(Role.SENTENCE, shared(msg("{text}", text=only_english)))
    explanation = Explanation("test", (statement, statement), "short")
    first, again = render_statements(explanation, "ru")
    assert first.fallbacks == again.fallbacks == ("en",)
    assert first.text == again.text
    assert "Only in English" in first.text


def test_a_message_with_one_placeholder_fills_by_joining_as_format_would() -> None:
    from lawsummary.render import _single

    keys = list(language("ru").messages)  # (context, message) of every catalog message
    assert len(keys) > 100
    split = 0
    for code in SUPPORTED_LOCALES:
        lang = language(code)
        for context, key in keys:
            for template in (lang.gettext(key, context), key):
                single = _single(template)
                # {name:form} (i18n.Formed) is filled by format, never split.
                fields = re.findall(r"\{(\w*)\}", template)
                if single is None:
                    assert len(fields) != 1 or "{{" in template or "}}" in template
                    continue
                split += 1
                name, before, after = single
                assert fields == [name]
                assert before + "<v>" + after == template.format_map({name: "<v>"})
    assert split > 100
    assert _single("{a} and {b}") is None
    assert _single("{{literal}} {a}") is None
    assert _single("before {a} after") == ("a", "before ", " after")


def test_a_list_of_one_is_that_one_in_every_locale_and_style() -> None:
    for code in SUPPORTED_LOCALES:
        lang = language(code)
        for style in ("standard", "or"):
            assert lang.join(["одна штрафная сумма"], style=style) == "одна штрафная сумма"
            assert lang._join(["x y"], style) == "x y"
