"""Building blocks shared by every record: texts, dates, unknowns and provenance."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from lawsummary._classes import Enum, shared_methods

__all__ = [
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
        if not text.strip():
            raise ValueError(f"the {lang!r} text is empty")


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


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


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


def _check_url(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not re.match(r"https?://[^\s/]+\.[^\s]+\Z", value):
        raise FieldValueError(
            attribute.name, f"{value!r} is not a web address: write a full http:// or https:// URL"
        )


def _nonempty_or_none(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise FieldValueError(attribute.name, f"{attribute.name} is empty: leave it out instead")


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
