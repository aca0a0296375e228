"""The static site: every page parses, every link resolves, feeds follow RFC 4287."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag
from xml.etree import ElementTree as ET

import html5lib
import pytest

from lawsummary import datasets, load
from lawsummary.cli import main
from lawsummary.i18n import SUPPORTED_LOCALES, language
from lawsummary.records import Dataset
from lawsummary.records.common import PartialDate
from lawsummary.site import SiteError, SiteOptions, SiteReport, build_site
from lawsummary.site.html import boxed_tables, embed, mark_flags
from lawsummary.site.story import changes_of_effect, tidy, version_anchor

ROOT = Path(__file__).parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteReport:
    return build_site([datasets.load("ru-migration-2024")], tmp_path_factory.mktemp("site"))


def _parse(path: Path) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes(), transport_encoding="utf-8")


def _resolve(page: str, href: str) -> tuple[str, str]:
    """The file a relative link from ``page`` points to (a folder's index.html), and its anchor."""
    path, fragment = urldefrag(href)
    if not path:
        return page, fragment
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    assert not joined.startswith(".."), (page, href)
    if path.endswith("/") or joined == ".":
        joined = "index.html" if joined == "." else joined + "/index.html"
    return joined, fragment


def _ids(tree: Any) -> set[str]:
    return {e.get("id") for e in tree.iter() if e.get("id")}


def test_every_locale_has_an_index_and_every_provision_a_page(site: SiteReport) -> None:
    ds = datasets.load("ru-migration-2024")
    for code in SUPPORTED_LOCALES:
        assert f"{code}/index.html" in site.files
        assert f"{code}/{ds.id}/index.html" in site.files
        assert f"{code}/{ds.id}/feed.atom" in site.files
        for provision in ds.provisions:
            assert f"{code}/{provision.id}/index.html" in site.files
    assert len(site.pages) == 1 + len(SUPPORTED_LOCALES) * (2 + len(ds.provisions))
    assert all((site.output / name).is_file() for name in site.files)


def test_every_page_parses_and_has_lang_title_main_and_alternates(site: SiteReport) -> None:
    for name in site.pages:
        tree = _parse(site.output / name)
        code = name.split("/")[0] if "/" in name else "en"
        assert tree.get("lang") == code, name
        title = tree.find("head/title")
        assert title is not None, name
        assert (title.text or "").strip(), name
        assert len(tree.findall(".//main")) == 1, name
        assert tree.find(".//main/h1") is not None, name
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in tree.iter("link")
            if link.get("rel") == "alternate" and link.get("hreflang")
        }
        assert set(alternates) == {*SUPPORTED_LOCALES, "x-default"}, name
        if name != "index.html":
            switcher = tree.find(".//nav[@class='ls-languages']")
            assert switcher is not None, name
            links = switcher.findall(".//a")
            assert [a.get("hreflang") for a in links] == list(SUPPORTED_LOCALES)
            assert [a.get("aria-current") for a in links].count("page") == 1
            # Each page shows the dataset's date and the legend of the grade marks.
            assert tree.find(".//footer//*[@class='ls-data-date']") is not None, name
            assert tree.find(".//footer//section[@class='ls-legend']") is not None, name


def test_every_internal_link_resolves_to_a_written_file_and_anchor(site: SiteReport) -> None:
    written = set(site.files)
    ids: dict[str, set[str]] = {name: _ids(_parse(site.output / name)) for name in site.pages}
    checked = 0
    for name in site.pages:
        tree = _parse(site.output / name)
        for element in tree.iter():
            href = element.get("href") if element.tag in ("a", "link") else None
            if href is None:
                continue
            if href.startswith(("http:", "https:", "//")):
                # Only a summary's source addresses leave the site; nothing is loaded from outside.
                assert element.tag == "a", (name, href)
                assert element.text == href, (name, href)
                continue
            target, fragment = _resolve(name, href)
            assert target in written, (name, href)
            if fragment:
                assert fragment in ids[target], (name, href)
            checked += 1
    assert checked > 1000


def test_no_script_and_no_external_resource(site: SiteReport) -> None:
    for name in site.pages:
        tree = _parse(site.output / name)
        for script in tree.iter("script"):
            assert script.get("type") == "application/ld+json", name
            assert script.get("src") is None
        assert not [e for e in tree.iter() if e.tag in ("img", "iframe", "object", "embed")]
    css = (site.output / "style.css").read_text(encoding="utf-8")
    assert "url(" not in css
    assert "@import" not in css


