"""The output formats: one function per format, in a registry (:data:`FORMATS`).

Each statement is written by a :class:`~lawsummary.render.writer.Writer`; the written
statements are grouped into blocks (consecutive list items into one list, table rows
into one table), and each format lays the blocks out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TypeVar

import attrs

from lawsummary.explain import Explanation, Role
from lawsummary.i18n import Language, language
from lawsummary.render.writer import (
    Markup,
    RenderedStatement,
    Writer,
    html_escape,
    markdown_line,
)

__all__ = [
    "FORMATS",
    "Block",
    "FormatWriter",
    "output_format",
    "page",
    "render_statements",
]


def render_statements(
    explanation: Explanation, locale: str, markup: Markup = "plain"
) -> tuple[RenderedStatement, ...]:
    """Each statement written in ``locale``, with the languages it fell back to."""
    writer = Writer(language(locale), markup)
    return tuple(writer.statement(s) for s in explanation.statements)


_TABLE_ROLES = (Role.TABLE_HEADER, Role.TABLE_ROW)
_EMPTY_CELL = "—"

#: A block of output: a role and its rows. Each row is a tuple of cells: the one text of a
#: sentence, heading or title, one list item each, or one table row (its label, then each
#: cell written, ``_EMPTY_CELL`` for an empty one). Cells are values, never split again.
Block = tuple[Role, list[tuple[str, ...]]]


_ITEM = Role.ITEM


def _blocks(explanation: Explanation, lang: Language, markup: Markup) -> list[Block]:
    """Each statement written, then grouped (see ``_group``)."""
    writer = Writer(lang, markup)
    return _group(
        (s.role, writer.statement_text(s), writer.cells(s) if s.cells else ())
        for s in explanation.statements
    )


def _group(written: Iterable[tuple[Role, str, tuple[str, ...]]]) -> list[Block]:
    """Written statements (role, text, cells) as blocks: consecutive items grouped into
    one list and consecutive table rows into one table; every other statement on its own."""
    blocks: list[Block] = []
    group: list[tuple[str, ...]] | None = None
    group_role: Role | None = None
    for role, text, cells in written:
        if role is Role.ITEM or role in _TABLE_ROLES:
            kind = Role.ITEM if role is Role.ITEM else Role.TABLE_ROW
            row = (text, *(c or _EMPTY_CELL for c in cells)) if kind is Role.TABLE_ROW else (text,)
            if group is None or group_role is not kind:
                group, group_role = [], kind
                blocks.append((kind, group))
            group.append(row)
            continue
        group = None
        blocks.append((role, [(text,)]))
    return blocks


def _pipe_table(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows of cells as a pipe table (plain text or Markdown: the cells come written and
    escaped for it, "|" included, on one line each)."""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines.extend("| " + " | ".join(row) + " |" for row in rows[1:])
    return lines


_SENTENCE, _TITLE, _TABLE_ROW = Role.SENTENCE, Role.TITLE, Role.TABLE_ROW
_S = TypeVar("_S")
_role = attrgetter("role")
_rendered_role: Callable[[RenderedStatement], Role] = lambda r: r.statement.role  # noqa: E731
_rendered_text: Callable[[RenderedStatement], str] = attrgetter("text")
_rendered_cells: Callable[[RenderedStatement], tuple[str, ...]] = attrgetter("cells")


def _plain_text(
    statements: Iterable[_S],
    role_of: Callable[[_S], Role],
    text_of: Callable[[_S], str],
    cells_of: Callable[[_S], tuple[str, ...]],
) -> str:
    """Statements as plain text, in one pass: sentences as lines, list items with "- ", a
    blank line before a heading, a title underlined, consecutive table rows as one pipe
    table. ``text_of`` and ``cells_of`` give a statement's written text and cells (the
    writer's, or those already written)."""
    lines: list[str] = []
    rows: list[tuple[str, ...]] = []  # the table being read, written when it ends
    for statement in statements:
        role = role_of(statement)
        if role is _SENTENCE:
            if rows:
                _table_lines(lines, rows)
            lines.append(text_of(statement))
        elif role is _ITEM:
            if rows:
                _table_lines(lines, rows)
            lines.append("- " + text_of(statement))
        elif role in _TABLE_ROLES:
            cells = cells_of(statement)
            rows.append((text_of(statement), *(c or _EMPTY_CELL for c in cells)))
        else:  # a title or heading
            if rows:
                _table_lines(lines, rows)
            text = text_of(statement)
            if lines:
                lines.append("")
            lines.append(text)
            if role is _TITLE:
                lines.append("=" * len(text))
    if rows:
        _table_lines(lines, rows)
    return "\n".join(lines) + "\n"


