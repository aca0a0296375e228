"""How to say it: statements in one locale and one output format.

:func:`summarize` is the whole pipeline (explain, then render). :func:`render`
realises an :class:`~lawsummary.explain.Explanation` in a locale and a format:
``text``, ``markdown``, ``html`` (a fragment, or a standalone page) or ``json``
(the statements with their traces).
"""

from __future__ import annotations

import html
import json
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Literal

import attrs

from lawsummary.errors import LawSummaryError, UnsupportedFormatError
from lawsummary.explain import (
    Detail,
    Explanation,
    Items,
    Link,
    Message,
    MoreThan,
    Number,
    Quantity,
    Role,
    Statement,
    Text,
    Value,
    Verbatim,
    When,
    explain,
)
from lawsummary.i18n import FALLBACKS, SUPPORTED_LOCALES, Language, language
from lawsummary.records.common import LocalizedText, Status
from lawsummary.records.dataset import Dataset

__all__ = [
    "FORMATS",
    "RenderedStatement",
    "clear_memo",
    "render",
    "render_statements",
    "summarize",
]

Format = Literal["text", "markdown", "html", "json"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html", "json")

_GRADE_FLAG = {
    Status.REPORTED: "(reported)",
    Status.UNCONFIRMED: "(unconfirmed)",
}


def N_(message: str) -> str:
    return message


# Messages used only while rendering; marked so the catalogs hold them.
N_("(reported)")
N_("(unconfirmed)")
N_("{text} (in {language}; no translation in the data)")


@attrs.frozen
class RenderedStatement:
    """A statement written in one locale: its text and what it came from."""

    statement: Statement
    text: str
    #: Languages whose text was used in place of a missing translation in the data.
    fallbacks: tuple[str, ...]
    #: For table rows: each cell written, "" for an empty one.
    cells: tuple[str, ...] = ()


# Characters that start inline Markdown (or HTML in it); "(" is harmless once "[" is escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


_FIELD = re.compile(r"(\{\w+\})")


class _Writer:
    """Writes values for one language and one markup (plain, markdown or html)."""

    #: Escaped catalog messages, by markup and message (shared by every writer).
    _templates: ClassVar[dict[tuple[str, str], str]] = {}

    def __init__(self, lang: Language, markup: Literal["plain", "markdown", "html"]) -> None:
        self.lang = lang
        self.markup = markup
        self.fallbacks: list[str] = []

    def escape(self, text: str) -> str:
        if self.markup == "html":
            return html.escape(text, quote=True)
        if self.markup == "markdown":
            return _MD_SPECIAL.sub(r"\\\1", text)
        return text

    def message_template(self, template: str) -> str:
        """A catalog message with its literal text escaped and its placeholders kept."""
        if self.markup == "plain":
            return template
        key = (self.markup, template)
        escaped = self._templates.get(key)
        if escaped is None:
            escaped = "".join(
                part if _FIELD.fullmatch(part) else self.escape(part)
                for part in _FIELD.split(template)
            )
            self._templates[key] = escaped
        return escaped

    def message(self, message: Message) -> str:
        template = self.message_template(self.lang.gettext(message.key))
        values = {name: self.value(value) for name, value in message.values}
        return template.format(**values)

    def text(self, text: LocalizedText) -> str:
        own = text.get(self.lang.code)
        if own is not None:
            return self.escape(own)
        for code in (*FALLBACKS[self.lang.code], *text.languages):
            other = text.get(code)
            if other is None:
                continue
            self.fallbacks.append(code)
            shown = self.escape(other)
            if self.markup == "html":
                shown = f'<span lang="{code}">{shown}</span>'
            marker = self.lang.gettext("{text} (in {language}; no translation in the data)")
            return self.message_template(marker).format(
                text=shown, language=self.escape(self.lang.language_name(code))
            )
        raise AssertionError("a LocalizedText always has a text")  # pragma: no cover

    def value(self, value: Value) -> str:
        lang = self.lang
        if isinstance(value, Message):
            return self.message(value)
        if isinstance(value, Text):
            return self.text(value.text)
        if isinstance(value, Quantity):
            label = None
            if value.unit == "index" and value.label is not None:
                label = self.text(value.label)
            written = self.escape(lang.quantity(value.low, value.high, value.unit))
            return f"{written} ({label})" if label else written
        if isinstance(value, MoreThan):
            return self.escape(lang.more_than(value.value, value.unit))
        if isinstance(value, Number):
            return self.escape(lang.number(value.value))
        if isinstance(value, Verbatim):
            return self.escape(value.text)
        if isinstance(value, When):
            return self.escape(lang.date(value.date, governed=value.governed))
        if isinstance(value, Link):
            if self.markup == "html":
                url = html.escape(value.url, quote=True)
                return f'<a href="{url}">{url}</a>'
            if self.markup == "markdown":
                return f"<{value.url}>"
            return value.url
        if isinstance(value, Items):
            parts = [self.value(item) for item in value.items]
            if value.style == "sentences":
                return " ".join(parts)
            return lang.join(parts, style=value.style)
        raise TypeError(f"cannot write a {type(value).__name__}")  # pragma: no cover

    def statement(self, statement: Statement) -> RenderedStatement:
        self.fallbacks = []
        text = _tidy(self.message(statement.message))
        if statement.role is not Role.ITEM:
            text = _capitalize(text)
        if statement.flag_grade and statement.status in _GRADE_FLAG:
            flag = self.lang.gettext(_GRADE_FLAG[statement.status])
            text = f"{text} {self.escape(flag)}"
        cells = tuple("" if c is None else _tidy(self.value(c)) for c in statement.cells)
        return RenderedStatement(statement, text, tuple(dict.fromkeys(self.fallbacks)), cells)


# An abbreviation's full stop followed by the sentence's own ("2024 г.."): keep one.
_DOUBLE_STOP = re.compile(r"(?<=\w)\.\.(?!\.)")


def _tidy(text: str) -> str:
    return _DOUBLE_STOP.sub(".", text) if ".." in text else text


_FIRST_LETTER = re.compile(r"((?:<[^>]*>)*)(\w)")


def _capitalize(text: str) -> str:
    """Upper-case the first letter (after any markup), as a sentence or heading starts."""
    if text[:1].isalpha():
        return text[0].upper() + text[1:]
    match = _FIRST_LETTER.match(text)
    if not match:
        return text
    start = match.start(2)
    return text[:start] + text[start].upper() + text[start + 1 :]


def render_statements(
    explanation: Explanation, locale: str, markup: Literal["plain", "markdown", "html"] = "plain"
) -> tuple[RenderedStatement, ...]:
    """Each statement written in ``locale``, with the languages it fell back to."""
    writer = _Writer(language(locale), markup)
    return tuple(writer.statement(s) for s in explanation.statements)


_TABLE_ROLES = (Role.TABLE_HEADER, Role.TABLE_ROW)
_EMPTY_CELL = "—"


def _blocks(rendered: tuple[RenderedStatement, ...]) -> Iterator[tuple[Role, list[str]]]:
    """Consecutive items grouped into one list, consecutive table rows into one table
    (each row as its cells joined by tabs); every other statement on its own."""
    group: list[str] = []
    group_role: Role | None = None
    for r in rendered:
        role = r.statement.role
        kind = Role.TABLE_ROW if role in _TABLE_ROLES else role
        if kind in (Role.ITEM, Role.TABLE_ROW):
            if group and group_role is not kind:
                yield group_role, group  # type: ignore[misc]  # set with the group
                group = []
            group_role = kind
            cells = [c or _EMPTY_CELL for c in r.cells]
            group.append("\t".join([r.text, *cells]) if kind is Role.TABLE_ROW else r.text)
            continue
        if group:
            yield group_role, group  # type: ignore[misc]
            group = []
        yield role, [r.text]
    if group:
        yield group_role, group  # type: ignore[misc]


def _pipe_table(rows: list[str]) -> list[str]:
    cells = [row.split("\t") for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
    lines.extend("| " + " | ".join(row) + " |" for row in cells[1:])
    return lines


def _text(rendered: tuple[RenderedStatement, ...]) -> str:
    lines: list[str] = []
    for role, texts in _blocks(rendered):
        if role in (Role.TITLE, Role.HEADING) and lines:
            lines.append("")
        if role is Role.ITEM:
            lines.extend(f"- {t}" for t in texts)
        elif role is Role.TABLE_ROW:
            if lines:
                lines.append("")
            lines.extend(_pipe_table(texts))
        else:
            lines.extend(texts)
        if role is Role.TITLE:
            lines.append("=" * len(texts[0]))
    return "\n".join(lines) + "\n"


def _markdown(rendered: tuple[RenderedStatement, ...]) -> str:
    lines: list[str] = []
    for role, texts in _blocks(rendered):
        if lines:
            lines.append("")
        if role is Role.TITLE:
            lines.append(f"# {texts[0]}")
        elif role is Role.HEADING:
            lines.append(f"## {texts[0]}")
        elif role is Role.ITEM:
            lines.extend(f"- {t}" for t in texts)
        elif role is Role.TABLE_ROW:
            lines.extend(_pipe_table(texts))
        else:
            lines.extend(texts)
    return "\n".join(lines) + "\n"


def _html(rendered: tuple[RenderedStatement, ...], lang: str) -> str:
    parts = [f'<article lang="{lang}">']
    for role, texts in _blocks(rendered):
        if role is Role.TITLE:
            parts.append(f"<h1>{texts[0]}</h1>")
        elif role is Role.HEADING:
            parts.append(f"<h2>{texts[0]}</h2>")
        elif role is Role.ITEM:
            parts.append("<ul>" + "".join(f"<li>{t}</li>" for t in texts) + "</ul>")
        elif role is Role.TABLE_ROW:
            rows = [row.split("\t") for row in texts]
            head = "".join(f'<th scope="col">{c}</th>' for c in rows[0])
            body = "".join(
                "<tr>"
                + f'<th scope="row">{r[0]}</th>'
                + "".join(f"<td>{c}</td>" for c in r[1:])
                + "</tr>"
                for r in rows[1:]
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        else:
            parts.append(f"<p>{texts[0]}</p>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; }}
h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.2rem; margin-top: 2rem; }}
</style>
</head>
<body>
{body}</body>
</html>
"""


def _json(rendered: tuple[RenderedStatement, ...], explanation: Explanation, lang: str) -> str:
    from lawsummary.render.readability import readability

    document = {
        "locale": lang,
        "subject": explanation.subject,
        "detail": explanation.detail,
        "readability": attrs.asdict(readability(_text(rendered), lang)),
        "statements": [
            {
                "role": r.statement.role.value,
                "text": r.text,
                "message": r.statement.message.key,
                "context": r.statement.message.context,
                "status": r.statement.status.value if r.statement.status else None,
                "grade_shown": r.statement.flag_grade,
                "fallbacks": list(r.fallbacks),
                "cells": list(r.cells),
                "trace": list(r.statement.trace),
                "sources": [s.url for s in r.statement.sources],
            }
            for r in rendered
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(
    explanation: Explanation,
    *,
    locale: str,
    format: str = "text",
    standalone: bool = False,
) -> str:
    """Write an explanation in ``locale`` and ``format``; ``standalone`` makes a whole HTML page."""
    lang = language(locale).code
    writers: dict[str, Callable[[], str]] = {
        "text": lambda: _text(render_statements(explanation, lang)),
        "markdown": lambda: _markdown(render_statements(explanation, lang, "markdown")),
        "html": lambda: _html(render_statements(explanation, lang, "html"), lang),
        "json": lambda: _json(render_statements(explanation, lang), explanation, lang),
    }
    if format not in writers:
        raise UnsupportedFormatError(format, FORMATS)
    out = writers[format]()
    if standalone:
        if format != "html":
            raise LawSummaryError("standalone=True needs format='html'")
        title = render_statements(
            attrs.evolve(explanation, statements=explanation.statements[:1]), lang
        )[0].text
        return _PAGE.format(lang=lang, title=html.escape(title), body=out)
    return out


_MEMO_SIZE = 512
_memo: OrderedDict[tuple[Any, ...], tuple[weakref.ref[Any], weakref.ref[Any] | None, str]] = (
    OrderedDict()
)
_memo_lock = threading.Lock()


def clear_memo() -> None:
    """Forget the summaries kept for records summarised before (see :func:`summarize`)."""
    with _memo_lock:
        _memo.clear()


def summarize(
    obj: object,
    *,
    locale: str,
    format: str = "text",
    detail: Detail = "short",
    dataset: Dataset | None = None,
    standalone: bool = False,
) -> str:
    """A plain-language summary of any record in one of the supported locales.

    ``locale`` is required (``"en"``, ``"ru"``, ``"uz"``, ``"ky"``, ``"tg"``, ``"kk"``;
    variants such as ``en_GB`` resolve to their language). ``detail="full"`` adds
    everything the record holds: descriptions, every open question, sources and
    dates. ``dataset`` supplies context for a record taken out of a dataset.

    Records are immutable, so the last few hundred summaries are kept, by the
    identity of the record and its dataset: summarising the same record again (a
    web page, a batch) costs a look-up. :func:`clear_memo` forgets them.
    """
    code = language(locale).code  # fail early on a bad locale
    key = (id(obj), id(dataset), code, format, detail, standalone)
    with _memo_lock:
        hit = _memo.get(key)
        if hit is not None and hit[0]() is obj and (hit[1] is None or hit[1]() is dataset):
            _memo.move_to_end(key)
            return hit[2]
    explanation = explain(obj, detail=detail, dataset=dataset)
    text = render(explanation, locale=code, format=format, standalone=standalone)
    try:
        refs = (weakref.ref(obj), None if dataset is None else weakref.ref(dataset))
    except TypeError:  # not a record that can be kept track of: do not keep its summary
        return text
    with _memo_lock:
        _memo[key] = (*refs, text)
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return text


assert set(SUPPORTED_LOCALES) == set(FALLBACKS)
