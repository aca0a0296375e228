"""Build the static site: pages per locale, provision and dataset, the stylesheet and feeds."""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import attrs

from lawsummary import _files
from lawsummary.compare import compare_many
from lawsummary.errors import LawSummaryError
from lawsummary.i18n import SUPPORTED_LOCALES, Language, language
from lawsummary.records.acts import Provision, Version
from lawsummary.records.common import PartialDate, Unknown
from lawsummary.records.dataset import Dataset
from lawsummary.records.provisions import Offence
from lawsummary.render import summarize
from lawsummary.site import feeds
from lawsummary.site.html import (
    boxed_tables,
    embed,
    first_heading,
    localized,
    mark_flags,
    plain,
)
from lawsummary.site.story import (
    ChangeOfEffect,
    change_label,
    changes_of_effect,
    latest_date,
    tidy,
    version_anchor,
)

__all__ = ["SiteError", "SiteOptions", "SiteReport", "build_site"]

N_ = str  # marks a message for the catalogs

_LANGUAGE = N_("Language")
_SITE_TITLE = N_("The law in plain language")
_CONTENTS = N_("Contents")
_VERSIONS = N_("Versions")
_LEGEND = N_("What the marks mean")
_CONFIRMED = N_("No mark: confirmed in the statute text or an official explanation.")
_LATEST_DATE = N_("Latest date in the data: {date}.")
_FEED = N_("Changes as an Atom feed")
_NOT_ADVICE = N_("This is not legal advice.")
_CONFIRMED_WORD = N_("confirmed")
_WHAT_CHANGED = "What changed"  # already in the catalog (lawsummary.explain)
_SIDE_BY_SIDE = "Side by side"
_REPORTED = (
    "Reported: the statute text was not available; this comes from news and secondary sources."
)
#: The legend's word for the grade: a record of it may cite sources that fall short.
_UNCONFIRMED = N_("Unconfirmed: no source found establishes this.")
_AS_OF = "The law as of {day}."

#: The list of the files a build wrote, kept in the output folder for the next build.
MANIFEST = ".lawsummary-site-files"
#: The page names every site uses besides the provision and dataset ids.
_RESERVED = frozenset({"index.html", "style.css", "portal.css", MANIFEST})


class SiteError(LawSummaryError, ValueError):
    """The site cannot be built as asked (clashing ids, a bad option, an unwritable folder)."""


@attrs.frozen(kw_only=True)
class SiteOptions:
    """How a portal adapts the site.

    ``css`` is a stylesheet of its own, copied to ``portal.css`` and linked after the
    site's ``style.css`` (so its rules win). ``header`` and ``footer`` are HTML fragments
    put at the top of ``<header class="ls-header">`` and the end of ``<footer
    class="ls-footer">`` of every page: they are the portal's own markup and are not
    escaped. ``base_url`` (``https://example.org/law/``) makes the feeds' links, the
    ``hreflang`` alternates and the JSON-LD addresses absolute. A dataset page puts its
    offences side by side in one table when it has 2 to ``table_limit`` of them (a table of
    a whole code would be unreadable).
    """

    locales: tuple[str, ...] = SUPPORTED_LOCALES
    css: str | None = None
    header: str | None = None
    footer: str | None = None
    base_url: str | None = None
    table_limit: int = 12

    def __attrs_post_init__(self) -> None:
        if not self.locales:
            raise SiteError("the site needs at least one locale")
        if self.table_limit < 0:
            raise SiteError(f"table_limit {self.table_limit}: write 0 (no tables) or more")
        if self.base_url is not None and not (
            self.base_url.startswith(("https://", "http://")) and self.base_url.endswith("/")
        ):
            raise SiteError(
                f"base URL {self.base_url!r}: write an absolute http(s) address ending in '/'"
            )


