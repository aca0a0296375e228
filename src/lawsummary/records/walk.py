"""Walk a record tree with document paths (``$.provisions[2].versions[0].body``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import attrs

__all__ = ["walk"]


def walk(obj: object, path: str = "$") -> Iterator[tuple[str, object]]:
    """Yield ``(path, record)`` for ``obj`` and every attrs record inside it, depth first.

    Paths use the document's key names, so they point at the same place in a
    JSON or TOML document as in the records.
    """
    if attrs.has(type(obj)):
        yield path, obj
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
            value = getattr(obj, field.name)
            if isinstance(value, tuple):
                for i, item in enumerate(value):
                    yield from walk(item, f"{path}.{field.name}[{i}]")
            elif attrs.has(type(value)):
                yield from walk(value, f"{path}.{field.name}")
