"""The datasets bundled with lawsummary, loaded by name.

>>> from lawsummary import datasets
>>> datasets.names()
('ru-migration-2024',)
>>> ds = datasets.load("ru-migration-2024")
>>> in_2025 = ds.as_of(datetime.date(2025, 1, 1))

A bundled dataset is read from its JSON document and checked once per process.
The checked records are also kept in a cache file (like Python's own ``.pyc``
files), so that a new process can skip the check (a third of the cold start: see
BENCHMARKS.md). The cache cannot hurt:

* a cache file's name holds a hash of the JSON document and the size and time of the
  record modules' source files, so any change to either makes a new one;
* each file is signed: a keyed BLAKE2 digest of its name and contents, with a random
  key kept in the cache folder in a file only its owner can read. A file whose
  signature does not match (planted, corrupt, cut short, from another Python) is never
  unpickled; it is rebuilt from the package's data and replaced. The key file is used
  only if it belongs to the current user and nobody else can read or write it;
* files not used for 30 days, and all but the newest 4 of each dataset, are removed;
* the folder is the platform's: ``%LOCALAPPDATA%\\lawsummary\\Cache`` on Windows,
  ``~/Library/Caches/lawsummary`` on macOS, ``$XDG_CACHE_HOME/lawsummary`` or
  ``~/.cache/lawsummary`` elsewhere; ``LAWSUMMARY_CACHE_DIR`` sets another and
  ``LAWSUMMARY_NO_CACHE=1`` turns the cache off. A folder that cannot be read or
  written is ignored.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
import time
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
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return os.path.join(base, "lawsummary", "Cache")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "lawsummary")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
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


_MAGIC = b"lawsummary-cache-1\n"
_DIGEST = 32
_KEY_FILE = "key"
_MAX_AGE = 30 * 24 * 3600  # seconds a cache file may go unused
_KEEP = 4  # cache files kept per dataset


def _private(stat: os.stat_result) -> bool:
    """Whether a file belongs to this user and no one else may read or write it."""
    if not hasattr(os, "getuid"):  # Windows: the folder's access list protects it
        return True
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o077


def _key(folder: str, *, create: bool) -> bytes | None:
    """The signing key in ``folder``: made once, at random; None when it is not safe to use."""
    path = os.path.join(folder, _KEY_FILE)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        if not create:
            return None
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            handle = os.open(
                path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
            )
            key = os.urandom(_DIGEST)
            os.write(handle, key)
            os.close(handle)
        except OSError:
            return None
        return key
    except OSError:
        return None
    try:
        if not _private(os.fstat(handle)):
            return None
        key = os.read(handle, _DIGEST + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    return key if len(key) == _DIGEST else None


def _signature(key: bytes, path: str, payload: bytes) -> bytes:
    import hashlib

    digest = hashlib.blake2b(key=key, digest_size=_DIGEST)
    digest.update(os.path.basename(path).encode())
    digest.update(b"\0")
    digest.update(payload)
    return digest.digest()


def _read_cache(path: str | None) -> Dataset | None:
    if path is None:
        return None
    key = _key(os.path.dirname(path), create=False)
    if key is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
            stamp = os.fstat(handle.fileno()).st_mtime
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if not data.startswith(_MAGIC) or len(data) <= head:
        return None
    import hmac

    payload = data[head:]
    if not hmac.compare_digest(data[len(_MAGIC) : head], _signature(key, path, payload)):
        return None  # not written by this user's lawsummary: never unpickled
    try:
        cached = pickle.loads(payload)
    except Exception:  # signed but unreadable (say, a pickle from a newer Python)
        return None
    if not isinstance(cached, Dataset):
        return None
    if time.time() - stamp > 24 * 3600:  # mark it used, for pruning
        _touch(path)
    return cached


def _touch(path: str) -> None:
    try:
        os.utime(path)
    except OSError:
        return


def _write_cache(path: str | None, dataset: Dataset) -> None:
    if path is None:
        return
    folder = os.path.dirname(path)
    key = _key(folder, create=True)
    if key is None:
        return
    try:
        payload = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
        partial = f"{path.removesuffix('.pickle')}.{os.getpid()}.tmp"
        with open(partial, "wb") as handle:
            handle.write(_MAGIC + _signature(key, path, payload) + payload)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError):
        return
    _prune(folder, path)


def _prune(folder: str, kept: str) -> None:
    """Remove cache files unused for 30 days, and all but the newest few of each dataset."""
    now = time.time()
    by_dataset: dict[str, list[tuple[float, str]]] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.endswith((".pickle", ".tmp")) or entry.path == kept:
            continue
        try:
            used = entry.stat().st_mtime
        except OSError:
            continue
        stale = now - used > (_MAX_AGE if entry.name.endswith(".pickle") else 3600)
        if stale:
            _remove(entry.path)
        elif entry.name.endswith(".pickle"):
            by_dataset.setdefault(entry.name.rsplit("-", 2)[0], []).append((used, entry.path))
    for files in by_dataset.values():
        for _, old in sorted(files, reverse=True)[_KEEP - 1 :]:
            _remove(old)


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        return


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
