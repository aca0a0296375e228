"""A small reader for the project's gettext ``.po`` catalogs.

Babel writes and updates the catalogs (``pybabel extract/update``) and ``pybabel
compile`` checks them (a test runs it); reading them at run time only needs the
translated strings and the header, and this reader does that in a fraction of the
time Babel's full parser takes, which matters for start-up (it is also cheaper than
compiling ``.mo`` files at install time and keeping them in step with the ``.po``).
It reads contexts (``msgctxt``) and plural entries (``msgid_plural``, ``msgstr[N]``).
``tests/test_i18n.py`` checks that it reads exactly what Babel reads.
"""

from __future__ import annotations

import re

__all__ = ["PoCatalog", "PoSyntaxError", "read_po_catalog", "read_po_messages"]

_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORDS = frozenset({"msgctxt", "msgid", "msgid_plural", "msgstr"})
_SKIPPED = frozenset({"#.", "#:", "#|"})


class PoSyntaxError(ValueError):
    """A line the reader does not understand."""


class PoCatalog:
    """What a catalog holds: its header fields and its translated, non-fuzzy messages.

    (A plain class: it is made once per locale, and an attrs class costs start-up time.)
    """

    __slots__ = ("header", "messages", "plurals")

    def __init__(
        self,
        header: dict[str, str],
        messages: dict[tuple[str | None, str], str],
        plurals: dict[tuple[str | None, str], tuple[str, tuple[str, ...]]],
    ) -> None:
        self.header = header
        #: Singular messages by (context, message id).
        self.messages = messages
        #: Plural messages by (context, singular id): the plural id and the forms, in order.
        self.plurals = plurals


def _keyword(word: str) -> bool:
    if word in _KEYWORDS:
        return True
    return word.startswith("msgstr[") and word.endswith("]") and word[7:-1].isdigit()


def _unquote(text: str, number: int) -> str:
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        raise PoSyntaxError(f"line {number}: expected a quoted string, got {text!r}")

    def escape(match: re.Match[str]) -> str:
        try:
            return _ESCAPES[match.group(1)]
        except KeyError:
            raise PoSyntaxError(f"line {number}: unknown escape \\{match.group(1)}") from None

    return _ESCAPE.sub(escape, text[1:-1])


def _header(text: str) -> dict[str, str]:
    fields = {}
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip()] = value.strip()
    return fields


def read_po_catalog(text: str) -> PoCatalog:
    """The header and the translated, non-fuzzy messages of a ``.po`` file's text."""
    header: dict[str, str] = {}
    messages: dict[tuple[str | None, str], str] = {}
    plurals: dict[tuple[str | None, str], tuple[str, tuple[str, ...]]] = {}
    entry: dict[str, str] = {}
    field = ""
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy, header
        msgid = entry.get("msgid")
        key = (entry.get("msgctxt"), msgid or "")
        if msgid == "" and "msgstr" in entry and entry.get("msgctxt") is None:
            header = _header(entry["msgstr"])
        elif msgid and not fuzzy:
            if "msgid_plural" in entry:
                forms: list[str] = []
                while f"msgstr[{len(forms)}]" in entry:
                    forms.append(entry[f"msgstr[{len(forms)}]"])
                if forms and all(forms):
                    plurals[key] = (entry["msgid_plural"], tuple(forms))
            elif entry.get("msgstr"):
                messages[key] = entry["msgstr"]
        entry, fuzzy = {}, False

    translated = False  # the entry has a msgstr: a msgctxt or msgid starts the next one
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:2] in _SKIPPED:  # translator and reference comments, the commonest lines
            continue
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#,"):
            if entry:
                flush()
                translated = False
            fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if not field:
                raise PoSyntaxError(f"line {number}: a string outside an entry")
            entry[field] += _unquote(line, number)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword not in _KEYWORDS and not _keyword(keyword):
                raise PoSyntaxError(f"line {number}: unsupported keyword {keyword!r}")
            if translated and (keyword == "msgid" or keyword == "msgctxt"):
                flush()
                translated = False
            if keyword[:6] == "msgstr":
                translated = True
            field = keyword
            entry[field] = _unquote(rest, number)
    flush()
    return PoCatalog(header, messages, plurals)


def read_po_messages(text: str) -> dict[tuple[str | None, str], str]:
    """Translated, non-fuzzy singular messages by (context, message id); no header."""
    return read_po_catalog(text).messages
