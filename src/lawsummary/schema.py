"""JSON Schemas (draft 2020-12): of the document format, and of the summary JSON.

:func:`json_schema` is the document format's, generated from the record classes. It
checks the shape of a document: keys, types, kinds, enumerations and the forms of
numbers and dates. The rules that need more than one value (a range's bounds in
order, ids that resolve, a category that agrees with the rules) are checked by
``lawsummary.load``; the schema is for editors and other languages.

:func:`summary_schema` is the schema of what ``summarize(..., format="json")`` (and
``lawsummary summarize --format json``, one document per line with ``--jsonl``) writes:
versioned by ``schema_version`` (:data:`SUMMARY_SCHEMA_VERSION`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from lawsummary.records.common import MAX_TEXT_LENGTH, LocalizedText, PartialDate, Status, Unknown
from lawsummary.records.penalties import PENALTY_KINDS, Penalty
from lawsummary.records.provisions import PROVISION_KINDS, Body
from lawsummary.records.registry import KindRegistry
from lawsummary.render.formats import SUMMARY_SCHEMA_VERSION

__all__ = [
    "SCHEMAS",
    "SCHEMA_ID",
    "SUMMARY_SCHEMA_ID",
    "SUMMARY_SCHEMA_VERSION",
    "json_schema",
    "summary_schema",
]

SCHEMA_ID = "https://lawsummary.invalid/schema/document.json"
SUMMARY_SCHEMA_ID = (
    f"https://lawsummary.invalid/schema/summary-{SUMMARY_SCHEMA_VERSION.split('.')[0]}.json"
)

_NUMBER = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,9})?$"},
    ]
}
_DATE = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"}
_PARTIAL_DATE = {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}
# The reader's other text rules (no control characters but the newline, no lone
# surrogates or bidi overrides, something visible) are not expressible here.
_STRING = {"type": "string", "maxLength": MAX_TEXT_LENGTH}
_TEXT = {
    "type": "object",
    "minProperties": 1,
    "patternProperties": {
        r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_[0-9]{3})?$": {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_TEXT_LENGTH,
            "pattern": r"\S",
        }
    },
    "additionalProperties": False,
}
_UNKNOWN = {"const": "unknown"}
#: A number the reader takes as not negative: digits without a minus sign.
_NON_NEGATIVE = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"},
    ]
}
#: Text that is not blank (the reader refuses a text of spaces only).
_NOT_BLANK = r"\S"

#: Rules the reader checks outside a field's validator, by (class name, field name).
_MIN_ITEMS = {("Provision", "versions"), ("CrimeCategories", "rules")}
_NOT_NEGATIVE = {("Count", "value")}
#: Records that need at least one of some keys, present and not null (a range's bounds:
#: either may be "unknown", but one of them must be given).
_AT_LEAST_ONE = {
    "TermRange": ("min", "max"),
    "MoneyRange": ("min", "max"),
    "IndexRange": ("min", "max"),
}


def _rules(cls: type[Any], field: attrs.Attribute[Any]) -> set[str]:
    """The reader's rules for one field, found from its validator (and a few checks made
    after the record is built): "min_items", "not_negative", "not_blank"."""
    names = {getattr(field.validator, "__name__", "")}
    found: set[str] = set()
    if "_nonempty" in names or (cls.__name__, field.name) in _MIN_ITEMS:
        found.add("min_items")
    if "_check_amount" in names or (cls.__name__, field.name) in _NOT_NEGATIVE:
        found.add("not_negative")
    if names & {"_nonempty_str", "_nonempty_or_none"}:
        found.add("not_blank")
    return found


def _with_rules(schema: dict[str, Any], rules: set[str]) -> dict[str, Any]:
    if not rules:
        return schema
    if schema == _NUMBER and "not_negative" in rules:
        return dict(_NON_NEGATIVE)
    if "anyOf" in schema:  # an optional or unknown-able value: the rules hold for the rest
        branches = [
            b if b in ({"type": "null"}, _UNKNOWN) else _with_rules(b, rules)
            for b in schema["anyOf"]
        ]
        return {**schema, "anyOf": branches}
    if schema.get("type") == "integer" and "not_negative" in rules:
        return {**schema, "minimum": 0}
    if schema.get("type") == "array" and "min_items" in rules:
        return {**schema, "minItems": 1}
    if schema.get("type") == "string" and "not_blank" in rules:
        return {**schema, "pattern": _NOT_BLANK}
    return schema


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: classes may refer to themselves
            self.defs[name] = self.record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def record(self, cls: type[Any], kind: str | None = None) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if kind is not None:
            properties["kind"] = {"const": kind}
            required.append("kind")
        for field in attrs.fields(cls):
            properties[field.name] = _with_rules(self.type(hints[field.name]), _rules(cls, field))
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if cls.__doc__:
            schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
        if required:
            schema["required"] = required
        one_of_these = _AT_LEAST_ONE.get(cls.__name__)
        if one_of_these:
            schema["anyOf"] = [
                {"required": [key], "properties": {key: {"not": {"type": "null"}}}}
                for key in one_of_these
            ]
        return schema

    def kinds(self, registry: KindRegistry[Any], name: str) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}
            branches = []
            for kind, cls in sorted(registry.items()):
                self.defs[cls.__name__] = self.record(cls, kind)
                branches.append({"$ref": f"#/$defs/{cls.__name__}"})
            self.defs[name] = {"oneOf": branches}
        return {"$ref": f"#/$defs/{name}"}

    def type(self, hint: Any) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            args = typing.get_args(hint)
            return {"anyOf": [self.type(a) for a in args]}
        if origin is tuple:
            return {"type": "array", "items": self.type(typing.get_args(hint)[0])}
        if hint is type(None):
            return {"type": "null"}
        if hint is Unknown:
            return _UNKNOWN
        if hint is str:
            return _STRING
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is Decimal:
            return _NUMBER
        if hint is dt.date:
            return _DATE
        if hint is PartialDate:
            return _PARTIAL_DATE
        if hint is LocalizedText:
            return _TEXT
        if hint is Penalty:
            return self.kinds(PENALTY_KINDS, "Penalty")
        if hint is Body:
            return self.kinds(PROVISION_KINDS, "Body")
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [m.value for m in hint]}
        if attrs.has(hint):
            return self.ref(hint)
        raise TypeError(f"no schema for {hint!r}")  # pragma: no cover - every field type is covered


@functools.cache
def _schema() -> dict[str, Any]:
    from lawsummary.serialization import document_kinds

    builder = _Builder()
    branches = []
    for kind, cls in sorted(document_kinds().items()):
        name = f"{cls.__name__}Document"
        builder.defs[name] = builder.record(cls, kind)
        branches.append({"$ref": f"#/$defs/{name}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "lawsummary document",
        "description": (
            "A lawsummary document: one record with a 'kind'. Amounts are decimals written as "
            "strings or numbers; dates are YYYY-MM-DD, or YYYY-MM / YYYY where the law is vague, "
            "or 'unknown' where a fact is not established."
        ),
        "oneOf": branches,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the document format, as a new dict each call."""
    import copy

    return copy.deepcopy(_schema())


