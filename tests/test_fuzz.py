"""The reader's contract, checked by mutating the bundled data at random.

For any bytes, :func:`lawsummary.loads` either returns records that dump (JSON and
TOML), come back equal, summarise in every locale, format and detail, and compare,
all without an exception; or it raises one :class:`InvalidDocumentError` whose paths
all lead into the document (see ``tests/paths.py``).

The documents are the bundled dataset, cut to a few provisions (and whole in the
thorough profile), and the fictional example, each mutated at random: values replaced
by hostile ones (huge or non-ASCII numbers, lone surrogates, control characters, bidi
overrides, invisible texts, unsafe URLs, deep nesting), keys dropped, added or
renamed, list items repeated or dropped, then written as JSON or TOML and sometimes
damaged byte by byte.

``LAWSUMMARY_FUZZ=thorough`` runs thousands of cases (``LAWSUMMARY_FUZZ_EXAMPLES``
sets the number) on the whole dataset too; the default is a few hundred.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import itertools
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lawsummary import (
    SUPPORTED_LOCALES,
    Dataset,
    InvalidDocumentError,
    LawSummaryError,
    datasets,
    dumps,
    loads,
    summarize,
)
from lawsummary.cli import main
from lawsummary.compare import compare
from lawsummary.errors import MAX_PROBLEMS
from tests.paths import parsed, path_exists

THOROUGH = os.environ.get("LAWSUMMARY_FUZZ") == "thorough"
EXAMPLES = int(os.environ.get("LAWSUMMARY_FUZZ_EXAMPLES", 5000 if THOROUGH else 200))
ROOT = Path(__file__).parent.parent

BUNDLED: dict[str, Any] = json.loads(dumps(datasets.load("ru-migration-2024")))
EXAMPLE: dict[str, Any] = json.loads(
    dumps(loads((ROOT / "examples" / "exampleland.toml").read_text(), "toml"))
)

HOSTILE_STRINGS = [
    "",
    " ",
    "\u200b",
    "\u3164",
    "t\ud800",
    "\udfff",
    "a\tb",
    "a\rb",
    "\x1b[31mred\x1b[0m",
    "\x00",
    "\x85",
    "a\u2028b",
    "\u202eevil\u202c",
    "\u2066x\u2069",
    "line\nbreak\n# heading\n- item\n===",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "| a | b |",
    "a" * 10_001,
    "a" * 9_999,
    "-0",
    "+0",
    "0E+20",
    "1E+26",
    "1E+1000000",
    "1E-1000000",
    "1" * 30,
    "0.000000001",
    "999999999999.99999999",
    "999999999999",
    "0.00000001",
    "0E-8",
    "1E+11",
    "0",
    "\u0663000",
    "\uff11\uff12",
    "1_000",
    " 12 ",
    "NaN",
    "Infinity",
    "2024-02-30",
    "2024-13-01",
    "\uff12\uff10\uff12\uff14-01-01",
    "20240101",
    "2024-W01-1",
    "2024-01-01T00:00:00",
    "0000",
    "9999-12-31",
    "0001-01-01",
    "0001",
    "9999-12",
    "2024-02-29",
    "unknown",
    "https://evil.example/><script>alert(1)</script>",
    "https://evil.example/>[x](javascript:alert(1))",
    "javascript:alert(1)",
    "https://example.org/a b",
    "https://example.org/?a=1&b='x'",
    "https://пример.рф/",
    "offence",
    "dataset",
    "measure",
    "fine",
    "confirmed",
    "reported",
    "XA",
    "RUB",
    "en",
    "ru-uk-322.1-3",
    "ru-criminal-code",
]

HOSTILE_VALUES: list[object] = [
    None,
    True,
    False,
    0,
    -1,
    10**12,
    10**30,
    2.5,
    [],
    {},
    [[[[[[[[[[]]]]]]]]]],
    {"en": "x"},
    {"en": "\u200b"},
    {"xx-YY": "x"},
    {"kind": "fine"},
    *HOSTILE_STRINGS,
]

# Texts the reader accepts that every output must still carry safely.
ODD_TEXTS = [
    "line one\nline two\n\n# heading\n- item\n1. item\n===\n---",
    "<script>alert(1)</script> & <b>bold</b> &amp; &#x27;",
    "[link](javascript:alert(1)) ![image](https://evil.example/x.png) <https://evil.example/>",
    "| a | b |\n|---|---|\n| c | d |",
    "*emphasis* _under_ `code` ~~strike~~ \\ \\* {{ }} {0} %s %(name)s",
    "3\u00a0000 рублей\u2009— «цитата»",
    "نیم\u200cفاصله עברית العربية",
    "e\u0301\u0301\u0301 a\u20dd \U0001f600\u200d\U0001f600",
    "\ufeffBOM at the start",
    "a" * 10_000,
    "x",
    " leading and trailing spaces ",
]

HOSTILE_KEYS = ["kind", "a.b", "x[0]", "", "\u200b", "id", "title", "en", "unknown", "t\ud800", '"']


def hostile(draw: st.DrawFn) -> object:
    """A hostile value, copied: the mutations change the values they insert."""
    return copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))


def nested(depth: int) -> object:
    value: object = []
    for _ in range(depth):
        value = [value]
    return value


def paths(tree: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in the tree to a value (the root is ``()``)."""
    found = [prefix]
    if len(prefix) > 40:  # deep enough to reach past the reader's limit
        return found
    if isinstance(tree, dict):
        for key, value in tree.items():
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found.extend(paths(value, (*prefix, index)))
    return found


