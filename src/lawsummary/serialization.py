"""The document format: records to and from JSON and TOML, strictly and losslessly.

* A document is one JSON object or TOML table with a ``kind`` naming what it holds
  (``"dataset"``, ``"offence"``, ``"provision"``, ...). Nested penalties and provision
  bodies name their kind the same way.
* Every amount is a :class:`~decimal.Decimal`: write it as a string (``"2.8592"``)
  or a plain number; JSON and TOML numbers are read as decimals, never as floats.
* Dates are ``YYYY-MM-DD``; dates the law leaves vague may be ``YYYY-MM`` or ``YYYY``
  where the field allows it, and ``"unknown"`` where the fact is not established.
* Anything the format does not know is an error: an unknown key, a wrong type, an
  unknown kind. Every problem is reported at once, with its path, in one
  :class:`~lawsummary.errors.InvalidDocumentError`.

Limits (each broken one is a problem like any other):

* objects and lists nest at most :data:`MAX_DEPTH` levels deep;
* a number has ASCII digits only, at most 12 before the decimal point and 8 after it
  (:data:`~lawsummary.records.quantities.MAX_WHOLE_DIGITS`, ``MAX_FRACTION_DIGITS``);
* a text is at most :data:`~lawsummary.records.common.MAX_TEXT_LENGTH` characters, with
  no control character but the newline, no lone surrogate, no bidirectional override,
  and something visible in it (see :func:`~lawsummary.records.common.check_text`);
* one error lists at most :data:`~lawsummary.errors.MAX_PROBLEMS` problems and counts
  the rest.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import gc
import json
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from lawsummary.errors import InvalidDocumentError, Problem, UnsupportedFormatError
from lawsummary.records.acts import Act, Provision, Version
from lawsummary.records.common import (
    UNKNOWN,
    FieldValueError,
    LocalizedText,
    PartialDate,
    Unknown,
    check_text,
)
from lawsummary.records.dataset import Dataset
from lawsummary.records.penalties import PENALTY_KINDS, Penalty, Sanction
from lawsummary.records.provisions import PROVISION_KINDS, Body
from lawsummary.records.quantities import MAX_FRACTION_DIGITS, MAX_WHOLE_DIGITS
from lawsummary.records.registry import KindRegistry

__all__ = [
    "DOCUMENT_KINDS",
    "MAX_DEPTH",
    "Format",
    "UnsupportedFormatError",
    "document_kinds",
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
]

#: How deep objects and lists may nest in a document (the bundled dataset needs 14).
MAX_DEPTH = 32

Format = Literal["json", "toml"]
_FORMATS: tuple[str, ...] = typing.get_args(Format)
_T = TypeVar("_T")

#: Top-level document kinds besides the provision kinds.
DOCUMENT_KINDS: dict[str, type[Any]] = {
    "dataset": Dataset,
    "provision": Provision,
    "version": Version,
    "act": Act,
    "sanction": Sanction,
}


def document_kinds() -> dict[str, type[Any]]:
    """Every kind a document may hold at its top level, by name."""
    return {**DOCUMENT_KINDS, **PROVISION_KINDS}


class _Reject(ValueError):
    """A value the format does not allow; ``key`` extends the path when the fault is in a key."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def _describe(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        int: "a whole number",
        float: "a number",
        Decimal: "a number",
        dt.date: "a date",
        dt.datetime: "a date-time",
    }
    name = names.get(type(value), type(value).__name__)
    if isinstance(value, dict | list):
        return name
    if isinstance(value, Decimal):
        shown = str(value) if len(value.as_tuple().digits) < 40 else ""
    elif isinstance(value, int):
        shown = repr(value) if -(10**39) < value < 10**39 else ""
    elif isinstance(value, str):
        shown = repr(value) if len(value) < 40 else ""
    else:
        shown = repr(value)
    return f"{name} {shown}".rstrip() if len(shown) < 40 else name


