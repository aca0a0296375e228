"""Numbers with their units, dates and lists, in the forms each language needs.

Babel (CLDR) formats the numbers and chooses the plural category (``one``, ``few``,
``many``, ``other``), but it has no grammatical case: Russian needs the genitive
after "до" and "от" ("до 1 года", "до 5 лет", "от 8 до 15 лет"), and Uzbek, Kyrgyz
and Kazakh put the unit into the ablative and a limit form ("8 yildan 15
yilgacha"), with an attributive limit before a noun ("18 айға дейінгі кезеңдегі").
CLDR also lacks some unit names (Tajik gives "15 y") and writes some dates in a style
the reader's own official texts do not use (Tajik "09 Ноябр 2024").

The forms are data, not code: each locale has ``locale/<code>/locale.toml`` beside
its message catalog, which a translator corrects without editing Python. This module
reads and checks those files; ``tests/test_grammar.py`` checks the forms over many
numbers and against CLDR where CLDR has the words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

from lawsummary._classes import shared_methods
from lawsummary.errors import LawSummaryError

__all__ = [
    "QUANTITY_UNITS",
    "LocaleData",
    "LocaleDataError",
    "RangePatterns",
    "UnitWords",
    "locale_codes",
    "locale_data",
]

Case = str  # a case named in the locale's data file: "nom", "gen", "abl", "lim", "attr", ...
Kind = Literal["exact", "up_to", "at_least", "more_than", "between"]
KINDS: tuple[Kind, ...] = ("exact", "up_to", "at_least", "more_than", "between")

#: The units the summaries use; a currency or index unit not listed uses ``code_ranges``.
QUANTITY_UNITS = ("hours", "days", "months", "years", "RUB", "index")

_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_DATA_FILE = "locale.toml"
# Patterns as strings: compiled (and kept by ``re``) when a data file is first parsed,
# not at import.
_UNIT_FIELD = r"\{(unit|lo_unit):(\w+)\}"
_PATTERN_FIELDS = frozenset({"n", "lo", "hi", "unit", "lo_unit"})
_ANY_FIELD = r"\{([^{}]*)\}"
_DATE_FIELDS = frozenset({"day", "month", "year"})
_TOP_KEYS: tuple[str, ...] = ("position", "script", "fallbacks", "review", "units")
_TOP_KEYS += ("ranges", "code_ranges", "dates", "lists", "forms")
#: The forms of a value that a catalog message may ask for without a ``[forms]`` table:
#: a duration's ``attributive`` form and a date's ``through`` form.
BUILT_IN_FORMS = frozenset({"attributive", "through"})


class LocaleDataError(LawSummaryError, RuntimeError):
    """A locale's data file (``locale/<code>/locale.toml``) is missing or wrong."""


@shared_methods
@attrs.frozen(repr=False, eq=False)
class UnitWords:
    """The word for a unit, by grammatical case, then by CLDR plural category.

    ``nom`` is the form after a bare number ("5 лет", "5 yil"); the other cases are
    what the locale's data file names (``gen`` the Russian genitive after "до"/"от";
    ``abl`` and ``lim`` the Turkic ablative ("-dan") and limit ("-gacha") forms,
    written with their postposition where there is one; ``attr`` the limit before a noun).
    """

    forms: Mapping[str, Mapping[str, str]]

    def word(self, case: Case, category: str) -> str:
        by_category = self.forms.get(case) or self.forms["nom"]
        return by_category.get(category) or by_category["other"]


@shared_methods
@attrs.frozen(repr=False, eq=False)
class RangePatterns:
    """How a language says a bound or a range of an amount with a unit.

    Placeholders: ``{n}``, ``{lo}`` and ``{hi}`` are formatted numbers; ``{unit}`` and
    ``{lo_unit}`` the unit word in the case ``cases`` names (the data file writes it
    in the pattern: ``{unit:lim}``).
    """

    exact: str
    up_to: str
    at_least: str
    more_than: str
    between: str
    #: The case of the unit word in each pattern: (for the lower number, for the upper one).
    cases: Mapping[str, tuple[Case, Case]]


