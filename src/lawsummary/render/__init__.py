"""How to say it: statements in one locale and one output format.

:func:`summarize` is the whole pipeline (explain, then render). :func:`render`
realises an :class:`~lawsummary.explain.Explanation` in a locale and a format:
``text``, ``markdown``, ``html`` (a fragment, or a standalone page) or ``json``
(the statements with their traces).
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, Literal

import attrs

from lawsummary._classes import shared_methods
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
from lawsummary.explain.values import SHARED
from lawsummary.i18n import FALLBACKS, SUPPORTED_LOCALES, Language, language, review
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


N_ = str  # marks a message for the catalogs (see lawsummary.explain.values)


# Messages used only while rendering; marked so the catalogs hold them.
N_("(reported)")
N_("(unconfirmed)")
N_("{text} (in {language}; no translation in the data)")


@shared_methods
@attrs.frozen(repr=False, eq=False)
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

Markup = Literal["plain", "markdown", "html"]

#: A message with one placeholder and no other braces, split around it: the placeholder's
#: name, the text before it and the text after it. Filled by joining, without parsing.
_Single = tuple[str, str, str]

#: A catalog message ready to fill: translated, its literal text escaped; the same with
#: its first letter upper-cased (for a sentence or heading); whether the first letter
#: can only be upper-cased after filling (the message starts with a value); for a
#: message without placeholders, its finished text as a list item and as a sentence;
#: and for a message with one placeholder, the first two split (see ``_Single``).
_Template = tuple[str, str, bool, str | None, str | None, _Single | None, _Single | None]


def _single(template: str) -> _Single | None:
    """``template`` split around its one placeholder, if it has exactly one and no other braces."""
    parts = _FIELD.split(template)
    if len(parts) != 3:
        return None
    before, field, after = parts
    if "{" in before or "}" in before or "{" in after or "}" in after:
        return None
    return field[1:-1], before, after


#: The text of a shared message (see ``lawsummary.explain.shared``) as a statement: the
#: message, its text and the languages it fell back to, by identity and whether the
#: statement is a list item.
_Shared = dict[tuple[int, bool], tuple[Message, str, tuple[str, ...]]]

#: By locale and markup: the templates by message key, and the shared statement texts.
_STORES: dict[tuple[str, str], tuple[dict[str, _Template], _Shared]] = {}


class _Writer:
    """Writes values for one language and one markup (plain, markdown or html)."""

    __slots__ = (
        "code",
        "escape",
        "fallbacks",
        "lang",
        "markup",
        "shared",
        "templates",
        "writers",
    )

    def __init__(self, lang: Language, markup: Markup) -> None:
        self.lang = lang
        self.code = code = lang.code
        self.markup = markup
        self.fallbacks: list[str] = []
        self.escape: Callable[[str], str] = _ESCAPES[markup]
        self.writers = _PLAIN_WRITERS if markup == "plain" else _VALUE_WRITERS
        stores = _STORES.get((code, markup))
        if stores is None:
            stores = _STORES.setdefault((code, markup), ({}, {}))
        self.templates, self.shared = stores

    def template(self, key: str) -> _Template:
        """The message ``key`` translated, escaped and ready to fill (see ``_Template``)."""
        template = self.templates.get(key)
        if template is None:
            translated = self.lang.gettext(key)
            if self.markup != "plain":
                translated = "".join(
                    part if _FIELD.fullmatch(part) else self.escape(part)
                    for part in _FIELD.split(translated)
                )
            if translated[:1].isalpha():
                capitalized, after = translated[0].upper() + translated[1:], False
            else:
                capitalized, after = translated, True
            item: str | None = None
            sentence: str | None = None
            try:
                item = _tidy(translated.format_map({}))
            except (KeyError, IndexError):  # it has placeholders
                pass
            else:
                sentence = _capitalize(item)
            template = (
                translated,
                capitalized,
                after,
                item,
                sentence,
                _single(translated),
                _single(capitalized),
            )
            self.templates[key] = template
        return template

    def message(self, message: Message) -> str:
        template = self.templates.get(message.key) or self.template(message.key)
        return self._fill(template[0], template[5], message.values)

    def _fill(
        self, template: str, single: _Single | None, values: tuple[tuple[str, Value], ...]
    ) -> str:
        """``template`` filled with the values written; ``single`` is its split form."""
        if single is not None and len(values) == 1:
            name, value = values[0]
            if name == single[0]:  # the commonest: one value, joined in place
                return single[1] + self.writers[type(value)](self, value) + single[2]
        if not values:
            if "{" in template or "}" in template:
                return template.format_map({})
            return template
        writers = self.writers
        filled = {}
        for name, value in values:
            filled[name] = writers[type(value)](self, value)
        return template.format_map(filled)

    def text(self, text: LocalizedText) -> str:
        """A text from the data in this language, or marked as written in another."""
        own = text.get(self.code)
        if own is not None:
            return self.escape(own)
        for code in (*FALLBACKS[self.code], *text.languages):
            other = text.get(code)
            if other is None:
                continue
            self.fallbacks.append(code)
            shown = self.escape(other)
            if self.markup == "html":
                shown = f'<span lang="{code}">{shown}</span>'
            marker = self.template("{text} (in {language}; no translation in the data)")[0]
            return marker.format(text=shown, language=self.escape(self.lang.language_name(code)))
        raise AssertionError("a LocalizedText always has a text")  # pragma: no cover

    def _text_value(self, value: Text) -> str:
        return self.text(value.text)

    def _quantity(self, value: Quantity) -> str:
        formed = self.lang.quantity(value.low, value.high, value.unit)
        written = self.escape(formed)
        if written == formed:  # nothing to escape: keep its other forms (i18n.Formed)
            written = formed
        if value.unit == "index" and value.label is not None:
            return f"{written} ({self.text(value.label)})"
        return written

    def _more_than(self, value: MoreThan) -> str:
        return self.escape(self.lang.more_than(value.value, value.unit))

    def _number(self, value: Number) -> str:
        return self.escape(self.lang.number(value.value))

    def _verbatim(self, value: Verbatim) -> str:
        return self.escape(value.text)

    def _when(self, value: When) -> str:
        return self.escape(self.lang.date(value.date, governed=value.governed))

    def _link(self, value: Link) -> str:
        if self.markup == "html":
            url = _html_escape(value.url)
            return f'<a href="{url}">{url}</a>'
        if self.markup == "markdown":
            return f"<{value.url}>"
        return value.url

    def _items(self, value: Items) -> str:
        writers = self.writers
        items = value.items
        if len(items) == 1:  # a list of one is that one, in every style
            item = items[0]
            return writers[type(item)](self, item)
        parts = [writers[type(item)](self, item) for item in items]
        if value.style == "sentences":
            return " ".join(parts)
        return self.lang.join(parts, style=value.style)

    # Plain text needs no escaping: the commonest values, written without it.

    def _plain_text(self, value: Text) -> str:
        own = value.text.get(self.code)
        return own if own is not None else self.text(value.text)

    def _plain_quantity(self, value: Quantity) -> str:
        written = self.lang.quantity(value.low, value.high, value.unit)
        if value.unit == "index" and value.label is not None:
            return f"{written} ({self.text(value.label)})"
        return written

    def _plain_verbatim(self, value: Verbatim) -> str:
        return value.text

    def value(self, value: Value) -> str:
        writer = self.writers.get(type(value))
        if writer is None:
            raise TypeError(f"cannot write a {type(value).__name__}")
        return writer(self, value)

    def statement_text(self, statement: Statement) -> str:
        """The statement's sentence (or heading, item or row label), tidied and flagged."""
        message = statement.message
        item = statement.role is _ITEM
        if id(message) in SHARED:
            text = self._shared(message, item)
        else:
            text = self._message_text(message, item)
        if statement.flag_grade and statement.status in _GRADE_FLAG:
            flag = self.lang.gettext(_GRADE_FLAG[statement.status])
            text = f"{text} {self.escape(flag)}"
        return text

    def _message_text(self, message: Message, item: bool) -> str:
        """A statement's message filled and tidied; upper-cased unless it is a list item."""
        template = self.templates.get(message.key) or self.template(message.key)
        values = message.values
        if not values:
            fixed = template[3] if item else template[4]
            # Placeholders without values: the same error as filling them.
            return fixed if fixed is not None else self._fill(template[0], None, ())
        if item:
            text = self._fill(template[0], template[5], values)
        else:
            text = self._fill(template[1], template[6], values)
        if ".." in text:  # an abbreviation's full stop followed by the sentence's own
            text = _tidy(text)
        if template[2] and not item:
            text = _capitalize(text)
        return text

    def _shared(self, message: Message, item: bool) -> str:
        """A shared message's text (see ``lawsummary.explain.shared``), written once."""
        key = (id(message), item)
        hit = self.shared.get(key)
        if hit is not None and hit[0] is message:
            self.fallbacks.extend(hit[2])
            return hit[1]
        mark = len(self.fallbacks)
        text = self._message_text(message, item)
        if len(self.shared) >= 4096:  # forget, never grow
            self.shared.clear()
        self.shared[key] = (message, text, tuple(self.fallbacks[mark:]))
        return text

    def cells(self, statement: Statement) -> tuple[str, ...]:
        return tuple("" if c is None else _tidy(self.value(c)) for c in statement.cells)

    def statement(self, statement: Statement) -> RenderedStatement:
        self.fallbacks = []
        text = self.statement_text(statement)
        cells = self.cells(statement) if statement.cells else ()
        return RenderedStatement(statement, text, tuple(dict.fromkeys(self.fallbacks)), cells)