def at(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


@st.composite
def mutated(draw: st.DrawFn, seed: dict[str, Any]) -> Any:
    """The tree of ``seed`` with one to four random mutations."""
    tree: Any = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, 4))):
        every = paths(tree)
        path = draw(st.sampled_from(every))
        operation = draw(
            st.sampled_from(
                ["replace"] * 6
                + ["text"] * 4
                + ["drop", "drop", "add", "add", "repeat", "swap"]
                + ["nest"]
            )
        )
        if not path:
            if draw(st.integers(0, 9)) == 0:
                tree = hostile(draw)
            continue
        parent, last = at(tree, path[:-1]), path[-1]
        if operation == "replace":
            parent[last] = draw(
                st.sampled_from(HOSTILE_VALUES).map(copy.deepcopy)
                | st.sampled_from(every).map(
                    lambda p: copy.deepcopy(at(seed, p)) if _has(seed, p) else None
                )
            )
        elif operation == "drop":
            del parent[last]
        elif operation == "add":
            if isinstance(parent, dict):
                parent[draw(st.sampled_from(HOSTILE_KEYS))] = hostile(draw)
            else:
                parent.insert(last, hostile(draw))
        elif operation == "repeat" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif operation == "swap":
            other = draw(st.sampled_from(every))
            if other and not _overlaps(path, other) and _has(tree, other):
                other_parent = at(tree, other[:-1])
                parent[last], other_parent[other[-1]] = other_parent[other[-1]], parent[last]
        elif operation == "text":  # a text in a language: accepted, so it reaches the output
            texts = [p for p in every if len(p) > 1 and isinstance(p[-1], str) and len(p[-1]) == 2]
            if texts:
                where = draw(st.sampled_from(texts))
                if isinstance(at(tree, where), str):
                    at(tree, where[:-1])[where[-1]] = draw(st.sampled_from(ODD_TEXTS))
        elif operation == "nest":
            parent[last] = nested(draw(st.sampled_from([5, 30, 31, 32, 33, 200])))
    return tree


def _has(tree: Any, path: tuple[Any, ...]) -> bool:
    try:
        at(tree, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _overlaps(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def cut(provisions: list[int]) -> dict[str, Any]:
    """The bundled dataset with only some provisions (and the measures they name)."""
    data = copy.deepcopy(BUNDLED)
    kept = [data["provisions"][i] for i in sorted(set(provisions))]
    ids = {p["id"] for p in kept}
    named = {m for p in kept for v in p["versions"] for m in v["body"].get("measures", [])}
    kept += [p for p in data["provisions"] if p["id"] in named - ids]
    data["provisions"] = kept
    return data


seeds = st.one_of(
    st.lists(st.integers(0, len(BUNDLED["provisions"]) - 1), min_size=1, max_size=3).map(cut),
    st.just(EXAMPLE),
    *([st.just(BUNDLED)] if THOROUGH else []),
)


def encoded(tree: Any, fmt: str) -> bytes:
    if fmt == "toml" and isinstance(tree, dict):
        try:
            return tomli_w.dumps(tree).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError, RecursionError):
            pass
    try:
        return json.dumps(tree, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except RecursionError:
        return b"[" * 10_000


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, Literal["json", "toml"]]:
    tree = draw(seeds.flatmap(mutated))
    fmt: Literal["json", "toml"] = draw(st.sampled_from(["json", "json", "toml"]))
    raw = bytearray(encoded(tree, fmt))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):  # damage the bytes sometimes
        position = draw(st.integers(0, max(len(raw) - 1, 0)))
        damage = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if damage == "flip" and raw:
            raw[position] ^= 1 << draw(st.integers(0, 7))
        elif damage == "cut":
            del raw[position : position + draw(st.integers(1, 20))]
        elif damage == "insert":
            raw[position:position] = draw(
                st.sampled_from(
                    [b"\xff", b"\xc3", b'"', b"{", b"[", b",", b"\\u", b"\x00", b"\n", b"[" * 5000]
                )
            )
        else:
            del raw[position:]
    return bytes(raw), fmt