def _shown(value: str) -> str:
    """``value`` quoted for a message, cut short when long."""
    return repr(value) if len(value) <= 60 else f"{value[:60]!r}..."


def near_unknown(value: object) -> bool:
    """Whether ``value`` is a near miss of ``"unknown"`` ("Unknown", "unkown", " unknown")."""
    if not isinstance(value, str) or value == UNKNOWN.value:
        return False
    folded = value.strip().casefold()
    if folded == UNKNOWN.value:
        return True
    return difflib.SequenceMatcher(None, folded, UNKNOWN.value).ratio() >= 0.8


def _suggestion(value: str, allowed: list[str]) -> str:
    if len(value) > 200:
        return ""
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _key_path(path: str, key: str) -> str:
    """``path.key``, or ``path["key"]`` when the key is not a plain name (``.``, ``[``, ...)."""
    if _NAME.match(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key)}]"


# -- structuring hooks for leaves -------------------------------------------------------


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _Reject(f"expected a string, got {_describe(value)}")
    problem = check_text(value)
    if problem is not None:
        raise _Reject(f"the text {problem}")
    return value


_WHOLE_LIMIT = 10**MAX_WHOLE_DIGITS


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _Reject(f"expected a whole number, got {_describe(value)}")
    if isinstance(value, Decimal):
        if not value.is_finite() or (value and value.adjusted() >= MAX_WHOLE_DIGITS):
            raise _Reject(
                f"expected a whole number of at most {MAX_WHOLE_DIGITS} digits, "
                f"got {_describe(value)}"
            )
        if value != value.to_integral_value():
            raise _Reject(f"expected a whole number, got {_describe(value)}")
        return int(value)
    if not -_WHOLE_LIMIT < value < _WHOLE_LIMIT:
        raise _Reject(
            f"expected a whole number of at most {MAX_WHOLE_DIGITS} digits, got {_describe(value)}"
        )
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _Reject(f"expected true or false, got {_describe(value)}")
    return value


