"""Walk a record tree with document paths (``$.provisions[2].versions[0].body``)."""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Iterator
from decimal import Decimal

import attrs

__all__ = ["walk"]


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields(cls: type) -> tuple[str, ...] | None:
    """The fields of an attrs class that can hold a record, or None for anything else.

    Worked out once per class from the fields' types: a field typed ``str``,
    ``Decimal``, an enumeration or a tuple of those never holds a record, so the walk
    does not look into it. A type that cannot be resolved counts as one that can.
    """
    try:
        return _FIELDS[cls]
    except KeyError:
        pass
    if not attrs.has(cls):
        names = None
    else:
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # a name only importable while type checking: look into all
            hints = {}
        names = tuple(
            f.name for f in attrs.fields(cls) if f.name not in hints or _may_hold(hints[f.name])
        )
    _FIELDS[cls] = names
    return names


#: Types whose values are never records and hold none.
_PLAIN = (str, int, float, bool, bytes, Decimal, dt.date, type(None), enum.Enum)


def _may_hold(hint: object) -> bool:
    """Whether a value of type ``hint`` can be or contain an attrs record."""
    args = typing.get_args(hint)
    if args:  # a union, a tuple, a literal ...
        return any(_may_hold(arg) for arg in args if arg is not Ellipsis)
    if isinstance(hint, type):
        return not issubclass(hint, _PLAIN)  # a record, or a base class of records
    return hint is not Ellipsis and not isinstance(hint, str | int)  # Any, a TypeVar: it may


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