OUTPUTS: tuple[Literal["text", "markdown", "html", "json"], ...] = (
    "text",
    "markdown",
    "html",
    "json",
)
DAYS = [dt.date(2020, 1, 1), dt.date(2024, 11, 1), dt.date(2025, 1, 1), dt.date(2026, 6, 1)]


def check_accepted(record: object, detail: Literal["short", "full"]) -> None:
    """What every accepted document must do without an exception."""
    formats: tuple[Literal["json", "toml"], ...] = ("json", "toml")
    for fmt in formats:
        text = dumps(record, fmt)
        text.encode("utf-8")  # no lone surrogate got through
        assert loads(text, fmt) == record
    context = record if isinstance(record, Dataset) else None
    for locale in SUPPORTED_LOCALES:
        for shape in OUTPUTS:
            try:
                out = summarize(record, locale=locale, format=shape, detail=detail)
            except LawSummaryError:
                assert context is None  # a record out of its dataset may need one
                continue
            out.encode("utf-8")
    if isinstance(record, Dataset):
        for before, after in itertools.pairwise(DAYS):
            change = compare(record.as_of(before), record.as_of(after))
            summarize(change, locale="ru", format="markdown", detail=detail).encode("utf-8")
        summarize(compare(record, record), locale="en").encode("utf-8")


def check(raw: bytes, fmt: Literal["json", "toml"], detail: Literal["short", "full"]) -> None:
    refused: InvalidDocumentError | None = None
    try:
        record = loads(raw, fmt)
    except InvalidDocumentError as error:  # anything else fails the test
        refused = error
    if refused is None:
        event("accepted", type(record).__name__)
        check_accepted(record, detail)
        return
    assert refused.problems
    assert len(refused.problems) <= MAX_PROBLEMS
    str(refused).encode("utf-8")  # printable on any UTF-8 terminal
    document = parsed(raw, fmt)
    for problem in refused.problems:
        assert path_exists(document, problem.path), problem
    event("rejected", refused.problems[0].message.split(":")[0][:40])


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents(), st.sampled_from(["short", "full"]))
def test_every_document_is_either_usable_or_one_clear_error(
    document: tuple[bytes, Literal["json", "toml"]], detail: Literal["short", "full"]
) -> None:
    check(*document, detail)


def test_the_seeds_are_accepted() -> None:
    for seed in (BUNDLED, EXAMPLE, cut([0]), cut([1, 2])):
        check_accepted(loads(json.dumps(seed)), "full")


@settings(
    max_examples=max(EXAMPLES // 5, 20),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents(), st.sampled_from(SUPPORTED_LOCALES))
def test_the_command_line_reports_every_document_in_one_way(
    document: tuple[bytes, Literal["json", "toml"]], locale: str
) -> None:
    raw, fmt = document
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"document.{fmt}"
        path.write_bytes(raw)
        for argv in (
            ["validate", str(path)],
            ["summarize", str(path), "--locale", locale, "--format", "markdown"],
            ["show", str(path), "--lang", locale],
        ):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = main(argv)
            assert status in (0, 1), (argv, err.getvalue())
            if status == 1:
                assert err.getvalue()
                for line in err.getvalue().splitlines():
                    assert line.startswith((str(path), "lawsummary: ")), line
            elif argv[0] == "validate":
                assert out.getvalue() == f"{path}: valid\n"