def test_the_stylesheet_names_the_fonts_and_has_dark_and_print_rules(site: SiteReport) -> None:
    css = (site.output / "style.css").read_text(encoding="utf-8")
    stack = re.search(r"--ls-font:([^;]+);", css)
    assert stack is not None
    fonts = [f.strip().strip('"') for f in stack.group(1).split(",")]
    assert fonts[:2] == ["Noto Sans", "DejaVu Sans"]
    assert "system-ui" in fonts
    assert fonts[-1] == "sans-serif"
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media print" in css
    assert ".ls-table { overflow-x: auto" in css
    assert len(css.encode()) < 12_000


def test_provision_pages_carry_schema_org_legislation(site: SiteReport) -> None:
    ds = datasets.load("ru-migration-2024")
    for code in SUPPORTED_LOCALES:
        for provision in ds.provisions:
            tree = _parse(site.output / code / provision.id / "index.html")
            scripts = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
            assert len(scripts) == 1
            data = json.loads(scripts[0].text or "")
            assert data["@context"] == "https://schema.org"
            assert data["@type"] == "Legislation"
            assert data["legislationIdentifier"] == provision.id
            assert data["inLanguage"] == code
            assert data["name"] == " ".join((tree.find("head/title").text or "").split())
            force = data["legislationLegalForce"]
            latest = provision.latest()
            assert force == (
                "https://schema.org/InForce"
                if latest.valid_to is None
                else "https://schema.org/NotInForce"
            )
            ids = _ids(tree)
            assert len(data["workExample"]) == len(provision.versions)
            for example in data["workExample"]:
                assert example["url"].removeprefix("#") in ids
    part2 = json.loads(
        _script(site.output / "en" / "ru-uk-322.1-2" / "index.html"),
    )
    assert part2["legislationDate"] == "2024-11-09"  # the date of Federal Law 383-FZ
    assert [w["temporalCoverage"] for w in part2["workExample"]] == [
        "../2016-07-19",
        "2016-07-20/2019-11",
        "2019-11/2024-11-08",
        "2024-11-09/..",
    ]


def _script(path: Path) -> str:
    tree = _parse(path)
    return next(s.text or "" for s in tree.iter("script"))


def test_a_provision_page_has_an_anchor_per_version_and_the_amendment_story(
    site: SiteReport,
) -> None:
    ds = datasets.load("ru-migration-2024")
    part1 = ds.provision("ru-uk-322.1-1")
    tree = _parse(site.output / "en" / part1.id / "index.html")
    ids = _ids(tree)
    anchors = [version_anchor(part1, i) for i in range(len(part1.versions))]
    assert anchors == ["v1", "v2", "v-2016-07-20", "v-2024-11-09"]
    assert set(anchors) <= ids
    changes = tree.findall(".//section[@id='changes']/section")
    assert [c.get("id") for c in changes] == [
        "change-2024-11-09",
        "change-2016-07-20",
        "change-v2",
    ]
    newest = changes[0]
    assert "ls-change-mixed" in (newest.get("class") or "")
    text = "".join(newest.itertext())
    assert "The changes apply from November 9, 2024." in text
    assert "Before: prison for up to 5 years. Now: prison for 2 to 5 years." in text
    marks = newest.findall(".//span[@class='ls-direction ls-direction-harsher']")
    assert marks
    assert all(m.text == "(harsher)" for m in marks)


def test_the_dataset_page_lists_the_changes_and_boxes_the_table(site: SiteReport) -> None:
    tree = _parse(site.output / "ru" / "ru-migration-2024" / "index.html")
    box = tree.find(".//div[@class='ls-table']")
    assert box is not None
    assert box.get("tabindex") == "0"
    assert box.get("role") == "region"
    assert box.get("aria-label") == "Сравнение"
    assert box.find("table") is not None
    ds = datasets.load("ru-migration-2024")
    story = tree.findall(".//ul[@class='ls-story-list']/li")
    assert len(story) == sum(len(changes_of_effect(ds, p)) for p in ds.provisions)
    day = language("ru").date(PartialDate(2024, 11, 9), governed=True)
    first = "".join(story[1].itertext())  # the newest first: the exam rules of 10 December
    assert first.startswith("Ч. 1 ст. 322.1 УК РФ: Организация незаконной миграции: ")
    assert day.endswith("г.")
    assert f"Изменения действуют с {day} (по-разному)" in first  # one full stop, as in summaries
    assert story[1].get("class") == "ls-change-mixed"
    link = story[1].find("a")
    assert link is not None
    assert link.get("href") == "../ru-uk-322.1-1/#change-2024-11-09"