_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,9})?\Z")


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        hint = ' (floats lose precision: write it as a string, e.g. "2.8592")'
        raise _Reject(
            f"expected a number, got {_describe(value)}{hint if isinstance(value, float) else ''}"
        )
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.match(text):
            if text.casefold() == UNKNOWN.value or near_unknown(text):
                raise _Reject(
                    f'{value!r}: this number cannot be unknown (only a range\'s "min" and '
                    '"max" can); where the sources do not establish it, leave it out, set '
                    '"complete" of the sanction to false and say what is missing in '
                    "open_questions"
                )
            if text.lower().lstrip("+-") in ("nan", "snan", "inf", "infinity"):
                raise _Reject(f"{value!r} is not allowed: amounts must be finite numbers")
            raise _Reject(
                f'{_shown(value)} is not a number; write ASCII digits like "1200" or "2.8592"'
            )
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            raise _Reject(f"{value!r} is not a number") from None
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise _Reject(f"{number} is not allowed: amounts must be finite numbers")
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if (number and number.adjusted() >= MAX_WHOLE_DIGITS) or exponent > MAX_WHOLE_DIGITS:
        raise _Reject(
            f"the number has too many digits: at most {MAX_WHOLE_DIGITS} before the decimal "
            f"point, got {number:.6E}"
        )
    if exponent < -MAX_FRACTION_DIGITS:
        raise _Reject(
            f"the number has too many digits: at most {MAX_FRACTION_DIGITS} after the decimal "
            f"point, got {_describe(number).removeprefix('a number ')}"
        )
    return number


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise _Reject(f"expected a date without a time, got {value.isoformat()}")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        raise _Reject(f"expected a date written YYYY-MM-DD, got {_describe(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Reject(f"{value!r} is not a real calendar date") from None


def _structure_partial_date(value: object, _: type) -> PartialDate:
    if isinstance(value, dt.datetime):
        raise _Reject(f"expected a date without a time, got {value.isoformat()}")
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if not isinstance(value, str):
        raise _Reject(
            f"expected a date written YYYY-MM-DD (or YYYY-MM, YYYY), got {_describe(value)}"
        )
    return PartialDate.parse(value)


def _structure_localized(value: object, _: type) -> LocalizedText:
    if not isinstance(value, dict):
        raise _Reject(
            f'expected an object of texts by language, e.g. {{"en": "...", "ru": "..."}}, '
            f"got {_describe(value)}"
        )
    for lang, text in value.items():
        if not isinstance(text, str):
            raise _Reject(f"expected a string, got {_describe(text)}", key=str(lang))
    return LocalizedText(tuple(value.items()))


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    allowed = [str(m.value) for m in cls]
    by_value = {m.value: m for m in cls if isinstance(m.value, str)}

    def structure(value: object, _: type) -> enum.Enum:
        if isinstance(value, str):
            member = by_value.get(value)
            if member is not None:
                return member
            hint = _suggestion(value, allowed)
            raise _Reject(f"{_shown(value)} is not allowed{hint}; allowed: {', '.join(allowed)}")
        raise _Reject(f"expected one of {', '.join(allowed)}, got {_describe(value)}")

    return structure


# -- the converter ----------------------------------------------------------------------


def _is_unknown_union(t: object) -> bool:
    return typing.get_origin(t) in (typing.Union, types.UnionType) and Unknown in typing.get_args(t)


def _is_homogeneous_tuple(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """A converter for the document format: strict on input, canonical on output.

    ``detailed=False`` makes a faster converter that stops at the first problem;
    the module functions use it first and, only when a document is invalid, the
    detailed one to report every problem with its path.

    Make one per process (or use the module functions, which share one); it reads
    the penalty and provision kind registries when it is made.
    """
    conv = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed
    )

    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(LocalizedText, _structure_localized)
    conv.register_unstructure_hook(LocalizedText, LocalizedText.as_dict)
    conv.register_unstructure_hook(Unknown, lambda _: UNKNOWN.value)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum) and t is not Unknown,
        _enum_hook,
    )

    def unknown_union(t: Any) -> Callable[[object, type], object]:
        rest = [a for a in typing.get_args(t) if a is not Unknown]
        optional = type(None) in rest
        rest = [a for a in rest if a is not type(None)]
        (inner,) = rest
        inner_hook = conv.get_structure_hook(inner)

        def structure(value: object, _: type) -> object:
            if value == UNKNOWN.value:
                return UNKNOWN
            if value is None and optional:
                return None
            if near_unknown(value):
                raise _Reject(f'{value!r} is not "unknown" (did you mean "unknown"?)')
            try:
                return inner_hook(value, inner)
            except _Reject as exc:
                raise _Reject(f'{exc}, or "unknown" when it is not established', exc.key) from None

        return structure

    conv.register_structure_hook_factory(_is_unknown_union, unknown_union)

    def tuple_hook(t: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = typing.get_args(t)[0]
        item_hook = conv.get_structure_hook(item_type)

        def fast(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _Reject(f"expected a list, got {_describe(value)}")
            return tuple([item_hook(item, item_type) for item in value])

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _Reject(f"expected a list, got {_describe(value)}")
            items: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring {t} @ index {i}", i, item_type),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(items)

        return structure if detailed else fast

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)

    def tuple_unstructure(t: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        item_hook = conv.get_unstructure_hook(typing.get_args(t)[0])
        return lambda value: [item_hook(v) for v in value]

    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, tuple_unstructure)

    def attrs_hook(cl: Any) -> Callable[[object, type], object]:
        generated = make_dict_structure_fn(
            cl, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
        )

        def structure(value: object, _: type) -> object:
            if not isinstance(value, dict):
                raise _Reject(f"expected an object, got {_describe(value)}")
            return generated(value, cl)

        return structure

    conv.register_structure_hook_factory(attrs.has, attrs_hook)
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cl: make_dict_unstructure_fn(cl, conv, _cattrs_omit_if_default=True)
    )

    for base, registry in ((Penalty, PENALTY_KINDS), (Body, PROVISION_KINDS)):
        _register_kinds(conv, base, registry)
    return conv


