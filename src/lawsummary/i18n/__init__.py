"""Locales: resolving a locale name, the message catalogs, and CLDR-based formatting.

The locale is always an explicit argument; nothing here reads the environment. A
:class:`Language` is made once per locale and cached: its Babel locale, its
catalog and its formatters are parsed once.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from lawsummary._classes import shared_repr
from lawsummary.errors import LawSummaryError
from lawsummary.i18n.grammar import CODE_PATTERNS, RANGE_PATTERNS, UNIT_WORDS, RangePatterns
from lawsummary.records.common import PartialDate

__all__ = [
    "FALLBACKS",
    "SUPPORTED_LOCALES",
    "CatalogError",
    "Language",
    "UnsupportedLocaleError",
    "add_fallback",
    "add_messages",
    "language",
    "resolve_locale",
]

#: The locales lawsummary writes, in the order it lists them.
SUPPORTED_LOCALES: tuple[str, ...] = ("en", "ru", "uz", "ky", "tg", "kk")

#: Where a record has no text in a language, the languages tried next, in order.
FALLBACKS: Mapping[str, tuple[str, ...]] = {
    "en": ("ru",),
    "ru": ("en",),
    "uz": ("ru", "en"),
    "ky": ("ru", "en"),
    "tg": ("ru", "en"),
    "kk": ("ru", "en"),
}

#: Scripts each language is written in here (Uzbek in Latin script only).
_SCRIPTS: Mapping[str, tuple[str, ...]] = {
    "en": ("Latn",),
    "ru": ("Cyrl",),
    "uz": ("Latn",),
    "ky": ("Cyrl",),
    "tg": ("Cyrl",),
    "kk": ("Cyrl",),
}

_TAG = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,3}\Z")


class UnsupportedLocaleError(LawSummaryError, LookupError):
    """A locale lawsummary does not write, or a string that is not a locale name."""

    def __init__(self, locale: object, reason: str = "") -> None:
        self.locale = locale
        self.supported = SUPPORTED_LOCALES
        why = f" ({reason})" if reason else ""
        super().__init__(
            f"unsupported locale {locale!r}{why}; supported: {', '.join(SUPPORTED_LOCALES)}"
        )


class CatalogError(LawSummaryError, RuntimeError):
    """A message catalog the project claims to have is missing or broken."""


def resolve_locale(tag: object) -> str:
    """The supported locale for a locale name: ``en_GB`` → ``en``, ``uz_Latn`` → ``uz``.

    Raises :class:`UnsupportedLocaleError` for other languages, other scripts
    (``uz_Cyrl``) and anything that is not a locale name.
    """
    if not isinstance(tag, str) or not _TAG.match(tag):
        raise UnsupportedLocaleError(tag, "not a locale name such as 'ru' or 'en_GB'")
    from babel.core import parse_locale

    try:
        parts = parse_locale(tag.replace("-", "_"))
    except ValueError:
        raise UnsupportedLocaleError(tag, "not a locale name such as 'ru' or 'en_GB'") from None
    lang, script = parts[0].lower(), parts[2]
    if lang not in SUPPORTED_LOCALES:
        raise UnsupportedLocaleError(tag)
    if script is not None and script.title() not in _SCRIPTS[lang]:
        raise UnsupportedLocaleError(tag, f"{lang} is written here in {_SCRIPTS[lang][0]} script")
    return lang


# Month and year with the format-context (genitive) month name, after "с"/"до"/"по".
_GENITIVE_MONTH = {"ru": "MMMM y\u202f'г'."}  # the narrow no-break space CLDR uses

# Where CLDR's "and" list has no conjunction before the last item, the project's own.
_LIST_END = {"kk": "{0} және {1}", "tg": "{0} ва {1}"}


def _read_catalog(code: str) -> dict[tuple[str | None, str], str]:
    from lawsummary import _files
    from lawsummary.i18n.po import PoSyntaxError, read_po_messages

    try:
        raw = _files.read_bytes("locale", code, "LC_MESSAGES", "lawsummary.po")
    except OSError as exc:
        raise CatalogError(f"the {code!r} message catalog is missing: {exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(f"the {code!r} message catalog is not UTF-8: {exc}") from None
    try:
        messages = read_po_messages(text)
    except PoSyntaxError as exc:
        raise CatalogError(f"the {code!r} message catalog is broken: {exc}") from None
    if code != "en" and not messages:
        raise CatalogError(f"the {code!r} message catalog has no translations")
    return messages


#: Catalog entries of plug-ins (see :mod:`lawsummary.rules`), by locale and message key,
#: used where the package's catalogs have no translation.
_PLUGIN_MESSAGES: dict[str, dict[str, str]] = {}
#: Plug-in message keys written, in a locale without a text of the plug-in's own, as
#: another (the package's) message is.
_PLUGIN_FALLBACKS: dict[str, str] = {}


def add_messages(locale: str, messages: Mapping[str, str]) -> None:
    """Add a plug-in's catalog entries for ``locale`` (message key -> translation).

    The package's own catalogs come first: a plug-in adds words, it does not change the
    package's. Raises :class:`UnsupportedLocaleError` for a locale lawsummary does not write.
    """
    code = resolve_locale(locale)
    _PLUGIN_MESSAGES.setdefault(code, {}).update(messages)


def add_fallback(key: str, other: str) -> None:
    """Write the plug-in message ``key``, in a locale where no plug-in gives its text, as
    the message ``other`` is written there."""
    _PLUGIN_FALLBACKS[key] = other


def _plugin_text(code: str, key: str) -> str | None:
    own = _PLUGIN_MESSAGES.get(code)
    if own is not None and key in own:
        return own[key]
    other = _PLUGIN_FALLBACKS.get(key)
    if other is not None:
        return language(code).gettext(other)
    return None


class _Formatted(dict[tuple[Any, ...], str]):
    """Formatted values by what was formatted. It forgets them all when it is full: a
    long batch over new figures does not grow it without end, and each is cheap to
    make again."""

    __slots__ = ()
    LIMIT = 65536

    def __setitem__(self, key: tuple[Any, ...], value: str) -> None:
        if len(self) >= self.LIMIT:
            self.clear()
        super().__setitem__(key, value)


@shared_repr
@attrs.frozen(eq=False, repr=False)
class Language:
    """Everything needed to write one locale; get one with :func:`language`."""

    code: str
    messages: Mapping[tuple[str | None, str], str]
    patterns: RangePatterns
    code_patterns: RangePatterns
    #: Formatted values, by what was formatted: every result is a pure function of its key.
    _memo: dict[tuple[Any, ...], str] = attrs.field(factory=_Formatted, init=False, repr=False)
    #: Babel's locale, parsed on first use (see :attr:`babel`).
    _babel: Any = attrs.field(default=None, init=False, repr=False)

    # Not a functools.cached_property: on a slotted attrs class that becomes a
    # ``__getattr__`` hook, which slows every attribute look-up on the instance.
    @property
    def babel(self):  # type: ignore[no-untyped-def]  # babel ships no type hints
        """Babel's :class:`~babel.Locale` for this language, parsed once."""
        found = self._babel
        if found is None:
            from babel import Locale

            found = Locale.parse(self.code)
            object.__setattr__(self, "_babel", found)  # a frozen class: set once, here
        return found

    def forget_formatted(self) -> None:
        """Forget the numbers, ranges, dates and lists formatted so far."""
        self._memo.clear()

    def gettext(self, message: str, context: str | None = None) -> str:
        """The catalog's translation of ``message`` (or a plug-in's, see :func:`add_messages`);
        the English message if there is none."""
        found = self.messages.get((context, message))
        if found is None:
            found = _plugin_text(self.code, message)
        return message if found is None else found

    def is_translated(self, message: str, context: str | None = None) -> bool:
        return (
            self.code == "en"
            or (context, message) in self.messages
            or _plugin_text(self.code, message) is not None
        )

    # -- numbers and quantities ------------------------------------------------------

    def number(self, value: Decimal | int) -> str:
        """A number in the locale's digits and separators, every digit kept."""
        key = ("number", str(value))
        written = self._memo.get(key)
        if written is None:
            from babel.numbers import format_decimal

            # Babel computes in the current decimal context: give it room for every digit
            # (the default 28 digits drop the last ones of a longer number, or fail).
            with decimal.localcontext() as context:
                context.prec = max(28, 2 * len(key[1]) + 2)
                written = str(format_decimal(value, locale=self.babel, decimal_quantization=False))
            self._memo[key] = written
        return written

    def plural(self, value: Decimal | int) -> str:
        """The CLDR plural category of a number: ``one``, ``few``, ``many`` or ``other``."""
        key = ("plural", str(value))
        category = self._memo.get(key)
        if category is None:
            category = self._memo[key] = str(self.babel.plural_form(value))
        return category

    def quantity(
        self, low: Decimal | None, high: Decimal | None, unit: str, *, label: str | None = None
    ) -> str:
        """A bound or range with its unit: "от 8 до 15 лет", "8 yildan 15 yilgacha".

        ``unit`` is ``hours``, ``days``, ``months``, ``years``, ``index``, or a currency
        code. A currency the tables do not cover is written as its code (``label``
        replaces the code when given).
        """
        key = ("quantity", str(low), str(high), unit, label)
        written = self._memo.get(key)
        if written is None:
            written = self._memo[key] = self._quantity(low, high, unit, label)
        return written

    def _quantity(
        self, low: Decimal | None, high: Decimal | None, unit: str, label: str | None
    ) -> str:
        words = UNIT_WORDS[self.code].get(unit)
        patterns = self.patterns if words is not None else self.code_patterns
        if low is not None and high is not None and low == high:
            kind, lo, hi = "exact", high, high
        elif low is None and high is not None:
            kind, lo, hi = "up_to", high, high
        elif high is None and low is not None:
            kind, lo, hi = "at_least", low, low
        elif low is not None and high is not None:
            kind, lo, hi = "between", low, high
        else:
            raise ValueError("a quantity needs a lower or an upper bound")
        return self._fill(getattr(patterns, kind), patterns.cases[kind], lo, hi, unit, label)

    def more_than(self, value: Decimal, unit: str) -> str:
        """ "more than 3 years", "более 3 лет", "3 yildan ortiq"."""
        words = UNIT_WORDS[self.code].get(unit)
        patterns = self.patterns if words is not None else self.code_patterns
        return self._fill(patterns.more_than, patterns.cases["more_than"], value, value, unit, None)

    def _fill(
        self,
        pattern: str,
        cases: tuple[str, str],
        lo: Decimal,
        hi: Decimal,
        unit: str,
        label: str | None,
    ) -> str:
        words = UNIT_WORDS[self.code].get(unit)

        def word(case: str, value: Decimal) -> str:
            if words is None:
                return label or unit
            return words.word(case, self.plural(value))  # type: ignore[arg-type]

        return pattern.format(
            n=self.number(hi),
            lo=self.number(lo),
            hi=self.number(hi),
            unit=word(cases[1], hi),
            lo_unit=word(cases[0], lo),
        )

    # -- dates and lists ---------------------------------------------------------------

    def date(self, value: PartialDate, *, governed: bool = False) -> str:
        """A date as precisely as it is known: a day, a month or a year.

        ``governed``: the date follows "from"/"until"; Russian then needs the month in
        the genitive, which CLDR gives as the format-context month name.
        """
        key = ("date", value.year, value.month, value.day, governed)
        written = self._memo.get(key)
        if written is None:
            written = self._memo[key] = self._date(value, governed)
        return written

    def _date(self, value: PartialDate, governed: bool) -> str:
        from babel.dates import format_date, format_skeleton

        if value.is_exact:
            return str(format_date(value.earliest(), format="long", locale=self.babel))
        if value.month is not None:
            if governed and self.code in _GENITIVE_MONTH:
                return str(
                    format_date(value.earliest(), _GENITIVE_MONTH[self.code], locale=self.babel)
                )
            return str(format_skeleton("yMMMM", value.earliest(), locale=self.babel))
        return str(value.year)

    def join(self, items: Sequence[str], style: Literal["standard", "or"] = "standard") -> str:
        """Items joined as the language lists them: "a, b and c", "a, b или c"."""
        key = ("join", style, *items)
        written = self._memo.get(key)
        if written is None:
            written = self._memo[key] = self._join(items, style)
        return written

    def _join(self, items: Sequence[str], style: Literal["standard", "or"]) -> str:
        from babel.lists import format_list

        if style == "standard" and self.code in _LIST_END and len(items) > 1:
            return _LIST_END[self.code].format(", ".join(items[:-1]), items[-1])
        return str(format_list(list(items), style=style, locale=self.babel))

    def language_name(self, code: str) -> str:
        """The name of a language in this locale ("ruscha", "русский")."""
        names = self.babel.languages
        return str(names.get(code, code))


@functools.cache
def language(locale: str) -> Language:
    """The :class:`Language` for a locale name (resolved with :func:`resolve_locale`)."""
    code = resolve_locale(locale)
    if code != locale:
        return language(code)
    return Language(
        code=code,
        messages=_read_catalog(code) if code != "en" else {},
        patterns=RANGE_PATTERNS[code],
        code_patterns=CODE_PATTERNS[code],
    )
