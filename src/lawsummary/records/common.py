"""Building blocks shared by every record: texts, dates, unknowns and provenance."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from lawsummary._classes import Enum, shared_methods

__all__ = [
    "MAX_TEXT_LENGTH",
    "UNKNOWN",
    "Fact",
    "FieldValueError",
    "LocalizedText",
    "OpenQuestion",
    "PartialDate",
    "Provenance",
    "Source",
    "Status",
    "Unknown",
    "check_id",
    "check_text",
    "suggest",
]


class FieldValueError(ValueError):
    """A field's value breaks a rule; ``field`` names it, so error paths can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Unknown(Enum):
    """The marker for a fact that exists but is not established.

    It is written ``"unknown"`` in documents. It is different from ``None``,
    which means "does not apply" or "absent".
    """

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        return self.value


UNKNOWN = Unknown.UNKNOWN

#: The longest text a record may hold, in characters.
MAX_TEXT_LENGTH = 10_000

#: Bidirectional embeddings, overrides and isolates: they reorder the text around them
#: on screen (the "Trojan Source" trick), so a text may not hold them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Characters that show nothing although they are not spaces or format characters.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_SPACE_OR_BLANK = " " + "".join(sorted(_BLANK))


def check_text(text: str) -> str | None:
    """What is wrong with a text a record may hold (``"is empty"``, ...), or ``None``.

    A text is at most :data:`MAX_TEXT_LENGTH` characters; it may hold newlines but no
    other control characters (tabs, escape sequences), no lone surrogates and no
    bidirectional overrides; and it must show something: a text of only spaces and
    invisible characters (such as U+200B) counts as empty. Such texts are refused,
    not cleaned, so what is stored is what every output shows.
    """
    if len(text) > MAX_TEXT_LENGTH:
        return f"is {len(text)} characters long; at most {MAX_TEXT_LENGTH} are allowed"
    if text.isprintable():  # the common case, checked in C: no control or format characters
        return None if text.strip(_SPACE_OR_BLANK) else "is empty"
    visible = False
    for position, char in enumerate(text):
        if char == "\n":
            continue
        category = unicodedata.category(char)
        if category == "Cs":
            return f"holds a lone surrogate U+{ord(char):04X} at position {position}"
        if category in ("Cc", "Zl", "Zp"):
            return (
                f"holds the control character U+{ord(char):04X} at position "
                f"{position}; only newlines are allowed"
            )
        if char in _BIDI_CONTROLS:
            return (
                f"holds the bidirectional control U+{ord(char):04X} at position "
                f"{position}; it would reorder the text on screen"
            )
        if not visible and category not in ("Cf", "Zs") and char not in _BLANK:
            visible = True
    return None if visible else "is empty (it holds only invisible characters)"


