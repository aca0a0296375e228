"""The package's attrs classes share one __repr__, written as attrs would write it."""

from __future__ import annotations

import importlib
import pkgutil
from decimal import Decimal

import attrs

import lawsummary
from lawsummary._classes import _repr, shared_repr


@attrs.frozen
class _ByAttrs:
    amount: Decimal
    name: str = "x"
    hidden: int = attrs.field(default=0, repr=False)
    inner: object = None


@shared_repr
@attrs.frozen(repr=False)
class _Shared:
    amount: Decimal
    name: str = "x"
    hidden: int = attrs.field(default=0, repr=False)
    inner: object = None


def test_the_shared_repr_is_the_one_attrs_writes() -> None:
    cases: list[tuple[Decimal, str, int, object]] = [
        (Decimal("5.0"), "x", 0, None),
        (Decimal(1), "y'\"", 3, (1, None)),
        (Decimal(2), "", 0, {}),
    ]
    for amount, name, hidden, inner in cases:
        by_attrs = repr(_ByAttrs(amount, name, hidden, inner)).replace("_ByAttrs(", "(")
        shared = repr(_Shared(amount, name, hidden, inner)).replace("_Shared(", "(")
        assert shared == by_attrs


def test_a_class_keeps_a_repr_of_its_own() -> None:
    @shared_repr
    @attrs.frozen(repr=False)
    class Own:
        value: int

        def __repr__(self) -> str:
            return "own"

    assert repr(Own(1)) == "own"


def test_every_attrs_class_of_the_package_has_a_repr() -> None:
    missing = []
    for info in pkgutil.walk_packages(lawsummary.__path__, "lawsummary."):
        if info.name.endswith("__main__"):  # runs the command line
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == info.name:
                if value.__repr__ is object.__repr__:
                    missing.append(value.__qualname__)
                elif value.__repr__ is not _repr:
                    assert "__repr__" in value.__dict__, value
    assert missing == []
