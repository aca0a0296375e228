"""Files shipped inside the package (datasets, catalogs), read without ``importlib.resources``.

An installed package is a folder, and reading a file from it is one ``open``. Only
when the package is not a folder (imported from a zip archive) is
``importlib.resources`` used, which costs a noticeable part of start-up to import.
"""

from __future__ import annotations

import os

_ROOT = os.path.dirname(os.path.abspath(__file__))


def read_bytes(*parts: str) -> bytes:
    """The bytes of the package file at ``parts`` (``read_bytes("data", "x.json")``)."""
    path = os.path.join(_ROOT, *parts)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, NotADirectoryError):
        if os.path.isdir(_ROOT):
            raise
    from importlib import resources  # not a folder: a zip archive

    return resources.files("lawsummary").joinpath(*parts).read_bytes()


def listing(*parts: str) -> list[str]:
    """The names of the files in the package folder at ``parts``."""
    path = os.path.join(_ROOT, *parts)
    if os.path.isdir(_ROOT):
        return os.listdir(path)
    from importlib import resources  # not a folder: a zip archive

    return [f.name for f in resources.files("lawsummary").joinpath(*parts).iterdir()]


def source_stamps(*folders: str) -> list[str]:
    """Name, size and modification time of each ``.py`` file in the package's ``folders``."""
    stamps = []
    for folder in folders:
        path = os.path.join(_ROOT, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(path, name))
                stamps.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return stamps
