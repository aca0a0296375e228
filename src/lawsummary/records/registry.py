"""Open sets of record kinds, keyed by the ``kind`` name written in documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar, cast

import attrs

__all__ = ["KindRegistry"]

_T = TypeVar("_T")
_C = TypeVar("_C", bound=type)


class KindRegistry(Mapping[str, type[_T]], Generic[_T]):
    """Maps kind names to attrs classes derived from one base class.

    The document format reads the registry when a converter is made, so a kind
    registered before that is read and written like the built-in ones.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self._kinds: dict[str, type[_T]] = {}

    def register(self, name: str) -> Callable[[_C], _C]:
        """Class decorator: register the class under ``name`` and set its ``kind``."""

        def register(cls: _C) -> _C:
            if name in self._kinds:
                raise ValueError(f"{self.what} kind {name!r} is already registered")
            if not attrs.has(cast(type, cls)):  # a cast keeps cls's own type for the return
                raise TypeError(f"{cls.__name__} must be an attrs class")
            cls.kind = name  # type: ignore[attr-defined]  # every base declares ClassVar kind
            self._kinds[name] = cls
            return cls

        return register

    def __getitem__(self, name: str) -> type[_T]:
        return self._kinds[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)
