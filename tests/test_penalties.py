"""Penalties, additions, sanctions and the open set of penalty kinds."""

from __future__ import annotations

import attrs
import pytest

from lawsummary import records
from lawsummary.records import (
    PENALTY_KINDS,
    Addition,
    Alternative,
    CompulsoryWorks,
    Fine,
    Imprisonment,
    LocalizedText,
    Mode,
    MoneyRange,
    Penalty,
    Sanction,
    TermRange,
    TimeUnit,
)
from lawsummary.serialization import make_converter


def test_units_are_checked_per_kind() -> None:
    with pytest.raises(ValueError, match="counted in hours, not years"):
        CompulsoryWorks(term=TermRange(unit=TimeUnit.YEARS, max=1))
    with pytest.raises(ValueError, match="counted in months, years, not hours"):
        Imprisonment(term=TermRange(unit=TimeUnit.HOURS, max=1))


def test_required_kinds_are_registered() -> None:
    expected = {
        "fine",
        "income_fine",
        "index_fine",
        "compulsory_works",
        "correctional_labour",
        "restriction_of_freedom",
        "forced_labour",
        "arrest",
        "imprisonment",
        "life_imprisonment",
        "deprivation_of_right",
        "expulsion",
        "entry_ban",
    }
    assert expected <= set(PENALTY_KINDS)
    for name, cls in PENALTY_KINDS.items():
        assert cls.kind == name


def test_empty_sanction_and_addition_are_errors() -> None:
    with pytest.raises(ValueError, match="alternatives needs at least one entry"):
        Sanction(alternatives=())
    with pytest.raises(ValueError, match="options needs at least one entry"):
        Addition(options=(), mode=Mode.OPTIONAL)


def test_sanction_lists_main_penalties_in_order() -> None:
    fine = Fine(amount=MoneyRange(currency="RUB", max=200_000))
    prison = Imprisonment(term=TermRange(unit=TimeUnit.YEARS, max=2))
    sanction = Sanction(alternatives=(Alternative(penalty=fine), Alternative(penalty=prison)))
    assert sanction.penalties() == (fine, prison)


def test_a_new_kind_round_trips_through_a_new_converter() -> None:
    @records.penalty_kind("test_community_service")
    @attrs.frozen(kw_only=True)
    class CommunityService(Penalty):
        term: TermRange
        place: LocalizedText

    try:
        converter = make_converter()
        penalty = CommunityService(
            term=TermRange(unit=TimeUnit.HOURS, max=240), place=LocalizedText.of(en="a park")
        )
        data = converter.unstructure(penalty, Penalty)
        assert data["kind"] == "test_community_service"
        assert converter.structure(data, Penalty) == penalty
        with pytest.raises(ValueError, match="already registered"):
            records.penalty_kind("test_community_service")(CommunityService)
    finally:
        PENALTY_KINDS._kinds.pop("test_community_service")  # keep the registry as it was


def test_only_attrs_classes_register() -> None:
    class NotAttrs(Penalty):
        pass

    with pytest.raises(TypeError, match="must be an attrs class"):
        records.penalty_kind("test_not_attrs")(NotAttrs)


def test_a_penalty_subclass_is_stated_as_its_base() -> None:
    """Phrases are looked up by exact type first; a subclass still gets its base's phrase."""
    from decimal import Decimal

    from lawsummary.explain import penalty_phrase
    from lawsummary.explain.values import _Context
    from lawsummary.records.quantities import MoneyRange, TermRange, TimeUnit

    @attrs.frozen
    class Community(records.ForcedLabour):
        pass

    @attrs.frozen
    class Levy(records.Fine):
        pass

    ctx = _Context("short", None)
    term = TermRange(min=None, max=Decimal(3), unit=TimeUnit.YEARS)
    amount = MoneyRange(min=None, max=Decimal(100), currency="RUB")
    assert penalty_phrase(Community(term=term), "$", ctx) == penalty_phrase(
        records.ForcedLabour(term=term), "$", ctx
    )
    assert penalty_phrase(Community(term=term), "$", ctx).key == "forced labour for {term}"
    assert penalty_phrase(Levy(amount=amount), "$", ctx) == penalty_phrase(
        records.Fine(amount=amount), "$", ctx
    )
    assert penalty_phrase(Levy(amount=amount), "$", ctx).key == "a fine of {amount}"
