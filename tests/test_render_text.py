"""The small text helpers of the writer, checked against what they replace."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from lawsummary.i18n import SUPPORTED_LOCALES, language
from lawsummary.render.writer import _single, html_escape, tidy

_tidy, _html_escape = tidy, html_escape

# The loop the tidying was once written as, for a second opinion on the expression.


def _tidy_loop(text: str) -> str:
    i = text.find("..")
    parts: list[str] = []
    start = 0
    while i >= 0:
        before = text[i - 1] if i > 0 else ""
        if (before.isalnum() or before == "_") and text[i + 2 : i + 3] != ".":
            parts.append(text[start : i + 1])
            start = i + 2
            i = text.find("..", start)
        else:
            i = text.find("..", i + 1)
    parts.append(text[start:])
    return "".join(parts)


_TEXTS = st.text(alphabet="a.Z_ 1г.…-<>&\"'", max_size=24)


@given(_TEXTS)
def test_tidy_keeps_one_stop_after_an_abbreviation_as_the_loop_did(text: str) -> None:
    assert _tidy(text) == _tidy_loop(text)


def test_tidy_examples() -> None:
    assert _tidy("с 9 ноября 2024 г..") == "с 9 ноября 2024 г."
    assert _tidy("Wait...") == "Wait..."
    assert _tidy("..start") == "..start"
    assert _tidy("a.. b.. c") == "a. b. c"


@given(_TEXTS)
def test_html_escape_is_the_standard_one(text: str) -> None:
    assert _html_escape(text) == html.escape(text, quote=True)


def test_a_shared_message_keeps_its_fallback_languages_when_written_again() -> None:
    from lawsummary.explain.values import Explanation, Role, Statement, Text, msg
    from lawsummary.records.common import LocalizedText
    from lawsummary.render import render_statements

    only_english = Text(LocalizedText.of(en="Only in English"), "$.title")
    statement = Statement(Role.SENTENCE, msg("{text}", text=only_english), shared=True)
    explanation = Explanation("test", (statement, statement), "short")
    first, again = render_statements(explanation, "ru")
    assert first.fallbacks == again.fallbacks == ("en",)
    assert first.text == again.text
    assert "Only in English" in first.text


def test_a_message_with_one_placeholder_fills_by_joining_as_format_would() -> None:
    keys = list(language("ru").messages)  # (context, message) of every catalog message
    assert len(keys) > 100
    split = 0
    for code in SUPPORTED_LOCALES:
        lang = language(code)
        for context, key in keys:
            for template in (lang.gettext(key, context), key):
                single = _single(template)
                # {name.form} (i18n.Formed) is filled by format, never split.
                fields = re.findall(r"\{(\w*)\}", template)
                forms = re.findall(r"\{\w+\.\w+\}", template)
                if single is None:
                    assert len(fields) != 1 or forms or "{{" in template or "}}" in template
                    continue
                split += 1
                name, before, after = single
                assert fields == [name]
                assert not forms
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
