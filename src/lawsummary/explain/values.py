"""The values, statements and context that explanations are made of."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Literal, NamedTuple, TypeVar, Union

import attrs

from lawsummary._classes import Enum, shared_methods
from lawsummary.records.common import (
    LocalizedText,
    PartialDate,
    Provenance,
    Source,
    Status,
    Unknown,
)
from lawsummary.records.dataset import Dataset, DatasetIndex, keep

Detail = Literal["short", "full"]

_R = TypeVar("_R")


# Values, messages and statements are immutable named tuples: an explanation makes many,
# and a tuple is several times cheaper to make than a frozen class. Two values of
# different kinds can hold equal fields (a Link and a Verbatim); compare their types
# too where that matters.

#: Marks a message for the catalogs (``pybabel extract -k N_``); it is translated when
#: rendered, not here. ``str`` returns a string as it is, and costs less than a function
#: of our own on the summary path.
N_ = str


class Text(NamedTuple):
    """A text from the data, in whichever languages the record has."""

    text: LocalizedText
    path: str


class Quantity(NamedTuple):
    """A bound or range of an amount with its unit (``years``, ``EUR``, ``index`` ...).

    A bound is ``UNKNOWN`` where it exists but is not established; the quantity then
    also traces that bound's own path (``<path>.min``, ``<path>.max``)."""

    low: Decimal | Unknown | None
    high: Decimal | Unknown | None
    unit: str
    path: str
    #: For index units: the unit's full name (with where it comes from), written after the
    #: amount where it has no short name.
    label: Text | None = None
    #: For index units: the unit's short name, written as the unit ("3,000 MCI").
    short: Text | None = None


class MoreThan(NamedTuple):
    """ "more than N units", for category thresholds."""

    value: Decimal
    unit: str
    path: str


class Number(NamedTuple):
    """A plain number from the data (a count, a coefficient)."""

    value: Decimal | int
    path: str


class Verbatim(NamedTuple):
    """A token written as the data has it: an article number, a law number, a year."""

    text: str
    path: str


class When(NamedTuple):
    """A date, as precisely as the data knows it.

    ``governed`` marks a date that follows "from", "until" or "to": languages with
    cases (Russian) write a month in the genitive there ("с ноября 2019 г.").
    """

    date: PartialDate
    path: str
    governed: bool = False


class Link(NamedTuple):
    """A source's web address."""

    url: str
    path: str


class Items(NamedTuple):
    """Several values joined as a list: "a, b and c", "a, b or c", or whole sentences."""

    items: tuple[Value, ...]
    style: Literal["standard", "or", "sentences"] = "standard"


class Message(NamedTuple):
    """A catalog message with the values for its placeholders.

    Like :class:`Statement`, an immutable named tuple: an explanation makes many of
    both, and a tuple is several times cheaper to make than a frozen class.
    """

    key: str
    values: tuple[tuple[str, Value], ...] = ()
    context: str | None = None

    def paths(self) -> Iterator[str]:
        for _, value in self.values:
            yield from _paths(value)


Value = Union[Text, Quantity, MoreThan, Number, Verbatim, When, Link, Items, Message]  # noqa: UP007 - a runtime alias


def _paths(value: Value) -> Iterator[str]:
    if isinstance(value, Message):
        yield from value.paths()
    elif isinstance(value, Items):
        for item in value.items:
            yield from _paths(item)
    elif type(value) is Quantity and (value.label is not None or _UNKNOWN_BOUND in value[:2]):
        yield value.path
        if value.low is _UNKNOWN_BOUND:
            yield f"{value.path}.min"
        if value.high is _UNKNOWN_BOUND:
            yield f"{value.path}.max"
        if value.label is not None:
            yield value.label.path
            if value.short is not None:
                yield value.short.path
    else:
        yield value.path


_UNKNOWN_BOUND = Unknown.UNKNOWN

#: Messages without values, made once each (they are immutable).
_CONSTANT_MESSAGES: dict[tuple[str, str | None], Message] = {}


def msg(key: str, context: str | None = None, **values: Value) -> Message:
    """A :class:`Message`: ``msg(N_("Punishment: {penalty}."), penalty=...)``."""
    if values:  # as Message(...), without the named tuple's own __new__ in between
        return _new_tuple(Message, (key, tuple(values.items()), context))
    message = _CONSTANT_MESSAGES.get((key, context))
    if message is None:
        message = Message(key, (), context)
        if len(_CONSTANT_MESSAGES) < 4096:  # the catalogs hold a few hundred
            _CONSTANT_MESSAGES[(key, context)] = message
    return message