def suggest(value: str, choices: Iterable[str], *, listed: int = 20) -> tuple[str, list[str]]:
    """The closest of ``choices`` to ``value`` (or ``""``) and the first ``listed`` choices.

    The time is linear in the number of choices: at most 16 of them are compared closely
    (those sharing the first character and about the length, preferring those sharing the
    first two thirds of ``value``, and those ``value`` starts with or that start with it),
    so that a document with thousands of unresolved references is reported in a moment.
    """
    import difflib  # only when there is an error to explain
    import heapq

    pool = list(choices)
    size = len(value)
    first = [c for c in pool if c[:1] == value[:1]] or pool
    near = [c for c in first if abs(len(c) - size) <= 3]
    head = value[: max(1, size * 2 // 3)]
    closer = [c for c in near if c.startswith(head)] or near
    prefixes = [c for c in first if c.startswith(value) or value.startswith(c)]
    compared = (
        set(pool)
        if len(pool) <= 16
        else {*heapq.nsmallest(12, closer), *heapq.nsmallest(4, prefixes)}
    )
    close = difflib.get_close_matches(value, sorted(compared), n=1, cutoff=0.75)
    return (close[0] if close else ""), heapq.nsmallest(listed, pool)


_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
_LANG = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_[0-9]{3})?\Z")


def check_id(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Validator for record ids: lower-case letters, digits, '.', '_' and '-'."""
    if not _ID.match(value):
        raise FieldValueError(
            attribute.name,
            f"{value!r} is not a valid {attribute.name}: use lower-case letters, digits, "
            "'.', '_' and '-', starting with a letter or digit",
        )


def _check_entries(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]
) -> None:
    if not value:
        raise ValueError('a text needs at least one language, e.g. {"en": "..."}')
    seen: set[str] = set()
    for lang, text in value:
        if not _LANG.match(lang):
            raise ValueError(
                f"{lang!r} is not a language code: use a code such as 'en', 'ru', 'uz' or 'uz_Latn'"
            )
        if lang in seen:
            raise ValueError(f"language {lang!r} is given twice")
        seen.add(lang)
        problem = check_text(text)
        if problem is not None:
            raise ValueError(f"the {lang!r} text {problem}")


def _sorted_entries(
    value: Mapping[str, str] | tuple[tuple[str, str], ...],
) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), v) for k, v in items))


@shared_methods
@attrs.frozen(repr=False, eq=False)
class LocalizedText:
    """A text in one or more languages, keyed by language code.

    Written in documents as an object: ``{"en": "Fine", "ru": "Штраф"}``.
    """

    entries: tuple[tuple[str, str], ...] = attrs.field(
        converter=_sorted_entries, validator=_check_entries
    )
    #: The same texts by language, for :meth:`get` (summaries look texts up often).
    _by_language: dict[str, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_language", dict(self.entries))  # frozen: set once, here

    @classmethod
    def of(cls, **texts: str) -> LocalizedText:
        """Build a text from keyword arguments: ``LocalizedText.of(en="...", ru="...")``."""
        return cls(tuple(texts.items()))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.entries)

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, or ``None`` when the record has no text in it."""
        return self._by_language.get(lang)

    def __getitem__(self, lang: str) -> str:
        text = self.get(lang)
        if text is None:
            raise KeyError(lang)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self.languages)

    def as_dict(self) -> dict[str, str]:
        return dict(self.entries)


_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


@shared_methods
@attrs.frozen(repr=False, eq=False)
class PartialDate:
    """A calendar date known to the day, the month or only the year.

    Written in documents in ISO 8601 form: ``"2024-11-09"``, ``"2019-11"`` or ``"2019"``.
    The law's dates are not always known to the day; this says exactly how much is known.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range 1-9999")
        if self.day is not None and self.month is None:
            raise ValueError("a date with a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range 1-12")
        if self.day is not None and self.month is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    f"{self.year:04d}-{self.month:02d}-{self.day:02d} is not a real calendar date"
                ) from None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        match = _PARTIAL_DATE.match(text)
        if not match:
            raise ValueError(
                f"{text!r} is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only "
                "the month or year is known"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None  # the pattern requires it
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def is_exact(self) -> bool:
        """True when the date is known to the day."""
        return self.day is not None

    def earliest(self) -> dt.date:
        """The first day the date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day the date may stand for."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month + 1, 1) - dt.timedelta(days=1)

    def as_date(self) -> dt.date:
        """The exact date; raises ``ValueError`` when only the month or year is known."""
        if not self.is_exact:
            raise ValueError(f"{self} is known only to the {'month' if self.month else 'year'}")
        return self.earliest()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class Status(Enum):
    """How firmly a fact is established (the grades of the fact base)."""

    #: Read in the statute text or in an official or prosecutor's explanation.
    CONFIRMED = "confirmed"
    #: Read only in news or secondary sources; the statute text was not seen.
    REPORTED = "reported"
    #: Not found in any source; kept so the gap is visible.
    UNCONFIRMED = "unconfirmed"


#: A web address: http or https, a host with a dot, and none of the characters that end
#: or break out of a link in Markdown or HTML (spaces, quotes, angle brackets, backslashes,
#: backticks, braces) nor any control or non-ASCII character (write those percent-encoded).
_URL = re.compile(r"https?://[A-Za-z0-9._~%!$&'()*+,;=:@-]+\.[!#-;=?-\[\]_a-z~-]+\Z")
_URL_SHOWN = 200


def _check_url(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if len(value) > 2000 or not _URL.match(value):
        shown = repr(value[:_URL_SHOWN]) + ("..." if len(value) > _URL_SHOWN else "")
        raise FieldValueError(
            attribute.name,
            f"{shown} is not a web address: write a full http:// or https:// URL of at most "
            "2000 characters, with spaces, quotes, '<', '>', '\\', '`', '{', '}', '|', '^' "
            "and non-ASCII characters percent-encoded",
        )


def _nonempty_or_none(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    problem = check_text(value)
    if problem is not None and problem.startswith("is empty"):
        raise FieldValueError(attribute.name, f"{attribute.name} is empty: leave it out instead")
    if problem is not None:
        raise FieldValueError(attribute.name, f"{attribute.name} {problem}")


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Source:
    """Where a fact was read."""

    url: str = attrs.field(validator=_check_url)
    title: str | None = attrs.field(default=None, validator=_nonempty_or_none)
    publisher: str | None = attrs.field(default=None, validator=_nonempty_or_none)
    date: PartialDate | None = None


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Provenance:
    """The grade of a fact and the sources it was read in.

    A record's provenance covers every value inside it unless a value carries its own.
    """

    status: Status
    sources: tuple[Source, ...] = ()
    note: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        if self.status is not Status.UNCONFIRMED and not self.sources:
            raise ValueError(
                f"a {self.status.value} fact needs at least one source; "
                "use status 'unconfirmed' for a fact no source was found for"
            )
        urls = [s.url for s in self.sources]
        if len(set(urls)) != len(urls):
            raise ValueError("the same source URL is listed twice")


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Fact:
    """A plain statement of a rule, with its own provenance when it differs."""

    text: LocalizedText
    provenance: Provenance | None = None


@shared_methods
@attrs.frozen(repr=False, eq=False)
class OpenQuestion:
    """Something the sources leave open: a named gap, never a guess."""

    text: LocalizedText
    provenance: Provenance | None = None