def test_the_side_by_side_table_is_left_out_beyond_its_limit(tmp_path: Path) -> None:
    ds = datasets.load("ru-migration-2024")
    build_site([ds], tmp_path, SiteOptions(locales=("en",), table_limit=6))  # ds has 7
    tree = _parse(tmp_path / "en" / ds.id / "index.html")
    assert tree.find(".//section[@class='ls-side-by-side']") is None
    assert tree.find(".//section[@class='ls-story']") is not None
    with pytest.raises(SiteError, match="table_limit -1"):
        SiteOptions(table_limit=-1)


def test_fallen_back_texts_are_marked_with_their_language(tmp_path: Path) -> None:
    build_site([_exampleland()], tmp_path, SiteOptions(locales=("uz",)))
    tree = _parse(tmp_path / "uz" / "exampleland-demo" / "index.html")
    # The dataset's title has no Uzbek text: the Russian one is shown and marked.
    heading = tree.find(".//main/h1")
    assert heading is not None
    span = heading.find("span")
    assert span is not None
    assert span.get("lang") == "ru"
    assert span.text == "Экзампленд (вымышленная страна): наём иностранных работников"


# -- feeds --------------------------------------------------------------------------------------


def _one(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(ATOM + tag)
    assert len(found) == 1, f"{tag}: {len(found)}"
    return found[0]


@pytest.mark.parametrize("code", SUPPORTED_LOCALES)
def test_the_atom_feed_has_the_elements_rfc_4287_requires(site: SiteReport, code: str) -> None:
    ds = datasets.load("ru-migration-2024")
    path = site.output / code / ds.id / "feed.atom"
    feed = ET.parse(path).getroot()
    assert feed.tag == ATOM + "feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == code
    for tag in ("id", "title", "updated"):
        assert (_one(feed, tag).text or "").strip()
    assert RFC3339.match(_one(feed, "updated").text or "")
    assert feed.find(ATOM + "author/" + ATOM + "name") is not None
    self_links = [x for x in feed.findall(ATOM + "link") if x.get("rel") == "self"]
    assert len(self_links) == 1
    entries = feed.findall(ATOM + "entry")
    expected = [c for p in ds.provisions for c in changes_of_effect(ds, p)]
    assert len(entries) == len(expected) > 0
    lang = language(code)
    ids = set()
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert (_one(entry, tag).text or "").strip()
        ids.add(_one(entry, "id").text)
        assert RFC3339.match(_one(entry, "updated").text or "")
        alternate = [x for x in entry.findall(ATOM + "link") if x.get("rel") == "alternate"]
        assert len(alternate) == 1
        target, fragment = _resolve(f"{code}/{ds.id}/feed.atom", alternate[0].get("href") or "")
        page = site.output / target
        assert page.is_file()
        assert fragment in _ids(_parse(page))
        content = _one(entry, "content")
        assert content.get("type") == "html"
        assert "<article" in (content.text or "")
        grades = [
            c for c in entry.findall(ATOM + "category") if c.get("scheme", "").endswith(":grade")
        ]
        assert len(grades) == 1
        assert grades[0].get("term") in (
            "confirmed",
            "reported",
            "unconfirmed",
        )
    assert len(ids) == len(entries)
    # Titled in the feed's language: the direction words are the catalog's.
    titles = " ".join(_one(e, "title").text or "" for e in entries)
    assert lang.gettext("(harsher)") in titles
    updated = sorted(_one(e, "updated").text or "" for e in entries)
    assert _one(feed, "updated").text == updated[-1]


def test_a_feed_entry_gives_the_date_of_effect_direction_and_grade(site: SiteReport) -> None:
    feed = ET.parse(site.output / "en" / "ru-migration-2024" / "feed.atom").getroot()
    entry = next(
        e
        for e in feed.findall(ATOM + "entry")
        if (_one(e, "id").text or "").endswith("ru-uk-322.1-2:change-2024-11-09")
    )
    assert _one(entry, "title").text == (
        "Criminal Code of Russia, art. 322.1(2): Organising illegal migration (harsher) (unconfirmed)"
    )
    assert _one(entry, "updated").text == "2024-11-09T00:00:00Z"
    assert _one(entry, "published").text == "2024-11-09T00:00:00Z"
    assert _one(entry, "summary").text == "The changes apply from November 9, 2024."
    categories = {c.get("scheme"): c.get("term") for c in entry.findall(ATOM + "category")}
    assert categories == {
        "urn:x-lawsummary:direction": "harsher",
        "urn:x-lawsummary:grade": "unconfirmed",
    }


def test_a_base_url_makes_feed_links_and_alternates_absolute(tmp_path: Path) -> None:
    base = "https://example.org/law/"
    report = build_site(
        [datasets.load("ru-migration-2024")],
        tmp_path,
        SiteOptions(locales=("en", "kk"), base_url=base),
    )
    feed = ET.parse(tmp_path / "kk" / "ru-migration-2024" / "feed.atom").getroot()
    assert _one(feed, "id").text == base + "kk/ru-migration-2024/feed.atom"
    for entry in feed.findall(ATOM + "entry"):
        link = entry.find(ATOM + "link")
        assert link is not None
        assert (link.get("href") or "").startswith(base + "kk/")
    tree = _parse(tmp_path / "kk" / "ru-uk-322.1-3" / "index.html")
    alternates = {x.get("hreflang"): x.get("href") for x in tree.iter("link") if x.get("hreflang")}
    assert alternates == {
        "en": base + "en/ru-uk-322.1-3/",
        "kk": base + "kk/ru-uk-322.1-3/",
        "x-default": base,
    }
    assert json.loads(_script(tmp_path / "kk" / "ru-uk-322.1-3" / "index.html"))["url"] == (
        base + "kk/ru-uk-322.1-3/"
    )
    assert len(report.feeds) == 2


# -- several datasets, portals, errors -----------------------------------------------------------


def _exampleland() -> Dataset:
    loaded = load(ROOT / "examples" / "exampleland.toml")
    assert isinstance(loaded, Dataset)
    return loaded


def test_a_site_of_two_datasets_has_both_in_every_index(tmp_path: Path) -> None:
    ru, xa = datasets.load("ru-migration-2024"), _exampleland()
    report = build_site([ru, xa], tmp_path, SiteOptions(locales=("en", "ru")))
    for code in ("en", "ru"):
        tree = _parse(tmp_path / code / "index.html")
        sections = tree.findall(".//main/section[@class='ls-dataset']")
        assert [s.get("id") for s in sections] == [ru.id, xa.id]
        assert (tmp_path / code / xa.id / "feed.atom").is_file()
        assert (tmp_path / code / "xa-ac-517-1" / "index.html").is_file()
    assert len(report.feeds) == 4
    page = _parse(tmp_path / "en" / "xa-ac-517-1" / "index.html")
    dates = page.findall(".//footer/p[@class='ls-data-date']")
    assert [d.get("data-dataset") for d in dates] == [xa.id]


def test_a_portal_supplies_its_css_header_and_footer(tmp_path: Path) -> None:
    css = tmp_path / "portal.css"
    css.write_text(".ls-main { max-width: 60rem; }\n", encoding="utf-8")
    out = tmp_path / "out"
    build_site(
        [datasets.load("ru-migration-2024")],
        out,
        SiteOptions(
            locales=("tg",),
            css=str(css),
            header='<p class="portal-brand">Portal</p>',
            footer='<p class="portal-contact">Contact</p>',
        ),
    )
    assert (out / "portal.css").read_text(encoding="utf-8") == css.read_text(encoding="utf-8")
    tree = _parse(out / "tg" / "ru-uk-322.1-3" / "index.html")
    sheets = [x.get("href") for x in tree.iter("link") if x.get("rel") == "stylesheet"]
    assert sheets == ["../../style.css", "../../portal.css"]  # the portal's rules win
    assert tree.find(".//header/p[@class='portal-brand']") is not None
    assert tree.find(".//footer/p[@class='portal-contact']") is not None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda ds, out: build_site([ds, ds], out), "given twice"),
        (lambda ds, out: build_site([], out), "at least one dataset"),
        (lambda ds, out: build_site([ds], out, SiteOptions(locales=())), "at least one locale"),
        (
            lambda ds, out: build_site([ds], out, SiteOptions(base_url="example.org")),
            "absolute http",
        ),
        (
            lambda ds, out: build_site([ds], out, SiteOptions(css=str(out / "missing.css"))),
            "cannot read the stylesheet",
        ),
        (lambda ds, out: build_site([ds.provisions[0]], out), "not a Provision"),
    ],
)
def test_bad_requests_are_clear_errors(tmp_path: Path, call: Any, message: str) -> None:
    with pytest.raises(SiteError, match=message):
        call(datasets.load("ru-migration-2024"), tmp_path)


