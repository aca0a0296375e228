"""A small reader for the project's gettext ``.po`` catalogs.

Babel writes and updates the catalogs (``pybabel extract/update``); reading them at
run time only needs the translated strings, and this reader does that in a
fraction of the time Babel's full parser takes, which matters for start-up.
``tests/test_i18n.py`` checks that it reads exactly what Babel reads.
"""

from __future__ import annotations

import re

__all__ = ["PoSyntaxError", "read_po_messages"]

_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


class PoSyntaxError(ValueError):
    """A line the reader does not understand."""


def _unquote(text: str, number: int) -> str:
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        raise PoSyntaxError(f"line {number}: expected a quoted string, got {text!r}")

    def escape(match: re.Match[str]) -> str:
        try:
            return _ESCAPES[match.group(1)]
        except KeyError:
            raise PoSyntaxError(f"line {number}: unknown escape \\{match.group(1)}") from None

    return _ESCAPE.sub(escape, text[1:-1])


def read_po_messages(text: str) -> dict[tuple[str | None, str], str]:
    """Translated, non-fuzzy messages by (context, message id); the header is left out."""
    messages: dict[tuple[str | None, str], str] = {}
    entry: dict[str, str] = {}
    field = ""
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy
        msgid, msgstr = entry.get("msgid"), entry.get("msgstr")
        if msgid and msgstr and not fuzzy:
            messages[(entry.get("msgctxt"), msgid)] = msgstr
        entry, fuzzy = {}, False

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#,"):
            if entry:
                flush()
            fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if not field:
                raise PoSyntaxError(f"line {number}: a string outside an entry")
            entry[field] += _unquote(line, number)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword not in ("msgctxt", "msgid", "msgstr"):
                raise PoSyntaxError(f"line {number}: unsupported keyword {keyword!r}")
            if keyword in ("msgctxt", "msgid") and "msgstr" in entry:
                flush()
            field = keyword
            entry[field] = _unquote(rest, number)
    flush()
    return messages
