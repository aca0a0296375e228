"""Locales: resolving a locale name, the message catalogs, and CLDR-based formatting.

The locale is always an explicit argument; nothing here reads the environment. A
:class:`Language` is made once per locale and cached: its Babel locale, its
catalog and its formatters are parsed once.

A locale is ``locale/<code>/LC_MESSAGES/lawsummary.po`` (its messages; see
:mod:`lawsummary.i18n.catalogs`) and ``locale/<code>/locale.toml`` (its grammar data;
see :mod:`lawsummary.i18n.grammar`); a new locale needs no change here.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from lawsummary._classes import shared_repr
from lawsummary.errors import LawSummaryError
from lawsummary.i18n.grammar import (
    BUILT_IN_FORMS,
    LazyFallbacks,
    LocaleData,
    LocaleDataError,
    locale_codes,
    locale_data,
)
from lawsummary.records.common import PartialDate, Unknown

if TYPE_CHECKING:
    from lawsummary.i18n.po import PoCatalog

__all__ = [
    "FALLBACKS",
    "REVIEW_NOTICE",
    "SUPPORTED_LOCALES",
    "CatalogError",
    "Dated",
    "Formed",
    "Language",
    "LocaleDataError",
    "Named",
    "Review",
    "UnsupportedLocaleError",
    "add_fallback",
    "add_messages",
    "language",
    "resolve_locale",
]

#: The locales lawsummary writes, in the order it lists them: every folder under
#: ``locale/`` with a data file (``locale/<code>/locale.toml``), by its ``position``.
SUPPORTED_LOCALES: tuple[str, ...] = locale_codes()

#: Where a record has no text in a language, the languages tried next, in order
#: (each locale's ``fallbacks``, read from its data file when first needed).
FALLBACKS: Mapping[str, tuple[str, ...]] = LazyFallbacks()

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
    if script is not None:
        written = locale_data(lang).script
        if script.title() != written:
            raise UnsupportedLocaleError(tag, f"{lang} is written here in {written} script")
    return lang


def _read_catalog(code: str) -> PoCatalog:
    from lawsummary import _files
    from lawsummary.i18n.po import PoSyntaxError, read_po_catalog

    try:
        raw = _files.read_bytes("locale", code, "LC_MESSAGES", "lawsummary.po")
    except OSError as exc:
        raise CatalogError(f"the {code!r} message catalog is missing: {exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(f"the {code!r} message catalog is not UTF-8: {exc}") from None
    try:
        catalog = read_po_catalog(text)
    except PoSyntaxError as exc:
        raise CatalogError(f"the {code!r} message catalog is broken: {exc}") from None
    if code != "en" and not catalog.messages:
        raise CatalogError(f"the {code!r} message catalog has no translations")
    return catalog


class Review:
    """Who checked a locale's wording, as its catalog and data file record it.

    Empty names mean nobody has. Only a review by a native-speaking lawyer is recorded.
    (A plain class: one is made per locale, and an attrs class costs start-up time.)
    """

    __slots__ = ("catalog_by", "catalog_on", "data_by", "data_on")

    def __init__(self, catalog_by: str, catalog_on: str, data_by: str, data_on: str) -> None:
        self.catalog_by = catalog_by
        self.catalog_on = catalog_on
        self.data_by = data_by
        self.data_on = data_on

    def __repr__(self) -> str:
        return f"Review({self.describe()!r})"

    @property
    def complete(self) -> bool:
        """Both the catalog and the bundled data's texts in this language were reviewed."""
        return bool(self.catalog_by and self.data_by)

    def describe(self) -> str:
        """The status in English, for ``lawsummary locales``."""

        def one(what: str, by: str, on: str) -> str:
            return f"{what} reviewed by {by} on {on}" if by else f"{what} not reviewed"

        return (
            one("messages", self.catalog_by, self.catalog_on)
            + "; "
            + one("texts of the bundled data", self.data_by, self.data_on)
        )