@attrs.frozen
class SiteReport:
    """What :func:`build_site` wrote: every file, relative to the output folder."""

    output: Path
    files: tuple[str, ...]

    @property
    def pages(self) -> tuple[str, ...]:
        return tuple(f for f in self.files if f.endswith(".html"))

    @property
    def feeds(self) -> tuple[str, ...]:
        """The Atom feeds (one per locale and dataset)."""
        return tuple(f for f in self.files if f.endswith(".atom"))

    @property
    def json_feeds(self) -> tuple[str, ...]:
        """The JSON Feeds, one beside each Atom feed (``feed.json``)."""
        return tuple(f for f in self.files if f.endswith("/feed.json"))


@attrs.frozen
class _Provision:
    dataset: Dataset
    provision: Provision
    changes: tuple[ChangeOfEffect, ...]


def _check_ids(collection: Sequence[Dataset]) -> None:
    seen: dict[str, str] = {}
    for ds in collection:
        where = f"dataset {ds.id!r}"
        if ds.id in seen:
            raise SiteError(f"dataset {ds.id!r} is given twice; give each dataset once")
        seen[ds.id] = where
    for ds in collection:
        for provision in ds.provisions:
            name = provision.id
            if name in _RESERVED:
                raise SiteError(f"provision {name!r} in dataset {ds.id!r}: the name is reserved")
            if name in seen:
                raise SiteError(
                    f"provision {name!r} in dataset {ds.id!r} has the same address as "
                    f"{seen[name]}; the site needs every dataset and provision id to be unique"
                )
            seen[name] = f"provision {name!r} in dataset {ds.id!r}"


def build_site(
    collection: Sequence[Dataset],
    output: str | os.PathLike[str],
    options: SiteOptions | None = None,
) -> SiteReport:
    """Write the static site for ``collection`` (one or more datasets) into ``output``.

    Every page is written in each locale of ``options.locales``: ``/<locale>/`` (the index),
    ``/<locale>/<dataset-id>/`` (a dataset: contents, side-by-side table, changes),
    ``/<locale>/<provision-id>/`` (a provision: its versions, each with an anchor, and its
    amendment story), ``/<locale>/<dataset-id>/feed.atom`` and ``feed.json`` beside it (a
    JSON Feed of the same entries); plus ``/index.html`` (the languages) and
    ``/style.css``. Links are relative, so the folder can be served from
    any address or opened from disk.
    """
    options = options or SiteOptions()
    if not collection:
        raise SiteError("the site needs at least one dataset")
    for ds in collection:
        if not isinstance(ds, Dataset):
            raise SiteError(f"the site is built from datasets, not a {type(ds).__name__}")
    _check_ids(collection)
    langs = [language(code) for code in options.locales]  # a bad locale fails before writing
    codes = tuple(dict.fromkeys(lang.code for lang in langs))
    portal_css = None
    if options.css is not None:
        try:
            portal_css = Path(options.css).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SiteError(f"{options.css}: cannot read the stylesheet: {exc}") from None
    root = Path(output)
    if root.exists() and not root.is_dir():
        raise SiteError(f"{root}: the output must be a folder, and this is a file")
    writer = _Writer(root)
    writer.write("style.css", _files.read_bytes("site", "style.css").decode("utf-8"))
    if portal_css is not None:
        writer.write("portal.css", portal_css)
    site = _Site(collection, codes, options, portal_css is not None)
    writer.write("index.html", site.root_page())
    for lang in (language(code) for code in codes):
        writer.write(f"{lang.code}/index.html", site.index_page(lang))
        for ds in collection:
            writer.write(f"{lang.code}/{ds.id}/index.html", site.dataset_page(lang, ds))
            writer.write(
                f"{lang.code}/{ds.id}/feed.atom",
                feeds.atom(
                    ds,
                    site.story(ds),
                    lang,
                    site_title=lang.gettext(_SITE_TITLE),
                    base_url=options.base_url,
                ),
            )
            writer.write(
                f"{lang.code}/{ds.id}/feed.json",
                feeds.json_feed(
                    ds,
                    site.story(ds),
                    lang,
                    site_title=lang.gettext(_SITE_TITLE),
                    base_url=options.base_url,
                ),
            )
            for item in site.provisions(ds):
                writer.write(
                    f"{lang.code}/{item.provision.id}/index.html", site.provision_page(lang, item)
                )
    writer.finish()
    return SiteReport(root, tuple(writer.written))


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: list[str] = []

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
        except OSError as exc:
            raise SiteError(f"{path}: cannot write the file: {exc.strerror or exc}") from None
        self.written.append(name)

    def finish(self) -> None:
        """Remove what an earlier build wrote and this one did not, then list this build's files.

        Only files named in the earlier build's own list (``MANIFEST``) are removed, so a
        portal's files in the same folder are never touched.
        """
        manifest = self.root / MANIFEST
        try:
            earlier = manifest.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            earlier = []
        now = set(self.written)
        for name in earlier:
            stale = self.root / name
            if name in now or ".." in Path(name).parts or Path(name).is_absolute():
                continue
            try:
                stale.unlink()
            except OSError:
                continue
            folder = stale.parent
            while folder != self.root and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self.write(MANIFEST, "".join(f"{name}\n" for name in self.written))
        self.written.pop()  # the list itself is not part of the site


