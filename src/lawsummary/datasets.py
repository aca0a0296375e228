"""The datasets bundled with lawsummary, loaded by name.

>>> from lawsummary import datasets
>>> datasets.names()
('ru-migration-2024',)
>>> ds = datasets.load("ru-migration-2024")
>>> in_2025 = ds.as_of(datetime.date(2025, 1, 1))
"""

from __future__ import annotations

import functools
from importlib import resources

from lawsummary.errors import InvalidDocumentError, UnknownDatasetError
from lawsummary.records.dataset import Dataset

__all__ = ["load", "names"]

_PACKAGE = "lawsummary.data"


def names() -> tuple[str, ...]:
    """The names of the bundled datasets, sorted."""
    files = resources.files(_PACKAGE).iterdir()
    return tuple(sorted(f.name.removesuffix(".json") for f in files if f.name.endswith(".json")))


@functools.cache
def load(name: str) -> Dataset:
    """Load a bundled dataset by name; it is read and checked once, then shared (it is immutable).

    Raises :class:`~lawsummary.errors.UnknownDatasetError` for a name that is not bundled.
    """
    from lawsummary.serialization import loads

    available = names()
    if name not in available:
        raise UnknownDatasetError(name, available)
    text = resources.files(_PACKAGE).joinpath(f"{name}.json").read_text(encoding="utf-8")
    try:
        dataset = loads(text, "json", cls=Dataset)
    except InvalidDocumentError as exc:  # pragma: no cover - guarded by the test suite
        raise exc.with_source(f"bundled dataset {name!r}") from None
    assert isinstance(dataset, Dataset)
    return dataset