def _register_kinds(conv: cattrs.Converter, base: type[Any], registry: KindRegistry[Any]) -> None:
    what = registry.what

    def structure(value: object, _: type) -> object:
        if not isinstance(value, dict):
            raise _Reject(f"expected a {what} object with a 'kind', got {_describe(value)}")
        kind = value.get("kind")
        if isinstance(kind, str) and kind in registry:
            return conv.structure({k: v for k, v in value.items() if k != "kind"}, registry[kind])
        allowed = sorted(registry)
        if kind is None:
            raise _Reject(
                f"missing: every {what} names its kind, one of {', '.join(allowed)}", key="kind"
            )
        shown = _shown(kind) if isinstance(kind, str) else repr(_describe(kind))
        hint = _suggestion(kind, allowed) if isinstance(kind, str) else ""
        raise _Reject(
            f"unknown {what} kind {shown}{hint}; allowed: {', '.join(allowed)}", key="kind"
        )

    generated: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}

    def unstructure(value: Any) -> dict[str, Any]:
        cls = type(value)
        hook = generated.get(cls)
        if hook is None:
            hook = generated[cls] = make_dict_unstructure_fn(
                cls, conv, _cattrs_omit_if_default=True
            )
        return {"kind": value.kind, **hook(value)}

    # Exact-type predicates: a class hook would also catch every subclass.
    conv.register_structure_hook_func(lambda t: t is base, structure)
    conv.register_unstructure_hook_func(lambda t: t is base, unstructure)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


@functools.cache
def _fast_converter() -> cattrs.Converter:
    return make_converter(detailed=False)


# -- errors ---------------------------------------------------------------------------


def _allowed_keys(cl: type) -> list[str]:
    keys = [f.name for f in attrs.fields(cl)]
    if getattr(cl, "kind", None) is not None:
        keys.append("kind")
    return keys


def _problems(exc: BaseException, path: str, omitted: list[int]) -> Iterator[Problem]:
    """The problems in ``exc`` under ``path``; counts of problems not listed go to ``omitted``."""
    if isinstance(exc, InvalidDocumentError):
        for p in exc.problems:
            yield Problem(path + p.path[1:], p.message)
        omitted.append(exc.omitted)
    elif isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", []):
                if isinstance(note, AttributeValidationNote):
                    sub_path = f"{path}.{note.name}"
                elif isinstance(note, IterableValidationNote):
                    index = note.index
                    sub_path = f"{path}[{index}]" if isinstance(index, int) else f"{path}.{index}"
            yield from _problems(sub, sub_path, omitted)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = _allowed_keys(exc.cl)
        for key in sorted(exc.extra_fields):
            yield Problem(
                _key_path(path, key),
                f"unknown key {_shown(key)}{_suggestion(key, allowed)}; allowed here: "
                f"{', '.join(allowed)}",
            )
    elif isinstance(exc, KeyError):
        yield Problem(path, "missing: this key is required")
    elif isinstance(exc, _Reject):
        yield Problem(_key_path(path, exc.key) if exc.key else path, str(exc))
    elif isinstance(exc, FieldValueError):
        yield Problem(f"{path}.{exc.field}", str(exc))
    elif isinstance(exc, ValueError | TypeError):
        yield Problem(path, str(exc))
    else:
        raise exc