def _version_label(lang: Language, version: Version) -> str:
    """When a version applied, in the words of the summaries."""
    start, end = version.valid_from, version.valid_to
    s = lang.date(start, governed=True) if isinstance(start, PartialDate) else None
    e = lang.period_end(end) if isinstance(end, PartialDate) else None
    if s and end is None:
        text = lang.gettext("In force from {start}.").format(start=s)
    elif s and e:
        text = lang.gettext("In force from {start} to {end.through}.").format(start=s, end=e)
    elif s:
        text = lang.gettext("In force from {start}; when it ended is not established.").format(
            start=s
        )
    elif e:
        text = lang.gettext(
            "In force until {end.through}; when it began is not established."
        ).format(end=e)
    elif end is None:
        text = lang.gettext("The date it took effect is not established.")
    else:
        text = lang.gettext("The dates it was in force are not established.")
    return html.escape(tidy(text), quote=True)


class _Site:
    def __init__(
        self,
        collection: Sequence[Dataset],
        codes: tuple[str, ...],
        options: SiteOptions,
        portal_css: bool,
    ) -> None:
        self.collection = collection
        self.codes = codes
        self.options = options
        self.portal_css = portal_css
        self._items: dict[str, tuple[_Provision, ...]] = {}
        self._by_id: dict[str, dict[str, _Provision]] = {}
        self._stories: dict[str, tuple[ChangeOfEffect, ...]] = {}
        self._latest: dict[str, PartialDate | None] = {}
        # The provision headings of one locale (each is written on three pages): kept
        # only while that locale is written, so memory does not grow with the locales.
        self._headings: dict[tuple[str, str], str] = {}
        self._headings_locale: str | None = None

    # -- data ---------------------------------------------------------------------

    def provisions(self, ds: Dataset) -> tuple[_Provision, ...]:
        found = self._items.get(ds.id)
        if found is None:
            found = tuple(_Provision(ds, p, changes_of_effect(ds, p)) for p in ds.provisions)
            self._items[ds.id] = found
        return found

    def story(self, ds: Dataset) -> tuple[ChangeOfEffect, ...]:
        """Every change of effect in the dataset, newest first (unknown dates last)."""
        found = self._stories.get(ds.id)
        if found is not None:
            return found
        changes = [c for item in self.provisions(ds) for c in item.changes]
        dated = [(c.date.earliest(), c) for c in changes if isinstance(c.date, PartialDate)]
        dated.sort(key=lambda pair: pair[0], reverse=True)
        found = (
            *(c for _, c in dated),
            *(c for c in changes if not isinstance(c.date, PartialDate)),
        )
        self._stories[ds.id] = found
        return found

    def latest_date(self, ds: Dataset) -> PartialDate | None:
        """The latest date in the dataset (worked out once: every page's footer shows it)."""
        if ds.id not in self._latest:
            self._latest[ds.id] = latest_date(ds)
        return self._latest[ds.id]

    # -- page parts ---------------------------------------------------------------

    def _page(
        self,
        lang: Language | None,
        *,
        path: str,
        title: str,
        body: str,
        kind: str,
        datasets_shown: Iterable[Dataset],
        head: str = "",
    ) -> str:
        """A whole page; ``path`` is the page's folder ("" for the root, "ru/x/")."""
        depth = path.count("/")
        up = "../" * depth
        code = lang.code if lang is not None else "en"
        rest = path.split("/", 1)[1] if lang is not None else ""
        alternates = (
            "".join(
                f'<link rel="alternate" hreflang="{c}" href="{self._href(up, f"{c}/{rest}")}">\n'
                for c in self.codes
            )
            + f'<link rel="alternate" hreflang="x-default" href="{self._href(up, "")}">\n'
        )
        styles = f'<link rel="stylesheet" href="{up}style.css">\n'
        if self.portal_css:
            styles += f'<link rel="stylesheet" href="{up}portal.css">\n'
        header = self.options.header or ""
        if lang is not None:
            header += (
                f'<p class="ls-site-title"><a href="{up}{code}/">'
                f"{html.escape(lang.gettext(_SITE_TITLE))}</a></p>\n"
                + self._switcher(lang, up, rest)
            )
        footer = self._footer(lang, datasets_shown) if lang is not None else ""
        footer += self.options.footer or ""
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{code}" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n{styles}{alternates}{head}</head>\n"
            f'<body class="ls-page ls-page-{kind}">\n'
            f'<header class="ls-header">\n{header}</header>\n'
            f'<main id="main" class="ls-main">\n{body}</main>\n'
            f'<footer class="ls-footer">\n{footer}</footer>\n'
            "</body>\n</html>\n"
        )

    def _href(self, up: str, target: str) -> str:
        if self.options.base_url is not None:
            return self.options.base_url + target
        return up + target if (up + target) else "./"

    def _switcher(self, lang: Language, up: str, rest: str) -> str:
        items = []
        for c in self.codes:
            name = html.escape(language(c).language_name(c))
            current = ' aria-current="page"' if c == lang.code else ""
            items.append(
                f'<li><a href="{up}{c}/{rest}" lang="{c}" hreflang="{c}"{current}>{name}</a></li>'
            )
        label = html.escape(lang.gettext(_LANGUAGE), quote=True)
        return (
            f'<nav class="ls-languages" aria-label="{label}">\n<ul>'
            + "".join(items)
            + "</ul>\n</nav>\n"
        )

    def _footer(self, lang: Language, shown: Iterable[Dataset]) -> str:
        dates = []
        for ds in shown:
            if ds.as_of_date is not None:
                line = lang.gettext(_AS_OF).format(
                    day=lang.date(PartialDate.from_date(ds.as_of_date))
                )
            else:
                latest = self.latest_date(ds)
                if latest is None:
                    continue
                line = lang.gettext(_LATEST_DATE).format(date=lang.date(latest))
            dates.append(
                f'<p class="ls-data-date" data-dataset="{ds.id}">'
                f"{localized(ds.title, lang.code)} — {html.escape(tidy(line))}</p>\n"
            )
        legend = (
            '<section class="ls-legend" aria-labelledby="ls-legend-title">\n'
            f'<h2 id="ls-legend-title">{html.escape(lang.gettext(_LEGEND))}</h2>\n<dl>\n'
            f'<dt><span class="ls-grade ls-grade-confirmed">'
            f"{html.escape(lang.gettext(_CONFIRMED_WORD))}</span></dt>"
            f"<dd>{html.escape(lang.gettext(_CONFIRMED))}</dd>\n"
        )
        for flag, long_text, css in (
            ("(reported)", _REPORTED, "ls-grade ls-grade-reported"),
            ("(unconfirmed)", _UNCONFIRMED, "ls-grade ls-grade-unconfirmed"),
        ):
            legend += (
                f'<dt><span class="{css}">{html.escape(lang.gettext(flag))}</span></dt>'
                f"<dd>{html.escape(lang.gettext(long_text))}</dd>\n"
            )
        legend += "</dl>\n</section>\n"
        advice = f'<p class="ls-disclaimer">{html.escape(lang.gettext(_NOT_ADVICE))}</p>\n'
        return "".join(dates) + legend + advice

    def _fragment(
        self,
        lang: Language,
        obj: object,
        ds: Dataset,
        level: int,
        *,
        drop_title: bool = False,
        full: bool = False,
    ) -> str:
        detail: Literal["short", "full"] = "full" if full else "short"
        text = summarize(
            obj, locale=lang.code, format="html", dataset=ds, detail=detail, heading_level=level
        )
        if drop_title:  # the title's place is taken by the page's own heading
            text = embed(text, level, drop_title=True)
        return mark_flags(text, lang)

    def _heading(self, lang: Language, item: _Provision) -> str:
        """The provision's heading as its summary writes it (citation: title)."""
        if self._headings_locale != lang.code:
            self._headings.clear()
            self._headings_locale = lang.code
        key = (item.dataset.id, item.provision.id)
        found = self._headings.get(key)
        if found is None:
            found = first_heading(
                summarize(item.provision, locale=lang.code, format="html", dataset=item.dataset)
            )
            self._headings[key] = found
        return found

    # -- pages --------------------------------------------------------------------

    def root_page(self) -> str:
        links = "".join(
            f'<li><a href="{c}/" lang="{c}" hreflang="{c}">'
            f"{html.escape(language(c).language_name(c))}</a>"
            f' <span lang="{c}">{html.escape(language(c).gettext(_SITE_TITLE))}</span></li>\n'
            for c in self.codes
        )
        title = html.escape(language("en").gettext(_SITE_TITLE))
        body = f'<h1>{title}</h1>\n<ul class="ls-language-list">\n{links}</ul>\n'
        return self._page(None, path="", title=title, body=body, kind="root", datasets_shown=())

    def _contents(self, lang: Language, ds: Dataset) -> str:
        items = "".join(
            f'<li><a href="../{item.provision.id}/">{self._heading(lang, item)}</a></li>\n'
            for item in self.provisions(ds)
        )
        return f'<ul class="ls-contents">\n{items}</ul>\n'

    def _feed_link(self, lang: Language, ds: Dataset, up: str) -> str:
        label = html.escape(lang.gettext(_FEED))
        return (
            f'<p class="ls-feed"><a href="{up}{ds.id}/feed.atom" '
            f'type="application/atom+xml">{label}</a></p>\n'
        )

    def _feed_head(self, lang: Language, ds: Dataset, up: str) -> str:
        title = plain(localized(ds.title, lang.code))
        return (
            f'<link rel="alternate" type="application/atom+xml" title="{title}" '
            f'href="{up}{ds.id}/feed.atom">\n'
            f'<link rel="alternate" type="application/feed+json" title="{title}" '
            f'href="{up}{ds.id}/feed.json">\n'
        )

    def index_page(self, lang: Language) -> str:
        code = lang.code
        parts = [f"<h1>{html.escape(lang.gettext(_SITE_TITLE))}</h1>\n"]
        heads = []
        for ds in self.collection:
            parts.append(
                f'<section class="ls-dataset" id="{ds.id}" aria-labelledby="{ds.id}-title">\n'
                f'<h2 id="{ds.id}-title"><a href="{ds.id}/">{localized(ds.title, code)}</a></h2>\n'
            )
            if ds.description is not None:
                parts.append(f'<p class="ls-description">{localized(ds.description, code)}</p>\n')
            parts.append(self._feed_link(lang, ds, ""))
            contents = self._contents(lang, ds).replace('href="../', 'href="')
            parts.append(contents + "</section>\n")
            heads.append(self._feed_head(lang, ds, ""))
        title = html.escape(lang.gettext(_SITE_TITLE))
        return self._page(
            lang,
            path=f"{code}/",
            title=title,
            body="".join(parts),
            kind="index",
            datasets_shown=self.collection,
            head="".join(heads),
        )

    def dataset_page(self, lang: Language, ds: Dataset) -> str:
        code = lang.code
        title = localized(ds.title, code)
        parts = [f"<h1>{title}</h1>\n"]
        if ds.description is not None:
            parts.append(f'<p class="ls-description">{localized(ds.description, code)}</p>\n')
        parts.append(self._feed_link(lang, ds, "../"))
        parts.append(
            '<section class="ls-contents-section" aria-labelledby="contents">\n'
            f'<h2 id="contents">{html.escape(lang.gettext(_CONTENTS))}</h2>\n'
            + self._contents(lang, ds)
            + "</section>\n"
        )
        story = self.story(ds)
        if story:
            rows = []
            for change in story:
                link = f"../{change.provision.id}/#{change.anchor}"
                heading = self._heading(lang, self._item(ds, change.provision.id))
                rows.append(
                    f'<li class="{_direction_class(change)}"><a href="{link}">{heading}</a>: '
                    f"{html.escape(change_label(lang, change))}"
                    f"{_flags(lang, change)}</li>\n"
                )
            parts.append(
                '<section class="ls-story" aria-labelledby="changes">\n'
                f'<h2 id="changes">{html.escape(lang.gettext(_WHAT_CHANGED))}</h2>\n'
                f'<ul class="ls-story-list">\n{"".join(rows)}</ul>\n</section>\n'
            )
        offences = [p for p in ds.provisions if isinstance(p.latest().body, Offence)]
        if 2 <= len(offences) <= self.options.table_limit:
            table = self._fragment(lang, compare_many(offences, dataset=ds), ds, 2, drop_title=True)
            label = html.escape(lang.gettext(_SIDE_BY_SIDE), quote=True)
            parts.append(
                '<section class="ls-side-by-side">\n'
                f'<h2 id="side-by-side">{label}</h2>\n'
                + boxed_tables(table, label)
                + "</section>\n"
            )
        return self._page(
            lang,
            path=f"{code}/{ds.id}/",
            title=plain(title),
            body="".join(parts),
            kind="dataset",
            datasets_shown=(ds,),
            head=self._feed_head(lang, ds, "../"),
        )

    def _item(self, ds: Dataset, provision_id: str) -> _Provision:
        index = self._by_id.get(ds.id)
        if index is None:
            index = self._by_id[ds.id] = {i.provision.id: i for i in self.provisions(ds)}
        return index[provision_id]

    def provision_page(self, lang: Language, item: _Provision) -> str:
        code, ds, provision = lang.code, item.dataset, item.provision
        heading = self._heading(lang, item)
        versions = provision.versions
        order = list(reversed(range(len(versions))))  # the newest first
        toc = "".join(
            f'<li><a href="#{version_anchor(provision, i)}">'
            f"{_version_label(lang, versions[i])}</a></li>\n"
            for i in order
        )
        if item.changes:
            toc += f'<li><a href="#changes">{html.escape(lang.gettext(_WHAT_CHANGED))}</a></li>\n'
        parts = [
            f'<h1 id="title">{heading}</h1>\n',
            f'<p class="ls-breadcrumb"><a href="../{ds.id}/">{localized(ds.title, code)}</a></p>\n',
            '<nav class="ls-toc" aria-labelledby="versions">\n'
            f'<h2 id="versions">{html.escape(lang.gettext(_VERSIONS))}</h2>\n'
            f"<ol>\n{toc}</ol>\n</nav>\n",
        ]
        for i in order:
            anchor = version_anchor(provision, i)
            current = " ls-version-current" if i == len(versions) - 1 else ""
            parts.append(
                f'<section class="ls-version{current}" id="{anchor}" '
                f'aria-labelledby="{anchor}-title">\n'
                f'<h2 id="{anchor}-title">{_version_label(lang, versions[i])}</h2>\n'
                + self._fragment(lang, versions[i], ds, 3, full=True)
                + "</section>\n"
            )
        if item.changes:
            parts.append(
                '<section class="ls-changes" id="changes" aria-labelledby="changes-title">\n'
                f'<h2 id="changes-title">{html.escape(lang.gettext(_WHAT_CHANGED))}</h2>\n'
            )
            for change in reversed(item.changes):
                parts.append(
                    f'<section class="ls-change {_direction_class(change)}" id="{change.anchor}" '
                    f'aria-labelledby="{change.anchor}-title">\n'
                    f'<h3 id="{change.anchor}-title">{html.escape(change_label(lang, change))}'
                    f"{_flags(lang, change)}</h3>\n"
                    + self._fragment(lang, change.comparison, ds, 4, drop_title=True)
                    + "</section>\n"
                )
            parts.append("</section>\n")
        return self._page(
            lang,
            path=f"{code}/{provision.id}/",
            title=plain(heading),
            body="".join(parts),
            kind="provision",
            datasets_shown=(ds,),
            head=self._feed_head(lang, ds, "../") + self._json_ld(lang, item, heading),
        )

    def _json_ld(self, lang: Language, item: _Provision, heading: str) -> str:
        provision, ds = item.provision, item.dataset
        latest = provision.latest()
        acts = {a.id: a for a in ds.acts}
        page = f"{lang.code}/{provision.id}/"
        base = self.options.base_url
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": " ".join(html.unescape(plain(heading)).split()),
            "legislationIdentifier": provision.id,
            "inLanguage": lang.code,
            "legislationLegalForce": (
                "https://schema.org/InForce"
                if latest.valid_to is None
                else "https://schema.org/NotInForce"
            ),
        }
        citation = getattr(latest.body, "citation", None)
        if citation is not None:
            data["legislationJurisdiction"] = citation.jurisdiction
        made_by = [acts[a].date for a in latest.amended_by if a in acts]
        known = [str(d) for d in made_by if isinstance(d, PartialDate)]
        if known:
            data["legislationDate"] = max(known)
        if base is not None:
            data["url"] = base + page
        data["workExample"] = [
            _version_ld(provision, i, base + page if base else "")
            for i in range(len(provision.versions))
        ]
        text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
        return f'<script type="application/ld+json">\n{text}\n</script>\n'


