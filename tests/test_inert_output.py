"""Every output format is inert: texts and URLs from the data make no structure of their own.

The property renders a record whose texts and source URLs are generated hostile strings
(markup, tables, newlines, tabs, "|", ``<script>``, ``javascript:`` links, bidi and
control characters) in every format, parses the output as a reader would (html5lib for
HTML, markdown-it-py with HTML enabled for Markdown) and compares its structure with the
same record holding harmless words: every element, link, heading, list item and table
row is one the summary wrote, every link points where the data says, and every hostile
text is still there, as text.

The records are built with attrs' validators off: what a record may hold is the reader's
business (``lawsummary.records.common``); the writers stay inert whatever they are given.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import attrs
import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lawsummary import datasets, summarize
from lawsummary.compare import compare_many
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import (
    Circumstance,
    LocalizedText,
    Offence,
    Provenance,
    Provision,
    Source,
    Status,
)
from lawsummary.render.writer import (
    REPLACEMENT,
    markdown_line,
    neutralise,
    tidy,
    url_text,
)

DATASET = datasets.load("ru-migration-2024")
_PROVISION = DATASET.provision("ru-uk-322.1-3")
_LOCALES = ("en", "ru")

#: Pieces that each try to make structure in one format or another.
_FRAGMENTS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><b>x</b>',
    "[x](javascript:alert(1))",
    "![i](https://evil.example/i.png)",
    "<https://evil.example/>",
    "<javascript:alert(1)>",
    "javascript:alert(1)",
    "https://autolink.example",
    "\n# heading\n",
    "\n## heading",
    "\n- item\n",
    "\n* item",
    "\n+ item",
    "\n1. item",
    "\n2) item",
    "\n===\n",
    "\n---\n",
    "\n> quote",
    "\n    code",
    "\n```\ncode\n```",
    "| a | b |\n|---|---|\n| c | d |",
    "\t",
    "|",
    "\\|",
    "\\",
    "#",
    "# ",
    "- ",
    "1. ",
    "`code`",
    "*em*",
    "__strong__",
    "~~strike~~",
    "&amp;",
    "&#x41;",
    "&lt;",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x9b2J",
    "\x00",
    "\x07",
    "\x7f",
    "\r\n",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2069",
    "\u00a0",
    "<!-- comment -->",
    "<?php ?>",
    "<![CDATA[x]]>",
    "</article>",
    "</td></tr><tr><td>",
    "{text}",
    "{}",
)

_hostile_text = st.lists(
    st.sampled_from(_FRAGMENTS) | st.text(alphabet="ab <>&|#-*_\n\t\\`[]()!", max_size=4),
    min_size=1,
    max_size=6,
).map("".join)
#: A text that shows something once neutralised (a blank text is not a text).
_text = (
    st.tuples(st.sampled_from(["", "Zz ", "1. "]), _hostile_text)
    .map("".join)
    .filter(lambda t: bool(neutralise(t).strip()))
)
#: What may follow a URL's host: every character a URL should not bring into markup.
_url_tail = st.lists(
    st.sampled_from(
        [
            '"><script>alert(1)</script>',
            "/>[x](javascript:alert(1))",
            "/>![i](https://evil.example/i.png)",
            ")](javascript:alert(1))",
            "<",
            ">",
            '"',
            "'",
            ")",
            "(",
            " ",
            "\t",
            "\n",
            "`",
            "|",
            "\\",
            "{",
            "}",
            "%41",
            "%",
            "ü",
            "\u202e",
            "\x1b[31m",
            "\x00",
            "?a=1&b=2",
            "#frag",
        ]
    )
    | st.text(alphabet="ab/.?&=", max_size=3),
    max_size=6,
).map("".join)


def _texts(text: str, *, english_only: bool = False) -> LocalizedText:
    if english_only:
        return LocalizedText.of(en=text)
    return LocalizedText.of(en=text, ru=text + " ru")


def _record(texts: list[str], urls: list[str], english_only: bool) -> tuple[Offence, list[Any]]:
    """The offence of part 3 with ``texts`` in its title, description, circumstance and
    note and ``urls`` as its sources; and two provisions with it, for ``compare_many``."""
    body = _PROVISION.latest().body
    assert isinstance(body, Offence)
    title, description, circumstance, note = texts
    with attrs.validators.disabled():
        offence = attrs.evolve(
            body,
            title=_texts(title),
            description=_texts(description),
            circumstances=(
                Circumstance(text=_texts(circumstance, english_only=english_only)),
                *body.circumstances[1:],
            ),
            provenance=Provenance(
                status=Status.REPORTED,
                sources=tuple(Source(url) for url in urls),
                note=_texts(note),
            ),
        )
        version = attrs.evolve(_PROVISION.versions[-1], body=offence)
        provisions = [
            attrs.evolve(_PROVISION, id=f"ru-uk-322.1-{n}", versions=(version,)) for n in (3, 4)
        ]
    assert all(isinstance(p, Provision) for p in provisions)
    return offence, provisions


def _outputs(
    offence: Offence, provisions: list[Any], locales: tuple[str, ...] = _LOCALES
) -> Iterator[tuple[str, str, str]]:
    table = compare_many(provisions, dataset=DATASET)
    for locale in locales:
        for fmt in ("text", "markdown", "html", "json"):
            yield (
                "summary",
                fmt,
                summarize(offence, locale=locale, format=fmt, detail="full", dataset=DATASET),
            )
            yield "table", fmt, summarize(table, locale=locale, format=fmt, dataset=DATASET)
        yield (
            "page",
            "page",
            summarize(
                offence,
                locale=locale,
                format="html",
                detail="full",
                standalone=True,
                dataset=DATASET,
            ),
        )


# -- reading each format back ------------------------------------------------------------------

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_INLINE_TEXT = ("text", "text_special")


def _markdown(out: str) -> tuple[list[Any], list[str], str]:
    """The structure of a Markdown document (every token but text, links by target), its
    link targets and its text."""
    shape: list[Any] = []
    links: list[str] = []
    texts: list[str] = []
    for token in _MD.parse(out):
        if token.type != "inline":
            shape.append((token.type, token.tag, token.nesting, token.markup))
            continue
        for child in token.children or ():
            if child.type in _INLINE_TEXT:
                texts.append(child.content)
                continue
            shape.append((child.type, child.tag, child.nesting, child.markup))
            if child.type == "link_open":
                links.append(str(child.attrs["href"]))
        texts.append(" ")
    return shape, links, "".join(texts)


def _html(out: str, page: bool) -> tuple[list[Any], list[str], str]:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(out) if page else parser.parseFragment(out)
    shape: list[Any] = []
    links: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):  # a comment or processing instruction
            shape.append(("not an element", str(element.tag)))
            continue
        shape.append((element.tag, sorted(k for k in element.attrib if k != "href")))
        if "href" in element.attrib:
            links.append(element.attrib["href"])
    return shape, links, " ".join(tree.itertext())


def _plain(out: str) -> tuple[list[Any], list[str], str]:
    """Plain text: its lines, each by how it starts (a table row, an item, an underline)."""
    lines = out.split("\n")
    shape = [len(lines)]
    return shape, [], out  # plain text has no links, only addresses as text


def _json(out: str) -> tuple[list[Any], list[str], str]:
    document = json.loads(out)
    statements = document["statements"]
    shape = [(s["role"], s["message"], len(s["cells"]), len(s["sources"])) for s in statements]
    links = [url for s in statements for url in s["sources"]]
    text = " ".join([s["text"] for s in statements] + [c for s in statements for c in s["cells"]])
    return shape, links, text


def _read(fmt: str, out: str) -> tuple[list[Any], list[str], str]:
    if fmt == "markdown":
        return _markdown(out)
    if fmt in ("html", "page"):
        return _html(out, fmt == "page")
    if fmt == "json":
        return _json(out)
    return _plain(out)


def _words(text: str) -> str:
    """Text compared as a reader sees it: spaces collapsed, case folded (a sentence's first
    letter is upper-cased), an abbreviation's doubled full stop tidied."""
    return " ".join(tidy(text).split()).casefold()