def test_clashing_ids_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    import attrs

    ru = datasets.load("ru-migration-2024")
    twin = attrs.evolve(_exampleland(), id="ru-uk-322.1-1")
    out = tmp_path / "out"
    with pytest.raises(
        SiteError,
        match=r"'ru-uk-322\.1-1' in dataset 'ru-migration-2024' has the same address as dataset 'ru-uk-322\.1-1'",
    ):
        build_site([ru, twin], out)
    assert not out.exists()


def test_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(SiteError, match="must be a folder"):
        build_site([datasets.load("ru-migration-2024")], target)


# -- the command --------------------------------------------------------------------------------


def test_the_command_builds_several_datasets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "public"
    status = main(
        [
            "site",
            "--dataset",
            "ru-migration-2024",
            str(ROOT / "examples" / "exampleland.toml"),
            "--output",
            str(out),
            "--locale",
            "ky",
        ]
    )
    assert status == 0
    assert (out / "ky" / "exampleland-demo" / "feed.atom").is_file()
    assert (out / "ky" / "ru-uk-322.1-3" / "index.html").is_file()
    assert not (out / "en").exists()
    assert "pages and 2 feeds" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "site needs --dataset NAME or dataset FILE"),
        (["--dataset", "ru-migration-2024", "--locale", "de"], "'de'"),
        (
            ["--dataset", "ru-migration-2024", "--header", "/nonexistent/h.html"],
            "cannot read the header",
        ),
        ([str(ROOT / "tests" / "golden")], "unsupported format"),
    ],
)
def test_the_command_reports_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    status = main(["site", "--output", str(tmp_path / "o"), *extra])
    err = capsys.readouterr().err
    assert status == 1
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_the_command_refuses_a_document_that_is_not_a_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lawsummary import dump

    part = tmp_path / "part.json"
    dump(datasets.load("ru-migration-2024").provisions[0], part)
    assert main(["site", str(part), "--output", str(tmp_path / "o")]) == 1
    assert "needs dataset documents, and this is a Provision" in capsys.readouterr().err