def _version_ld(provision: Provision, index: int, page: str) -> dict[str, object]:
    version = provision.versions[index]

    def when(value: PartialDate | Unknown | None) -> str:
        return str(value) if isinstance(value, PartialDate) else ".."

    found: dict[str, object] = {
        "@type": "Legislation",
        "url": f"{page}#{version_anchor(provision, index)}",
        "temporalCoverage": f"{when(version.valid_from)}/{when(version.valid_to)}",
        "legislationLegalForce": (
            "https://schema.org/InForce"
            if version.valid_to is None
            else "https://schema.org/NotInForce"
        ),
    }
    if isinstance(version.valid_from, PartialDate):
        found["legislationDateVersion"] = str(version.valid_from)
    return found


def _direction_class(change: ChangeOfEffect) -> str:
    direction = change.direction.value.replace("_", "-") if change.direction else "none"
    return f"ls-change-{direction}"


def _flags(lang: Language, change: ChangeOfEffect) -> str:
    """The change's overall direction and grade, as the summaries mark them."""
    out = ""
    if change.direction is not None:
        word = feeds.direction_word(change.direction)
        css = change.direction.value.replace("_", "-")
        out += (
            f' <span class="ls-direction ls-direction-{css}">'
            f"{html.escape(lang.gettext(word))}</span>"
        )
    flag = feeds.grade_word(change.status)
    if flag is not None and change.status is not None:
        out += (
            f' <span class="ls-grade ls-grade-{change.status.value}">'
            f"{html.escape(lang.gettext(flag))}</span>"
        )
    return out
