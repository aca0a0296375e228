"""Honesty checks and snapshots for summaries, for the tests of anyone who keeps legal data.

The checks that keep the bundled data trustworthy, usable from any test:

* :func:`assert_numbers_traced`: every number a summary writes comes from a field
  the statement names in its trace;
* :func:`assert_no_fallback`: no text falls back to another language (the failure
  names the path of each text to translate);
* :func:`assert_unknowns_stated`: every ``"unknown"`` value, open question and
  possibly incomplete sanction of a record is said in its full summary;
* :func:`assert_readable`: short summaries stay within the readability thresholds;
* :func:`assert_honest`: all of the above, and that every record can be summarised;
* :func:`assert_snapshot` and :func:`assert_summary_snapshot`: golden-file comparison
  per locale and format, with ``update=True`` to rewrite the files after a review.

Each ``assert_*`` function raises :class:`HonestyError` (an ``AssertionError``)
listing every :class:`Finding` with its document path and locale; the functions
without ``assert_`` return the findings instead. A dataset is checked as the
records a reader meets: the dataset's own summary, each provision's and each act's.
Paths are document paths (``$.provisions[2].versions[0].body.title``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import enum
import itertools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, cast

import attrs

from lawsummary.errors import LawSummaryError
from lawsummary.explain import Explanation, Items, Message, Quantity, Statement, Text, explain
from lawsummary.i18n import FALLBACKS, SUPPORTED_LOCALES, language, resolve_locale
from lawsummary.records.acts import Act, Provision
from lawsummary.records.common import LocalizedText, OpenQuestion, PartialDate, Status
from lawsummary.records.dataset import Dataset
from lawsummary.records.penalties import Sanction
from lawsummary.records.walk import walk
from lawsummary.render import FORMATS, render, render_statements
from lawsummary.render.readability import readability

__all__ = [
    "DEFAULT_THRESHOLDS",
    "KINDS",
    "ConfigError",
    "Finding",
    "HonestyError",
    "Subject",
    "Thresholds",
    "assert_honest",
    "assert_no_fallback",
    "assert_numbers_traced",
    "assert_readable",
    "assert_snapshot",
    "assert_summary_snapshot",
    "assert_unknowns_stated",
    "dataset_dates",
    "fallbacks",
    "field_numbers",
    "find_pyproject",
    "findings",
    "readability_findings",
    "reading_ease_bounds",
    "removals_from_incomplete",
    "snapshot_path",
    "sort_findings",
    "subjects",
    "thresholds_from",
    "thresholds_from_pyproject",
    "undeclared_instruments",
    "unstated_unknowns",
    "untraced_numbers",
    "written_numbers",
]

#: The kinds of finding, in the order a report lists them.
KINDS: tuple[str, ...] = (
    "invalid",
    "cannot-summarise",
    "fallback",
    "unknown-not-stated",
    "untraced-number",
    "readability",
    "removal-from-incomplete",
    "undeclared-instrument",
)

DETAILS: tuple[str, str] = ("short", "full")


@attrs.frozen(order=True)
class Finding:
    """One thing a reader would be let down by: where, in which locale, what kind, and why.

    ``path`` is a document path; ``locale`` is ``None`` for a finding about the
    document itself (an invalid document).
    """

    path: str
    locale: str | None
    kind: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path} [{self.locale}]" if self.locale else self.path
        return f"{where} {self.kind}: {self.message}"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "path": self.path,
            "locale": self.locale,
            "kind": self.kind,
            "message": self.message,
        }


class HonestyError(LawSummaryError, AssertionError):
    """A summary check failed: ``findings`` lists each problem with its path and locale."""

    def __init__(self, findings: Iterable[Finding], *, about: str | None = None) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.about = about
        count = len(self.findings)
        where = f" in {about}" if about else ""
        lines = [f"{count} finding{'s' if count != 1 else ''}{where}:"]
        lines.extend(f"  {finding}" for finding in self.findings)
        super().__init__("\n".join(lines))


class ConfigError(LawSummaryError, ValueError):
    """A ``[tool.lawsummary]`` table (or a threshold given on the command line) is wrong."""


# -- thresholds --------------------------------------------------------------------------------


def _default_reading_ease() -> dict[str, float]:
    return {"en": 40.0, "ru": 15.0}


@attrs.frozen
class Thresholds:
    """Readability bounds for short summaries (the project's own by default).

    ``max_words_per_sentence`` holds in every locale; ``min_reading_ease`` per
    locale, for the languages with a reading-ease formula (Flesch for English,
    Oborneva's for Russian; see :mod:`lawsummary.render.readability`).
    """

    max_words_per_sentence: float = 16.0
    min_reading_ease: Mapping[str, float] = attrs.field(factory=_default_reading_ease)


DEFAULT_THRESHOLDS = Thresholds()

#: The keys of ``[tool.lawsummary]``.
CONFIG_KEYS = ("max-words-per-sentence", "min-reading-ease")
_EASE_LOCALES = ("en", "ru")


def _positive(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{where}: {value!r} is not allowed; use a positive number")
    return float(value)


def thresholds_from(table: Mapping[str, Any], *, source: str) -> Thresholds:
    """Thresholds from a ``[tool.lawsummary]`` table; ``source`` names it in errors."""
    unknown = sorted(set(table) - set(CONFIG_KEYS))
    if unknown:
        raise ConfigError(
            f"{source}: [tool.lawsummary] has no key {unknown[0]!r}; allowed: "
            + ", ".join(CONFIG_KEYS)
        )
    result = DEFAULT_THRESHOLDS
    if "max-words-per-sentence" in table:
        words = _positive(
            table["max-words-per-sentence"], f"{source}: tool.lawsummary.max-words-per-sentence"
        )
        result = attrs.evolve(result, max_words_per_sentence=words)
    if "min-reading-ease" in table:
        ease = table["min-reading-ease"]
        where = f"{source}: tool.lawsummary.min-reading-ease"
        if not isinstance(ease, Mapping):
            raise ConfigError(f"{where}: use a table of locales, such as {{ en = 40, ru = 15 }}")
        result = attrs.evolve(result, min_reading_ease=reading_ease_bounds(ease, where=where))
    return result


def reading_ease_bounds(values: Mapping[str, object], *, where: str) -> dict[str, float]:
    """Minimum reading ease per locale, checked: only ``en`` and ``ru`` have a score."""
    bounds: dict[str, float] = {}
    for code, value in values.items():
        if code not in _EASE_LOCALES:
            raise ConfigError(
                f"{where}: {code!r} has no reading-ease score; allowed: {', '.join(_EASE_LOCALES)}"
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}.{code}: {value!r} is not allowed; use a number")
        bounds[code] = float(value)
    return bounds


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` (a file or a directory)."""
    start = start.resolve()
    for folder in (start, *start.parents) if start.is_dir() else start.parents:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def thresholds_from_pyproject(path: Path | None) -> Thresholds:
    """The thresholds of ``[tool.lawsummary]`` in ``path``; the defaults without one."""
    if path is None:
        return DEFAULT_THRESHOLDS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    tool = data.get("tool", {})
    table = tool.get("lawsummary") if isinstance(tool, dict) else None
    if table is None:
        return DEFAULT_THRESHOLDS
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.lawsummary must be a table")
    return thresholds_from(table, source=str(path))


# -- subjects ----------------------------------------------------------------------------------


@attrs.frozen(eq=False)
class Subject:
    """One record as a reader meets it: summarised with its dataset as context.

    ``at`` is the record's path in the document (``$`` for the document itself,
    ``$.provisions[2]`` for a provision of a dataset); ``key`` names its snapshot
    files (``dataset``, ``provision-<id>``, ``act-<id>``).
    """

    record: object
    dataset: Dataset | None
    at: str
    key: str
    label: str

    def rebase(self, path: str) -> str:
        """A trace path (``$...`` in the record, ``@dataset$...`` in its dataset) as a
        path in the document."""
        if path.startswith("@dataset$"):
            return path[len("@dataset") :] if self.dataset_is_document else path
        if path.startswith("$") and self.at != "$":
            return self.at + path[1:]
        return path

    @property
    def dataset_is_document(self) -> bool:
        return self.dataset is not None and (self.at != "$" or self.record is self.dataset)


def _key(record: object) -> tuple[str, str]:
    if isinstance(record, Dataset):
        return "dataset", "the dataset"
    if isinstance(record, Provision):
        return f"provision-{record.id}", f"provision {record.id}"
    if isinstance(record, Act):
        return f"act-{record.id}", f"act {record.id}"
    kind = getattr(record, "kind", None) or type(record).__name__.lower()
    return str(kind), f"the {kind}"


def _locate(record: object, dataset: Dataset | None) -> str:
    if dataset is None or record is dataset:
        return "$"
    for i, provision in enumerate(dataset.provisions):
        if provision is record:
            return f"$.provisions[{i}]"
    for i, act in enumerate(dataset.acts):
        if act is record:
            return f"$.acts[{i}]"
    return "$"


def subjects(obj: object, dataset: Dataset | None = None) -> tuple[Subject, ...]:
    """What a check summarises: a dataset, its provisions and its acts; any other
    record alone (with ``dataset`` as its context, if given)."""
    if isinstance(obj, Subject):
        return (obj,)
    if isinstance(obj, Dataset):
        found = [Subject(obj, obj, "$", "dataset", "the dataset")]
        for i, provision in enumerate(obj.provisions):
            key, label = _key(provision)
            found.append(Subject(provision, obj, f"$.provisions[{i}]", key, label))
        for i, act in enumerate(obj.acts):
            key, label = _key(act)
            found.append(Subject(act, obj, f"$.acts[{i}]", key, label))
        return tuple(found)
    key, label = _key(obj)
    return (Subject(obj, dataset, _locate(obj, dataset), key, label),)


def _locales(locales: str | Iterable[str] | None) -> tuple[str, ...]:
    if locales is None:
        return SUPPORTED_LOCALES
    if isinstance(locales, str):
        locales = (locales,)
    return tuple(dict.fromkeys(resolve_locale(code) for code in locales))


# -- summaries, made once per check ------------------------------------------------------------


class _Summaries:
    """The explanations and written statements of one subject, made once each."""

    def __init__(self, subject: Subject) -> None:
        self.subject = subject
        self._explanations: dict[str, Explanation] = {}
        self._written: dict[tuple[str, str], Any] = {}
        self._data: dict[str, Any] = {}

    def explanation(self, detail: str) -> Explanation:
        found = self._explanations.get(detail)
        if found is None:
            found = explain(
                self.subject.record,
                detail=detail,  # type: ignore[arg-type]
                dataset=self.subject.dataset,
            )
            self._explanations[detail] = found
        return found

    def written(self, detail: str, locale: str) -> Any:
        key = (detail, locale)
        found = self._written.get(key)
        if found is None:
            found = self._written[key] = render_statements(self.explanation(detail), locale)
        return found

    def data(self, which: str) -> Any:
        """The record (``"record"``) or its dataset (``"dataset"``) as document data."""
        found = self._data.get(which)
        if found is None:
            from lawsummary.serialization import unstructure

            source = self.subject.record if which == "record" else self.subject.dataset
            # A record checked alone has no dataset: nothing there can trace a number.
            found = self._data[which] = {} if source is None else unstructure(source)
        return found


def _cannot(subject: Subject, exc: Exception, locales: Sequence[str]) -> list[Finding]:
    if isinstance(exc, LawSummaryError):
        why = str(exc)
    else:  # a fault in lawsummary itself: say so, without a traceback
        why = f"{type(exc).__name__}: {exc} (a fault in lawsummary; please report it)"
    return [
        Finding(
            subject.at, code, "cannot-summarise", f"{subject.label} cannot be summarised: {why}"
        )
        for code in locales
    ]


def _references(record: object) -> Iterator[tuple[str, str, str]]:
    """(path, what, id) for each reference a record makes that only a dataset resolves."""
    from lawsummary.records.acts import Version
    from lawsummary.records.provisions import Citation, Offence
    from lawsummary.records.quantities import IndexRange

    for path, node in walk(record, skip=(LocalizedText, PartialDate)):
        if isinstance(node, Citation):
            yield f"{path}.instrument", "instrument", node.instrument
        elif isinstance(node, IndexRange):
            yield f"{path}.unit", "index unit", node.unit
        elif isinstance(node, Offence):
            for i, measure in enumerate(node.measures):
                yield f"{path}.measures[{i}]", "provision", measure
        elif isinstance(node, Version):
            for i, act in enumerate(node.amended_by):
                yield f"{path}.amended_by[{i}]", "act", act
        region = getattr(node, "region", None)
        if isinstance(region, str) and attrs.has(type(node)):
            yield f"{path}.region", "region", region


def _alone_findings(subject: Subject, locales: Sequence[str]) -> list[Finding]:
    """A record outside any dataset that names what only a dataset holds."""
    if subject.dataset is not None or isinstance(subject.record, Dataset):
        return []
    found: list[Finding] = []
    for path, what, ref in _references(subject.record):
        message = (
            f"{subject.label} names the {what} {ref!r}, which only a dataset holds: summarised "
            f"alone it cannot show the {what} by name; put the record in a dataset "
            "document with its references"
        )
        found.extend(Finding(path, code, "cannot-summarise", message) for code in locales)
    return found


def undeclared_instruments(obj: object, dataset: Dataset | None = None) -> list[Finding]:
    """Citations of an instrument that neither ``dataset`` (or ``obj``, a dataset) nor a
    bundled dataset declares: summaries name it "a legal act not named in the data",
    as no reader can use its id."""
    from lawsummary import datasets as bundled
    from lawsummary.records.provisions import Citation

    target = obj.record if isinstance(obj, Subject) else obj
    home = target if isinstance(target, Dataset) else dataset
    if isinstance(obj, Subject) and obj.dataset is not None:
        home = obj.dataset
    declared = {i.id for i in home.instruments} if home is not None else set()
    declared.update(i.id for name in bundled.names() for i in bundled.load(name).instruments)
    found: list[Finding] = []
    for path, node in walk(target, skip=(LocalizedText, PartialDate)):
        if isinstance(node, Citation) and node.instrument not in declared:
            found.append(
                Finding(
                    obj.rebase(f"{path}.instrument")
                    if isinstance(obj, Subject)
                    else f"{path}.instrument",
                    None,
                    "undeclared-instrument",
                    f"the citation names the instrument {node.instrument!r}, which no dataset "
                    "declares: summaries can only call it a legal act not named in the data; "
                    "declare it under `instruments` with its title (and short title)",
                )
            )
    return found


# -- fallbacks ---------------------------------------------------------------------------------


def _texts(value: object, dataset: Dataset | None) -> Iterator[tuple[LocalizedText, str]]:
    """The texts from the data in a value, with their paths."""
    if isinstance(value, Text):
        yield value.text, value.path
    elif isinstance(value, Message):
        for _, inner in value.values:
            yield from _texts(inner, dataset)
    elif isinstance(value, Items):
        for inner in value.items:
            yield from _texts(inner, dataset)
    elif isinstance(value, Quantity) and value.label is not None:
        yield from _texts(value.label, dataset)  # the index unit's name, with its own path


def _statement_texts(
    statement: Statement, dataset: Dataset | None
) -> Iterator[tuple[LocalizedText, str]]:
    yield from _texts(statement.message, dataset)
    for cell in statement.cells:
        if cell is not None:
            yield from _texts(cell, dataset)


def _fallback_findings(summaries: _Summaries, locale: str) -> list[Finding]:
    subject = summaries.subject
    english = language("en")
    found: dict[str, Finding] = {}
    for detail in DETAILS:
        for written in summaries.written(detail, locale):
            named = False
            for text, path in _statement_texts(written.statement, subject.dataset):
                if text.get(locale) is not None:
                    continue
                named = True
                shown = next(
                    code for code in (*FALLBACKS[locale], *text.languages) if text.get(code)
                )
                where = subject.rebase(path)
                found.setdefault(
                    where,
                    Finding(
                        where,
                        locale,
                        "fallback",
                        f"not translated: readers see the {english.language_name(shown)} "
                        f"text ({shown}) instead; add the locale's entry to this text",
                    ),
                )
            if written.fallbacks and not named:  # a text the walk above does not know of
                trace = written.statement.trace
                where = subject.rebase(trace[0]) if trace else subject.at
                found.setdefault(
                    where,
                    Finding(
                        where,
                        locale,
                        "fallback",
                        f"{written.text!r} in {subject.label} shows text in "
                        f"{', '.join(written.fallbacks)} for lack of a {locale!r} translation",
                    ),
                )
    return list(found.values())


def fallbacks(
    obj: object, *, locales: str | Iterable[str] | None = None, dataset: Dataset | None = None
) -> list[Finding]:
    """Each text of the data a summary (short or full) shows in another language."""
    return _collect(obj, dataset, _locales(locales), ("fallback",), DEFAULT_THRESHOLDS)


# -- numbers -----------------------------------------------------------------------------------

_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")
#: A number in a text of the data: with thousands grouped ("10,680", "10 680") or plain.
_FIELD_NUMBER = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:\.\d+)*")
_GROUPING = re.compile(r"[,\u00a0\u202f ]")
_URL = re.compile(r"https?://\S+")


def _resolve(data: Any, path: str) -> Any:
    """The value at a ``$.a.b[0]`` path, or None where an omitted default leaves nothing."""
    value = data
    for name, index in _STEP.findall(path[path.index("$") + 1 :]):
        if name:
            if not isinstance(value, dict) or name not in value:
                return None
            value = value[name]
        else:
            if not isinstance(value, list) or int(index) >= len(value):
                return None
            value = value[int(index)]
    return value


def _numbers(token: str) -> set[Decimal]:
    """A number, or each part of a dotted date such as 17.06.2019."""
    token = _GROUPING.sub("", token)
    parts = token.split(".") if token.count(".") > 1 else [token]
    return {Decimal(p) for p in parts}


def field_numbers(value: Any) -> set[Decimal]:
    """Every number in a field's document value (dates give their parts)."""
    if isinstance(value, dict):
        return set().union(*(field_numbers(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(field_numbers(v) for v in value)) if value else set()
    if isinstance(value, bool) or value is None:
        return set()
    found: set[Decimal] = set()
    # The field read as a number, all its digits ("7.88E-7" is one number, written out in
    # full), as well as each digit run in it (a title "0E1" may be written as it is).
    with contextlib.suppress(InvalidOperation):
        whole = Decimal(str(value).strip())
        if whole.is_finite():
            found.add(whole)
    for token in _FIELD_NUMBER.findall(str(value)):
        found |= _numbers(token)
    # A text shown as it is ("0,1", a fallback from another language) is read back as
    # 0.1 in a locale whose decimal separator is a comma: the field holds that reading too.
    for whole_part, fraction in re.findall(r"(\d+),(\d+)", str(value)):
        found.add(Decimal(f"{whole_part}.{fraction}"))
    return found


_NUMBER_PATTERNS: dict[str, tuple[re.Pattern[str], str, str]] = {}


def written_numbers(text: str, locale: str) -> set[Decimal]:
    """Every number written in ``text``, read back with the locale's separators."""
    pattern = _NUMBER_PATTERNS.get(locale)
    if pattern is None:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
        compiled = re.compile(
            rf"\d+(?:{re.escape(group)}\d{{3}})*(?:{re.escape(decimal)}\d+)?(?:\.\d+)*"
        )
        pattern = _NUMBER_PATTERNS[locale] = (compiled, group, decimal)
    compiled, group, decimal = pattern
    found: set[Decimal] = set()
    for token in compiled.findall(_URL.sub("", text)):
        plain = token.replace(group, "")
        if decimal != ".":
            plain = plain.replace(decimal, ".")
        found |= _numbers(plain)
    return found


def _format_numbers(numbers: Iterable[Decimal]) -> str:
    return ", ".join(str(n) for n in sorted(numbers))


def _untraced_findings(summaries: _Summaries, locale: str) -> list[Finding]:
    subject = summaries.subject
    found: dict[tuple[str, str], Finding] = {}
    for detail in DETAILS:
        for written in summaries.written(detail, locale):
            numbers = written_numbers(written.text, locale)
            if not numbers:
                continue
            trace = written.statement.trace
            allowed: set[Decimal] = set()
            for path in trace:
                data = summaries.data("dataset" if path.startswith("@dataset") else "record")
                allowed |= field_numbers(_resolve(data, path))
            extra = numbers - allowed
            if not extra:
                continue
            where = subject.rebase(trace[0]) if trace else subject.at
            traced = ", ".join(subject.rebase(p) for p in trace) or "no field"
            found.setdefault(
                (where, written.text),
                Finding(
                    where,
                    locale,
                    "untraced-number",
                    f"the {detail} summary of {subject.label} writes {_format_numbers(extra)} "
                    f"in {written.text!r}, which no field it traces holds (traced: {traced})",
                ),
            )
    return list(found.values())


def untraced_numbers(
    obj: object, *, locales: str | Iterable[str] | None = None, dataset: Dataset | None = None
) -> list[Finding]:
    """Each statement (short or full) that writes a number none of its traced fields holds."""
    return _collect(obj, dataset, _locales(locales), ("untraced-number",), DEFAULT_THRESHOLDS)


# -- unknowns ----------------------------------------------------------------------------------


def _unknowns(subject: Subject) -> Iterator[tuple[str, str]]:
    """(path in the record, what is unknown) for every unknown the record holds itself.

    A dataset's provisions and acts have their own summaries and are left to them.
    """
    skip: tuple[type, ...] = (Provision, Act) if isinstance(subject.record, Dataset) else ()
    for path, node in walk(subject.record, skip=(*skip, LocalizedText, PartialDate)):
        if isinstance(node, OpenQuestion):
            yield path, "this open question"
            continue
        if isinstance(node, Sanction) and not node.complete:
            yield f"{path}.complete", "the list of punishments may be incomplete (complete = false)"
        if getattr(node, "circumstances_complete", True) is False:
            yield (
                f"{path}.circumstances_complete",
                "the list of qualifying circumstances may be incomplete "
                "(circumstances_complete = false)",
            )
        for field in attrs.fields(cast(Any, type(node))):
            value = getattr(node, field.name)
            if isinstance(value, enum.Enum) and value.value == "unknown":
                yield f"{path}.{field.name}", f'{field.name} is "unknown"'


def _covered(path: str, traces: Iterable[str]) -> bool:
    return any(t == path or t.startswith((f"{path}.", f"{path}[")) for t in traces)


def _unknown_findings(summaries: _Summaries, locales: Sequence[str]) -> list[Finding]:
    subject = summaries.subject
    traces = {t for s in summaries.explanation("full").statements for t in s.trace}
    found: list[Finding] = []
    for path, what in _unknowns(subject):
        if _covered(path, traces):
            continue
        where = subject.rebase(path)
        message = (
            f"{what}, but no statement of the full summary of {subject.label} says so "
            "(none traces this path)"
        )
        found.extend(Finding(where, code, "unknown-not-stated", message) for code in locales)
    return found


def unstated_unknowns(
    obj: object, *, locales: str | Iterable[str] | None = None, dataset: Dataset | None = None
) -> list[Finding]:
    """Each unknown, open question or incomplete sanction no full summary states."""
    return _collect(obj, dataset, _locales(locales), ("unknown-not-stated",), DEFAULT_THRESHOLDS)


# -- readability -------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^.!?]*[.!?](?=\s|$)")
_WORD = re.compile(r"[^\W\d_]+")


def _longest_sentence(text: str) -> tuple[int, str]:
    best = (0, "")
    for line in text.splitlines():
        for sentence in _SENTENCE.findall(_URL.sub("", line.lstrip("- "))):
            count = len(_WORD.findall(sentence))
            if count > best[0]:
                best = (count, sentence.strip())
    return best


def _readability_findings(
    summaries: _Summaries, locale: str, thresholds: Thresholds
) -> list[Finding]:
    subject = summaries.subject
    text = render(summaries.explanation("short"), locale=locale, format="text")
    report = readability(text, locale)
    found: list[Finding] = []
    if report.words_per_sentence > thresholds.max_words_per_sentence:
        count, sentence = _longest_sentence(text)
        found.append(
            Finding(
                subject.at,
                locale,
                "readability",
                f"the short summary of {subject.label} has {report.words_per_sentence:g} words "
                f"per sentence (at most {thresholds.max_words_per_sentence:g}); the longest "
                f"({count} words): {sentence!r}",
            )
        )
    least = thresholds.min_reading_ease.get(locale)
    if least is not None and report.reading_ease is not None and report.reading_ease < least:
        found.append(
            Finding(
                subject.at,
                locale,
                "readability",
                f"the short summary of {subject.label} has a reading ease of "
                f"{report.reading_ease:g} (at least {least:g} for {locale})",
            )
        )
    return found


def readability_findings(
    obj: object,
    *,
    locales: str | Iterable[str] | None = None,
    dataset: Dataset | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Finding]:
    """Each short summary over the readability thresholds."""
    return _collect(obj, dataset, _locales(locales), ("readability",), thresholds)


# -- comparisons between the dataset's dates ---------------------------------------------------


def dataset_dates(ds: Dataset) -> tuple[dt.date, ...]:
    """The exact dates on which a version of the dataset begins or ends, in order."""
    days = {
        day.earliest()
        for provision in ds.provisions
        for version in provision.versions
        for day in (version.valid_from, version.valid_to)
        if isinstance(day, PartialDate) and day.is_exact
    }
    return tuple(sorted(days))


def _sanction_path(ds: Dataset, provision_id: str, version: object) -> str:
    for i, provision in enumerate(ds.provisions):
        if provision.id != provision_id:
            continue
        for j, candidate in enumerate(provision.versions):
            if candidate is version or candidate == version:
                return f"$.provisions[{i}].versions[{j}].body.sanction"
        return f"$.provisions[{i}]"
    return "$"


def _grade(status: Status | None) -> str:
    return "a fact" if status is None else status.value


def removals_from_incomplete(
    ds: Dataset, *, locales: str | Iterable[str] | None = None
) -> list[Finding]:
    """Comparisons between consecutive dates of the dataset that claim a certain removal
    from a sanction the sources may not list in full.

    An item missing from a possibly incomplete list may only be an unconfirmed change
    of unclear direction, in the data and in the statement that says it.
    """
    from lawsummary.compare import ChangeKind, Direction, compare
    from lawsummary.records.provisions import Offence

    codes = _locales(locales)
    found: dict[tuple[str, str | None, str], Finding] = {}
    days = dataset_dates(ds)
    for before_day, after_day in itertools.pairwise(days):
        after = ds.as_of(after_day)
        comparison = compare(ds.as_of(before_day), after)
        doubtful = []
        for change in comparison.changes:
            if change.kind is not ChangeKind.REMOVED or change.subject is None:
                continue
            in_sanction = change.path.startswith(f"{change.subject}/sanction/")
            in_circumstances = change.path.startswith(f"{change.subject}/circumstances/")
            # A measure (confiscation) is listed with the sanction: its complete flag covers it.
            in_measures = change.path.startswith(f"{change.subject}/measures/")
            in_sanction = in_sanction or in_measures
            if not (in_sanction or in_circumstances):
                continue
            if change.location.quantity is not None or change.location.bound is not None:
                continue  # a bound a range no longer has: not an item missing from a list
            kept = {p.id: p for p in after.provisions}.get(change.subject)
            if kept is None:
                continue
            version = kept.latest()
            body = version.body
            if not isinstance(body, Offence):
                continue
            sanction = body.sanction
            # An unknown sanction is no list at all: nothing is removed from it for certain.
            in_full = isinstance(sanction, Sanction) and sanction.complete
            complete = in_full if in_sanction else body.circumstances_complete
            if complete:
                continue
            where = _sanction_path(ds, change.subject, version)
            if in_circumstances and where.endswith(".sanction"):
                where = f"{where.removesuffix('.sanction')}.circumstances_complete"
            what = "list of measures" if in_measures else "sanction"
            doubtful.append((change, where, what if in_sanction else "list of circumstances"))
        if not doubtful:
            continue
        between = f"{before_day.isoformat()} and {after_day.isoformat()}"
        statements = explain(comparison, detail="full").statements
        for change, where, what in doubtful:
            if change.status is not Status.UNCONFIRMED or change.direction is not Direction.UNCLEAR:
                grade = change.status.value if change.status else "no grade"
                direction = change.direction.value if change.direction else "no direction"
                message = (
                    f"the comparison between {between} removes {change.path} for certain "
                    f"({grade}, {direction}), but this {what} may be incomplete "
                    "(complete = false): the removal must be unconfirmed, of unclear direction"
                )
                for code in codes:
                    found.setdefault(
                        (where, code, change.path),
                        Finding(where, code, "removal-from-incomplete", message),
                    )
            saying = [s for s in statements if change.path in s.trace]
            for code in codes:
                for written in render_statements(
                    Explanation("comparison", tuple(saying), "full"), code
                ):
                    if written.statement.status is Status.UNCONFIRMED:
                        continue
                    found.setdefault(
                        (where, code, change.path),
                        Finding(
                            where,
                            code,
                            "removal-from-incomplete",
                            f"the comparison between {between} says {written.text!r} as "
                            f"{_grade(written.statement.status)}, "
                            f"but the {what} may be incomplete (complete = false): a removal "
                            "from it is unconfirmed",
                        ),
                    )
    return list(found.values())


# -- everything --------------------------------------------------------------------------------


def _collect(
    obj: object,
    dataset: Dataset | None,
    locales: Sequence[str],
    kinds: Sequence[str],
    thresholds: Thresholds,
) -> list[Finding]:
    found: list[Finding] = []
    for subject in subjects(obj, dataset):
        summaries = _Summaries(subject)
        if "cannot-summarise" in kinds:
            found.extend(_alone_findings(subject, locales))
        try:
            for code in locales:
                if "fallback" in kinds:
                    found.extend(_fallback_findings(summaries, code))
                if "untraced-number" in kinds:
                    found.extend(_untraced_findings(summaries, code))
                if "readability" in kinds:
                    found.extend(_readability_findings(summaries, code, thresholds))
            if "unknown-not-stated" in kinds:
                found.extend(_unknown_findings(summaries, locales))
        except Exception as exc:  # reported as a finding, never a traceback
            found.extend(_cannot(subject, exc, locales))
    target = obj.record if isinstance(obj, Subject) else obj
    if "undeclared-instrument" in kinds:
        found.extend(undeclared_instruments(obj, dataset))
    if "removal-from-incomplete" in kinds and isinstance(target, Dataset):
        try:
            found.extend(removals_from_incomplete(target, locales=locales))
        except Exception as exc:  # a fault in lawsummary: reported, not raised
            found.extend(
                Finding(
                    "$", code, "cannot-summarise", f"the dataset's dates cannot be compared: {exc}"
                )
                for code in locales
            )
    return sort_findings(found)


def sort_findings(found: Iterable[Finding]) -> list[Finding]:
    """Findings without repeats, by path (numbers in order), kind and locale."""
    order = {code: i for i, code in enumerate(SUPPORTED_LOCALES)}

    def key(finding: Finding) -> tuple[Any, ...]:
        parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", finding.path))
        return (
            KINDS.index(finding.kind) if finding.kind in KINDS else len(KINDS),
            [(isinstance(p, int), p) for p in parts],
            order.get(finding.locale or "", -1),
            finding.message,
        )

    return sorted(dict.fromkeys(found), key=key)


def findings(
    obj: object,
    *,
    locales: str | Iterable[str] | None = None,
    dataset: Dataset | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    kinds: Iterable[str] = KINDS,
) -> list[Finding]:
    """Everything a reader of ``obj``'s summaries would be let down by, in each locale."""
    wanted = tuple(kinds)
    unknown = sorted(set(wanted) - set(KINDS))
    if unknown:
        raise LawSummaryError(f"no finding kind {unknown[0]!r}; use one of: {', '.join(KINDS)}")
    return _collect(obj, dataset, _locales(locales), wanted, thresholds)


def _raise(found: list[Finding], about: str | None) -> None:
    if found:
        raise HonestyError(found, about=about)


def assert_numbers_traced(
    obj: object,
    *,
    locales: str | Iterable[str] | None = None,
    dataset: Dataset | None = None,
    about: str | None = None,
) -> None:
    """Fail unless every number of every summary is in a field its statement traces."""
    __tracebackhide__ = True
    _raise(
        findings(
            obj, locales=locales, dataset=dataset, kinds=("cannot-summarise", "untraced-number")
        ),
        about,
    )


def assert_no_fallback(
    obj: object,
    *,
    locales: str | Iterable[str] | None = None,
    dataset: Dataset | None = None,
    about: str | None = None,
) -> None:
    """Fail if any summary shows a text in another language (naming the path to translate)."""
    __tracebackhide__ = True
    _raise(
        findings(obj, locales=locales, dataset=dataset, kinds=("cannot-summarise", "fallback")),
        about,
    )


def assert_unknowns_stated(
    obj: object,
    *,
    locales: str | Iterable[str] | None = None,
    dataset: Dataset | None = None,
    about: str | None = None,
) -> None:
    """Fail unless each unknown, open question and incomplete sanction is stated."""
    __tracebackhide__ = True
    _raise(
        findings(
            obj, locales=locales, dataset=dataset, kinds=("cannot-summarise", "unknown-not-stated")
        ),
        about,
    )


def assert_readable(
    obj: object,
    *,
    locales: str | Iterable[str] | None = None,
    dataset: Dataset | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    about: str | None = None,
) -> None:
    """Fail if a short summary is over the readability thresholds."""
    __tracebackhide__ = True
    _raise(
        findings(
            obj,
            locales=locales,
            dataset=dataset,
            thresholds=thresholds,
            kinds=("cannot-summarise", "readability"),
        ),
        about,
    )


def assert_honest(
    obj: object,
    *,
    locales: str | Iterable[str] | None = None,
    dataset: Dataset | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    about: str | None = None,
) -> None:
    """Fail on any finding: fallbacks, unstated unknowns, untraced numbers, readability,
    records that cannot be summarised and (for a dataset) doubtful removals."""
    __tracebackhide__ = True
    _raise(findings(obj, locales=locales, dataset=dataset, thresholds=thresholds), about)


# -- snapshots ---------------------------------------------------------------------------------

#: The file extension of a snapshot in each output format.
EXTENSIONS: Mapping[str, str] = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}

UPDATE_HINT = (
    "if the change is right, rewrite the snapshots (pytest --lawsummary-update) and review the diff"
)


def snapshot_path(directory: Path | str, *, locale: str, name: str, format: str = "text") -> Path:
    """Where the snapshot of ``name`` in ``locale`` and ``format`` lives:
    ``<directory>/<locale>/<name>.<ext>``."""
    if format not in EXTENSIONS:
        raise LawSummaryError(f"unsupported format {format!r}; use one of: {', '.join(FORMATS)}")
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise LawSummaryError(f"{name!r} cannot name a snapshot file; use a plain file name")
    return Path(directory) / resolve_locale(locale) / f"{name}.{EXTENSIONS[format]}"


def _visible(line: str) -> str:
    """A line as a reader sees it, with no-break and other invisible spaces written out
    (``\\u00a0``), so that a diff shows them."""
    if line.isprintable():
        return line
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in line)


def assert_snapshot(
    actual: str, path: Path | str, *, update: bool = False, about: str = "", hint: str = UPDATE_HINT
) -> None:
    """Fail unless ``actual`` is the text of the snapshot file ``path``; ``update=True``
    writes ``actual`` there instead (UTF-8, ``\\n`` line ends)."""
    __tracebackhide__ = True
    path = Path(path)
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    what = f" of {about}" if about else ""
    if not path.exists():
        raise AssertionError(f"no snapshot {path}{what}; {hint}")
    expected = path.read_text(encoding="utf-8")
    if actual == expected:
        return
    diff = difflib.unified_diff(
        [_visible(line) for line in expected.splitlines()],
        [_visible(line) for line in actual.splitlines()],
        "snapshot",
        "actual",
        lineterm="",
    )
    raise AssertionError(f"snapshot {path}{what} differs ({hint}):\n" + "\n".join(diff))


def assert_summary_snapshot(
    obj: object,
    *,
    locale: str,
    directory: Path | str,
    name: str | None = None,
    format: str = "text",
    detail: str = "full",
    dataset: Dataset | None = None,
    update: bool = False,
    hint: str = UPDATE_HINT,
) -> None:
    """Fail unless the summary of ``obj`` in ``locale`` and ``format`` is its snapshot,
    ``<directory>/<locale>/<name>.<ext>`` (``name`` defaults to ``dataset``,
    ``provision-<id>`` or ``act-<id>``); ``update=True`` rewrites the file."""
    __tracebackhide__ = True
    from lawsummary.render import summarize

    subject = subjects(obj, dataset)[0]
    code = resolve_locale(locale)
    path = snapshot_path(directory, locale=code, name=name or subject.key, format=format)
    actual = summarize(
        subject.record,
        locale=code,
        format=format,
        detail=detail,  # type: ignore[arg-type]
        dataset=subject.dataset if subject.dataset is not subject.record else None,
    )
    about = f"{subject.label} ({subject.at}) in locale {code}, format {format}, detail {detail}"
    assert_snapshot(actual, path, update=update, about=about, hint=hint)
