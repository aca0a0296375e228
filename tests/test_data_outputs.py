"""Outputs a developer can rely on: JSON Feeds, heading levels, standalone pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import html5lib
import pytest

from lawsummary import datasets
from lawsummary.cli import main
from lawsummary.errors import LawSummaryError, UnsupportedFormatError
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.render import summarize
from lawsummary.site import SiteOptions, SiteReport, build_site
from lawsummary.site.feeds import JSON_FEED_VERSION

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteReport:
    return build_site(
        [datasets.load("ru-migration-2024"), datasets.load("kz-migration-2025")],
        tmp_path_factory.mktemp("site"),
    )


# -- JSON Feed ----------------------------------------------------------------------------------


def _check_json_feed(feed: Any) -> None:
    """The fields JSON Feed 1.1 requires, with the types it gives them."""
    assert isinstance(feed, dict)
    assert feed["version"] == "https://jsonfeed.org/version/1.1" == JSON_FEED_VERSION
    assert isinstance(feed["title"], str)
    assert feed["title"].strip()
    assert isinstance(feed["items"], list)
    for author in feed.get("authors", []):
        assert isinstance(author, dict)
        assert any(k in author for k in ("name", "url", "avatar"))
    for key in ("home_page_url", "feed_url"):
        if key in feed:
            assert feed[key].startswith(("https://", "http://"))
    for item in feed["items"]:
        assert isinstance(item["id"], str)
        assert item["id"]
        assert isinstance(item.get("content_html"), str) or isinstance(
            item.get("content_text"), str
        )
        for key in ("date_published", "date_modified"):
            if key in item:
                assert RFC3339.match(item[key]), item[key]
        assert all(isinstance(t, str) and t for t in item.get("tags", []))
        # Extensions start with an underscore; every other key is the specification's own.
        known = {
            "id", "url", "external_url", "title", "content_html", "content_text", "summary",
            "image", "banner_image", "date_published", "date_modified", "authors", "tags",
            "language", "attachments",
        }  # fmt: skip
        assert all(k in known or k.startswith("_") for k in item), item.keys()


@pytest.mark.parametrize("code", SUPPORTED_LOCALES)
def test_a_json_feed_beside_each_atom_feed_with_the_same_entries(
    site: SiteReport, code: str
) -> None:
    assert len(site.json_feeds) == len(site.feeds) == 2 * len(SUPPORTED_LOCALES)
    for ds_id in ("ru-migration-2024", "kz-migration-2025"):
        folder = site.output / code / ds_id
        feed = json.loads((folder / "feed.json").read_text(encoding="utf-8"))
        _check_json_feed(feed)
        assert feed["language"] == code
        atom = ET.parse(folder / "feed.atom").getroot()
        assert feed["title"] == atom.findtext(ATOM + "title")
        entries = atom.findall(ATOM + "entry")
        assert [i["id"] for i in feed["items"]] == [e.findtext(ATOM + "id") for e in entries]
        assert [i["title"] for i in feed["items"]] == [e.findtext(ATOM + "title") for e in entries]
        assert [i["date_modified"] for i in feed["items"]] == [
            e.findtext(ATOM + "updated") for e in entries
        ]
        assert [i["content_html"] for i in feed["items"]] == [
            e.findtext(ATOM + "content") for e in entries
        ]
        for item, entry in zip(feed["items"], entries, strict=True):
            terms = {c.get("term") for c in entry.findall(ATOM + "category")}
            ext = item["_lawsummary"]
            assert {ext["direction"], ext["grade"]} - {None} == terms
            labels = [c.get("label") for c in entry.findall(ATOM + "category")]
            assert item.get("tags", []) == labels
    # The ru dataset has changes of effect, so its feeds are not empty.
    ru = json.loads((site.output / code / "ru-migration-2024" / "feed.json").read_text("utf-8"))
    assert ru["items"]


def test_the_json_feed_names_direction_and_grade(site: SiteReport) -> None:
    feed = json.loads((site.output / "en" / "ru-migration-2024" / "feed.json").read_text("utf-8"))
    item = next(i for i in feed["items"] if i["id"].endswith("ru-uk-322.1-2:change-2024-11-09"))
    assert item["title"] == (
        "Criminal Code of Russia, art. 322.1(2): Organising illegal migration (harsher) (unconfirmed)"
    )
    assert item["date_published"] == "2024-11-09T00:00:00Z"
    assert item["tags"] == ["harsher", "unconfirmed"]
    assert item["_lawsummary"] == {
        "provision": "ru-uk-322.1-2",
        "anchor": "change-2024-11-09",
        "direction": "harsher",
        "grade": "unconfirmed",
    }
    assert "url" not in item  # JSON Feed URLs are absolute: only with a base URL


def test_with_a_base_url_the_json_feed_has_absolute_addresses(tmp_path: Path) -> None:
    base = "https://example.org/law/"
    build_site(
        [datasets.load("ru-migration-2024")],
        tmp_path,
        SiteOptions(locales=("kk",), base_url=base),
    )
    feed = json.loads((tmp_path / "kk" / "ru-migration-2024" / "feed.json").read_text("utf-8"))
    _check_json_feed(feed)
    assert feed["feed_url"] == base + "kk/ru-migration-2024/feed.json"
    assert feed["home_page_url"] == base + "kk/ru-migration-2024/"
    for item in feed["items"]:
        assert item["url"].startswith(base + "kk/")
        assert item["id"] == item["url"]


def test_pages_announce_the_json_feed(site: SiteReport) -> None:
    page = (site.output / "uz" / "ru-migration-2024" / "index.html").read_text("utf-8")
    assert 'type="application/feed+json"' in page
    assert 'href="../ru-migration-2024/feed.json"' in page


# -- heading levels -----------------------------------------------------------------------------


def _headings(fragment: str) -> list[int]:
    return [int(m) for m in re.findall(r"<h([1-6])\b", fragment)]


@pytest.mark.parametrize("level", [1, 2, 3, 5, 6])
def test_a_fragment_starts_at_the_heading_level_asked_for(level: int) -> None:
    ds = datasets.load("ru-migration-2024")
    provision = ds.provision("ru-uk-322.1-1")
    for obj in (provision, ds):
        html = summarize(obj, locale="ru", format="html", dataset=ds, heading_level=level)
        levels = _headings(html)
        assert levels, type(obj).__name__
        assert levels[0] == level == min(levels), (type(obj).__name__, levels)
        assert max(levels) <= min(6, level + 1)
        default = summarize(obj, locale="ru", format="html", dataset=ds)
        # Only the heading tags differ from the default fragment.
        assert re.sub(r"h[1-6]>", "h>", html) == re.sub(r"h[1-6]>", "h>", default)
        markdown = summarize(obj, locale="ru", format="markdown", dataset=ds, heading_level=level)
        first = re.search(r"^(#+) ", markdown, re.MULTILINE)
        assert first is not None
        assert len(first.group(1)) == level


def test_a_dataset_fragment_at_level_3_has_its_headings_at_4() -> None:
    ds = datasets.load("kz-migration-2025")
    html = summarize(ds, locale="kk", format="html", heading_level=3)
    assert _headings(html)[0] == 3
    assert set(_headings(html)[1:]) == {4}
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parseFragment(html)


def test_the_site_embeds_fragments_below_its_own_headings(site: SiteReport) -> None:
    page = (site.output / "en" / "ru-uk-322.1-1" / "index.html").read_text("utf-8")
    version = page[page.index('<section class="ls-version') :]
    version = version[: version.index("</section>")]
    levels = _headings(version)
    assert levels[0] == 2  # the section's own heading
    assert levels[1] == 3  # the summary, embedded with heading_level=3


@pytest.mark.parametrize(
    ("level", "format", "error"),
    [
        (0, "html", LawSummaryError),
        (7, "html", LawSummaryError),
        (True, "html", LawSummaryError),
        ("2", "markdown", LawSummaryError),
        (2, "text", LawSummaryError),
        (2, "json", LawSummaryError),
        (2, "pdf", UnsupportedFormatError),
    ],
)
def test_a_bad_heading_level_is_a_clear_error(level: Any, format: str, error: type) -> None:
    ds = datasets.load("ru-migration-2024")
    with pytest.raises(error) as caught:
        summarize(ds, locale="en", format=format, heading_level=level)
    assert "heading_level" in str(caught.value) or format == "pdf"


# -- standalone on stdout -----------------------------------------------------------------------


def test_standalone_writes_a_whole_page_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", "--dataset", "kz-migration-2025", "--locale", "ky",
                 "--format", "html", "--standalone"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in out
    assert "<title>" in out
    assert "<style>" in out
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(out)
    assert tree.get("lang") == "ky"
    ds = datasets.load("kz-migration-2025")
    fragment = summarize(ds, locale="ky", format="html")
    assert fragment.split("<p class=")[0] in out  # the same summary, inside a page
    assert main(["summarize", "--dataset", "kz-migration-2025", "--locale", "ky",
                 "--format", "html"]) == 0  # fmt: skip
    assert capsys.readouterr().out.startswith('<article lang="ky">')  # a fragment without it


def test_standalone_works_for_comparisons_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "--dataset", "ru-migration-2024", "--from", "2024-11-01",
                 "--to", "2025-01-01", "--locale", "tg", "--format", "html",
                 "--standalone"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert '<html lang="tg">' in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "text", "--standalone"], "use it with --format html, not text"),
        (["--format", "json", "--standalone"], "use it with --format html, not json"),
    ],
)
def test_standalone_without_html_is_a_usage_error(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["summarize", "--dataset", "ru-migration-2024", "--locale", "en", *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_standalone_with_several_documents_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lawsummary import dumps

    ds = datasets.load("ru-migration-2024")
    names = []
    for i, provision in enumerate(ds.provisions[:2]):
        path = tmp_path / f"{i}.json"
        path.write_text(dumps(provision.latest().body), encoding="utf-8")
        names.append(str(path))
    with pytest.raises(SystemExit) as exit_:
        main(["summarize", *names, "--locale", "en", "--format", "html", "--standalone"])
    assert exit_.value.code == 2
    assert "one document at a time" in capsys.readouterr().err