_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


#: As in tests/test_fuzz.py: ``LAWSUMMARY_FUZZ=thorough`` (or a number of examples in
#: ``LAWSUMMARY_FUZZ_EXAMPLES``) runs the property at length; CI runs a few dozen cases.
_THOROUGH = os.environ.get("LAWSUMMARY_FUZZ") == "thorough"
_EXAMPLES = int(os.environ.get("LAWSUMMARY_FUZZ_EXAMPLES", 2000 if _THOROUGH else 40))


@settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    texts=st.lists(_text, min_size=4, max_size=4),
    tails=st.lists(_url_tail, min_size=1, max_size=3),
    english_only=st.booleans(),
    other=st.sampled_from(SUPPORTED_LOCALES),
)
def test_hostile_texts_and_urls_make_no_structure(
    texts: list[str], tails: list[str], english_only: bool, other: str
) -> None:
    """English and Russian (the data's languages) and one other locale, which shows the
    texts marked as untranslated (in HTML, in a ``<span lang>``)."""
    locales = tuple(dict.fromkeys((*_LOCALES, other)))
    urls = [f"https://e{i}.example/{tail}" for i, tail in enumerate(tails)]
    hostile = list(_outputs(*_record(texts, urls, english_only), locales))
    benign_urls = [f"https://e{i}.example/zq" for i in range(len(tails))]
    benign_texts = [f"Zq{i}" for i in range(len(texts))]
    benign = list(_outputs(*_record(benign_texts, benign_urls, english_only), locales))
    assert len(hostile) == len(benign)
    for (what, fmt, out), (_, _, expected) in zip(hostile, benign, strict=True):
        where = f"{what} as {fmt}"
        if fmt != "json":  # JSON carries the data (see lawsummary.render.formats)
            assert not _UNSAFE.search(out), f"{where}: a control or bidi character is written"
        shape, links, text = _read(fmt, out)
        benign_shape, benign_links, _ = _read(fmt, expected)
        assert shape == benign_shape, f"{where}: the structure differs\n{out}"
        assert len(links) == len(benign_links), f"{where}: links differ\n{out}"
        if what != "table" and fmt != "text":
            # every link is the one the data gave, whole (read back, percent-decoded)
            expected_links = [unquote(url_text(u)) for u in urls]
            shown = [unquote(link) for link in links if "example/" in link]
            assert sorted(set(shown)) == sorted(set(expected_links)), where
        words = _words(text)
        for hostile_text in texts:
            if what == "table" and hostile_text is not texts[0]:
                continue  # only the title is in the table
            assert _words(neutralise(hostile_text)) in words, f"{where}: {hostile_text!r} lost"


