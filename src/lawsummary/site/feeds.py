"""Atom feeds (RFC 4287) and JSON Feeds (1.1) of a dataset's changes of effect, per locale.

Each entry is one change of effect (see :mod:`lawsummary.site.story`): titled with the
provision's heading and the overall direction in the feed's language, dated with the date
of effect, with the direction and the grade as categories, a link to the change on the
provision's page and the comparison's summary as its content. Nothing depends on the time
of the build: an entry's ``updated`` is its date of effect (or, where that is not
established, the latest date in the data), and the feed's is the latest of its entries.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

import attrs

from lawsummary.compare import Direction
from lawsummary.i18n import Language
from lawsummary.records.common import PartialDate, Status
from lawsummary.records.dataset import Dataset
from lawsummary.render import summarize
from lawsummary.site.html import embed, first_heading, localized, strip_tags
from lawsummary.site.story import ChangeOfEffect, change_label, latest_date

__all__ = ["JSON_FEED_VERSION", "atom", "direction_word", "grade_word", "json_feed"]

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


@attrs.frozen
class _Entry:
    """One change of effect as both feeds give it."""

    change: ChangeOfEffect
    day: dt.date
    title: str
    target: str
    direction_label: str | None
    grade_label: str | None
    summary: str
    content: str


def _entries(ds: Dataset, story: Sequence[ChangeOfEffect], lang: Language) -> list[_Entry]:
    code = lang.code
    fallback = _fallback_day(ds)
    entries = []
    for change in story:
        provision = change.provision
        day = change.date.earliest() if isinstance(change.date, PartialDate) else fallback
        heading = strip_tags(
            first_heading(summarize(provision, locale=code, format="html", dataset=ds))
        )
        marks = []
        direction_label = None
        if change.direction is not None:
            word = lang.gettext(direction_word(change.direction))
            marks.append(word)
            direction_label = word.strip("()")
        grade = grade_word(change.status)
        if grade is not None:
            marks.append(lang.gettext(grade))
        grade_label = None
        if change.status is not None:
            grade_label = lang.gettext(grade).strip("()") if grade else lang.gettext("confirmed")
        content = embed(
            summarize(change.comparison, locale=code, format="html", dataset=ds),
            2,
            drop_title=True,
        )
        entries.append(
            _Entry(
                change=change,
                day=day,
                title=" ".join([heading, *marks]),
                target=f"{code}/{provision.id}/#{change.anchor}",
                direction_label=direction_label,
                grade_label=grade_label,
                summary=change_label(lang, change),
                content=content,
            )
        )
    return entries


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

    title = strip_tags(localized(ds.title, code))
    sub(feed, "title", lang.gettext("What changed") + ": " + title)
    sub(feed, "subtitle", site_title)
    sub(feed, "id", _ident(ds, code, base_url, f"{page}feed.atom", "feed"))
    sub(feed, "link", rel="self", type="application/atom+xml", href=where(f"{page}feed.atom"))
    sub(feed, "link", rel="alternate", type="text/html", href=where(page))
    author = sub(feed, "author")
    sub(author, "name", title)
    sub(feed, "generator", "lawsummary")
    entries = []
    for found in _entries(ds, story, lang):
        change = found.change
        entry = ET.Element(f"{{{ATOM}}}entry")
        sub(entry, "title", found.title)
        sub(
            entry,
            "id",
            _ident(ds, code, base_url, found.target, change.provision.id, change.anchor),
        )
        sub(entry, "updated", _stamp(found.day))
        if isinstance(change.date, PartialDate):
            sub(entry, "published", _stamp(found.day))
        sub(entry, "link", rel="alternate", type="text/html", href=where(found.target))
        if change.direction is not None and found.direction_label is not None:
            sub(
                entry,
                "category",
                term=change.direction.value,
                scheme=DIRECTION_SCHEME,
                label=found.direction_label,
            )
        if change.status is not None and found.grade_label is not None:
            sub(
                entry,
                "category",
                term=change.status.value,
                scheme=GRADE_SCHEME,
                label=found.grade_label,
            )
        sub(entry, "summary", found.summary, type="text")
        sub(entry, "content", found.content, type="html")
        entries.append((found.day, entry))
    newest = max((day for day, _ in entries), default=_fallback_day(ds))
    updated = ET.Element(f"{{{ATOM}}}updated")
    updated.text = _stamp(newest)
    feed.insert(3, updated)
    for _, entry in entries:
        feed.append(entry)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _ident(ds: Dataset, code: str, base_url: str | None, target: str, *parts: str) -> str:
    if base_url:
        return base_url + target
    return "urn:x-lawsummary:" + ":".join((code, ds.id, *parts))


#: The version of the JSON Feed specification the feeds follow.
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def json_feed(
    ds: Dataset,
    story: Sequence[ChangeOfEffect],
    lang: Language,
    *,
    site_title: str,
    base_url: str | None = None,
) -> str:
    """The JSON Feed (version 1.1) of ``story`` in ``lang``: the Atom feed's entries.

    Each item has the Atom entry's id, title, link, date of effect (``date_published``
    where it is established; ``date_modified`` always), summary and HTML content; the
    direction and grade are its ``tags`` (in the feed's language) and, as codes, its
    ``_lawsummary`` extension (``{"direction": "harsher", "grade": "reported"}``).
    JSON Feed wants absolute URLs, so ``home_page_url``, ``feed_url`` and the items'
    ``url`` are given only with ``base_url``; the items' ``external_url`` is not used.
    """
    code = lang.code
    page = f"{code}/{ds.id}/"
    title = strip_tags(localized(ds.title, code))
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": lang.gettext("What changed") + ": " + title,
        "description": site_title,
        "language": code,
        "authors": [{"name": title}],
    }
    if base_url:
        feed["home_page_url"] = base_url + page
        feed["feed_url"] = base_url + page + "feed.json"
    items = []
    for found in _entries(ds, story, lang):
        change = found.change
        item: dict[str, Any] = {
            "id": _ident(ds, code, base_url, found.target, change.provision.id, change.anchor),
            "title": found.title,
            "summary": found.summary,
            "content_html": found.content,
        }
        if base_url:
            item["url"] = base_url + found.target
        if isinstance(change.date, PartialDate):
            item["date_published"] = _stamp(found.day)
        item["date_modified"] = _stamp(found.day)
        tags = [t for t in (found.direction_label, found.grade_label) if t]
        if tags:
            item["tags"] = tags
        item["_lawsummary"] = {
            "provision": change.provision.id,
            "anchor": change.anchor,
            "direction": change.direction.value if change.direction is not None else None,
            "grade": change.status.value if change.status is not None else None,
        }
        items.append(item)
    feed["items"] = items
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