def _markdown_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _html_escape(text: str) -> str:
    """``html.escape(text, quote=True)``, without importing ``html`` at start-up."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def _plain(text: str) -> str:
    return text


_ESCAPES: dict[str, Callable[[str], str]] = {
    "plain": _plain,
    "markdown": _markdown_escape,
    "html": _html_escape,
}

#: How each kind of value is written; looked up by the value's exact type.
_VALUE_WRITERS: dict[type, Callable[[_Writer, Any], str]] = {
    Message: _Writer.message,
    Text: _Writer._text_value,
    Quantity: _Writer._quantity,
    MoreThan: _Writer._more_than,
    Number: _Writer._number,
    Verbatim: _Writer._verbatim,
    When: _Writer._when,
    Link: _Writer._link,
    Items: _Writer._items,
}
_PLAIN_WRITERS: dict[type, Callable[[_Writer, Any], str]] = {
    **_VALUE_WRITERS,
    Text: _Writer._plain_text,
    Quantity: _Writer._plain_quantity,
    Verbatim: _Writer._plain_verbatim,
}


def _tidy(text: str) -> str:
    """An abbreviation's full stop followed by the sentence's own ("2024 г.."): keep one.

    Two stops after a letter or digit become one; an ellipsis ("...") stays.
    """
    i = text.find("..")
    if i < 0:
        return text
    parts: list[str] = []
    start = 0
    while i >= 0:
        before = text[i - 1] if i > 0 else ""
        if (before.isalnum() or before == "_") and text[i + 2 : i + 3] != ".":
            parts.append(text[start : i + 1])
            start = i + 2
            i = text.find("..", start)
        else:
            i = text.find("..", i + 1)
    parts.append(text[start:])
    return "".join(parts)


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
    explanation: Explanation, locale: str, markup: Markup = "plain"
) -> tuple[RenderedStatement, ...]:
    """Each statement written in ``locale``, with the languages it fell back to."""
    writer = _Writer(language(locale), markup)
    return tuple(writer.statement(s) for s in explanation.statements)


_TABLE_ROLES = (Role.TABLE_HEADER, Role.TABLE_ROW)
_EMPTY_CELL = "—"

#: A block of output: a role and its texts (the items of one list, the rows of one table
#: with their cells joined by tabs, or a single sentence, heading or title).
Block = tuple[Role, list[str]]


_ITEM = Role.ITEM


def _blocks(explanation: Explanation, lang: Language, markup: Markup) -> list[Block]:
    """Each statement written, then grouped (see ``_group``)."""
    writer = _Writer(lang, markup)
    return _group(
        (s.role, writer.statement_text(s), writer.cells(s) if s.cells else ())
        for s in explanation.statements
    )


def _group(written: Iterable[tuple[Role, str, tuple[str, ...]]]) -> list[Block]:
    """Written statements (role, text, cells) as blocks: consecutive items grouped into
    one list and consecutive table rows into one table; every other statement on its own."""
    blocks: list[Block] = []
    group: list[str] | None = None
    group_role: Role | None = None
    for role, text, cells in written:
        if role is Role.ITEM or role in _TABLE_ROLES:
            kind = Role.ITEM if role is Role.ITEM else Role.TABLE_ROW
            if kind is Role.TABLE_ROW:
                text = "\t".join([text, *(c or _EMPTY_CELL for c in cells)])
            if group is None or group_role is not kind:
                group, group_role = [], kind
                blocks.append((kind, group))
            group.append(text)
            continue
        group = None
        blocks.append((role, [text]))
    return blocks


def _pipe_table(rows: list[str]) -> list[str]:
    cells = [row.split("\t") for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
    lines.extend("| " + " | ".join(row) + " |" for row in cells[1:])
    return lines


def _text(blocks: list[Block]) -> str:
    lines: list[str] = []
    for role, texts in blocks:
        if role is Role.SENTENCE:
            lines.append(texts[0])
        elif role is Role.ITEM:
            lines.extend([f"- {t}" for t in texts])
        elif role is Role.TABLE_ROW:
            if lines:
                lines.append("")
            lines.extend(_pipe_table(texts))
        else:
            if lines and role in (Role.TITLE, Role.HEADING):
                lines.append("")
            lines.append(texts[0])
            if role is Role.TITLE:
                lines.append("=" * len(texts[0]))
    return "\n".join(lines) + "\n"


_SENTENCE = Role.SENTENCE
_HEADINGS = (Role.TITLE, Role.HEADING)


def _plain_text(explanation: Explanation, lang: Language) -> str:
    """``_text(_blocks(explanation, lang, "plain"))`` in one pass, for the commonest output.

    Sentences, headings and list items are written line by line; a table (rare in
    plain text) goes through the blocks.
    """
    writer = _Writer(lang, "plain")
    write = writer.statement_text
    lines: list[str] = []
    for statement in explanation.statements:
        role = statement.role
        if role is _SENTENCE:
            lines.append(write(statement))
        elif role is _ITEM:
            lines.append("- " + write(statement))
        elif role in _HEADINGS:
            text = write(statement)
            if lines:
                lines.append("")
            lines.append(text)
            if role is Role.TITLE:
                lines.append("=" * len(text))
        else:  # a table: the general way
            return _text(_blocks(explanation, lang, "plain"))
    return "\n".join(lines) + "\n"


def _markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for role, texts in blocks:
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


def _html(blocks: list[Block], lang: str) -> str:
    parts = [f'<article lang="{lang}">']
    for role, texts in blocks:
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
        "readability": attrs.asdict(
            readability(_text(_group((r.statement.role, r.text, r.cells) for r in rendered)), lang)
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


def render(
    explanation: Explanation,
    *,
    locale: str,
    format: str = "text",
    standalone: bool = False,
) -> str:
    """Write an explanation in ``locale`` and ``format``; ``standalone`` makes a whole HTML page."""
    return _render(explanation, language(locale), format, standalone)


def _render(explanation: Explanation, lang: Language, format: str, standalone: bool) -> str:
    # The review-status notice (lawsummary.i18n.review), added to the finished output.
    return review.mark(_unmarked(explanation, lang, format, standalone), lang, format, standalone)


def _unmarked(explanation: Explanation, lang: Language, format: str, standalone: bool) -> str:
    code = lang.code
    if format == "text":
        out = _plain_text(explanation, lang)
    elif format == "markdown":
        out = _markdown(_blocks(explanation, lang, "markdown"))
    elif format == "html":
        out = _html(_blocks(explanation, lang, "html"), code)
    elif format == "json":
        out = _json(render_statements(explanation, code), explanation, code)
    else:
        raise UnsupportedFormatError(format, FORMATS)
    if standalone:
        if format != "html":
            raise LawSummaryError("standalone=True needs format='html'")
        title = render_statements(
            attrs.evolve(explanation, statements=explanation.statements[:1]), code
        )[0].text
        return _PAGE.format(lang=code, title=_html_escape(title), body=out)
    return out


_MEMO_SIZE = 512
_memo: OrderedDict[tuple[Any, ...], tuple[weakref.ref[Any], weakref.ref[Any] | None, str]] = (
    OrderedDict()
)
_memo_lock = threading.Lock()


def clear_memo(*, formatted: bool = False) -> None:
    """Forget the summaries kept for records summarised before (see :func:`summarize`).

    ``formatted=True`` also forgets the numbers, ranges, dates and lists each locale
    has formatted so far (kept by value, as a legal code repeats its figures).
    """
    with _memo_lock:
        _memo.clear()
    if formatted:
        for code in SUPPORTED_LOCALES:
            language(code).forget_formatted()


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
    lang = language(locale)  # fail early on a bad locale
    code = lang.code
    key = (id(obj), id(dataset), code, format, detail, standalone)
    with _memo_lock:
        hit = _memo.get(key)
        if hit is not None and hit[0]() is obj and (hit[1] is None or hit[1]() is dataset):
            _memo.move_to_end(key)
            return hit[2]
    explanation = explain(obj, detail=detail, dataset=dataset)
    text = _render(explanation, lang, format, standalone)
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