# -- the rules, one by one --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain", "plain"),
        ("a\nb", "a b"),
        ("a\r\nb", "a b"),
        ("a\tb", "a b"),
        ("a\u2028b\u2029c\x85d", "a b c d"),
        ("\x1b[31mred\x1b[0m", f"{REPLACEMENT}[31mred{REPLACEMENT}[0m"),
        ("\x9b2J", f"{REPLACEMENT}2J"),
        ("x\x00\x07\x7fy", f"x{REPLACEMENT * 3}y"),
        ("abc\u202edef\u2066g\u2069", f"abc{REPLACEMENT}def{REPLACEMENT}g{REPLACEMENT}"),
        ("a\u00a0b\u200fc", "a\u00a0b\u200fc"),  # a no-break space and a mark are text
    ],
)
def test_neutralise(text: str, written: str) -> None:
    assert neutralise(text) == written


@pytest.mark.parametrize(
    ("url", "written"),
    [
        ("https://example.org/a?b=1&c=2#d", "https://example.org/a?b=1&c=2#d"),
        (
            "https://example.org/><script>alert(1)</script>",
            "https://example.org/%3E%3Cscript%3Ealert(1%29%3C/script%3E",
        ),
        ('https://example.org/"x y', "https://example.org/%22x%20y"),
        ("https://example.org/закон", "https://example.org/%D0%B7%D0%B0%D0%BA%D0%BE%D0%BD"),
        ("https://example.org/\\`|{}^", "https://example.org/%5C%60%7C%7B%7D%5E"),
        ("https://example.org/\u202e\n", "https://example.org/%E2%80%AE%0A"),
        ("https://example.org/a..b.", "https://example.org/a%2E.b%2E"),
    ],
)
def test_url_text(url: str, written: str) -> None:
    assert url_text(url) == written


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Fine", "Fine"),
        ("# heading", "\\# heading"),
        ("#", "\\#"),
        ("## heading", "\\## heading"),
        ("###### h", "\\###### h"),
        ("####### h", "####### h"),
        ("- item", "\\- item"),
        ("---", "\\---"),
        ("+ item", "\\+ item"),
        ("12. item", "12\\. item"),
        ("3) item", "3\\) item"),
        ("1.5 years", "1.5 years"),
        ("    code", "code"),
        ("C# ", "C\\#"),
        ("heading ##", "heading #\\#"),
    ],
)
def test_markdown_line(text: str, line: str) -> None:
    assert markdown_line(text) == line


