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


def walk(
    obj: object, path: str = "$", *, skip: tuple[type, ...] = ()
) -> Iterator[tuple[str, object]]:
    """Yield ``(path, record)`` for ``obj`` and every attrs record inside it, depth first.

    Paths use the document's key names, so they point at the same place in a
    JSON or TOML document as in the records. Records of the types in ``skip`` are
    neither yielded nor entered. The walk keeps its own stack rather than nesting
    generators, so a record deep in a large dataset costs no more to reach than one
    at the top.
    """
    if _fields(type(obj)) is None:
        return
    stack: list[tuple[str, object]] = [(path, obj)]
    pop, push = stack.pop, stack.append
    while stack:
        path, node = pop()
        yield path, node
        children: list[tuple[str, object]] = []
        for name in _fields(type(node)):  # type: ignore[union-attr]  # only records are pushed
            value = getattr(node, name)
            if isinstance(value, tuple):
                for i, item in enumerate(value):
                    if _fields(type(item)) is not None and not isinstance(item, skip):
                        children.append((f"{path}.{name}[{i}]", item))
            elif _fields(type(value)) is not None and not isinstance(value, skip):
                children.append((f"{path}.{name}", value))
        while children:  # the first child on top: the same order as a recursive walk
            push(children.pop())