class LocaleData:
    """Everything ``locale/<code>/locale.toml`` holds, checked.

    (A plain class: one is made per locale, and an attrs class of this size costs a
    noticeable part of start-up to define.)
    """

    __slots__ = (
        "attributive",
        "code",
        "code_patterns",
        "data_reviewed_by",
        "data_reviewed_on",
        "day_pattern",
        "fallbacks",
        "forms",
        "governed_month_cldr",
        "list_and",
        "month_names",
        "month_pattern",
        "note_after_penalty",
        "patterns",
        "position",
        "script",
        "through_month_cldr",
        "units",
    )

    def __init__(
        self,
        *,
        code: str,
        position: int,
        script: str,
        fallbacks: tuple[str, ...],
        units: Mapping[str, UnitWords],
        patterns: RangePatterns,
        code_patterns: RangePatterns,
        attributive: Mapping[str, tuple[str, tuple[Case, Case]]],
        day_pattern: str | None,
        month_pattern: str | None,
        month_names: tuple[str, ...],
        governed_month_cldr: str | None,
        through_month_cldr: str | None,
        forms: Mapping[str, Mapping[str, str]],
        note_after_penalty: bool,
        list_and: str | None,
        data_reviewed_by: str,
        data_reviewed_on: str,
    ) -> None:
        self.code = code
        self.position = position
        self.script = script
        self.fallbacks = fallbacks
        self.units = units
        self.patterns = patterns
        self.code_patterns = code_patterns
        #: Kinds of bound with an attributive form (before a noun): kind → (pattern, cases).
        self.attributive = attributive
        self.day_pattern = day_pattern
        self.month_pattern = month_pattern
        self.month_names = month_names
        self.governed_month_cldr = governed_month_cldr
        #: The CLDR pattern of a month that ends a period "up to and including" it.
        self.through_month_cldr = through_month_cldr
        #: Other forms of names (``[forms]``): form → nominative → form, and ``"*"`` →
        #: the pattern for a name not listed.
        self.forms = forms
        #: Whether "(the lower bound is not established)" follows the whole penalty phrase
        #: rather than its amount: where the amount comes before the noun ("3 жылға дейін
        #: бас бостандығынан айыру (төменгі шегі анықталмаған)").
        self.note_after_penalty = note_after_penalty
        self.list_and = list_and
        self.data_reviewed_by = data_reviewed_by
        self.data_reviewed_on = data_reviewed_on

    def __repr__(self) -> str:
        return f"<LocaleData {self.code}>"


def _dirs() -> list[str]:
    from lawsummary import _files

    try:
        names = _files.listing("locale")
    except OSError as exc:  # pragma: no cover - the package always has the folder
        raise LocaleDataError(f"the locale folder is missing: {exc}") from None
    return names


def _read(code: str) -> bytes:
    from lawsummary import _files

    try:
        return _files.read_bytes("locale", code, _DATA_FILE)
    except OSError as exc:
        raise LocaleDataError(f"locale/{code}/{_DATA_FILE} is missing: {exc}") from None


def _position(raw: bytes) -> int | None:
    """The number on the file's ``position = N`` line (read without parsing the file)."""
    for line in raw.splitlines():
        name, sep, value = line.partition(b"=")
        if sep and name.strip() == b"position":
            number = value.partition(b"#")[0].strip()
            return int(number) if number.isdigit() else None
    return None


@functools.cache
def locale_codes() -> tuple[str, ...]:
    """The locales with a data file, in the order of their ``position``.

    Read without parsing the files (only their ``position`` line): start-up lists the
    locales, and each locale's data is parsed when it is first used.
    """
    found: list[tuple[int, str]] = []
    for name in _dirs():
        if not (2 <= len(name) <= 3 and name.isascii() and name.isalpha() and name.islower()):
            continue
        try:
            raw = _read(name)
        except LocaleDataError:
            continue  # a folder without a data file is not a locale
        position = _position(raw)
        if position is None:
            raise LocaleDataError(
                f"locale/{name}/{_DATA_FILE}: no 'position = N' line (where the locale is listed)"
            )
        found.append((position, name))
    return tuple(code for _, code in sorted(found))