_NOBODY = ("", "none", "nobody")


def _review(catalog: PoCatalog | None, data: LocaleData) -> Review:
    by = on = ""
    if catalog is not None:
        by = catalog.header.get("X-Reviewed-By", "").strip()
        on = catalog.header.get("X-Review-Date", "").strip()
        if by.lower() in _NOBODY:
            by = on = ""
    return Review(by, on, data.data_reviewed_by, data.data_reviewed_on)


class Formed(str):
    """A written duration that also has the form a noun follows, which a catalog message
    asks for as ``{name.attributive}`` ("18 айға дейінгі кезеңдегі"); plain ``{name}``
    writes it as it is. Where the locale's data file gives no attributive form, it is
    the same text. (Made with ``str``'s own constructor, then given its attribute: a
    ``__new__`` of its own would cost a Python call on every new figure.)"""

    attributive: str


class Dated(str):
    """A written date that also has the form that ends a period "up to and including" it,
    which a catalog message asks for as ``{end.through}`` (Russian "по ноябрь 2019 г."
    for a month, where "с ноября 2019 г." has the genitive); plain ``{end}`` writes it as
    it is. Where the locale's data file gives no such form, it is the same text."""

    through: str


class Named(str):
    """A written name (say, a country's) that also has the other forms a catalog message
    asks for as ``{country.in}`` ("в России", "in Russia"), from the locale's ``[forms]``
    table; a locale without that form writes the name as it is."""


#: A placeholder asking for another form of its value: ``{country.in}``.
_FORM_FIELD = re.compile(r"\{(\w+)\.(\w+)\}")


#: The units a period is written in: the quantities that carry an attributive form.
_DURATIONS = frozenset({"hours", "days", "months", "years"})


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


#: ISO 4217 codes that name no money: written as the code, never as CLDR's name for them.
_NO_MONEY = frozenset({"XTS", "XXX"})