class Role(Enum):
    """Where a statement stands in the output."""

    TITLE = "title"
    HEADING = "heading"
    SENTENCE = "sentence"
    ITEM = "item"
    #: A table's header row: the message labels the first column, ``cells`` the others.
    TABLE_HEADER = "table_header"
    #: A table row: the message is the row's label, ``cells`` one value per column.
    TABLE_ROW = "table_row"


# Members used on the summary path, as module globals: a member looked up on its class
# goes through the enum type's ``__getattr__`` hook, several times slower.
HEADING, SENTENCE, ITEM = Role.HEADING, Role.SENTENCE, Role.ITEM
CONFIRMED, UNCONFIRMED = Status.CONFIRMED, Status.UNCONFIRMED


class Statement(NamedTuple):
    """One thing to say, with the values, grade, sources and field paths behind it.

    An immutable named tuple; ``statement._replace(role=...)`` makes a changed copy.
    """

    role: Role
    message: Message
    #: The grade of the fact stated; ``None`` for headings and other non-facts.
    status: Status | None = None
    #: Show the grade beside the statement (it differs from the record's overall grade).
    flag_grade: bool = False
    sources: tuple[Source, ...] = ()
    #: Field paths used besides those of the values (for example a provenance).
    extra_trace: tuple[str, ...] = ()
    #: For table rows: one value per column, ``None`` for an empty cell.
    cells: tuple[Value | None, ...] = ()
    #: The message is shared by many records: it depends on nothing but constants and a
    #: dataset, and is kept and reused as it is (see ``Dataset.kept``). A writer writes
    #: its text once per locale and markup and then reuses it.
    shared: bool = False

    @property
    def trace(self) -> tuple[str, ...]:
        """Every field path this statement used, in order, without repeats."""
        cell_paths = (p for cell in self.cells if cell is not None for p in _paths(cell))
        return tuple(dict.fromkeys((*self.message.paths(), *cell_paths, *self.extra_trace)))


# -- factories -------------------------------------------------------------------------------
#
# Statements, messages and values are made through the functions below, by keyword,
# rather than with their classes: a named tuple's own ``__new__`` is a Python function
# taking every field, which costs more than the tuple it makes, and a summary makes some
# sixty. Each factory passes what it is given to ``tuple.__new__`` in field order
# (measured with callgrind: a keyword factory costs about a third of the named tuple's
# constructor called with keywords).

_new_tuple = tuple.__new__


def statement(
    role: Role,
    message: Message,
    *,
    status: Status | None = None,
    flag_grade: bool = False,
    sources: tuple[Source, ...] = (),
    extra_trace: tuple[str, ...] = (),
    cells: tuple[Value | None, ...] = (),
    shared: bool = False,
) -> Statement:
    """A :class:`Statement` (see its fields)."""
    return _new_tuple(
        Statement, (role, message, status, flag_grade, sources, extra_trace, cells, shared)
    )


def sentence(
    message: Message,
    *,
    status: Status | None = None,
    flag_grade: bool = False,
    sources: tuple[Source, ...] = (),
    extra_trace: tuple[str, ...] = (),
    shared: bool = False,
) -> Statement:
    """A statement said as a sentence."""
    return _new_tuple(
        Statement, (SENTENCE, message, status, flag_grade, sources, extra_trace, (), shared)
    )


def list_item(
    message: Message,
    *,
    status: Status | None = None,
    flag_grade: bool = False,
    sources: tuple[Source, ...] = (),
    extra_trace: tuple[str, ...] = (),
    shared: bool = False,
) -> Statement:
    """A statement said as an item of a list."""
    return _new_tuple(
        Statement, (ITEM, message, status, flag_grade, sources, extra_trace, (), shared)
    )


def fact_statement(
    role: Role,
    message: Message,
    own: Provenance | None,
    record: Provenance | None,
    path: str,
    shared: bool = False,
) -> Statement:
    """A statement of a fact whose own provenance (``own``, at ``path``) may differ from its
    record's: graded by its own where it has one, its grade shown where that differs."""
    governing = own or record
    status = governing.status if governing else None
    flag = own is not None and record is not None and own.status is not record.status
    return _new_tuple(
        Statement,
        (
            role,
            message,
            status,
            flag and status is not CONFIRMED,  # flag_grade
            governing.sources if governing else (),  # sources
            (f"{path}.provenance.status",) if own is not None else (),  # extra_trace
            (),  # cells
            shared,
        ),
    )