class _Checker:
    """Reads values from the parsed file, naming the place of any mistake."""

    def __init__(self, code: str, data: Mapping[str, Any]) -> None:
        self.code = code
        self.data = data

    def fail(self, where: str, problem: str) -> LocaleDataError:
        return LocaleDataError(f"locale/{self.code}/{_DATA_FILE}: {where}: {problem}")

    def table(self, where: str, value: object) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, f"expected a table, got {value!r}")
        return value

    def text(self, where: str, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"expected a non-empty string, got {value!r}")
        return value

    def optional_text(self, table: Mapping[str, Any], key: str, where: str) -> str | None:
        if key not in table:
            return None
        return self.text(f"{where}.{key}", table[key])

    def known_keys(self, where: str, table: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            raise self.fail(where, f"unknown key {unknown[0]!r}; allowed: {', '.join(allowed)}")


def _forms(check: _Checker, where: str, value: object) -> dict[str, str]:
    if isinstance(value, str):
        return {"other": check.text(where, value)}
    table = check.table(where, value)
    check.known_keys(where, table, _CATEGORIES)
    if "other" not in table:
        raise check.fail(where, "a table of plural forms needs 'other'")
    return {category: check.text(f"{where}.{category}", word) for category, word in table.items()}


def _units(check: _Checker, value: object) -> dict[str, UnitWords]:
    units: dict[str, UnitWords] = {}
    for unit, cases in check.table("[units]", value).items():
        where = f"[units.{unit}]"
        table = check.table(where, cases)
        if "nom" not in table:
            raise check.fail(where, "needs 'nom', the form after a bare number")
        units[unit] = UnitWords(
            {case: _forms(check, f"{where} {case}", forms) for case, forms in table.items()}
        )
    return units


def _pattern(check: _Checker, where: str, value: object) -> tuple[str, tuple[Case, Case]]:
    """A range pattern from the file: ``{unit:lim}`` becomes ``{unit}`` and its case."""
    text = check.text(where, value)
    cases = {"unit": "nom", "lo_unit": "nom"}
    for match in re.finditer(_UNIT_FIELD, text):
        cases[match.group(1)] = match.group(2)
    plain = re.sub(_UNIT_FIELD, lambda m: "{" + m.group(1) + "}", text)
    for field in re.findall(_ANY_FIELD, plain):
        if field not in _PATTERN_FIELDS:
            raise check.fail(
                where,
                f"unknown placeholder {{{field}}}; allowed: {{n}}, {{lo}}, {{hi}}, "
                "{unit:CASE}, {lo_unit:CASE}",
            )
    return plain, (cases["lo_unit"], cases["unit"])


def _ranges(check: _Checker, where: str, value: object) -> RangePatterns:
    table = check.table(where, value)
    main = (*KINDS, "attributive", "unknown_bound_note")
    check.known_keys(where, table, main if where == "[ranges]" else KINDS)
    found = {}
    for kind in KINDS:
        if kind not in table:
            raise check.fail(where, f"needs {kind!r}; every one of {', '.join(KINDS)} is needed")
        found[kind] = _pattern(check, f"{where} {kind}", table[kind])
    return RangePatterns(
        **{kind: pattern for kind, (pattern, _) in found.items()},
        cases={kind: cases for kind, (_, cases) in found.items()},
    )


def _check_cases(check: _Checker, units: Mapping[str, UnitWords], where: str, cases: Any) -> None:
    for kind, (lo, hi) in cases.items():
        for case in (lo, hi):
            for unit, words in units.items():
                if case not in words.forms:
                    raise check.fail(
                        f"{where} {kind}",
                        f"the case {case!r} is not given for the unit {unit!r} in [units.{unit}]",
                    )


def _parse(code: str, raw: bytes) -> LocaleData:
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LocaleDataError(f"locale/{code}/{_DATA_FILE} is not valid TOML: {exc}") from None
    check = _Checker(code, data)
    check.known_keys(
        "the file",
        data,
        _TOP_KEYS,
    )
    position = data.get("position")
    if not isinstance(position, int) or isinstance(position, bool) or position < 1:
        raise check.fail("position", f"expected a whole number from 1, got {position!r}")
    script = check.text("script", data.get("script"))
    if not re.fullmatch(r"[A-Z][a-z]{3}", script):
        raise check.fail("script", f"expected an ISO 15924 code such as 'Cyrl', got {script!r}")
    fallbacks = data.get("fallbacks", [])
    if not isinstance(fallbacks, list) or not all(isinstance(f, str) for f in fallbacks):
        raise check.fail("fallbacks", f"expected a list of locale codes, got {fallbacks!r}")
    for fallback in fallbacks:
        if fallback == code or fallback not in locale_codes():
            raise check.fail(
                "fallbacks",
                f"{fallback!r} is not another locale; locales: {', '.join(locale_codes())}",
            )
    review = check.table("[review]", data.get("review", {}))
    check.known_keys("[review]", review, ("data_reviewed_by", "data_reviewed_on"))
    reviewed_by = review.get("data_reviewed_by", "")
    reviewed_on = review.get("data_reviewed_on", "")
    if not isinstance(reviewed_by, str) or not isinstance(reviewed_on, str):
        raise check.fail("[review]", "data_reviewed_by and data_reviewed_on are strings")
    if bool(reviewed_by.strip()) != bool(reviewed_on.strip()):
        raise check.fail("[review]", "a review needs both who (data_reviewed_by) and when")
    if reviewed_on and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed_on):
        raise check.fail("[review] data_reviewed_on", f"expected YYYY-MM-DD, got {reviewed_on!r}")

    units = _units(check, data.get("units", {}))
    patterns = _ranges(check, "[ranges]", data.get("ranges"))
    _check_cases(check, units, "[ranges]", patterns.cases)
    code_patterns = patterns
    if "code_ranges" in data:
        code_patterns = _ranges(check, "[code_ranges]", data["code_ranges"])
    ranges = check.table("[ranges]", data["ranges"])
    attributive: dict[str, tuple[str, tuple[Case, Case]]] = {}
    if "attributive" in ranges:
        table = check.table("[ranges.attributive]", ranges["attributive"])
        check.known_keys("[ranges.attributive]", table, KINDS)
        for kind, value in table.items():
            attributive[kind] = _pattern(check, f"[ranges.attributive] {kind}", value)
        _check_cases(
            check, units, "[ranges.attributive]", {k: c for k, (_, c) in attributive.items()}
        )

    placement = ranges.get("unknown_bound_note", "after_amount")
    if placement not in ("after_amount", "after_penalty"):
        raise check.fail(
            "[ranges] unknown_bound_note",
            f"expected 'after_amount' or 'after_penalty', got {placement!r}",
        )
    dates = check.table("[dates]", data.get("dates", {}))
    check.known_keys(
        "[dates]",
        dates,
        ("day", "month", "month_names", "governed_month_cldr", "through_month_cldr"),
    )
    day = check.optional_text(dates, "day", "[dates]")
    month = check.optional_text(dates, "month", "[dates]")
    names = dates.get("month_names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise check.fail("[dates] month_names", "expected a list of twelve month names")
    if (day or month) and len(names) != 12:
        raise check.fail("[dates] month_names", f"expected twelve month names, got {len(names)}")
    for key, pattern in (("day", day), ("month", month)):
        if pattern is None:
            continue
        fields = set(re.findall(_ANY_FIELD, pattern))
        allowed = _DATE_FIELDS if key == "day" else _DATE_FIELDS - {"day"}
        if not fields <= allowed or not {"month", "year"} <= fields:
            raise check.fail(
                f"[dates] {key}",
                f"uses {', '.join(sorted(fields))}; it needs {{month}} and {{year}}"
                + (" and may use {day}" if key == "day" else ""),
            )
    forms: dict[str, dict[str, str]] = {}
    for form, table in check.table("[forms]", data.get("forms", {})).items():
        where = f"[forms.{form}]"
        if not re.fullmatch(r"[a-z][a-z_]*", form) or form in BUILT_IN_FORMS:
            raise check.fail(
                where, "a form's name is lower-case letters and '_', and not attributive/through"
            )
        entries = check.table(where, table)
        if "*" not in entries:
            raise check.fail(where, 'needs "*", the pattern for a name not listed ({name})')
        for name, written in entries.items():
            check.text(f"{where} {name!r}", written)
        if set(re.findall(_ANY_FIELD, entries["*"])) != {"name"}:
            raise check.fail(f"{where} '*'", "the pattern needs {name}, and no other placeholder")
        forms[form] = dict(entries)
    lists = check.table("[lists]", data.get("lists", {}))
    check.known_keys("[lists]", lists, ("and",))
    list_and = check.optional_text(lists, "and", "[lists]")
    if list_and is not None and set(re.findall(_ANY_FIELD, list_and)) != {"0", "1"}:
        raise check.fail("[lists] and", "needs {0} (the items before the last) and {1}")
    return LocaleData(
        code=code,
        position=position,
        script=script,
        fallbacks=tuple(fallbacks),
        units=units,
        patterns=patterns,
        code_patterns=code_patterns,
        attributive=attributive,
        day_pattern=day,
        month_pattern=month,
        month_names=tuple(names),
        governed_month_cldr=check.optional_text(dates, "governed_month_cldr", "[dates]"),
        through_month_cldr=check.optional_text(dates, "through_month_cldr", "[dates]"),
        forms=forms,
        note_after_penalty=placement == "after_penalty",
        list_and=list_and,
        data_reviewed_by=reviewed_by.strip(),
        data_reviewed_on=reviewed_on.strip(),
    )


@functools.cache
def locale_data(code: str) -> LocaleData:
    """The checked contents of ``locale/<code>/locale.toml``, parsed once.

    The checked data is kept in the datasets' cache folder (see
    :func:`lawsummary.datasets.cache_folder`), like a ``.pyc``: a fresh interpreter then
    reads it without importing ``tomllib``, which costs more than the rest of building a
    locale. A change to the file, to the i18n modules or to the set of locales makes a
    new cache file; one that cannot be read or written is ignored.
    """
    raw = _read(code)
    path = _cache_path(code, raw)
    cached = _read_cache(path, code)
    if cached is not None:
        return cached
    data = _parse(code, raw)
    _write_cache(path, data)
    return data


def _cache_path(code: str, raw: bytes) -> str | None:
    import os
    import sys
    import zlib

    from lawsummary import _files, datasets

    # The datasets' own folder function, as a string: ``cache_folder()`` makes a Path,
    # and importing pathlib costs start-up time.
    folder = datasets._cache_dir()
    if folder is None:
        return None
    stamps = [sys.version, *locale_codes(), *_files.source_stamps("i18n")]
    key = zlib.crc32(raw + chr(0).join(stamps).encode())
    return os.path.join(folder, f"locale-{code}-{key:08x}{len(raw):x}.pickle")


def _read_cache(path: str | None, code: str) -> LocaleData | None:
    if path is None:
        return None
    import pickle

    try:
        with open(path, "rb") as handle:
            cached = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return cached if isinstance(cached, LocaleData) and cached.code == code else None


def _write_cache(path: str | None, data: LocaleData) -> None:
    if path is None:
        return
    import os
    import pickle

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        partial = f"{path.removesuffix('.pickle')}.{os.getpid()}.tmp"
        with open(partial, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        pass


class LazyFallbacks(dict[str, tuple[str, ...]]):
    """Each locale's fallback languages, read from its data file when first asked for.

    A dict that fills itself (``__missing__``): after the first look-up of a locale, a
    look-up is a plain dict's. It lists every locale, asked for or not.
    """

    def __missing__(self, code: str) -> tuple[str, ...]:
        if code not in locale_codes():
            raise KeyError(code)
        found = self[code] = locale_data(code).fallbacks
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(locale_codes())

    def __len__(self) -> int:
        return len(locale_codes())

    def __contains__(self, code: object) -> bool:
        return code in locale_codes()