def _hostile_offence(title: str, url: str) -> Offence:
    with attrs.validators.disabled():
        offence, _ = _record([title, "d", "c", "n"], [url], False)
    return offence


def test_a_script_in_a_url_stays_in_the_link() -> None:
    """The issue's case: ``<url>`` written as it came made a real ``<script>``."""
    offence = _hostile_offence("t", "https://evil.example/><script>alert(1)</script>")
    out = summarize(offence, locale="en", format="markdown", detail="full", dataset=DATASET)
    assert "<script>" not in _MD.render(out)
    assert "<https://evil.example/%3E%3Cscript%3Ealert(1%29%3C/script%3E>" in out
    link = "https://evil.example/>[x](javascript:alert(1))"
    offence = _hostile_offence("t", link)
    out = summarize(offence, locale="en", format="markdown", detail="full")
    _, links, _ = _markdown(out)
    assert [link for link in links if "evil" in link] == [
        "https://evil.example/%3E%5Bx%5D(javascript:alert(1%29%29"
    ]
    assert all(link.startswith("https://") for link in links)
    assert 'href="javascript' not in _MD.render(out)


def test_a_newline_in_a_title_makes_no_heading_and_does_not_end_a_table() -> None:
    offence, provisions = _record(
        ["A\n# B\n- C\n===", "d", "c", "n"], ["https://e.example/"], False
    )
    out = summarize(offence, locale="en", format="markdown", dataset=DATASET)
    tokens = [t.type for t in _MD.parse(out)]
    assert tokens.count("heading_open") == 1
    assert "bullet_list_open" in tokens  # the summary's own list of circumstances
    table = summarize(compare_many(provisions, dataset=DATASET), locale="en", format="markdown")
    tokens = [t.type for t in _MD.parse(table)]
    assert tokens.count("table_open") == 1
    assert tokens.count("tr_open") == 1 + 8  # the header and one row per feature


def test_a_tab_or_pipe_in_a_text_shifts_no_column() -> None:
    _, provisions = _record(["A\tB | C\\|", "d", "c", "n"], ["https://e.example/"], False)
    table = compare_many(provisions, dataset=DATASET)
    html = summarize(table, locale="en", format="html")
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(html)
    rows = [list(row) for row in tree.iter("tr")]
    assert {len(row) for row in rows} == {3}
    markdown = summarize(table, locale="en", format="markdown")
    cells = [
        t.children[0].content if t.children else ""
        for t in _MD.parse(markdown)
        if t.type == "inline" and t.map is not None
    ]
    assert "A B | C\\|" in cells
    text = summarize(table, locale="en", format="text")
    assert "A B | C\\|" in text


def test_terminal_escapes_are_not_written() -> None:
    offence = _hostile_offence("\x1b[2J\x1b]0;owned\x07\u202eevil", "https://e.example/")
    for fmt in ("text", "markdown", "html", "json"):
        out = summarize(offence, locale="en", format=fmt, dataset=DATASET)
        assert not {"\x1b", "\u202e", "\x07"} & set(out)
        shown = out.replace("\\[", "[").replace("\\]", "]")  # Markdown's escapes
        assert f"{REPLACEMENT}[2J{REPLACEMENT}]0;owned{REPLACEMENT}{REPLACEMENT}evil" in shown


def test_a_link_that_is_not_http_is_written_as_text() -> None:
    from lawsummary.explain import Link
    from lawsummary.i18n import language
    from lawsummary.render.writer import Writer

    for markup in ("plain", "markdown", "html"):
        written = Writer(language("en"), markup).value(Link("javascript:alert(1)", "$"))
        assert "href" not in written
        assert not written.startswith("<")
        assert "javascript:alert(1)" in written


def test_the_outline_prints_data_texts_inert() -> None:
    from lawsummary.outline import outline

    with attrs.validators.disabled():
        ds = attrs.evolve(DATASET, title=LocalizedText.of(en="A\x1b[2J\nB\u202eC"))
    first = outline(ds).split("\n")[0]
    assert first.startswith(f"A{REPLACEMENT}[2J B{REPLACEMENT}C (")
