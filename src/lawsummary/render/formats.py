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

from lawsummary.errors import LawSummaryError, UnsupportedFormatError
from lawsummary.explain import Explanation, Role
from lawsummary.explain.values import Items, Message, Value
from lawsummary.i18n import Language, language
from lawsummary.render.writer import (
    Markup,
    RenderedStatement,
    Writer,
    html_escape,
    markdown_line,
    tidy,
)

__all__ = [
    "CSV_COLUMNS",
    "CSV_ITEM_COLUMNS",
    "FORMATS",
    "LEVELLED_FORMATS",
    "SUMMARY_SCHEMA_VERSION",
    "Block",
    "FormatWriter",
    "check_heading_level",
    "csv_format",
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


#: The version of the summary JSON's schema (``lawsummary schema summary``), written in
#: every JSON summary as ``schema_version``: the major number changes when a field is
#: removed or changes its meaning, the minor number when one is added.
SUMMARY_SCHEMA_VERSION = "1.0"

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


def _levels(blocks: list[Block], level: int | None) -> tuple[int, int]:
    """The levels of the title and of the headings: 1 and 2 by default; with ``level``,
    the top heading (the title, or the first heading where there is none) at ``level``."""
    if level is None:
        return 1, 2
    if any(role is Role.TITLE for role, _ in blocks):
        return level, min(6, level + 1)
    return level, level


def _markdown(blocks: list[Block], level: int | None = None) -> str:
    """Blocks as CommonMark (with GFM pipe tables). Every text comes escaped and on one
    line (see ``Writer``); each line's start is made safe here (``markdown_line``)."""
    top, sub = _levels(blocks, level)
    title, heading = "#" * top, "#" * sub
    lines: list[str] = []
    for role, rows in blocks:
        if lines:
            lines.append("")
        if role is Role.TITLE:
            lines.append(f"{title} {markdown_line(rows[0][0])}")
        elif role is Role.HEADING:
            lines.append(f"{heading} {markdown_line(rows[0][0])}")
        elif role is Role.ITEM:
            lines.extend(f"- {markdown_line(row[0])}" for row in rows)
        elif role is Role.TABLE_ROW:
            lines.extend(_pipe_table(rows))
        else:
            lines.append(markdown_line(rows[0][0]))
    return "\n".join(lines) + "\n"


def _html(blocks: list[Block], lang: str, level: int | None = None) -> str:
    top, sub = _levels(blocks, level)
    title, heading = f"h{top}", f"h{sub}"
    parts = [f'<article lang="{lang}">']
    for role, rows in blocks:
        if role is Role.TITLE:
            parts.append(f"<{title}>{rows[0][0]}</{title}>")
        elif role is Role.HEADING:
            parts.append(f"<{heading}>{rows[0][0]}</{heading}>")
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
        "schema_version": SUMMARY_SCHEMA_VERSION,
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


#: The formats whose top heading level can be chosen (``summarize(..., heading_level=3)``):
#: ``(explanation, language, level) -> str``.
LEVELLED_FORMATS: dict[str, Callable[[Explanation, Language, int], str]] = {
    "html": lambda explanation, lang, level: _html(
        _blocks(explanation, lang, "html"), lang.code, level
    ),
    "markdown": lambda explanation, lang, level: _markdown(
        _blocks(explanation, lang, "markdown"), level
    ),
}


def check_heading_level(level: object, format: str) -> None:
    """Refuse a heading level that is not 1 to 6, or a format without headings to move."""
    format_writer(format)  # an unknown format is refused first
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 6:
        raise LawSummaryError(f"heading_level {level!r}: write a whole number from 1 to 6")
    if format not in LEVELLED_FORMATS:
        raise LawSummaryError(
            f"heading_level={level} needs format 'html' or 'markdown', not {format!r}"
        )


# -- CSV (comparison tables) -------------------------------------------------------------------

#: The message a table cell is graded with, ``{cell} {grade}`` (compare_many marks a column
#: whose facts are only reported or unconfirmed), and the grade each mark stands for.
_GRADED_CELL = "{cell} {grade}"
_GRADE_MARKS = {"(reported)": "reported", "(unconfirmed)": "unconfirmed"}
#: The message of a penalty with how its amount was converted, ``{penalty} ({conversion})``.
_CONVERTED = "{penalty} ({conversion})"


def _split_cell(cell: Value | None) -> tuple[Value | None, list[Value], str]:
    """A table cell as (its value without conversions and grade, the conversions, the grade)."""
    grade = ""
    conversions: list[Value] = []
    if isinstance(cell, Message) and cell.key == _GRADED_CELL:
        values = dict(cell.values)
        mark = values.get("grade")
        if isinstance(mark, Message) and mark.key in _GRADE_MARKS:
            grade = _GRADE_MARKS[mark.key]
            cell = values.get("cell")

    def strip(value: Value) -> Value:
        if isinstance(value, Message) and value.key == _CONVERTED:
            values = dict(value.values)
            conversions.append(values["conversion"])
            return strip(values["penalty"])
        if isinstance(value, Items):
            return value._replace(items=tuple(strip(v) for v in value.items))
        if isinstance(value, Message) and value.values:
            return value._replace(values=tuple((k, strip(v)) for k, v in value.values))
        return value

    return (None if cell is None else strip(cell)), conversions, grade


#: The CSV's first columns: the row's feature (the catalog message, the same in every
#: locale) and its label in the locale; then three columns per item of the table.
CSV_COLUMNS = ("feature", "label")
#: The three columns of item ``n`` (from 1): the cell, its conversions, its grade.
CSV_ITEM_COLUMNS = ("item_{n}", "item_{n}_conversion", "item_{n}_grade")


def _csv(explanation: Explanation, lang: Language) -> str:
    import csv
    import io

    header = next((s for s in explanation.statements if s.role is Role.TABLE_HEADER), None)
    if header is None:
        raise LawSummaryError(
            f"format 'csv' writes comparison tables (compare_many), and this summary of a "
            f"{explanation.subject} has none; use 'json' for its statements"
        )
    writer = Writer(lang, "plain")
    width = len(header.cells)
    out = io.StringIO()
    table = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    table.writerow(
        [*CSV_COLUMNS, *(c.format(n=n) for n in range(1, width + 1) for c in CSV_ITEM_COLUMNS)]
    )
    for statement in explanation.statements:
        if statement.role not in _TABLE_ROLES:
            continue
        row = [statement.message.key, writer.statement_text(statement)]
        for cell in statement.cells:
            value, conversions, grade = _split_cell(cell)
            row.append("" if value is None else tidy(writer.value(value)))
            row.append("; ".join(tidy(writer.value(c)) for c in conversions))
            row.append(grade)
        table.writerow(row)
    return out.getvalue()


def csv_format(explanation: Explanation, lang: Language) -> str:
    """A comparison table as CSV (RFC 4180): one row per feature, three columns per item.

    The columns are ``feature`` (the row's catalog message, the same in every locale),
    ``label`` (the row's name in the locale), then for each item ``item_N`` (the cell as
    the table writes it, without its conversions and grade; empty where the item has
    nothing), ``item_N_conversion`` (how an amount in the cell was converted, or why it
    was not; "; " between several) and ``item_N_grade`` (``reported`` or
    ``unconfirmed`` where the table marks the cell, else empty). The first rows are the
    items' citations (``Feature``) and titles (``Offence``). Built from the table's
    structured cells, so a tab or a comma in a text stays in its cell.
    """
    return _csv(explanation, lang)


#: Formats for comparison tables only (``compare_many``), kept apart from :data:`FORMATS`
#: (which writes every record): ``summarize(table, format="csv")``, ``compare --format csv``.
TABLE_FORMATS: dict[str, FormatWriter] = {"csv": csv_format}


def format_writer(format: str) -> FormatWriter:
    """The writer of ``format``: one of :data:`FORMATS`, or of :data:`TABLE_FORMATS`."""
    write = FORMATS.get(format) or TABLE_FORMATS.get(format)
    if write is None:
        raise UnsupportedFormatError(format, [*FORMATS, *TABLE_FORMATS])
    return write


def page(explanation: Explanation, lang: Language, body: str) -> str:
    """A whole HTML page around an HTML fragment, titled with the first statement."""
    title = Writer(lang, "plain").statement(explanation.statements[0]).text
    return _PAGE.format(lang=lang.code, title=html_escape(title), body=body)