def structure(data: object, cls: type[_T]) -> _T:
    """Build a record of type ``cls`` from plain data (dicts, lists, strings, numbers).

    A ``kind`` key naming the class's own kind is accepted and dropped, so the
    output of :func:`unstructure` always comes back. Raises
    :class:`InvalidDocumentError` listing every problem with its path.
    """
    _document_class(data, cls)
    if isinstance(data, dict) and "kind" in data and _kind_of(cls) is not None:
        data = {k: v for k, v in data.items() if k != "kind"}
    # Building records makes many small objects and no cycles: the cyclic garbage
    # collector only slows that down (more so as documents grow), so it waits.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _fast_converter().structure(data, cls)
    except (BaseValidationError, ForbiddenExtraKeysError, ValueError, TypeError, KeyError) as fast:
        first = fast  # the fast converter stops at the first problem; find them all
    finally:
        if collecting:
            gc.enable()
    try:
        _converter().structure(data, cls)
    except (BaseValidationError, ForbiddenExtraKeysError, ValueError, TypeError, KeyError) as exc:
        first = exc
    omitted: list[int] = []
    problems = dict.fromkeys(_problems(first, "$", omitted))
    raise InvalidDocumentError(problems, omitted=sum(omitted)) from None


def unstructure(obj: object) -> dict[str, Any]:
    """Plain data for a record, with ``kind`` first for records that have one."""
    data = _converter().unstructure(obj)
    if not isinstance(data, dict):
        raise TypeError(f"expected a record, got {type(obj).__name__}")
    kind = _kind_of(type(obj))
    if kind is not None and "kind" not in data:
        data = {"kind": kind, **data}
    return data


def _kind_of(cls: type[Any]) -> str | None:
    for name, kind_cls in document_kinds().items():
        if kind_cls is cls:
            return name
    kind = getattr(cls, "kind", None)
    return kind if isinstance(kind, str) else None


# -- text formats -----------------------------------------------------------------------


def _reject_constant(name: str) -> Decimal:
    raise InvalidDocumentError(
        [Problem("$", f"{name} is not allowed: amounts must be finite numbers")]
    )


class _Twice(dict):  # type: ignore[type-arg]
    """A JSON object that gave a key twice; ``key`` is the first such key."""

    key: str


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _ in pairs:  # name the first key given twice
        if key in seen:
            break
        seen.add(key)
    twice = _Twice(result)
    twice.key = key
    return twice


def _int(text: str) -> int | Decimal:
    # Python refuses to read ints of more than 4,300 digits (a guard against slow
    # conversions); a Decimal reads any length in linear time and is refused later, at
    # its path, like any number with too many digits.
    return int(text) if len(text) <= 20 else Decimal(text)


_TOO_DEEP = f"nested too deeply: objects and lists may nest at most {MAX_DEPTH} levels"


def _check_shape(data: object) -> None:
    """Refuse a document nested more than :data:`MAX_DEPTH` levels or with a key given twice."""
    containers = (dict, list, _Twice)
    level: list[Any] = [data] if type(data) in containers else []
    depth = 0
    while level:  # a quick walk, level by level, without paths: most documents are fine
        depth += 1
        if depth > MAX_DEPTH or _Twice in map(type, level):
            break
        level = [
            item
            for value in level
            for item in (value if type(value) is list else value.values())
            if type(item) in containers
        ]
    else:
        return
    problems: list[Problem] = []
    paths: list[tuple[object, int, str]] = [(data, 1, "$")]
    while paths:  # again, with paths, in document order
        value, depth, path = paths.pop()
        if depth > MAX_DEPTH:
            problems.append(Problem(path, _TOO_DEEP))
            continue
        if isinstance(value, _Twice):
            problems.append(
                Problem(
                    _key_path(path, value.key),
                    f"the key {_shown(value.key)} appears twice in this object; keep one",
                )
            )
        if isinstance(value, dict):
            children = [(v, _key_path(path, k)) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(v, f"{path}[{i}]") for i, v in enumerate(value)]
        else:
            continue
        paths.extend((v, depth + 1, p) for v, p in reversed(children))
    raise InvalidDocumentError(problems)


