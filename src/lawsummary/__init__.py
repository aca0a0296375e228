"""lawsummary: legal measures as typed, checked data, and summaries of them.

The public API: read and write documents (:func:`load`, :func:`loads`,
:func:`dump`, :func:`dumps`), the bundled datasets (:mod:`lawsummary.datasets`),
the records (:mod:`lawsummary.records`), plain-language summaries
(:func:`summarize`, or :func:`explain` then :func:`render`), comparisons
(:func:`compare`, :func:`compare_many`; the rest of :mod:`lawsummary.compare`, such
as ``Rate``, is imported from there) and the errors.

The document reader (and cattrs with it) loads when first used, so that a program
that only summarises bundled data does not pay for it.

Where things are (three names are alike; they are three different things):

- ``lawsummary.records``: the typed records; ``records.dataset`` holds the
  :class:`Dataset` *class* and the checks that need a whole dataset;
- ``lawsummary.datasets``: the *loader* of the bundled datasets (by name, checked once,
  cached); ``lawsummary/data/``: the bundled dataset *files* it reads;
- ``lawsummary.rules``: jurisdiction plug-ins, one module each (``rules.ru``);
- ``lawsummary.explain``: what to say, in no language; ``lawsummary.render``: how to say
  it (``render.writer`` writes, ``render.formats`` lays out, one function per format);
- ``lawsummary.compare``: comparisons as typed changes; ``lawsummary.outline``: the
  maintainers' plain outline of a dataset (``lawsummary show``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from lawsummary import datasets, records, rules

# Functions named like their modules are bound here, after the modules are imported,
# so that the package attribute is the function.
from lawsummary.compare import compare, compare_many
from lawsummary.errors import (
    InvalidDocumentError,
    LawSummaryError,
    MissingDataError,
    Problem,
    UnknownDatasetError,
    UnsupportedFormatError,
)
from lawsummary.explain import Explanation, Statement, explain
from lawsummary.i18n import SUPPORTED_LOCALES, UnsupportedLocaleError, resolve_locale
from lawsummary.records import Dataset
from lawsummary.render import render, summarize

if TYPE_CHECKING:
    from lawsummary.serialization import dump, dumps, load, loads, make_converter

__all__ = [
    "SUPPORTED_LOCALES",
    "Dataset",
    "Explanation",
    "InvalidDocumentError",
    "LawSummaryError",
    "MissingDataError",
    "Problem",
    "Statement",
    "UnknownDatasetError",
    "UnsupportedFormatError",
    "UnsupportedLocaleError",
    "compare",
    "compare_many",
    "datasets",
    "dump",
    "dumps",
    "explain",
    "load",
    "loads",
    "make_converter",
    "records",
    "render",
    "resolve_locale",
    "rules",
    "summarize",
]

__version__ = "0.1.0"

#: Where each lazily loaded public name lives.
_LAZY: dict[str, tuple[str, str]] = {
    "dump": ("lawsummary.serialization", "dump"),
    "dumps": ("lawsummary.serialization", "dumps"),
    "load": ("lawsummary.serialization", "load"),
    "loads": ("lawsummary.serialization", "loads"),
    "make_converter": ("lawsummary.serialization", "make_converter"),
}


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'lawsummary' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
