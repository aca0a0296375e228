"""The glossary of statute terms (locale/glossary.toml) holds for every catalog and text."""

from __future__ import annotations

import re

import pytest

from lawsummary import datasets
from lawsummary.i18n import SUPPORTED_LOCALES, LocaleDataError, language
from lawsummary.i18n.glossary import concepts, parse, problems
from lawsummary.records import LocalizedText
from lawsummary.records.walk import walk

TRANSLATED = [c for c in SUPPORTED_LOCALES if c != "en"]


def _catalog_pairs(code: str) -> list[tuple[str, str]]:
    return [(msgid, text) for (_, msgid), text in language(code).messages.items()]


def _data_texts() -> list[LocalizedText]:
    return [r for _, r in walk(datasets.load("ru-migration-2024")) if isinstance(r, LocalizedText)]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalog_uses_the_statute_terms(code: str) -> None:
    assert problems(code, _catalog_pairs(code)) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_data_texts_use_the_statute_terms(code: str) -> None:
    pairs = [(t.get("en") or "", t.get(code) or "") for t in _data_texts() if t.get(code)]
    assert pairs
    assert problems(code, pairs) == []


def test_every_concept_is_named_somewhere() -> None:
    """A concept no English text names would check nothing."""
    english = [m for (_, m) in language("ru").messages]
    english += [t.get("en") or "" for t in _data_texts()]
    for concept in concepts():
        assert any(concept.named_in(e) for e in english), concept.id


def test_a_wrong_term_is_caught() -> None:
    found = problems("ky", [("prison for {term}", "{term} эркинен ажыратуу")])
    assert len(found) == 2
    assert "needs 'эркиндигинен ажыратуу'" in found[0]
    assert "uses 'эркинен ажыратуу'" in found[1]
    assert problems("kk", [("a crime of medium gravity", "орташа ауырлықтағы қылмыс")])
    assert problems("kk", [("x", "сотталушының табысы")])  # a wrong form anywhere
    # A locale the glossary marks "not found" is left as it is.
    assert problems("kk", [("unpaid community work for {term}", "{term} міндетті жұмыстар")]) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[concept]]\nid = 'x'\nenglish = '('\n", "concept 'x' english: not a regular expression"),
        (
            "[[concept]]\nid = 'x'\nenglish = 'x'\n[concept.terms.kk]\nterm = 'y'\n"
            "confidence = 'L'\nsource = 'z'\n",
            "concept 'x', kk: confidence is H or M",
        ),
        ("", "the file: no [[concept]]"),
        ("[[concept]\n", "not valid TOML"),
    ],
)
def test_a_broken_glossary_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(LocaleDataError, match=re.escape(message)):
        parse(text)