# -- the HTML helpers ---------------------------------------------------------------------------


def test_embed_moves_headings_and_drops_a_title() -> None:
    fragment = '<article lang="en">\n<h1>What changed</h1>\n<h2>Art. 1</h2>\n<p>x</p>\n</article>\n'
    assert (
        embed(fragment, 3)
        == '<article lang="en">\n<h3>What changed</h3>\n<h4>Art. 1</h4>\n<p>x</p>\n</article>\n'
    )
    assert (
        embed(fragment, 4, drop_title=True)
        == '<article lang="en">\n<h4>Art. 1</h4>\n<p>x</p>\n</article>\n'
    )
    assert embed("<h5>a</h5><h6>b</h6>", 6) == "<h6>a</h6><h6>b</h6>"  # never past h6


def test_marks_are_wrapped_in_classes_and_kept_as_words() -> None:
    ru = language("ru")
    out = mark_flags("<p>Штраф. (строже) (по сообщениям)</p>", ru)
    assert out == (
        '<p>Штраф. <span class="ls-direction ls-direction-harsher">(строже)</span> '
        '<span class="ls-grade ls-grade-reported">(по сообщениям)</span></p>'
    )


def test_tidy_keeps_one_full_stop_after_an_abbreviation() -> None:
    assert tidy("с 9 ноября 2024 г..") == "с 9 ноября 2024 г."
    assert tidy("and so on...") == "and so on..."


def test_version_labels_are_the_summaries_sentences(site: SiteReport) -> None:
    tree = _parse(site.output / "ru" / "ru-uk-322.1-2" / "index.html")
    labels = ["".join(a.itertext()) for a in tree.findall(".//nav[@class='ls-toc']//a")]
    ru = language("ru")
    start = ru.date(PartialDate(2024, 11, 9), governed=True)
    assert labels[0] == f"Действует с {start}"
    assert labels[-1] == "Что изменилось"
    summary = "".join(tree.find(".//section[@id='v-2024-11-09']/article/p").itertext())
    assert summary == labels[0]


