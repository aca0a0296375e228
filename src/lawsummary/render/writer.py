"""The writer: values, messages and statements in one locale and one markup.

A :class:`Writer` writes for one language and one markup (plain, markdown or html).
Its stores, kept per locale and markup for the life of the process, hold each catalog
message ready to fill (:class:`Template`) and the text of each shared statement (a
statement whose message depends on nothing but constants and a dataset, marked
``Statement.shared``), so that both are made once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, NamedTuple

import attrs

from lawsummary._classes import shared_methods
from lawsummary._inert import REPLACEMENT, neutralise, url_text
from lawsummary.explain import (
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
)
from lawsummary.i18n import FALLBACKS, Dated, Language, Named
from lawsummary.records.common import LocalizedText, Status

__all__ = [
    "REPLACEMENT",
    "Markup",
    "RenderedStatement",
    "Template",
    "Writer",
    "capitalize",
    "html_escape",
    "markdown_line",
    "neutralise",
    "tidy",
    "url_text",
]

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


# Characters that start inline Markdown, HTML or an entity ("&" before "#", a letter or a
# digit); "(" is harmless once "[" is escaped. What starts a block is escaped where a line
# starts (see ``markdown_line``).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=[#A-Za-z0-9]))")


_FIELD = re.compile(r"(\{\w+\})")

Markup = Literal["plain", "markdown", "html"]

#: A message with one placeholder and no other braces, split around it: the placeholder's
#: name, the text before it and the text after it. Filled by joining, without parsing.
_Single = tuple[str, str, str]


class Template(NamedTuple):
    """A catalog message ready to fill, made once per locale, markup and message."""

    #: Translated, its literal text escaped for the markup.
    text: str
    #: The same with its first letter upper-cased (for a sentence or heading).
    capitalized: str
    #: The message starts with a value: its first letter is upper-cased after filling.
    starts_with_value: bool
    #: For a message without placeholders: its finished text as a list item ...
    item: str | None
    #: ... and as a sentence.
    sentence: str | None
    #: For a message with one placeholder: ``text`` split around it (see ``_Single``) ...
    single: _Single | None
    #: ... and ``capitalized`` split the same way.
    capitalized_single: _Single | None
    #: The other forms of names it asks for, as (placeholder, form): ``{country.in}`` is
    #: ("country", "in"), written from the locale's ``[forms]`` table.
    forms: tuple[tuple[str, str], ...] = ()


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
_STORES: dict[tuple[str, str], tuple[dict[str, Template], _Shared]] = {}


class Writer:
    """Writes values for one language and one markup (plain, markdown or html)."""

    __slots__ = (
        "code",
        "escape",
        "fallbacks",
        "held_notes",
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
        #: While a penalty phrase is written in a language that says a bound's note after
        #: the phrase (``LocaleData.note_after_penalty``), the notes held for it.
        self.held_notes: list[str] | None = None
        self.escape: Callable[[str], str] = _ESCAPES[markup]
        self.writers = _PLAIN_WRITERS if markup == "plain" else _VALUE_WRITERS
        stores = _STORES.get((code, markup))
        if stores is None:
            stores = _STORES.setdefault((code, markup), ({}, {}))
        self.templates, self.shared = stores

    def template(self, key: str) -> Template:
        """The message ``key`` translated, escaped and ready to fill (see ``Template``)."""
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
                item = tidy(translated.format_map({}))
            except (KeyError, IndexError):  # it has placeholders
                pass
            else:
                sentence = capitalize(item)
            template = Template(
                text=translated,
                capitalized=capitalized,
                starts_with_value=after,
                item=item,
                sentence=sentence,
                single=_single(translated),
                capitalized_single=_single(capitalized),
                forms=self.lang.forms_asked(translated),
            )
            self.templates[key] = template
        return template

    def message(self, message: Message) -> str:
        template = self.templates.get(message.key) or self.template(message.key)
        if message.context == "penalty" and self.lang.data.note_after_penalty:
            return self._penalty(template.text, template.single, message.values, template.forms)
        return self._fill(template.text, template.single, message.values, template.forms)

    def _penalty(
        self,
        template: str,
        single: _Single | None,
        values: tuple[tuple[str, Value], ...],
        forms: tuple[tuple[str, str], ...] = (),
    ) -> str:
        """A penalty phrase filled with the notes on its amounts' unknown bounds held back
        and said after the whole phrase, for a language whose amount comes before the
        noun ("3 жылға дейін бас бостандығынан айыру (төменгі шегі анықталмаған)")."""
        outer, self.held_notes = self.held_notes, []
        try:
            text = self._fill(template, single, values, forms)
            notes = self.held_notes
        finally:
            self.held_notes = outer
        if not notes:
            return text
        return f"{text} ({self.escape('; '.join(dict.fromkeys(notes)))})"

    def _held_back(self, value: Quantity) -> Quantity:
        """``value`` without its unknown bound, whose note is held for after the phrase."""
        if self.held_notes is None:
            return value
        note = self.lang.bound_note(value.low, value.high)
        if note is None:
            return value
        self.held_notes.append(note)
        low = value.low if isinstance(value.low, Decimal) else None
        high = value.high if isinstance(value.high, Decimal) else None
        return value._replace(low=low, high=high)

    def _fill(
        self,
        template: str,
        single: _Single | None,
        values: tuple[tuple[str, Value], ...],
        forms: tuple[tuple[str, str], ...] = (),
    ) -> str:
        """``template`` filled with the values written; ``single`` is its split form and
        ``forms`` the other forms of names it asks for (see ``Template``)."""
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
        for name, form in forms:
            if name in filled:
                filled[name] = self._with_form(filled[name], form)
        return template.format_map(filled)

    def _with_form(self, written: str, form: str) -> str:
        """``written`` with its ``form`` from the locale's ``[forms]`` table as an attribute."""
        named = written if isinstance(written, Named) else Named(written)
        listed = self.lang.data.forms.get(form, {})  # none: the name as it is
        found = listed.get(written)
        if found is not None:
            setattr(named, form, self.escape(found))
        else:
            pattern = self.escape(listed.get("*", "{name}"))
            setattr(named, form, pattern.replace("{name}", written))
        return named

    def text(self, text: LocalizedText) -> str:
        """A text from the data in this language, or marked as written in another.

        Written neutralised (see :func:`neutralise`) and escaped for the markup."""
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
                shown = f'<span lang="{html_escape(code)}">{shown}</span>'
            marker = self.template("{text} (in {language}; no translation in the data)").text
            return marker.format(text=shown, language=self.escape(self.lang.language_name(code)))
        raise AssertionError("a LocalizedText always has a text")  # pragma: no cover

    def _text_value(self, value: Text) -> str:
        return self.text(value.text)

    def _quantity(self, value: Quantity) -> str:
        value = self._held_back(value)
        if value.short is not None:
            return self.escape(self._short_quantity(value, value.short))
        formed = self.lang.quantity(value.low, value.high, value.unit)
        written = self.escape(formed)
        if written == formed:  # nothing to escape: keep its other forms (i18n.Formed)
            written = formed
        if value.unit == "index" and value.label is not None:
            return f"{written} ({self.text(value.label.text)})"
        return written

    def _more_than(self, value: MoreThan) -> str:
        return self.escape(self.lang.more_than(value.value, value.unit))

    def _number(self, value: Number) -> str:
        return self.escape(self.lang.number(value.value))

    def _verbatim(self, value: Verbatim) -> str:
        return self.escape(value.text)

    def _when(self, value: When) -> str:
        if value.governed:
            formed = self.lang.period_end(value.date)
            written = Dated(self.escape(formed))
            written.through = self.escape(formed.through)
        else:
            written = Dated(self.escape(self.lang.date(value.date)))
            written.through = written
        return written

    def _link(self, value: Link) -> str:
        url = url_text(value.url)
        if not url.startswith(("http://", "https://")):  # refused as a link: shown as text
            return self.escape(value.url)
        if self.markup == "html":
            url = html_escape(url)
            return f'<a href="{url}">{url}</a>'
        if self.markup == "markdown":
            return f"<{url}>"
        return url

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
        if own is None:
            return self.text(value.text)
        return own if own.isprintable() else neutralise(own)

    def _short_quantity(self, value: Quantity, short: Text) -> str:
        """An amount in an index unit with a short name: "up to 3,000 MCI"."""
        name = short.text.get(self.code)
        if name is None:  # no short name in this language: the full name, in any
            return self.lang.quantity(value.low, value.high, value.unit) + (
                f" ({self.text(value.label.text)})" if value.label is not None else ""
            )
        if not name.isprintable():
            name = neutralise(name)
        return self.lang.quantity(value.low, value.high, "index:short", label=name)

    def _plain_quantity(self, value: Quantity) -> str:
        value = self._held_back(value)
        if value.short is not None:
            return self._short_quantity(value, value.short)
        written = self.lang.quantity(value.low, value.high, value.unit)
        if value.unit == "index" and value.label is not None:
            return f"{written} ({self.text(value.label.text)})"
        return written

    def _plain_verbatim(self, value: Verbatim) -> str:
        text = value.text
        return text if text.isprintable() else neutralise(text)

    def value(self, value: Value) -> str:
        writer = self.writers.get(type(value))
        if writer is None:
            raise TypeError(f"cannot write a {type(value).__name__}")
        return writer(self, value)

    def statement_text(self, statement: Statement) -> str:
        """The statement's sentence (or heading, item or row label), tidied and flagged."""
        role, message, status, flag_grade, _, _, _, shared = statement
        item = role is _ITEM_ROLE
        text = self._shared(message, item) if shared else self._message_text(message, item)
        if flag_grade and status in _GRADE_FLAG:
            flag = self.lang.gettext(_GRADE_FLAG[status])
            text = f"{text} {self.escape(flag)}"
        return text

    def _message_text(self, message: Message, item: bool) -> str:
        """A statement's message filled and tidied; upper-cased unless it is a list item."""
        key, values, _ = message
        # A template's fields unpacked at once: cheaper than eight attribute look-ups.
        (
            text,
            capitalized,
            starts_with_value,
            as_item,
            as_sentence,
            single,
            capitalized_single,
            forms,
        ) = self.templates.get(key) or self.template(key)
        if not values:
            fixed = as_item if item else as_sentence
            # Placeholders without values: the same error as filling them.
            return fixed if fixed is not None else self._fill(text, None, ())
        fill = self._fill
        if message.context == "penalty" and self.lang.data.note_after_penalty:
            fill = self._penalty
        if item:
            text = fill(text, single, values, forms)
        else:
            text = fill(capitalized, capitalized_single, values, forms)
        if ".." in text:  # an abbreviation's full stop followed by the sentence's own
            text = tidy(text)
        if starts_with_value and not item:
            text = capitalize(text)
        return text

    def _shared(self, message: Message, item: bool) -> str:
        """A shared statement's text (see ``Statement.shared``), written once."""
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
        return tuple("" if c is None else tidy(self.value(c)) for c in statement.cells)

    def statement(self, statement: Statement) -> RenderedStatement:
        self.fallbacks = []
        text = self.statement_text(statement)
        cells = self.cells(statement) if statement.cells else ()
        return RenderedStatement(statement, text, tuple(dict.fromkeys(self.fallbacks)), cells)


