"""The datasets bundled with lawsummary, loaded by name.

>>> from lawsummary import datasets
>>> datasets.names()
('ru-migration-2024',)
>>> ds = datasets.load("ru-migration-2024")
>>> in_2025 = ds.as_of(datetime.date(2025, 1, 1))

A bundled dataset is read from its JSON document and checked once per process.
The checked records are also kept in a cache file (like Python's own ``.pyc``
files), so that a new process can skip the check: the file's name holds a hash of
the JSON document and the size and time of the record modules' source files, so
any change to either makes a new one. ``LAWSUMMARY_CACHE_DIR`` sets the folder (default:
``$XDG_CACHE_HOME/lawsummary`` or ``~/.cache/lawsummary``); ``LAWSUMMARY_NO_CACHE=1``
turns it off. A cache file that cannot be read or written is ignored.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
import zlib
from typing import TYPE_CHECKING

from lawsummary import _files
from lawsummary.errors import InvalidDocumentError, UnknownDatasetError
from lawsummary.records.dataset import Dataset

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["cache_folder", "load", "names"]


def names() -> tuple[str, ...]:
    """The names of the bundled datasets, sorted."""
    files = _files.listing("data")
    return tuple(sorted(f.removesuffix(".json") for f in files if f.endswith(".json")))


def _cache_dir() -> str | None:
    if os.environ.get("LAWSUMMARY_NO_CACHE"):
        return None
    folder = os.environ.get("LAWSUMMARY_CACHE_DIR")
    if folder:
        return folder
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "lawsummary")


def cache_folder() -> Path | None:
    """Where checked datasets are cached, or None when caching is off."""
    from pathlib import Path

    folder = _cache_dir()
    return None if folder is None else Path(folder)


@functools.cache
def _code_fingerprint() -> str:
    """The size and modification time of every module that defines or checks records.

    Like Python's own ``.pyc`` check: a change to any of them makes a new cache file.
    """
    stamps = [sys.version, *_files.source_stamps("records", "rules")]
    return f"{zlib.crc32(chr(0).join(stamps).encode()):08x}"


def _cache_path(name: str, raw: bytes) -> str | None:
    folder = _cache_dir()
    if folder is None:
        return None
    content = f"{zlib.crc32(raw):08x}{len(raw):x}"
    return os.path.join(folder, f"{name}-{content}-{_code_fingerprint()}.pickle")


def _read_cache(path: str | None) -> Dataset | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            cached = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return cached if isinstance(cached, Dataset) else None


def _write_cache(path: str | None, dataset: Dataset) -> None:
    if path is None:
        return
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        partial = f"{path.removesuffix('.pickle')}.{os.getpid()}.tmp"
        with open(partial, "wb") as handle:
            pickle.dump(dataset, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        pass


@functools.cache
def load(name: str) -> Dataset:
    """Load a bundled dataset by name; it is read and checked once, then shared (it is immutable).

    Raises :class:`~lawsummary.errors.UnknownDatasetError` for a name that is not bundled.
    """
    available = names()
    if name not in available:
        raise UnknownDatasetError(name, available)
    raw = _files.read_bytes("data", f"{name}.json")
    cache = _cache_path(name, raw)
    cached = _read_cache(cache)
    if cached is not None:
        return cached
    from lawsummary.serialization import loads

    try:
        dataset = loads(raw, "json", cls=Dataset)
    except InvalidDocumentError as exc:  # pragma: no cover - guarded by the test suite
        raise exc.with_source(f"bundled dataset {name!r}") from None
    assert isinstance(dataset, Dataset)
    _write_cache(cache, dataset)
    return dataset
