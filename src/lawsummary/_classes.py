"""One ``__repr__`` for every attrs class of the package.

attrs writes each class's methods as Python source and compiles it when the class
is made; the ``__repr__`` is about a third of that work, paid at every start of
every process. :func:`shared_repr` gives a class made with ``repr=False`` the same
repr attrs would write (``Money(amount=Decimal('5'), currency='RUB')``) from one
shared function.
"""

from __future__ import annotations

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
