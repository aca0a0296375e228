"""The package's attrs classes share one __repr__, written as attrs would write it."""

from __future__ import annotations

import enum
import importlib
import pickle
import pkgutil
import sys
from decimal import Decimal

import attrs

import lawsummary
from lawsummary import Dataset, dumps, loads
from lawsummary._classes import Enum, _repr, shared_methods, shared_repr


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


@shared_methods
@attrs.frozen(repr=False, eq=False)
class _Compared:
    amount: Decimal
    name: str = "x"


@shared_methods
@attrs.frozen(repr=False, eq=False)
class _Other:
    amount: Decimal
    name: str = "x"


@shared_methods
@attrs.frozen(repr=False, eq=False)
class _Empty:
    pass


def test_shared_equality_is_field_by_field_within_one_class() -> None:
    a, b = _Compared(Decimal("1.0"), "a"), _Compared(Decimal("1"), "a")
    assert a == b  # as attrs compares: Decimal("1.0") == Decimal("1")
    assert hash(a) == hash(b)
    assert (a != b) is False  # != follows ==
    assert a != _Compared(Decimal(1), "b")
    other: object = _Other(Decimal(1), "a")  # another class, the same fields
    assert a != other
    as_tuple: object = (Decimal(1), "a")
    assert a != as_tuple
    assert _Empty() == _Empty()
    assert hash(_Empty()) == hash(_Empty())
    assert len({a, b, _Other(Decimal(1), "a")}) == 2


def test_records_compare_and_hash_by_value(ru: Dataset) -> None:
    copy = loads(dumps(ru), cls=Dataset)
    assert copy == ru
    assert copy is not ru
    assert hash(copy.provisions) == hash(ru.provisions)
    changed = attrs.evolve(ru.provisions[0], id="another-id")
    assert changed != ru.provisions[0]


def _package_enums() -> list[type[enum.Enum]]:
    for info in pkgutil.walk_packages(lawsummary.__path__, "lawsummary."):
        if not info.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(info.name)
    found = []
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("lawsummary"):
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, enum.Enum)
                and value.__module__.startswith("lawsummary")
                and len(value) > 0
            ):
                found.append(value)
    return list(dict.fromkeys(found))


def test_every_package_enum_is_hashed_by_identity_and_still_an_enum() -> None:
    enums = _package_enums()
    assert len(enums) >= 10
    for cls in enums:
        assert issubclass(cls, Enum), cls
        for member in cls:
            assert hash(member) == object.__hash__(member)
            assert {member: 1}[member] == 1
            assert member in set(cls)
            assert cls(member.value) is member
            assert pickle.loads(pickle.dumps(member)) is member
            assert member != member.value


def test_a_slotted_language_keeps_plain_attribute_look_ups() -> None:
    # functools.cached_property on a slotted attrs class adds a __getattr__ hook that
    # slows every attribute look-up; Language.babel is a plain property instead.
    from lawsummary.i18n import Language, language

    assert "__getattr__" not in Language.__dict__
    ru = language("ru")
    assert ru.babel is ru.babel
    assert str(ru.babel) == "ru"