@shared_repr
@attrs.frozen(eq=False, repr=False)
class Language:
    """Everything needed to write one locale; get one with :func:`language`."""

    code: str
    messages: Mapping[tuple[str | None, str], str]
    data: LocaleData
    #: Plural messages by (context, singular id): the plural id and the forms.
    plurals: Mapping[tuple[str | None, str], tuple[str, tuple[str, ...]]] = attrs.field(
        factory=dict
    )
    #: The catalog's Plural-Forms expression (``plural=...``), or None.
    plural_forms: str | None = None
    review: Review = attrs.field(factory=lambda: Review("", "", "", ""))
    #: The notice that nobody has reviewed this language's wording, in this language.
    review_notice: str | None = None
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

    def ngettext(self, singular: str, plural: str, n: int, context: str | None = None) -> str:
        """A plural message's form for ``n``, by the catalog's Plural-Forms; English if none."""
        found = self.plurals.get((context, singular))
        if found is None or self.plural_forms is None:
            return singular if n == 1 else plural
        index = _plural_index(self.plural_forms)(n)
        forms = found[1]
        return forms[index] if 0 <= index < len(forms) else forms[-1]

    def quantity(
        self,
        low: Decimal | Unknown | None,
        high: Decimal | Unknown | None,
        unit: str,
        *,
        label: str | None = None,
    ) -> str:
        """A bound or range with its unit: "от 8 до 15 лет", "8 yildan 15 yilgacha".

        ``unit`` is ``hours``, ``days``, ``months``, ``years``, ``index``, or a currency
        code. A currency the tables do not cover is written as its code (``label``
        replaces the code when given). A duration is a :class:`Formed` string that
        also holds the attributive form (before a noun) the locale's data file gives.

        A bound that is ``UNKNOWN`` (it exists but is not established) is said so: "up
        to 3 years (the lower bound is not established)"; a range with no known bound is
        "a term not established" or "an amount not established".
        """
        key = ("quantity", str(low), str(high), unit, label)
        written = self._memo.get(key)
        if written is None:
            written = self._memo[key] = self._unknown_bounds(low, high, unit, label)
        return written

    def bound_note(
        self, low: Decimal | Unknown | None, high: Decimal | Unknown | None
    ) -> str | None:
        """ "the lower bound is not established" (or upper) for a range with one bound
        unknown and the other known, which :meth:`quantity` writes after the amount;
        ``None`` for any other range."""
        known = isinstance(low, Decimal) or isinstance(high, Decimal)
        if not known or not (isinstance(low, Unknown) or isinstance(high, Unknown)):
            return None
        return self.gettext(
            N_("the lower bound is not established")
            if isinstance(low, Unknown)
            else N_("the upper bound is not established")
        )

    def _unknown_bounds(
        self,
        low: Decimal | Unknown | None,
        high: Decimal | Unknown | None,
        unit: str,
        label: str | None,
    ) -> str:
        if not (isinstance(low, Unknown) or isinstance(high, Unknown)):
            return self._quantity(low, high, unit, label)
        known_low = low if isinstance(low, Decimal) else None
        known_high = high if isinstance(high, Decimal) else None
        if known_low is None and known_high is None:
            whole = (
                N_("a term not established")
                if unit in _DURATIONS
                else N_("an amount not established")
            )
            text = self.gettext(whole)
            if unit not in _DURATIONS:
                return text
            formed = Formed(text)
            formed.attributive = text
            return formed
        note = self.bound_note(low, high)
        known_text = self._quantity(known_low, known_high, unit, label)
        result = f"{known_text} ({note})"
        if unit not in _DURATIONS:
            return result
        formed = Formed(result)
        attributive = getattr(known_text, "attributive", known_text)
        formed.attributive = f"{attributive} ({note})"
        return formed

    def _quantity(
        self, low: Decimal | None, high: Decimal | None, unit: str, label: str | None
    ) -> str:
        data = self.data
        patterns = data.patterns if unit in data.units else data.code_patterns
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
        text = self._fill(getattr(patterns, kind), patterns.cases[kind], lo, hi, unit, label)
        if unit not in _DURATIONS:
            return text
        written = Formed(text)
        attributive = data.attributive.get(kind) if unit in data.units else None
        written.attributive = (
            text
            if attributive is None
            else self._fill(attributive[0], attributive[1], lo, hi, unit, label)
        )
        return written

    def currency_name(self, code: str, count: Decimal | int | None = None) -> str:
        """A currency's name from CLDR in this locale, in the plural form ``count`` takes
        ("Kazakhstani tenges", "казахских тенге", "Қазақстан теңгесі"); the code itself
        where CLDR has no name, and for ISO 4217's codes for testing and for "no
        currency" (XTS, XXX), which name no money."""
        key = ("currency", code, None if count is None else self.plural(count))
        written = self._memo.get(key)
        if written is None:
            written = code
            if len(code) == 3 and code.isascii() and code.isupper() and code not in _NO_MONEY:
                from babel.numbers import get_currency_name

                try:
                    written = str(get_currency_name(code, count, locale=self.babel))
                except (ValueError, LookupError):  # pragma: no cover - CLDR without it
                    written = code
            self._memo[key] = written
        return written

    def more_than(self, value: Decimal, unit: str) -> str:
        """ "more than 3 years", "более 3 лет", "3 yildan ortiq"."""
        data = self.data
        patterns = data.patterns if unit in data.units else data.code_patterns
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
        words = self.data.units.get(unit)

        def word(case: str, value: Decimal) -> str:
            if words is None:
                return label or self.currency_name(unit, value)
            return words.word(case, self.plural(value))

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

        The locale's data file may give the official style (``[dates]``); otherwise
        CLDR's. ``governed``: the date follows "from"/"until"; Russian then needs the
        month in the genitive, which CLDR gives as the format-context month name.
        """
        key = ("date", value.year, value.month, value.day, governed)
        written = self._memo.get(key)
        if written is None:
            written = self._memo[key] = self._date(value, governed)
        return written

    def forms_asked(self, translated: str) -> tuple[tuple[str, str], ...]:
        """The (placeholder, form) pairs of a translated message that name a form of a
        name (``{country.in}`` is ("country", "in")), written from the locale's ``[forms]``
        table; a duration's or a date's own forms (:data:`BUILT_IN_FORMS`) are not."""
        if "." not in translated:
            return ()
        return tuple(
            (name, form)
            for name, form in _FORM_FIELD.findall(translated)
            if form not in BUILT_IN_FORMS
        )

    def period_end(self, value: PartialDate) -> Dated:
        """A date that ends a period, with its form for "up to and including" it as
        ``.through`` (see :class:`Dated`)."""
        written = Dated(self.date(value, governed=True))
        pattern = self.data.through_month_cldr
        own_style = self.data.month_pattern is not None  # it comes first, as in date()
        if pattern is None or own_style or value.month is None or value.is_exact:
            written.through = written
        else:
            from babel.dates import format_date

            written.through = str(format_date(value.earliest(), pattern, locale=self.babel))
        return written

    def _date(self, value: PartialDate, governed: bool) -> str:
        from babel.dates import format_date, format_skeleton

        data = self.data
        if value.month is not None:
            own = data.day_pattern if value.is_exact else data.month_pattern
            if own is not None:
                return own.format(
                    day=value.day, month=data.month_names[value.month - 1], year=value.year
                )
        if value.is_exact:
            return str(format_date(value.earliest(), format="long", locale=self.babel))
        if value.month is not None:
            if governed and data.governed_month_cldr is not None:
                return str(
                    format_date(value.earliest(), data.governed_month_cldr, locale=self.babel)
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

        list_and = self.data.list_and
        if style == "standard" and list_and is not None and len(items) > 1:
            return list_and.format(", ".join(items[:-1]), items[-1])
        return str(format_list(list(items), style=style, locale=self.babel))

    def language_name(self, code: str) -> str:
        """The name of a language in this locale ("ruscha", "русский")."""
        names = self.babel.languages
        return str(names.get(code, code))


@functools.cache
def _plural_index(expression: str) -> Callable[[int], int]:
    """The function of a Plural-Forms header's ``plural=`` expression (stdlib gettext)."""
    import gettext

    function: Callable[[int], int] = gettext.c2py(expression)
    return function


