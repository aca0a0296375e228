"""What each penalty kind does beyond its data: its phrase, its severity, what is compared.

A penalty kind is a record class registered with
:func:`~lawsummary.records.penalty_kind`; its behaviour is registered here, in one
place, with :func:`penalty_behaviour`:

- ``phrase``: how a summary states it, a catalog message with one placeholder named
  after the field holding its quantity ("probation for {term}"), or a function
  ``(penalty, path, ctx) -> Message`` for anything else;
- ``severity``: its place among main penalties, on the scale the built-in kinds use
  (1 a fine, 2 a ban on posts, 3 community work, 4 correctional labour, 6 restriction
  of freedom, 7 forced labour, 8 arrest, 9 prison, 10 life imprisonment); a
  jurisdiction's plug-in may rank a kind otherwise (``Jurisdiction.severity``);
- ``quantity``: the field a comparison compares (``term``, ``amount`` or ``period``),
  found from the class's fields when not given.

A new kind is therefore one module (its record class and one ``penalty_behaviour``
call) plus the catalog entries of its phrase. A kind with no behaviour registered is
stated as "a penalty of the kind ..." and ranks nowhere (its direction is unclear).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from lawsummary._classes import shared_methods
from lawsummary.explain.values import (
    N_,
    Context,
    Message,
    Quantity,
    message_of,
    msg,
    quantity_value,
    text_value,
    verbatim,
)
from lawsummary.records.common import LocalizedText
from lawsummary.records.penalties import (
    AdministrativeConfiscation,
    Arrest,
    CompulsoryWorks,
    CorrectionalLabour,
    DeprivationOfRight,
    EntryBan,
    Expulsion,
    Fine,
    ForcedLabour,
    Imprisonment,
    IncomeFine,
    IndexFine,
    LifeImprisonment,
    OtherPenalty,
    Penalty,
    RestrictionOfFreedom,
)
from lawsummary.records.quantities import IndexRange, IndexUnit, MoneyRange, TermRange
from lawsummary.rules import jurisdiction

__all__ = [
    "PenaltyBehaviour",
    "Phrase",
    "behaviour_of",
    "compared_quantity",
    "index_unit_of",
    "index_unit_words",
    "index_value",
    "money_value",
    "penalty_behaviour",
    "penalty_phrase",
    "severity",
    "term_value",
]

#: Writes a penalty as a phrase: ``(penalty, path, ctx) -> Message``.
Phrase = Callable[[Any, str, Context], Message]

#: The quantities a comparison can compare, as the field names penalty kinds use.
_QUANTITIES = ("term", "amount", "period")

Range = TermRange | MoneyRange | IndexRange


@shared_methods
@attrs.frozen(kw_only=True, repr=False, eq=False)
class PenaltyBehaviour:
    """A penalty kind's behaviour (see the module)."""

    phrase: Phrase
    severity: int | None = None
    quantity: str | None = None


_BEHAVIOURS: dict[type, PenaltyBehaviour] = {}
#: By exact class: the behaviour found for it (a subclass inherits its base's).
_FOUND: dict[type, PenaltyBehaviour | None] = {}


def term_value(term: TermRange, path: str) -> Quantity:
    """A term as a value: "2 to 5 years"."""
    # ``_value_`` is the member's value as stored; ``.value`` is a Python-level property.
    return quantity_value(term.min, term.max, term.unit._value_, path)


def money_value(amount: MoneyRange, path: str) -> Quantity:
    """An amount of money as a value: "up to 500,000 rubles"."""
    return quantity_value(amount.min, amount.max, amount.currency, path)


#: Said of an index unit the data at hand does not declare: never its id.
_UNNAMED_UNIT = LocalizedText.of(
    en="an index unit whose name is not in the data",
    ru="расчётный показатель, название которого в данных не указано",
    uz="nomi ma’lumotlarda ko‘rsatilmagan hisob birligi",
    ky="аталышы маалыматтарда көрсөтүлбөгөн эсептик бирдик",
    tg="воҳиди ҳисобе, ки номаш дар маълумот нишон дода нашудааст",
    kk="атауы деректерде көрсетілмеген есептік бірлік",
)


def index_unit_of(unit_id: str, ctx: Context) -> IndexUnit | None:
    """The index unit ``unit_id``, from the context dataset or else a bundled one."""
    found = index_unit_at(unit_id, ctx)
    return None if found is None else found[0]