def heading_statement(message: Message) -> Statement:
    """A heading (it states no fact: it has no grade)."""
    return _new_tuple(Statement, (HEADING, message, None, False, (), (), (), False))


def message_of(
    key: str, values: tuple[tuple[str, Value], ...] = (), context: str | None = None
) -> Message:
    """A :class:`Message` from its key, its values as (name, value) pairs and its context."""
    return _new_tuple(Message, (key, values, context))


def items_of(
    items: tuple[Value, ...], style: Literal["standard", "or", "sentences"] = "standard"
) -> Items:
    """An :class:`Items` list."""
    return _new_tuple(Items, (items, style))


def text_value(text: LocalizedText, path: str) -> Text:
    """A :class:`Text` from the data."""
    return _new_tuple(Text, (text, path))


def verbatim(text: str, path: str) -> Verbatim:
    """A :class:`Verbatim` token."""
    return _new_tuple(Verbatim, (text, path))


def quantity_value(
    low: Decimal | Unknown | None,
    high: Decimal | Unknown | None,
    unit: str,
    path: str,
    label: Text | None = None,
    short: Text | None = None,
) -> Quantity:
    """A :class:`Quantity`."""
    return _new_tuple(Quantity, (low, high, unit, path, label, short))


def when(date: PartialDate, path: str, *, governed: bool = False) -> When:
    """A :class:`When`."""
    return _new_tuple(When, (date, path, governed))


@shared_methods
@attrs.frozen(repr=False, eq=False)
class Explanation:
    """The statements that summarise one record."""

    subject: str
    statements: tuple[Statement, ...]
    detail: Detail


_MISSING = object()


class _Positions(dict[int, str]):
    """A position in a list as a path writes it, ``AT[2] == "[2]"``: made once for the
    first few hundred, as formatting an int in every path costs more than the look-up."""

    __slots__ = ()

    def __missing__(self, i: int) -> str:
        return f"[{i}]"


AT = _Positions((i, f"[{i}]") for i in range(256))

#: Trace paths into the context dataset (not the record summarised) start with this.
DATASET_ROOT = "@dataset$"


class Context:
    """What one explanation needs besides the record: the detail asked for, the context
    dataset, and the categories already explained. A plain class: one is made per
    summary."""

    __slots__ = ("_index", "_kept", "dataset", "detail", "explained", "full", "is_dataset", "root")

    def __init__(self, detail: Detail, dataset: Dataset | None, is_dataset: bool = False) -> None:
        self.detail = detail
        self.dataset = dataset
        #: The record summarised is the context dataset itself, so its paths start with "$".
        self.is_dataset = is_dataset
        self.explained: set[object] = set()
        self._index: DatasetIndex | None = None
        self._kept: dict[tuple[object, ...], object] | None = None
        #: ``detail == "full"``.
        self.full = detail == "full"
        #: Where paths into the context dataset start.
        self.root = "$" if is_dataset else DATASET_ROOT

    @property
    def index(self) -> DatasetIndex:
        """The context dataset's records by id (there must be a context dataset)."""
        index = self._index
        if index is None:
            assert self.dataset is not None
            index = self._index = self.dataset.index()
        return index

    def kept(self, key: tuple[object, ...], make: Callable[..., _R], *args: Any) -> _R:
        """What the context dataset keeps for ``key`` (see ``Dataset.kept``)."""
        kept = self._kept
        if kept is None:
            assert self.dataset is not None
            kept = self._kept = self.dataset.kept_answers()
        found: Any = kept.get(key, _MISSING)  # the commonest case, without a call
        if found is _MISSING:
            found = keep(kept, key, make, *args)
        return found  # type: ignore[no-any-return]

    def provision_path(self, provision_id: str) -> str:
        """The path of a provision's newest version in the context dataset."""
        i, provision = self.index.provisions[provision_id]
        return f"{self.root}.provisions[{i}].versions[{len(provision.versions) - 1}]"


#: The name the context had while it was private (kept for callers of it).
_Context = Context