def test_tables_scroll_in_a_labelled_box() -> None:
    out = boxed_tables("<table><tr><td>1</td></tr></table>", "Side by side")
    assert out == (
        '<div class="ls-table" role="region" tabindex="0" aria-label="Side by side">'
        "<table><tr><td>1</td></tr></table></div>"
    )


def test_the_build_does_not_depend_on_the_day_it_runs(tmp_path: Path) -> None:
    ds = datasets.load("ru-migration-2024")
    first = build_site([ds], tmp_path / "a", SiteOptions(locales=("en",)))
    second = build_site([ds], tmp_path / "b", SiteOptions(locales=("en",)))
    assert first.files == second.files
    for name in first.files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert dt.date.today().isoformat() not in (
        tmp_path / "a" / "en" / ds.id / "feed.atom"
    ).read_text(encoding="utf-8")


def test_the_footer_gives_the_data_date_and_the_legend_in_the_page_language(
    site: SiteReport,
) -> None:
    tree = _parse(site.output / "ru" / "ru-uk-322.1-3" / "index.html")
    date = tree.find(".//footer/p[@class='ls-data-date']")
    assert date is not None
    day = language("ru").date(PartialDate(2024, 12, 10))
    assert "".join(date.itertext()) == (
        f"Законы России 2024 года против незаконной миграции — Последняя дата в данных: {day}"
    )
    legend = tree.find(".//footer/section[@class='ls-legend']/dl")
    assert legend is not None
    terms = ["".join(dt_.itertext()) for dt_ in legend.findall("dt")]
    assert terms == ["подтверждено", "(по сообщениям)", "(не подтверждено)"]
    meanings = ["".join(dd.itertext()) for dd in legend.findall("dd")]
    assert meanings[1].startswith("По сообщениям: текст закона был недоступен")


def test_ids_are_unique_on_every_page(site: SiteReport) -> None:
    for name in site.pages:
        tree = _parse(site.output / name)
        ids = [e.get("id") for e in tree.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), name


def test_a_rebuild_removes_only_the_pages_it_no_longer_writes(tmp_path: Path) -> None:
    ru, xa = datasets.load("ru-migration-2024"), _exampleland()
    build_site([ru, xa], tmp_path, SiteOptions(locales=("en",)))
    own = tmp_path / "en" / "portal-notes.html"
    own.write_text("the portal's own file", encoding="utf-8")
    assert (tmp_path / "en" / "xa-ac-517-1" / "index.html").is_file()
    report = build_site([ru], tmp_path, SiteOptions(locales=("en",)))
    assert not (tmp_path / "en" / "xa-ac-517-1").exists()
    assert not (tmp_path / "en" / xa.id).exists()
    assert own.read_text(encoding="utf-8") == "the portal's own file"
    listed = (tmp_path / ".lawsummary-site-files").read_text(encoding="utf-8").splitlines()
    assert listed == list(report.files)
    assert all((tmp_path / name).is_file() for name in listed)


@pytest.mark.parametrize("code", SUPPORTED_LOCALES)
def test_no_mark_is_part_of_another_so_each_gets_one_span(code: str) -> None:
    from lawsummary.site.html import FLAGS

    lang = language(code)
    words = [lang.gettext(message) for message, _ in FLAGS]
    assert len(set(words)) == len(words)
    assert not [(a, b) for a in words for b in words if a != b and a in b]


def test_an_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SiteError, match="cannot write the file"):
        build_site([datasets.load("ru-migration-2024")], blocker / "site")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_the_legend_does_not_say_an_unconfirmed_fact_has_no_source(tmp_path: Path) -> None:
    """Kazakhstan's Art. 394(3) is unconfirmed and cites the police report it comes from:
    the legend of the grades must not say "no source was found" beside it."""
    build_site([datasets.load("kz-migration-2025")], tmp_path, SiteOptions(locales=("en", "ru")))
    for code, legend, old in (
        ("en", "Unconfirmed: no source found establishes this.", "no source was found"),
        ("ru", "Не подтверждено: ни один найденный источник этого не устанавливает.", "не найден"),
    ):
        page = (tmp_path / code / "kz-cc-394-3" / "index.html").read_text(encoding="utf-8")
        assert legend in page
        assert old not in page
