"""A readability report for a summary: sentence length, long words and a reading-ease score.

The score is Flesch reading ease for English and Oborneva's adaptation of it for
Russian (206.835 - 1.3 x words per sentence - 60.1 x syllables per word). For the
other languages only the counts are given: no validated formula exists here for
them. The counts read the plain-text summary and skip headings and list lead-ins.
"""

from __future__ import annotations

import re

import attrs

from lawsummary._classes import shared_methods

__all__ = ["LONG_WORD", "Readability", "readability"]

#: A word of this many letters or more counts as long (the LIX measure's threshold).
LONG_WORD = 7

_WORD = re.compile(r"[^\W\d_]+(?:[-’'‘][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_URL = re.compile(r"https?://\S+")
_VOWELS = {
    "en": "aeiouy",
    "ru": "аеёиоуыэюя",
}


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Readability:
    """Counts and scores for one summary."""

    sentences: int
    words: int
    long_words: int
    words_per_sentence: float
    long_word_share: float
    #: Flesch reading ease (en) or Oborneva's index (ru); ``None`` for other languages.
    reading_ease: float | None


def _syllables(word: str, lang: str) -> int:
    vowels = _VOWELS[lang]
    word = word.lower()
    if lang == "en":
        groups = re.findall(f"[{vowels}]+", word)
        count = len(groups)
        if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
            count -= 1
        return max(count, 1)
    return max(sum(1 for ch in word if ch in vowels), 1)


def readability(text: str, lang: str) -> Readability:
    """Measure a plain-text summary in language ``lang``.

    Lines that do not end a sentence (headings, "Punishment: one of the
    following." lead-ins are sentences; titles and list items without a full stop
    are not) are left out, and so are web addresses.
    """
    sentences = 0
    words: list[str] = []
    for raw in text.splitlines():
        line = _URL.sub("", raw.lstrip("- ").strip())
        if not line or set(line) == {"="}:
            continue
        count = len(_SENTENCE_END.findall(line + " "))
        if count == 0:
            continue  # a heading or a list item without a full stop
        sentences += count
        words.extend(_WORD.findall(line))
    if not words or not sentences:
        return Readability(0, 0, 0, 0.0, 0.0, None)
    long_words = sum(1 for w in words if len(w) >= LONG_WORD)
    per_sentence = len(words) / sentences
    ease: float | None = None
    if lang in _VOWELS:
        per_word = sum(_syllables(w, lang) for w in words) / len(words)
        if lang == "en":
            ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
        else:
            ease = 206.835 - 1.3 * per_sentence - 60.1 * per_word
    return Readability(
        sentences=sentences,
        words=len(words),
        long_words=long_words,
        words_per_sentence=round(per_sentence, 2),
        long_word_share=round(long_words / len(words), 3),
        reading_ease=None if ease is None else round(ease, 1),
    )