def _table_lines(lines: list[str], rows: list[tuple[str, ...]]) -> None:
    if lines:
        lines.append("")
    lines.extend(_pipe_table(rows))
    rows.clear()


def _markdown(blocks: list[Block]) -> str:
    """Blocks as CommonMark (with GFM pipe tables). Every text comes escaped and on one
    line (see ``Writer``); each line's start is made safe here (``markdown_line``)."""
    lines: list[str] = []
    for role, rows in blocks:
        if lines:
            lines.append("")
        if role is Role.TITLE:
            lines.append(f"# {markdown_line(rows[0][0])}")
        elif role is Role.HEADING:
            lines.append(f"## {markdown_line(rows[0][0])}")
        elif role is Role.ITEM:
            lines.extend(f"- {markdown_line(row[0])}" for row in rows)
        elif role is Role.TABLE_ROW:
            lines.extend(_pipe_table(rows))
        else:
            lines.append(markdown_line(rows[0][0]))
    return "\n".join(lines) + "\n"


def _html(blocks: list[Block], lang: str) -> str:
    parts = [f'<article lang="{lang}">']
    for role, rows in blocks:
        if role is Role.TITLE:
            parts.append(f"<h1>{rows[0][0]}</h1>")
        elif role is Role.HEADING:
            parts.append(f"<h2>{rows[0][0]}</h2>")
        elif role is Role.ITEM:
            parts.append("<ul>" + "".join(f"<li>{row[0]}</li>" for row in rows) + "</ul>")
        elif role is Role.TABLE_ROW:
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
            parts.append(f"<p>{rows[0][0]}</p>")
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
        "readability": attrs.asdict(
            readability(
                _plain_text(rendered, _rendered_role, _rendered_text, _rendered_cells), lang
            )
        ),
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
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- the registry ------------------------------------------------------------------------------

#: Writes an explanation in one language: ``(explanation, language) -> str``.
FormatWriter = Callable[[Explanation, Language], str]

#: Every output format by name, in the order they are listed (the CLI's choices).
FORMATS: dict[str, FormatWriter] = {}


def output_format(name: str) -> Callable[[FormatWriter], FormatWriter]:
    """Register a function as the writer of the output format ``name``."""

    def register(write: FormatWriter) -> FormatWriter:
        if name in FORMATS:
            raise ValueError(f"output format {name!r} is already registered")
        FORMATS[name] = write
        return write

    return register


@output_format("text")
def text_format(explanation: Explanation, lang: Language) -> str:
    """Plain text: sentences as lines, list items with "- ", a title underlined."""
    writer = Writer(lang, "plain")
    return _plain_text(explanation.statements, _role, writer.statement_text, writer.cells)


@output_format("markdown")
def markdown_format(explanation: Explanation, lang: Language) -> str:
    return _markdown(_blocks(explanation, lang, "markdown"))


@output_format("html")
def html_format(explanation: Explanation, lang: Language) -> str:
    """An HTML fragment: an ``<article>`` in the locale's language."""
    return _html(_blocks(explanation, lang, "html"), lang.code)


@output_format("json")
def json_format(explanation: Explanation, lang: Language) -> str:
    """The statements with their texts, traces, grades and sources, and readability."""
    return _json(render_statements(explanation, lang.code), explanation, lang.code)


def page(explanation: Explanation, lang: Language, body: str) -> str:
    """A whole HTML page around an HTML fragment, titled with the first statement."""
    title = Writer(lang, "plain").statement(explanation.statements[0]).text
    return _PAGE.format(lang=lang.code, title=html_escape(title), body=body)
