"""What a text or URL from the data may bring into any output: nothing but text.

:func:`neutralise` is applied to every text from the data that a summary writes (and to
the data's texts in ``lawsummary show``); :func:`url_text` to every URL. Kept apart from
the writer so that what prints data without it (the outline) stays light to import.
"""

from __future__ import annotations

import re

__all__ = ["REPLACEMENT", "neutralise", "url_text"]

#: What a text from the data may not bring into the output: C0 and C1 control characters
#: (so also every ANSI escape sequence, which starts with ESC or CSI), DEL, the line and
#: paragraph separators, and the bidi embeddings, overrides and isolates (U+202A-U+202E,
#: U+2066-U+2069). "\r\n" is one line break.
_UNSAFE = re.compile("\r\n|[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: Of those, the ones that break a line or space it (tab): written as one space.
_SPACES = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")
#: What the others are written as: U+FFFD REPLACEMENT CHARACTER.
REPLACEMENT = "\ufffd"


def _replace(match: re.Match[str]) -> str:
    return " " if match.group()[0] in _SPACES else REPLACEMENT


def neutralise(text: str) -> str:
    """``text`` as it may be written in any output: on one line, inert on a terminal.

    A line break (``\\n``, ``\\r\\n``, ``\\r``, U+2028, U+2029, NEL, VT, FF, the
    information separators) or a tab becomes one space; every other control character
    (C0, DEL, C1: so an ANSI escape sequence loses its ESC or CSI) and every bidi
    embedding, override or isolate becomes U+FFFD (``"\ufffd"``). Everything else is kept.
    """
    if text.isprintable():  # the commonest: nothing to look for (all of those are not)
        return text
    return _UNSAFE.sub(_replace, text)


#: The characters a URL is written with as they are: RFC 3986's unreserved and reserved
#: characters, except ")" (it ends a Markdown link). "'" is safe in a double-quoted
#: attribute (and escaped there); "(" alone ends nothing.
_URL_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'(*+,;=%"
)
_URL_PLAIN = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'(*+,;=%]*\Z")


def url_text(url: str) -> str:
    """``url`` as written in every format: every other character percent-encoded (UTF-8).

    So no space, ``<``, ``>``, ``"``, ``)``, backslash, backtick, brace, ``|``, ``^``,
    control or non-ASCII character can end an autolink, a link or an attribute, or start
    markup; and a full stop at its end or before another is ``%2E``, so that a sentence's
    own full stop after it is not taken for it (nor merged with it, see :func:`tidy`).
    """
    if not _URL_PLAIN.match(url):
        url = "".join(
            c
            if c in _URL_SAFE
            else "".join(f"%{b:02X}" for b in c.encode("utf-8", "backslashreplace"))
            for c in url
        )
    if url[-1:] == "." or ".." in url:  # a full stop after it would read as the URL's
        url = _URL_STOPS.sub("%2E", url)
    return url


_URL_STOPS = re.compile(r"\.(?=\.|\Z)")