def index_unit_at(unit_id: str, ctx: Context) -> tuple[IndexUnit, str] | None:
    """The index unit ``unit_id`` and the path its names are traced to: its place in the
    context dataset, or the reference to it where a bundled dataset declares it."""
    if ctx.dataset is not None:
        units = ctx.dataset.index_units
        for i, unit in enumerate(units):
            if unit.id == unit_id:
                return unit, f"{ctx.root}.index_units[{i}]"
    from lawsummary import datasets as bundled

    for name in bundled.names():
        found = bundled.load(name).index().index_units.get(unit_id)
        if found is not None:
            return found, ""
    return None


def index_value(amount: IndexRange, path: str, ctx: Context) -> Quantity:
    """An amount in an index unit, with the unit's names from the context dataset (or the
    bundled dataset that declares it): "up to 3,000 MCI"."""
    found = index_unit_at(amount.unit, ctx)
    if found is None:
        unnamed = text_value(_UNNAMED_UNIT, f"{path}.unit")
        return quantity_value(amount.min, amount.max, "index", path, unnamed)
    unit, at = found
    name_path, short_path = (f"{at}.name", f"{at}.short_name") if at else (f"{path}.unit",) * 2
    label = text_value(unit.name, name_path)
    short = None if unit.short_name is None else text_value(unit.short_name, short_path)
    return quantity_value(amount.min, amount.max, "index", path, label, short)


def _quantity_phrase(key: str, field: str) -> Phrase:
    """A phrase with one placeholder, filled with the penalty's quantity ``field``."""
    context = "penalty"

    def phrase(penalty: Any, path: str, ctx: Context) -> Message:
        value = getattr(penalty, field)
        if isinstance(value, TermRange):
            written = term_value(value, f"{path}.{field}")
        elif isinstance(value, MoneyRange):
            written = money_value(value, f"{path}.{field}")
        else:
            written = index_value(value, f"{path}.{field}", ctx)
        return message_of(key, ((field, written),), context)

    return phrase


_PLACEHOLDER = re.compile(r"\{(\w+)(?:\.\w+)?\}")