def _summary_schema() -> dict[str, Any]:
    from lawsummary.explain import Role

    text = {"type": "string"}
    strings = {"type": "array", "items": text}
    statement = {
        "type": "object",
        "description": "One statement of the summary, written, with what it was made from.",
        "properties": {
            "role": {
                "enum": [r.value for r in Role],
                "description": (
                    "Where it stands: a title, a heading, a sentence, a list item, or a "
                    "table's header row or row."
                ),
            },
            "text": {**text, "description": "The statement as written in the locale (plain)."},
            "message": {**text, "description": "The catalog message it was written from."},
            "context": {
                "type": ["string", "null"],
                "description": "The message's catalog context (msgctxt), if any.",
            },
            "status": {
                "anyOf": [{"enum": [s.value for s in Status]}, {"type": "null"}],
                "description": (
                    "The grade of the fact stated (confirmed, reported, unconfirmed); "
                    "null for headings and other statements that are not facts."
                ),
            },
            "grade_shown": {
                "type": "boolean",
                "description": "The text shows the grade (it differs from the record's).",
            },
            "fallbacks": {
                **strings,
                "description": "The languages the data's texts fell back to, for this locale.",
            },
            "cells": {
                **strings,
                "description": (
                    "For table rows: one written cell per column ('' for an empty cell)."
                ),
            },
            "trace": {
                **strings,
                "description": "The record's field paths the statement was made from.",
            },
            "sources": {**strings, "description": "The web addresses of its sources."},
        },
        "required": [
            "role",
            "text",
            "message",
            "context",
            "status",
            "grade_shown",
            "fallbacks",
            "cells",
            "trace",
            "sources",
        ],
        "additionalProperties": False,
    }
    number = {"type": "number", "minimum": 0}
    readability = {
        "type": "object",
        "description": "Counts and scores of the plain-text summary (lawsummary.readability).",
        "properties": {
            "sentences": {"type": "integer", "minimum": 0},
            "words": {"type": "integer", "minimum": 0},
            "long_words": {"type": "integer", "minimum": 0},
            "words_per_sentence": number,
            "long_word_share": {**number, "maximum": 1},
            "reading_ease": {
                "type": ["number", "null"],
                "description": "Flesch (en) or Oborneva (ru) reading ease; null elsewhere.",
            },
        },
        "required": [
            "sentences",
            "words",
            "long_words",
            "words_per_sentence",
            "long_word_share",
            "reading_ease",
        ],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SUMMARY_SCHEMA_ID,
        "title": "lawsummary summary",
        "description": (
            "A summary as summarize(..., format='json') writes it: the statements in one "
            "locale with their grades, sources and the record's fields they come from. "
            f"This is version {SUMMARY_SCHEMA_VERSION}, named by schema_version in every "
            "summary: the major number changes when a field is removed or changes its "
            "meaning, the minor number when one is added (a reader of a version reads any "
            "later one with the same major number by ignoring fields it does not know)."
        ),
        "type": "object",
        "properties": {
            "schema_version": {
                "const": SUMMARY_SCHEMA_VERSION,
                "description": "The version of this schema the summary follows.",
            },
            "locale": {
                "type": "string",
                "pattern": "^[a-z]{2,3}$",
                "description": "The language the summary is written in.",
            },
            "subject": {
                "type": "string",
                "description": "What was summarised (dataset, offence, comparison, table ...).",
            },
            "detail": {"enum": ["short", "full"]},
            "readability": readability,
            "statements": {"type": "array", "items": {"$ref": "#/$defs/Statement"}},
            "review_notice": {
                "type": "string",
                "description": (
                    "Present while no native-speaker lawyer has reviewed the locale's wording."
                ),
            },
        },
        "required": ["schema_version", "locale", "subject", "detail", "readability", "statements"],
        "additionalProperties": False,
        "$defs": {"Statement": statement},
    }


#: The schemas ``lawsummary schema`` writes, by name (the first is the default).
SCHEMAS = ("document", "summary")


def summary_schema() -> dict[str, Any]:
    """The JSON Schema of the summary JSON (``format="json"``), as a new dict each call."""
    return _summary_schema()
