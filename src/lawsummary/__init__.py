"""lawsummary: legal measures as typed, checked data, and summaries of them.

The public API: read and write documents (:func:`load`, :func:`loads`,
:func:`dump`, :func:`dumps`), the bundled datasets (:mod:`lawsummary.datasets`),
the records (:mod:`lawsummary.records`), plain-language summaries
(:func:`summarize`, or :func:`explain` then :func:`render`) and the errors.
"""

from lawsummary import datasets, records, rules
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
from lawsummary.serialization import (
    dump,
    dumps,
    load,
    loads,
    make_converter,
)

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