N_ = str  # marks a message for the catalogs (see lawsummary.explain.values)

#: The notice that nobody has reviewed a locale's wording; each catalog translates it.
# TRANSLATORS: the last line of every summary (and the HTML page's footer) while no
# native-speaking lawyer has reviewed this catalog and this language's texts in the data.
REVIEW_NOTICE = N_(
    "No lawyer who is a native speaker of this language has reviewed this summary's wording."
)


@functools.cache
def language(locale: str) -> Language:
    """The :class:`Language` for a locale name (resolved with :func:`resolve_locale`)."""
    code = resolve_locale(locale)
    if code != locale:
        return language(code)
    data = locale_data(code)
    catalog = _read_catalog(code) if code != "en" else None
    messages = catalog.messages if catalog is not None else {}
    review = _review(catalog, data)
    plural_forms = None
    if catalog is not None:
        forms = catalog.header.get("Plural-Forms", "")
        _, found, expression = forms.partition("plural=")
        plural_forms = expression.rstrip("; ") if found else None
    return Language(
        code=code,
        messages=messages,
        data=data,
        plurals=catalog.plurals if catalog is not None else {},
        plural_forms=plural_forms,
        review=review,
        review_notice=None
        if review.complete
        else messages.get((None, REVIEW_NOTICE), REVIEW_NOTICE),
    )
