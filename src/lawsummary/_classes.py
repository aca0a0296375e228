"""One ``__repr__``, ``__eq__`` and ``__hash__`` for the attrs classes of the package.

attrs writes each class's methods as Python source and compiles it when the class
is made: about a millisecond per class, paid at every start of every process, and
the package has some seventy classes. The repr is a third of that work and the
comparisons another part. :func:`shared_repr` and :func:`shared_methods` give a
class made with ``repr=False`` (and ``eq=False``) the same methods attrs would
write, from shared functions: ``Money(amount=Decimal('5'), currency='XTS')``,
equal when of the same class with equal fields, hashed by class and fields.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable
from typing import Any, TypeVar

_C = TypeVar("_C", bound=type)


def _repr(self: Any) -> str:
    cls = type(self)
    fields = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in cls.__attrs_attrs__ if a.repr)
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({fields})"


def shared_repr(cls: _C) -> _C:
    """Use on an attrs class made with ``repr=False`` (outside its attrs decorator)."""
    if "__repr__" not in cls.__dict__:  # a repr of the class's own stays
        cls.__repr__ = _repr  # type: ignore[assignment]
    return cls


#: Where :func:`shared_methods` keeps a class's getter of the fields it compares.
_FIELDS = "__shared_fields__"


def _eq(self: object, other: object) -> Any:
    cls = self.__class__
    if other.__class__ is not cls:
        return NotImplemented
    fields: Callable[[object], object] = getattr(cls, _FIELDS)
    return fields(self) == fields(other)


def _hash(self: object) -> int:
    cls = self.__class__
    fields: Callable[[object], object] = getattr(cls, _FIELDS)
    return hash((cls, fields(self)))


def _no_fields(_: object) -> tuple[()]:
    return ()


def shared_methods(cls: _C) -> _C:
    """:func:`shared_repr`, and the ``==`` and ``hash`` attrs would write for a frozen
    class (field by field, for instances of the same class only), for an attrs class
    made with ``repr=False, eq=False``."""
    names = [a.name for a in cls.__attrs_attrs__ if a.eq]  # type: ignore[attr-defined]
    setattr(cls, _FIELDS, operator.attrgetter(*names) if names else _no_fields)
    cls.__eq__ = _eq  # type: ignore[assignment]
    cls.__hash__ = _hash  # type: ignore[assignment]
    return shared_repr(cls)


class Enum(enum.Enum):
    """The package's enums: ``enum.Enum`` hashed by identity.

    ``enum.Enum`` hashes a member by its name with a Python-level ``__hash__``, which
    every dict or set look-up by member calls; summaries look up grades, modes and
    categories many times. A member is a singleton and compares by identity, so the
    identity hash agrees with ``==``. Pickling, values and names are unchanged.
    """

    __hash__ = object.__hash__