def _parse(text: str, fmt: str) -> object:
    if fmt == "json":
        try:
            data = json.loads(
                text,
                parse_float=Decimal,
                parse_int=_int,
                parse_constant=_reject_constant,
                object_pairs_hook=_no_duplicate_keys,
            )
        except json.JSONDecodeError as exc:
            raise InvalidDocumentError(
                [
                    Problem(
                        "$", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
                    )
                ]
            ) from None
        except RecursionError:
            raise InvalidDocumentError([Problem("$", _TOO_DEEP)]) from None
    elif fmt == "toml":
        try:
            data = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise InvalidDocumentError([Problem("$", f"not valid TOML: {exc}")]) from None
        except RecursionError:
            raise InvalidDocumentError([Problem("$", _TOO_DEEP)]) from None
        except ValueError:  # Python reads no integer of more than 4,300 digits
            raise InvalidDocumentError(
                [Problem("$", "not valid TOML: a whole number has more than 4300 digits")]
            ) from None
    else:
        raise UnsupportedFormatError(fmt, _FORMATS)
    _check_shape(data)
    return data


def _document_class(data: object, cls: type[Any] | None) -> type[Any]:
    if cls is not None:
        expected = _kind_of(cls)
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind is not None and kind != expected:
            raise InvalidDocumentError(
                [Problem("$.kind", f"expected a {expected or cls.__name__} document, got {kind!r}")]
            )
        return cls
    kinds = document_kinds()
    allowed = ", ".join(sorted(kinds))
    if not isinstance(data, dict):
        raise InvalidDocumentError([Problem("$", f"expected an object, got {_describe(data)}")])
    kind = data.get("kind")
    if kind is None:
        raise InvalidDocumentError(
            [Problem("$.kind", f"missing: a document names its kind, one of {allowed}")]
        )
    if not isinstance(kind, str) or kind not in kinds:
        hint = _suggestion(kind, sorted(kinds)) if isinstance(kind, str) else ""
        raise InvalidDocumentError(
            [Problem("$.kind", f"unknown document kind {kind!r}{hint}; allowed: {allowed}")]
        )
    return kinds[kind]


def loads(text: str | bytes, format: Format = "json", *, cls: type[_T] | None = None) -> Any:
    """Read a document from text.

    The document's ``kind`` says what it holds; pass ``cls`` to read a record
    without a top-level kind (any record class). Raises
    :class:`~lawsummary.errors.InvalidDocumentError` listing every problem.
    """
    if format not in _FORMATS:
        raise UnsupportedFormatError(str(format), _FORMATS)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidDocumentError(
                [Problem("$", f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")]
            ) from None
    data = _parse(text, format)
    return structure(data, _document_class(data, cls))


def dumps(obj: object, format: Format = "json") -> str:
    """Write a record as a document; the same record always gives the same text."""
    if format not in _FORMATS:
        raise UnsupportedFormatError(str(format), _FORMATS)
    data = unstructure(obj)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import tomli_w

    return str(tomli_w.dumps(data))


def _format_of(path: Path, fmt: str | None) -> str:
    if fmt is not None:
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in _FORMATS:
        raise UnsupportedFormatError(suffix or "(no file extension)", _FORMATS)
    return suffix


def load(path: str | Path, format: Format | None = None, *, cls: type[_T] | None = None) -> Any:
    """Read a document from a file; the format comes from the extension unless given."""
    path = Path(path)
    fmt = _format_of(path, format)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidDocumentError(
            [Problem("$", f"cannot read the file: {exc.strerror}")], source=str(path)
        ) from None
    try:
        return loads(raw, fmt, cls=cls)  # type: ignore[arg-type]  # checked by _format_of
    except InvalidDocumentError as exc:
        raise exc.with_source(str(path)) from None


def dump(obj: object, path: str | Path, format: Format | None = None) -> None:
    """Write a record to a file; the format comes from the extension unless given."""
    path = Path(path)
    fmt = _format_of(path, format)
    path.write_text(dumps(obj, fmt), encoding="utf-8")  # type: ignore[arg-type]