def _plain_escape(text: str) -> str:
    return text if text.isprintable() else neutralise(text)


def _markdown_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text if text.isprintable() else neutralise(text))


#: What starts a block where a Markdown line starts (after "- ", "# " or nothing): a
#: heading, a list marker (ordered or not) or a thematic break ("---", "- - -"); its first
#: character is escaped, or an ordered marker's "." or ")". (">", "*", "_", "`", "~" and
#: "<" are escaped everywhere.)
_MD_BLOCK_START = re.compile(r"(?:\d{1,9}[.)]|#{1,6}|\+)(?= |\Z)|-(?=[ -]|\Z)")


def markdown_line(text: str) -> str:
    """A written Markdown text made safe as a line's content: leading spaces dropped (four
    would make code), a first character that would start a block escaped, and a last
    ``#`` escaped (it would close a heading)."""
    if text[:1] == " ":
        text = text.lstrip(" ")
    match = _MD_BLOCK_START.match(text)
    if match is not None:
        at = match.end() - 1 if text[0].isdigit() else 0
        text = f"{text[:at]}\\{text[at:]}"
    if text[-1:] in (" ", "#"):  # a heading's closing "#"s follow a space
        text = text.rstrip(" ")
        if text.endswith("#") and not text.endswith("\\#"):  # "\\#" closes nothing
            text = text[:-1] + "\\#"
    return text