def _fields_of(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else ()


def penalty_behaviour(
    cls: type[Penalty],
    *,
    phrase: str | Phrase,
    severity: int | None = None,
    quantity: str | None = None,
) -> PenaltyBehaviour:
    """Register the behaviour of the penalty kind ``cls`` (see the module); returns it.

    ``phrase`` as a string is a catalog message with one placeholder, the name of the
    field holding the kind's quantity (``"probation for {term}"``).
    """
    if not (isinstance(cls, type) and issubclass(cls, Penalty)):
        raise TypeError(f"{cls!r} is not a penalty kind (a subclass of Penalty)")
    fields = _fields_of(cls)
    if quantity is None:
        quantity = next((name for name in _QUANTITIES if name in fields), None)
    elif quantity not in fields:
        raise ValueError(f"{cls.__name__} has no field {quantity!r} to compare")
    if isinstance(phrase, str):
        # "{period}", or "{period.attributive}" for a grammatical form of it (i18n.Formed)
        named = {match.group(1) for match in _PLACEHOLDER.finditer(phrase)}
        placeholder = next((name for name in _QUANTITIES if name in named), None)
        if placeholder is None:
            if "{" in phrase:
                raise ValueError(
                    f"the phrase of {cls.__name__} may only use the placeholder of its "
                    f"quantity ({', '.join('{' + q + '}' for q in _QUANTITIES)}): {phrase!r}"
                )
            fixed = phrase
            written: Phrase = lambda _p, _path, _ctx: msg(fixed, "penalty")  # noqa: E731
        elif placeholder not in fields:
            raise ValueError(f"{cls.__name__} has no field {placeholder!r} for its phrase")
        else:
            written = _quantity_phrase(phrase, placeholder)
    else:
        written = phrase
    found = PenaltyBehaviour(phrase=written, severity=severity, quantity=quantity)
    _BEHAVIOURS[cls] = found
    _FOUND.clear()
    return found


def behaviour_of(penalty: Penalty) -> PenaltyBehaviour | None:
    """The behaviour registered for the penalty's class, or for its nearest base class."""
    cls = type(penalty)
    try:
        return _FOUND[cls]
    except KeyError:
        found = next((_BEHAVIOURS[c] for c in cls.__mro__ if c in _BEHAVIOURS), None)
        _FOUND[cls] = found
        return found


def penalty_phrase(penalty: Penalty, path: str, ctx: Context) -> Message:
    """A penalty as a phrase: "prison for 2 to 5 years", "a fine of up to 500,000 rubles"."""
    found = _FOUND.get(type(penalty)) or behaviour_of(penalty)
    if found is None:
        return msg(
            N_("a penalty of the kind {kind}"),
            "penalty",
            kind=verbatim(penalty.kind, f"{path}.kind"),
        )
    return found.phrase(penalty, path, ctx)


def severity(penalty: Penalty, code: str | None = None) -> int | None:
    """The penalty's severity among main penalties: as the jurisdiction ``code`` ranks
    its kind, or as the kind itself declares; ``None`` where neither does."""
    plugin = jurisdiction(code) if code is not None else None
    if plugin is not None:
        ranked = plugin.severity.get(penalty.kind)
        if ranked is not None:
            return ranked
    found = behaviour_of(penalty)
    return found.severity if found is not None else None


def compared_quantity(penalty: Penalty) -> tuple[str, Range] | None:
    """The quantity a comparison compares, as (field name, range), if the kind has one."""
    found = behaviour_of(penalty)
    name = found.quantity if found is not None else None
    if name is None:
        name = next((q for q in _QUANTITIES if hasattr(penalty, q)), None)
    value = getattr(penalty, name, None) if name is not None else None
    if isinstance(value, TermRange | MoneyRange | IndexRange):
        return name, value  # type: ignore[return-value]  # name is set when value is
    return None


# -- the built-in kinds ------------------------------------------------------------------------


def _deprivation(penalty: DeprivationOfRight, path: str, ctx: Context) -> Message:
    term = term_value(penalty.term, f"{path}.term")
    if penalty.scope is not None:
        return msg(
            N_("a ban on the right {scope} for {term}"),
            "penalty",
            scope=text_value(penalty.scope, f"{path}.scope"),
            term=term,
        )
    return msg(
        N_("a ban on holding certain posts or doing certain work for {term}"), "penalty", term=term
    )


def _confiscation(penalty: AdministrativeConfiscation, path: str, ctx: Context) -> Message:
    return msg(
        N_("confiscation of {what}"), "penalty", what=text_value(penalty.what, f"{path}.what")
    )


def _other(penalty: OtherPenalty, path: str, ctx: Context) -> Message:
    name = text_value(penalty.name, f"{path}.name")
    if penalty.term is not None:
        term = term_value(penalty.term, f"{path}.term")
        return msg(N_("{name} for {term}"), "penalty", name=name, term=term)
    return msg(N_("{name}"), "penalty", name=name)


penalty_behaviour(Fine, phrase=N_("a fine of {amount}"), severity=1)
penalty_behaviour(
    IncomeFine,
    phrase=N_("a fine of the offender's wages or other income for {period.attributive}"),
    severity=1,
)
penalty_behaviour(IndexFine, phrase=N_("a fine of {amount}"), severity=1)
penalty_behaviour(DeprivationOfRight, phrase=_deprivation, severity=2)
penalty_behaviour(CompulsoryWorks, phrase=N_("unpaid community work for {term}"), severity=3)
penalty_behaviour(
    CorrectionalLabour,
    phrase=N_("correctional labour (work with part of the wages kept by the state) for {term}"),
    severity=4,
)
penalty_behaviour(RestrictionOfFreedom, phrase=N_("restriction of freedom for {term}"), severity=6)
penalty_behaviour(ForcedLabour, phrase=N_("forced labour for {term}"), severity=7)
penalty_behaviour(Arrest, phrase=N_("arrest for {term}"), severity=8)
penalty_behaviour(Imprisonment, phrase=N_("prison for {term}"), severity=9)
penalty_behaviour(LifeImprisonment, phrase=N_("prison for life"), severity=10)
penalty_behaviour(EntryBan, phrase=N_("a ban on entering the country for {term}"))
penalty_behaviour(Expulsion, phrase=N_("expulsion from the country"))
penalty_behaviour(AdministrativeConfiscation, phrase=_confiscation)
penalty_behaviour(OtherPenalty, phrase=_other)


# -- index units and their values ----------------------------------------------------------------


def index_unit_words(unit: IndexUnit, path: str, purpose: str | None = None) -> Message:
    """An index unit by both its names: "MCI (monthly calculation index)", and the purpose
    of a value where the law sets values by purpose."""
    from lawsummary.explain.values import Text

    full = Text(unit.name, f"{path}.name")
    short = Text(unit.short_name, f"{path}.short_name") if unit.short_name is not None else full
    if purpose == "fines_and_taxes":
        return msg(N_("{short} ({full}) for fines and taxes"), short=short, full=full)
    if purpose == "benefits":
        return msg(N_("{short} ({full}) for benefits"), short=short, full=full)
    if unit.short_name is None:
        return msg(N_("{text}"), text=full)
    return msg(N_("{short} ({full})"), short=short, full=full)
