"""lawsummary: legal measures as typed, checked data, and summaries of them.

The public API: read and write documents (:func:`load`, :func:`loads`,
:func:`dump`, :func:`dumps`), the bundled datasets (:mod:`lawsummary.datasets`),
the records (:mod:`lawsummary.records`) and the errors.
"""

from lawsummary import datasets, records, rules
from lawsummary.errors import (
    InvalidDocumentError,
    LawSummaryError,
    MissingDataError,
    Problem,
    UnknownDatasetError,
)
from lawsummary.records import Dataset
from lawsummary.serialization import (
    UnsupportedFormatError,
    dump,
    dumps,
    load,
    loads,
    make_converter,
)

__all__ = [
    "Dataset",
    "InvalidDocumentError",
    "LawSummaryError",
    "MissingDataError",
    "Problem",
    "UnknownDatasetError",
    "UnsupportedFormatError",
    "datasets",
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "records",
    "rules",
]

__version__ = "0.1.0"