def html_escape(text: str) -> str:
    """``html.escape(text, quote=True)``, without importing ``html`` at start-up."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


_ESCAPES: dict[str, Callable[[str], str]] = {
    "plain": _plain_escape,
    "markdown": _markdown_escape,
    "html": lambda text: html_escape(text if text.isprintable() else neutralise(text)),
}

#: How each kind of value is written; looked up by the value's exact type.
_VALUE_WRITERS: dict[type, Callable[[Writer, Any], str]] = {
    Message: Writer.message,
    Text: Writer._text_value,
    Quantity: Writer._quantity,
    MoreThan: Writer._more_than,
    Number: Writer._number,
    Verbatim: Writer._verbatim,
    When: Writer._when,
    Link: Writer._link,
    Items: Writer._items,
}
_PLAIN_WRITERS: dict[type, Callable[[Writer, Any], str]] = {
    **_VALUE_WRITERS,
    Text: Writer._plain_text,
    Quantity: Writer._plain_quantity,
    Verbatim: Writer._plain_verbatim,
}


#: Two full stops after a letter or digit, not an ellipsis: an abbreviation's stop
#: followed by the sentence's own ("2024 г..").
_DOUBLE_STOP = re.compile(r"(?<=\w)\.\.(?!\.)")


def tidy(text: str) -> str:
    """An abbreviation's full stop followed by the sentence's own ("2024 г.."): keep one.

    Two stops after a letter or digit become one; an ellipsis ("...") stays.
    """
    return _DOUBLE_STOP.sub(".", text) if ".." in text else text


_FIRST_LETTER = re.compile(r"((?:<[^>]*>)*)(\w)")


def capitalize(text: str) -> str:
    """Upper-case the first letter (after any markup), as a sentence or heading starts."""
    if text[:1].isalpha():
        return text[0].upper() + text[1:]
    match = _FIRST_LETTER.match(text)
    if not match:
        return text
    start = match.start(2)
    return text[:start] + text[start].upper() + text[start + 1 :]


_ITEM_ROLE = Role.ITEM
