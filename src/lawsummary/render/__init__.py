"""How to say it: statements in one locale and one output format.

:func:`summarize` is the whole pipeline (explain, then render), with a memo of recent
summaries. :func:`render` realises an :class:`~lawsummary.explain.Explanation` in a
locale and a format: ``text``, ``markdown``, ``html`` (a fragment, or a standalone
page) or ``json`` (the statements with their traces); a comparison table
(``compare_many``) also as ``csv`` (:data:`TABLE_FORMATS`).

The package by role: :mod:`lawsummary.render.writer` writes values, messages and
statements (and keeps each locale's templates); :mod:`lawsummary.render.formats` lays
written statements out, one function per format in :data:`FORMATS`, which the command
line reads; this module holds :func:`render`, :func:`summarize` and the memo.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

from lawsummary.errors import LawSummaryError
from lawsummary.explain import Detail, Explanation, explain
from lawsummary.i18n import FALLBACKS, SUPPORTED_LOCALES, Language, language, review
from lawsummary.records.dataset import Dataset
from lawsummary.render.formats import (
    FORMATS,
    LEVELLED_FORMATS,
    TABLE_FORMATS,
    check_heading_level,
    format_writer,
    output_format,
    page,
    render_statements,
)
from lawsummary.render.writer import RenderedStatement, Writer
from lawsummary.rules import CHANGES

__all__ = [
    "FORMATS",
    "TABLE_FORMATS",
    "RenderedStatement",
    "Writer",
    "clear_memo",
    "output_format",
    "render",
    "render_statements",
    "summarize",
]

#: The name the writer had before the package was split (kept for callers of it).
_Writer = Writer


def render(
    explanation: Explanation,
    *,
    locale: str,
    format: str = "text",
    standalone: bool = False,
    heading_level: int | None = None,
) -> str:
    """Write an explanation in ``locale`` and ``format``; ``standalone`` makes a whole HTML page.

    ``heading_level`` (html and markdown) is the level of the summary's top heading, for
    embedding it in a page of one's own: ``3`` writes the title (or, without one, the
    first heading) as ``<h3>`` and the headings under a title as ``<h4>`` (never deeper
    than ``<h6>``). By default a title is ``<h1>`` and a heading ``<h2>``.
    """
    return _render(explanation, language(locale), format, standalone, heading_level)


def _render(
    explanation: Explanation,
    lang: Language,
    format: str,
    standalone: bool,
    heading_level: int | None = None,
) -> str:
    write = format_writer(format)
    if standalone and format != "html":
        raise LawSummaryError("standalone=True needs format='html'")
    if heading_level is not None:
        check_heading_level(heading_level, format)
        out = LEVELLED_FORMATS[format](explanation, lang, heading_level)
    else:
        out = write(explanation, lang)
    if standalone:
        out = page(explanation, lang, out)
    # The review-status notice (lawsummary.i18n.review), added to the finished output.
    return review.mark(out, lang, format, standalone)


_MEMO_SIZE = 512
_memo: OrderedDict[tuple[Any, ...], tuple[weakref.ref[Any], weakref.ref[Any] | None, str]] = (
    OrderedDict()
)
_memo_lock = threading.Lock()


def clear_memo(*, formatted: bool = False) -> None:
    """Forget the summaries kept for records summarised before (see :func:`summarize`).

    ``formatted=True`` also forgets the numbers, ranges, dates and lists each locale
    has formatted so far (kept by value, as a legal code repeats its figures).
    """
    with _memo_lock:
        _memo.clear()
    if formatted:
        for code in SUPPORTED_LOCALES:
            language(code).forget_formatted()


def summarize(
    obj: object,
    *,
    locale: str,
    format: str = "text",
    detail: Detail = "short",
    dataset: Dataset | None = None,
    standalone: bool = False,
    heading_level: int | None = None,
) -> str:
    """A plain-language summary of any record in one of the supported locales.

    ``locale`` is required (``"en"``, ``"ru"``, ``"uz"``, ``"ky"``, ``"tg"``, ``"kk"``;
    variants such as ``en_GB`` resolve to their language). ``detail="full"`` adds
    everything the record holds: descriptions, every open question, sources and
    dates. ``dataset`` supplies context for a record taken out of a dataset.
    ``standalone=True`` (html) writes a whole page; ``heading_level`` (html and
    markdown) puts the top heading at that level, for a fragment embedded in a page
    whose own headings come first (see :func:`render`).

    Records are immutable, so the last few hundred summaries are kept, by the
    identity of the record and its dataset: summarising the same record again (a
    web page, a batch) costs a look-up. :func:`clear_memo` forgets them.
    """
    lang = language(locale)  # fail early on a bad locale
    code = lang.code
    if heading_level is not None:
        check_heading_level(heading_level, format)  # fail before explaining
    # The registry's count of changes: a plug-in registered since changes the summary.
    key = (id(obj), id(dataset), code, format, detail, standalone, heading_level, CHANGES[0])
    with _memo_lock:
        hit = _memo.get(key)
        if hit is not None and hit[0]() is obj and (hit[1] is None or hit[1]() is dataset):
            _memo.move_to_end(key)
            return hit[2]
    explanation = explain(obj, detail=detail, dataset=dataset)
    text = _render(explanation, lang, format, standalone, heading_level)
    try:
        refs = (weakref.ref(obj), None if dataset is None else weakref.ref(dataset))
    except TypeError:  # not a record that can be kept track of: do not keep its summary
        return text
    with _memo_lock:
        _memo[key] = (*refs, text)
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return text


assert set(SUPPORTED_LOCALES) == set(FALLBACKS)
