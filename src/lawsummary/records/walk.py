"""Walk a record tree with document paths (``$.provisions[2].versions[0].body``)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

__all__ = ["walk"]


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields(cls: type) -> tuple[str, ...] | None:
    """The field names of an attrs class, or None for anything else (cached per class)."""
    try:
        return _FIELDS[cls]
    except KeyError:
        names = tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else None
        _FIELDS[cls] = names
        return names


def walk(obj: object, path: str = "$") -> Iterator[tuple[str, object]]:
    """Yield ``(path, record)`` for ``obj`` and every attrs record inside it, depth first.

    Paths use the document's key names, so they point at the same place in a
    JSON or TOML document as in the records.
    """
    names = _fields(type(obj))
    if names is None:
        return
    yield path, obj
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if _fields(type(item)) is not None:
                    yield from walk(item, f"{path}.{name}[{i}]")
        elif _fields(type(value)) is not None:
            yield from walk(value, f"{path}.{name}")
