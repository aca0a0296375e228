"""Small, tested transformations of the HTML fragments ``summarize(..., format="html")`` writes.

The fragments escape everything that comes from a record, so the only tags in them are
the renderer's own (``article``, ``h1``-``h6``, ``p``, ``ul``, ``li``, ``table`` and its
parts, ``span lang``, ``a``). These functions only move heading levels, mark the grade and
direction words the renderer writes, and put tables in a box that scrolls on its own.
"""

from __future__ import annotations

import html
import re

from lawsummary.i18n import FALLBACKS, Language
from lawsummary.records.common import LocalizedText

__all__ = [
    "boxed_tables",
    "embed",
    "first_heading",
    "localized",
    "mark_flags",
    "plain",
    "strip_tags",
]

_HEADING = re.compile(r"<(/?)h([1-6])\b")
_FIRST_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>\n?", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")

#: The renderer's marks (catalog messages) and the class each gets on the site.
FLAGS: tuple[tuple[str, str], ...] = (
    ("(reported)", "ls-grade ls-grade-reported"),
    ("(unconfirmed)", "ls-grade ls-grade-unconfirmed"),
    ("(harsher)", "ls-direction ls-direction-harsher"),
    ("(more lenient)", "ls-direction ls-direction-more-lenient"),
    ("(mixed)", "ls-direction ls-direction-mixed"),
    ("(direction unclear)", "ls-direction ls-direction-unclear"),
)


def embed(fragment: str, level: int, *, drop_title: bool = False) -> str:
    """The fragment with its top heading at ``level`` (and the others below it).

    ``drop_title`` removes the fragment's first heading (a title the page already shows).
    """
    if drop_title:
        fragment = _FIRST_HEADING.sub("", fragment, count=1)
    levels = [int(m.group(2)) for m in _HEADING.finditer(fragment)]
    if not levels:
        return fragment
    shift = level - min(levels)

    def move(match: re.Match[str]) -> str:
        new = min(6, int(match.group(2)) + shift)
        return f"<{match.group(1)}h{new}"

    return _HEADING.sub(move, fragment)


def first_heading(fragment: str) -> str:
    """The HTML inside the fragment's first heading ("" when it has none)."""
    match = _FIRST_HEADING.search(fragment)
    if match is None:
        return ""
    inner = match.group(0)
    return inner[inner.index(">") + 1 : inner.rindex("</h")]


def strip_tags(fragment: str) -> str:
    """The text of an HTML fragment, unescaped."""
    return html.unescape(_TAG.sub("", fragment))


def plain(fragment: str) -> str:
    """The text of an HTML fragment, escaped again for an attribute or ``<title>``."""
    return html.escape(" ".join(strip_tags(fragment).split()), quote=True)


def mark_flags(fragment: str, lang: Language) -> str:
    """Wrap the renderer's grade and direction marks in spans a stylesheet can mark.

    The words stay as they are (the mark is text, not only colour); the spans add classes.
    """
    for message, css in FLAGS:
        word = html.escape(lang.gettext(message), quote=True)
        fragment = fragment.replace(word, f'<span class="{css}">{word}</span>')
    return fragment


def boxed_tables(fragment: str, label: str) -> str:
    """Put each table in a labelled box that scrolls sideways by itself (and by keyboard)."""
    box = f'<div class="ls-table" role="region" tabindex="0" aria-label="{label}">'
    return fragment.replace("<table>", box + "<table>").replace("</table>", "</table></div>")


def localized(value: LocalizedText | None, code: str) -> str:
    """A record's text in ``code`` as HTML, or its fallback marked with its language."""
    if value is None:
        return ""
    for lang in (code, *FALLBACKS[code]):
        found = value.get(lang)
        if found is not None:
            escaped = html.escape(found, quote=True)
            return escaped if lang == code else f'<span lang="{lang}">{escaped}</span>'
    first_lang, first = value.entries[0]
    return f'<span lang="{first_lang}">{html.escape(first, quote=True)}</span>'
