"""Atom feeds (RFC 4287) of a dataset's changes of effect, one per locale.

Each entry is one change of effect (see :mod:`lawsummary.site.story`): titled with the
provision's heading and the overall direction in the feed's language, dated with the date
of effect, with the direction and the grade as categories, a link to the change on the
provision's page and the comparison's summary as its content. Nothing depends on the time
of the build: an entry's ``updated`` is its date of effect (or, where that is not
established, the latest date in the data), and the feed's is the latest of its entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from lawsummary.compare import Direction
from lawsummary.i18n import Language
from lawsummary.records.common import PartialDate, Status
from lawsummary.records.dataset import Dataset
from lawsummary.render import summarize
from lawsummary.site.html import embed, first_heading, localized, strip_tags
from lawsummary.site.story import ChangeOfEffect, change_label, latest_date

__all__ = ["atom", "direction_word", "grade_word"]

ATOM = "http://www.w3.org/2005/Atom"
#: The schemes of the entries' categories.
DIRECTION_SCHEME = "urn:x-lawsummary:direction"
GRADE_SCHEME = "urn:x-lawsummary:grade"

_DIRECTION_WORDS = {
    Direction.HARSHER: "(harsher)",
    Direction.MORE_LENIENT: "(more lenient)",
    Direction.MIXED: "(mixed)",
    Direction.UNCLEAR: "(direction unclear)",
}
_GRADE_WORDS = {Status.REPORTED: "(reported)", Status.UNCONFIRMED: "(unconfirmed)"}


def direction_word(direction: Direction) -> str:
    """The catalog message that marks a direction: "(harsher)"."""
    return _DIRECTION_WORDS[direction]


def grade_word(status: Status | None) -> str | None:
    """The catalog message that marks a grade ("(reported)"); None for confirmed facts."""
    return _GRADE_WORDS.get(status) if status is not None else None


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _fallback_day(ds: Dataset) -> dt.date:
    if ds.as_of_date is not None:
        return ds.as_of_date
    latest = latest_date(ds)
    return latest.latest() if latest is not None else dt.date(1970, 1, 1)


def atom(
    ds: Dataset,
    story: Sequence[ChangeOfEffect],
    lang: Language,
    *,
    site_title: str,
    base_url: str | None = None,
) -> str:
    """The Atom feed of ``story`` (a dataset's changes of effect) in ``lang``.

    Links are relative to the feed (``/<locale>/<dataset-id>/feed.atom``) unless
    ``base_url`` is given; ids are the absolute addresses with a base URL, otherwise
    ``urn:x-lawsummary:`` names built from the dataset, locale, provision and anchor.
    """
    code = lang.code
    ET.register_namespace("", ATOM)  # Atom as the default namespace (only its own URI)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": code})
    page = f"{code}/{ds.id}/"

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    def where(target: str) -> str:
        return base_url + target if base_url else "../../" + target

    def ident(*parts: str) -> str:
        if base_url:
            return base_url + parts[0]
        return "urn:x-lawsummary:" + ":".join((code, ds.id, *parts[1:]))

    title = strip_tags(localized(ds.title, code))
    sub(feed, "title", lang.gettext("What changed") + ": " + title)
    sub(feed, "subtitle", site_title)
    sub(feed, "id", ident(f"{page}feed.atom", "feed"))
    sub(feed, "link", rel="self", type="application/atom+xml", href=where(f"{page}feed.atom"))
    sub(feed, "link", rel="alternate", type="text/html", href=where(page))
    author = sub(feed, "author")
    sub(author, "name", title)
    sub(feed, "generator", "lawsummary")
    fallback = _fallback_day(ds)
    entries = []
    for change in story:
        provision = change.provision
        day = change.date.earliest() if isinstance(change.date, PartialDate) else fallback
        heading = strip_tags(
            first_heading(summarize(provision, locale=code, format="html", dataset=ds))
        )
        marks = []
        if change.direction is not None:
            marks.append(lang.gettext(direction_word(change.direction)))
        grade = grade_word(change.status)
        if grade is not None:
            marks.append(lang.gettext(grade))
        entry = ET.Element(f"{{{ATOM}}}entry")
        sub(entry, "title", " ".join([heading, *marks]))
        target = f"{code}/{provision.id}/#{change.anchor}"
        sub(entry, "id", ident(target, provision.id, change.anchor))
        sub(entry, "updated", _stamp(day))
        if isinstance(change.date, PartialDate):
            sub(entry, "published", _stamp(day))
        sub(entry, "link", rel="alternate", type="text/html", href=where(target))
        if change.direction is not None:
            sub(
                entry,
                "category",
                term=change.direction.value,
                scheme=DIRECTION_SCHEME,
                label=lang.gettext(direction_word(change.direction)).strip("()"),
            )
        if change.status is not None:
            sub(
                entry,
                "category",
                term=change.status.value,
                scheme=GRADE_SCHEME,
                label=lang.gettext(grade).strip("()") if grade else lang.gettext("confirmed"),
            )
        sub(entry, "summary", change_label(lang, change), type="text")
        content = embed(
            summarize(change.comparison, locale=code, format="html", dataset=ds),
            2,
            drop_title=True,
        )
        sub(entry, "content", content, type="html")
        entries.append((day, entry))
    newest = max((day for day, _ in entries), default=fallback)
    updated = ET.Element(f"{{{ATOM}}}updated")
    updated.text = _stamp(newest)
    feed.insert(3, updated)
    for _, entry in entries:
        feed.append(entry)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
