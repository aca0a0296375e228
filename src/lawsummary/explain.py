"""What to say about a record: statements with their values and traces, in no language.

``explain`` turns a record into :class:`Statement` objects. Each statement is a
message key (an English message with named placeholders, translated by the
catalogs), the typed values that fill it, the grade of the fact it states and
the field paths and sources it used. ``lawsummary.render`` turns statements into
text in one locale and format; keeping the two apart keeps each language's
grammar in one place and gives every output its trace.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal, Union

import attrs

from lawsummary.records.acts import Act, Provision, Stage, Version
from lawsummary.records.common import (
    Fact,
    LocalizedText,
    OpenQuestion,
    PartialDate,
    Provenance,
    Source,
    Status,
    Unknown,
)
from lawsummary.records.dataset import Dataset
from lawsummary.records.penalties import (
    Addition,
    AdministrativeConfiscation,
    Alternative,
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
    Mode,
    OtherPenalty,
    Penalty,
    RestrictionOfFreedom,
    Sanction,
)
from lawsummary.records.provisions import (
    ActivityBans,
    AggravatingCircumstance,
    Body,
    Category,
    CategoryRule,
    Citation,
    Confiscation,
    CrimeCategories,
    ExamRule,
    Guilt,
    Liability,
    Measure,
    Offence,
    PatentCost,
    Purpose,
    Subject,
)
from lawsummary.records.quantities import IndexRange, MoneyRange, TermRange

__all__ = [
    "Detail",
    "Explanation",
    "Items",
    "Link",
    "Message",
    "MoreThan",
    "Number",
    "Quantity",
    "Role",
    "Statement",
    "Text",
    "Verbatim",
    "When",
    "explain",
]

Detail = Literal["short", "full"]


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated when rendered, not here."""
    return message


# -- values ------------------------------------------------------------------------------


@attrs.frozen
class Text:
    """A text from the data, in whichever languages the record has."""

    text: LocalizedText
    path: str


@attrs.frozen
class Quantity:
    """A bound or range of an amount with its unit (``years``, ``RUB``, ``index`` ...)."""

    low: Decimal | None
    high: Decimal | None
    unit: str
    path: str
    #: For index units: the unit's name, written after the amount.
    label: LocalizedText | None = None


@attrs.frozen
class MoreThan:
    """ "more than N units", for category thresholds."""

    value: Decimal
    unit: str
    path: str


@attrs.frozen
class Number:
    """A plain number from the data (a count, a coefficient)."""

    value: Decimal | int
    path: str


@attrs.frozen
class Verbatim:
    """A token written as the data has it: an article number, a law number, a year."""

    text: str
    path: str


@attrs.frozen
class When:
    """A date, as precisely as the data knows it.

    ``governed`` marks a date that follows "from", "until" or "to": languages with
    cases (Russian) write a month in the genitive there ("с ноября 2019 г.").
    """

    date: PartialDate
    path: str
    governed: bool = False


@attrs.frozen
class Link:
    """A source's web address."""

    url: str
    path: str


@attrs.frozen
class Items:
    """Several values joined as a list: "a, b and c", "a, b or c", or whole sentences."""

    items: tuple[Value, ...]
    style: Literal["standard", "or", "sentences"] = "standard"


@attrs.frozen
class Message:
    """A catalog message with the values for its placeholders."""

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
    else:
        yield value.path


def msg(key: str, context: str | None = None, **values: Value) -> Message:
    return Message(key, tuple(values.items()), context)


# -- statements ----------------------------------------------------------------------------


class Role(enum.Enum):
    """Where a statement stands in the output."""

    TITLE = "title"
    HEADING = "heading"
    SENTENCE = "sentence"
    ITEM = "item"
    #: A table's header row: the message labels the first column, ``cells`` the others.
    TABLE_HEADER = "table_header"
    #: A table row: the message is the row's label, ``cells`` one value per column.
    TABLE_ROW = "table_row"


@attrs.frozen
class Statement:
    """One thing to say, with the values, grade, sources and field paths behind it."""

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

    @property
    def trace(self) -> tuple[str, ...]:
        """Every field path this statement used, in order, without repeats."""
        cell_paths = (p for cell in self.cells if cell is not None for p in _paths(cell))
        return tuple(dict.fromkeys((*self.message.paths(), *cell_paths, *self.extra_trace)))


@attrs.frozen
class Explanation:
    """The statements that summarise one record."""

    subject: str
    statements: tuple[Statement, ...]
    detail: Detail


#: Trace paths into the context dataset (not the record summarised) start with this.
DATASET_ROOT = "@dataset$"


@attrs.define
class _Context:
    detail: Detail
    dataset: Dataset | None
    #: The record summarised is the context dataset itself, so its paths start with "$".
    is_dataset: bool = False
    explained: set[str] = attrs.field(factory=set)

    @property
    def full(self) -> bool:
        return self.detail == "full"

    @property
    def root(self) -> str:
        return "$" if self.is_dataset else DATASET_ROOT

    def provision_path(self, provision_id: str) -> str:
        """The path of a provision's newest version in the context dataset."""
        assert self.dataset is not None
        i = self.dataset.provision_ids().index(provision_id)
        last = len(self.dataset.provisions[i].versions) - 1
        return f"{self.root}.provisions[{i}].versions[{last}]"


# -- pieces ---------------------------------------------------------------------------------

_GRADE = {
    Status.REPORTED: N_(
        "Reported: the statute text was not available; this comes from news and secondary sources."
    ),
    Status.UNCONFIRMED: N_("Unconfirmed: no source was found for this."),
}


def _grade_statement(provenance: Provenance | None, path: str) -> Iterator[Statement]:
    if provenance is None or provenance.status is Status.CONFIRMED:
        return
    yield Statement(
        Role.SENTENCE,
        msg(_GRADE[provenance.status]),
        status=provenance.status,
        sources=provenance.sources,
        extra_trace=(f"{path}.status",),
    )
    if provenance.note is not None:
        yield Statement(
            Role.SENTENCE,
            msg(N_("Note: {note}"), note=Text(provenance.note, f"{path}.note")),
            status=provenance.status,
        )


def _sources_statement(
    provenance: Provenance | None, path: str, ctx: _Context
) -> Iterator[Statement]:
    if not ctx.full or provenance is None or not provenance.sources:
        return
    links = tuple(Link(s.url, f"{path}.sources[{i}].url") for i, s in enumerate(provenance.sources))
    yield Statement(
        Role.SENTENCE,
        msg(N_("Sources: {sources}."), sources=Items(links)),
        status=provenance.status,
        sources=provenance.sources,
    )


def _fact(
    role: Role,
    message: Message,
    own: Provenance | None,
    record: Provenance | None,
    path: str,
) -> Statement:
    """A statement of a fact whose own provenance may differ from its record's."""
    governing = own or record
    status = governing.status if governing else None
    flag = own is not None and record is not None and own.status is not record.status
    return Statement(
        role,
        message,
        status=status,
        flag_grade=flag and status is not Status.CONFIRMED,
        sources=governing.sources if governing else (),
        extra_trace=(f"{path}.provenance.status",) if own is not None else (),
    )


def citation_value(citation: Citation, path: str, ctx: _Context) -> Message:
    """A citation as a message: "Criminal Code of Russia, art. 322.1(3)"."""
    instrument: Value = Verbatim(citation.instrument, f"{path}.instrument")
    known = _instrument_title(citation.instrument, ctx)
    if known is not None:
        instrument = Text(*known)
    values: dict[str, Value] = {"instrument": instrument}
    if citation.article is not None:
        values["article"] = Verbatim(citation.article, f"{path}.article")
    if citation.part is not None:
        values["part"] = Verbatim(citation.part, f"{path}.part")
    if citation.items:
        values["items"] = Verbatim(", ".join(citation.items), f"{path}.items")
    if "items" in values and "part" in values:
        key = N_("{instrument}, art. {article}({part}), item {items}")
    elif "items" in values:
        key = N_("{instrument}, art. {article}, item {items}")
    elif "part" in values:
        key = N_("{instrument}, art. {article}({part})")
    elif "article" in values:
        key = N_("{instrument}, art. {article}")
    else:
        key = N_("{instrument}")
    return Message(key, tuple(values.items()), "citation")


def _instrument_title(instrument_id: str, ctx: _Context) -> tuple[LocalizedText, str] | None:
    """The instrument's short title (or title) and its path, from the context or bundled data."""
    if ctx.dataset is not None:
        candidates = [(ctx.dataset, ctx.root)]
    else:
        from lawsummary import datasets as bundled

        candidates = [(bundled.load(n), f"@{n}$") for n in bundled.names()]
    for dataset, root in candidates:
        for i, instrument in enumerate(dataset.instruments):
            if instrument.id == instrument_id:
                if instrument.short_title is not None:
                    return instrument.short_title, f"{root}.instruments[{i}].short_title"
                return instrument.title, f"{root}.instruments[{i}].title"
    return None


def _term(term: TermRange, path: str) -> Quantity:
    return Quantity(term.min, term.max, term.unit.value, path)


def _money(amount: MoneyRange, path: str) -> Quantity:
    return Quantity(amount.min, amount.max, amount.currency, path)


def _index(amount: IndexRange, path: str, ctx: _Context) -> Quantity:
    label = None
    if ctx.dataset is not None:
        for unit in ctx.dataset.index_units:
            if unit.id == amount.unit:
                label = unit.name
    return Quantity(
        amount.min, amount.max, "index", path, label or LocalizedText.of(en=amount.unit)
    )


def penalty_phrase(penalty: Penalty, path: str, ctx: _Context) -> Message:
    """A penalty as a phrase: "prison for 2 to 5 years", "a fine of up to 500,000 rubles"."""
    ctxt = "penalty"
    if isinstance(penalty, Fine):
        return msg(N_("a fine of {amount}"), ctxt, amount=_money(penalty.amount, f"{path}.amount"))
    if isinstance(penalty, IncomeFine):
        return msg(
            N_("a fine of the offender's wages or other income for {period}"),
            ctxt,
            period=_term(penalty.period, f"{path}.period"),
        )
    if isinstance(penalty, IndexFine):
        return msg(
            N_("a fine of {amount}"), ctxt, amount=_index(penalty.amount, f"{path}.amount", ctx)
        )
    if isinstance(penalty, Imprisonment):
        return msg(N_("prison for {term}"), ctxt, term=_term(penalty.term, f"{path}.term"))
    if isinstance(penalty, LifeImprisonment):
        return msg(N_("prison for life"), ctxt)
    if isinstance(penalty, CompulsoryWorks):
        return msg(
            N_("unpaid community work for {term}"), ctxt, term=_term(penalty.term, f"{path}.term")
        )
    if isinstance(penalty, CorrectionalLabour):
        return msg(
            N_("correctional labour (work with part of the wages kept by the state) for {term}"),
            ctxt,
            term=_term(penalty.term, f"{path}.term"),
        )
    if isinstance(penalty, RestrictionOfFreedom):
        return msg(
            N_("restriction of freedom for {term}"), ctxt, term=_term(penalty.term, f"{path}.term")
        )
    if isinstance(penalty, ForcedLabour):
        return msg(N_("forced labour for {term}"), ctxt, term=_term(penalty.term, f"{path}.term"))
    if isinstance(penalty, Arrest):
        return msg(N_("arrest for {term}"), ctxt, term=_term(penalty.term, f"{path}.term"))
    if isinstance(penalty, DeprivationOfRight):
        term = _term(penalty.term, f"{path}.term")
        if penalty.scope is not None:
            return msg(
                N_("a ban on the right {scope} for {term}"),
                ctxt,
                scope=Text(penalty.scope, f"{path}.scope"),
                term=term,
            )
        return msg(
            N_("a ban on holding certain posts or doing certain work for {term}"), ctxt, term=term
        )
    if isinstance(penalty, Expulsion):
        return msg(N_("expulsion from the country"), ctxt)
    if isinstance(penalty, EntryBan):
        return msg(
            N_("a ban on entering the country for {term}"),
            ctxt,
            term=_term(penalty.term, f"{path}.term"),
        )
    if isinstance(penalty, AdministrativeConfiscation):
        return msg(N_("confiscation of {what}"), ctxt, what=Text(penalty.what, f"{path}.what"))
    if isinstance(penalty, OtherPenalty):
        name = Text(penalty.name, f"{path}.name")
        if penalty.term is not None:
            return msg(
                N_("{name} for {term}"), ctxt, name=name, term=_term(penalty.term, f"{path}.term")
            )
        return msg(N_("{name}"), ctxt, name=name)
    return msg(
        N_("a penalty of the kind {kind}"), ctxt, kind=Verbatim(penalty.kind, f"{path}.kind")
    )


def _options(addition: Addition, path: str, ctx: _Context) -> Items:
    return Items(
        tuple(
            penalty_phrase(p, f"{path}.options[{i}]", ctx) for i, p in enumerate(addition.options)
        ),
        style="or",
    )


_ADDITION_SENTENCE = {
    Mode.MANDATORY: N_("The court must also impose {options}."),
    Mode.OPTIONAL: N_("The court may also impose {options}."),
    Mode.UNKNOWN: N_(
        "There may also be {options}; the sources do not say whether the court must impose it."
    ),
}
_ADDITION_CLAUSE = {
    Mode.MANDATORY: N_("{penalty}, together with {options}"),
    Mode.OPTIONAL: N_("{penalty}; the court may also impose {options}"),
    Mode.UNKNOWN: N_(
        "{penalty}; possibly also {options} (not established whether it is mandatory)"
    ),
}


def _alternative_clause(alternative: Alternative, path: str, ctx: _Context) -> Message:
    phrase = penalty_phrase(alternative.penalty, f"{path}.penalty", ctx)
    for i, addition in enumerate(alternative.additions):
        phrase = msg(
            _ADDITION_CLAUSE[addition.mode],
            penalty=phrase,
            options=_options(addition, f"{path}.additions[{i}]", ctx),
        )
    return phrase


def sanction_statements(
    sanction: Sanction,
    path: str,
    record: Provenance | None,
    ctx: _Context,
    *,
    standalone: bool = True,
) -> Iterator[Statement]:
    """The punishment, stated as the law puts it: alternatives with "or", additions by mode."""
    governing = sanction.provenance or record
    alternatives = sanction.alternatives
    if len(alternatives) == 1:
        (alternative,) = alternatives
        alt_path = f"{path}.alternatives[0]"
        yield _fact(
            Role.SENTENCE,
            msg(
                N_("Punishment: {penalty}."),
                penalty=penalty_phrase(alternative.penalty, f"{alt_path}.penalty", ctx),
            ),
            alternative.provenance,
            governing,
            alt_path,
        )
        for i, addition in enumerate(alternative.additions):
            add_path = f"{alt_path}.additions[{i}]"
            yield _fact(
                Role.SENTENCE,
                msg(_ADDITION_SENTENCE[addition.mode], options=_options(addition, add_path, ctx)),
                addition.provenance,
                alternative.provenance or governing,
                add_path,
            )
    else:
        yield Statement(Role.SENTENCE, msg(N_("Punishment: one of the following.")))
        last = len(alternatives) - 1
        for i, alternative in enumerate(alternatives):
            alt_path = f"{path}.alternatives[{i}]"
            clause = _alternative_clause(alternative, alt_path, ctx)
            yield _fact(
                Role.ITEM,
                # "or" after every alternative but the last, as the statute lists them
                msg(N_("{clause}") if i == last else N_("{clause}; or"), "item", clause=clause),
                alternative.provenance,
                governing,
                alt_path,
            )
    if not sanction.complete:
        yield Statement(
            Role.SENTENCE,
            msg(N_("The sources may not list every possible punishment.")),
            status=Status.UNCONFIRMED,
            extra_trace=(f"{path}.complete",),
        )
    if ctx.full or standalone:
        yield from _open_questions(sanction.open_questions, path, ctx)


def _open_questions(
    questions: tuple[OpenQuestion, ...], path: str, ctx: _Context
) -> Iterator[Statement]:
    if not questions:
        return
    if not ctx.full:
        yield Statement(
            Role.SENTENCE,
            msg(N_("Some points are not established; the full summary lists them.")),
            status=Status.UNCONFIRMED,
            extra_trace=(f"{path}.open_questions",),
        )
        return
    for i, question in enumerate(questions):
        yield Statement(
            Role.SENTENCE,
            msg(
                N_("Not established: {question}"),
                question=Text(question.text, f"{path}.open_questions[{i}].text"),
            ),
            status=Status.UNCONFIRMED,
            sources=question.provenance.sources if question.provenance else (),
        )


_CATEGORY_NAME = {
    Category.MINOR: N_("a crime of minor gravity"),
    Category.MEDIUM: N_("a crime of medium gravity"),
    Category.GRAVE: N_("a grave crime"),
    Category.ESPECIALLY_GRAVE: N_("an especially grave crime"),
}
_CATEGORY_RANK = {
    Category.MINOR: N_("the least serious of the four categories of crimes in Russian law"),
    Category.MEDIUM: N_("the second of the four categories of crimes in Russian law"),
    Category.GRAVE: N_("the third of the four categories of crimes in Russian law"),
    Category.ESPECIALLY_GRAVE: N_(
        "the most serious of the four categories of crimes in Russian law"
    ),
}


def _category_statements(
    body: Offence, version: Version | None, path: str, ctx: _Context
) -> Iterator[Statement]:
    if body.liability is not Liability.CRIMINAL:
        return
    derived = ctx.dataset.derived_category(version) if ctx.dataset and version else None
    category = body.category
    stated = category is not None
    if category is None and isinstance(derived, Category):
        category = derived
    if category is None:
        return
    name = msg(_CATEGORY_NAME[category], "category")
    first = category.value not in ctx.explained
    ctx.explained.add(category.value)
    if first:
        sentence = msg(
            N_("This is {category}: {rank}."),
            category=name,
            rank=msg(_CATEGORY_RANK[category], "category"),
        )
    else:
        sentence = msg(N_("This is {category}."), category=name)
    if stated:
        yield Statement(
            Role.SENTENCE,
            sentence,
            status=body.provenance.status,
            sources=body.provenance.sources,
            extra_trace=(f"{path}.category",),
        )
    else:
        yield Statement(
            Role.SENTENCE,
            sentence,
            status=None,
            extra_trace=(f"{path}.sanction", f"{path}.guilt"),
        )
        scheme = ctx.dataset.category_rules_for(version) if ctx.dataset and version else None
        if scheme is not None:
            scheme_id = next(
                p.id
                for p in ctx.dataset.provisions  # type: ignore[union-attr]  # scheme implies dataset
                if any(v.body is scheme for v in p.versions)
            )
            rules = citation_value(
                scheme.citation, f"{ctx.provision_path(scheme_id)}.body.citation", ctx
            )
            yield Statement(
                Role.SENTENCE,
                msg(
                    N_(
                        "No source states the category; it follows from the longest prison term under the category rules ({rules})."
                    ),
                    rules=rules,
                ),
            )


def _measure_statements(body: Offence, path: str, ctx: _Context) -> Iterator[Statement]:
    for i, measure_id in enumerate(body.measures):
        target: Body | None = None
        target_path = ""
        if ctx.dataset is not None and measure_id in ctx.dataset.provision_ids():
            target = ctx.dataset.provision(measure_id).latest().body
            target_path = f"{ctx.provision_path(measure_id)}.body"
        if isinstance(target, Confiscation):
            yield _fact(
                Role.SENTENCE,
                msg(
                    N_("Property can also be confiscated ({measure}). Condition: {condition}"),
                    measure=citation_value(target.citation, f"{target_path}.citation", ctx),
                    condition=Text(
                        target.condition or target.title,
                        f"{target_path}.{'condition' if target.condition else 'title'}",
                    ),
                ),
                target.provenance,
                body.provenance,
                f"{path}.measures[{i}]",
            )
        else:
            yield Statement(
                Role.SENTENCE,
                msg(
                    N_("Another measure may also apply: {measure}."),
                    measure=Verbatim(measure_id, f"{path}.measures[{i}]"),
                ),
                status=body.provenance.status,
            )


def offence_statements(
    body: Offence, path: str, ctx: _Context, version: Version | None = None
) -> Iterator[Statement]:
    yield Statement(
        Role.HEADING,
        msg(
            N_("{citation}: {title}"),
            "heading",
            citation=citation_value(body.citation, f"{path}.citation", ctx),
            title=Text(body.title, f"{path}.title"),
        ),
    )
    yield from _grade_statement(body.provenance, f"{path}.provenance")
    if body.liability is Liability.ADMINISTRATIVE:
        yield Statement(
            Role.SENTENCE,
            msg(N_("This is an administrative offence, not a crime.")),
            status=body.provenance.status,
            extra_trace=(f"{path}.liability",),
        )
    if body.offender is not None:
        yield Statement(
            Role.SENTENCE,
            msg(
                N_("Who it applies to: {offender}."),
                offender=Text(body.offender, f"{path}.offender"),
            ),
            status=body.provenance.status,
        )
    if ctx.full and body.description is not None:
        yield Statement(
            Role.SENTENCE,
            msg(
                N_("What it covers: {description}"),
                description=Text(body.description, f"{path}.description"),
            ),
            status=body.provenance.status,
        )
    if body.circumstances:
        yield Statement(Role.SENTENCE, msg(N_("It applies when the act is committed:")))
        for i, circumstance in enumerate(body.circumstances):
            c_path = f"{path}.circumstances[{i}]"
            text = Text(circumstance.text, f"{c_path}.text")
            message = (
                msg(
                    N_("({item}) {text}"),
                    "item",
                    item=Verbatim(circumstance.item, f"{c_path}.item"),
                    text=text,
                )
                if circumstance.item
                else msg(N_("{text}"), "item", text=text)
            )
            yield _fact(Role.ITEM, message, circumstance.provenance, body.provenance, c_path)
    yield from sanction_statements(
        body.sanction, f"{path}.sanction", body.provenance, ctx, standalone=False
    )
    yield from _category_statements(body, version, path, ctx)
    if ctx.full and isinstance(body.guilt, Guilt):
        key = (
            N_("It requires intent.")
            if body.guilt is Guilt.INTENTIONAL
            else N_("It can be committed through negligence.")
        )
        yield Statement(
            Role.SENTENCE, msg(key), status=body.provenance.status, extra_trace=(f"{path}.guilt",)
        )
    yield from _measure_statements(body, path, ctx)
    if ctx.full:
        yield from _open_questions(body.open_questions, path, ctx)
    else:  # one pointer for the body's and the sanction's open questions
        yield from _open_questions(
            body.open_questions or body.sanction.open_questions,
            path if body.open_questions else f"{path}.sanction",
            ctx,
        )
    yield from _sources_statement(body.provenance, f"{path}.provenance", ctx)


def _fact_list(
    intro: str, facts: tuple[Fact, ...], path: str, record: Provenance | None
) -> Iterator[Statement]:
    if not facts:
        return
    yield Statement(Role.SENTENCE, msg(intro))
    for i, fact in enumerate(facts):
        yield _fact(
            Role.ITEM,
            msg(N_("{text}"), "item", text=Text(fact.text, f"{path}[{i}].text")),
            fact.provenance,
            record,
            f"{path}[{i}]",
        )


def _one_fact(
    key: str, fact: Fact | None, path: str, record: Provenance | None
) -> Iterator[Statement]:
    if fact is not None:
        yield _fact(
            Role.SENTENCE,
            msg(key, fact=Text(fact.text, f"{path}.text")),
            fact.provenance,
            record,
            path,
        )


_SUBJECT = {
    Subject.RUSSIAN_LANGUAGE: N_("the Russian language"),
    Subject.HISTORY: N_("the history of Russia"),
    Subject.LAW: N_("the basics of Russian law"),
}
_PURPOSE = {
    Purpose.PATENT: N_("a work patent"),
    Purpose.WORK_PERMIT: N_("a work permit"),
    Purpose.TEMPORARY_RESIDENCE: N_("a temporary residence permit"),
    Purpose.RESIDENCE_PERMIT: N_("a residence permit"),
}


def exam_statements(body: ExamRule, path: str, ctx: _Context) -> Iterator[Statement]:
    yield Statement(
        Role.HEADING, msg(N_("{title}"), "heading", title=Text(body.title, f"{path}.title"))
    )
    yield from _grade_statement(body.provenance, f"{path}.provenance")
    record = body.provenance
    if body.subjects:
        subjects = Items(tuple(Message(_SUBJECT[s], (), "subject") for s in body.subjects))
        yield Statement(
            Role.SENTENCE,
            msg(N_("The exam covers {subjects}."), subjects=subjects),
            status=record.status,
            extra_trace=(f"{path}.subjects",),
        )
    yield from _one_fact(
        N_("Who may run the exam: {fact}"), body.conducted_by, f"{path}.conducted_by", record
    )
    if ctx.full:
        yield from _one_fact(
            N_("How the list is drawn up: {fact}"),
            body.list_formed_by,
            f"{path}.list_formed_by",
            record,
        )
    if body.listed_institutions is not None:
        yield _fact(
            Role.SENTENCE,
            msg(
                N_("Institutions on the list: {count}."),
                count=Number(body.listed_institutions.value, f"{path}.listed_institutions.value"),
            ),
            body.listed_institutions.provenance,
            record,
            f"{path}.listed_institutions",
        )
    yield from _fact_list(N_("Not allowed:"), body.prohibited, f"{path}.prohibited", record)
    if ctx.full:
        yield from _fact_list(N_("Allowed only:"), body.permitted, f"{path}.permitted", record)
    if body.required_for:
        purposes = Items(
            tuple(Message(_PURPOSE[p], (), "purpose") for p in body.required_for), style="or"
        )
        yield _fact(
            Role.SENTENCE,
            msg(
                N_("A foreign citizen needs the exam certificate to get {purposes}."),
                purposes=purposes,
            ),
            body.required_for_provenance,
            record,
            f"{path}.required_for",
        )
    yield from _one_fact(N_("Fee: {fact}"), body.fee_set_by, f"{path}.fee_set_by", record)
    yield from _fact_list(
        N_("Rules during the exam:"), body.conduct_rules, f"{path}.conduct_rules", record
    )
    if ctx.full:
        yield from _fact_list(N_("Background:"), body.notes, f"{path}.notes", record)
    yield from _open_questions(body.open_questions, path, ctx)
    yield from _sources_statement(record, f"{path}.provenance", ctx)


def _region(code: str, path: str, ctx: _Context) -> Value:
    if ctx.dataset is not None:
        for i, region in enumerate(ctx.dataset.regions):
            if region.code == code:
                return Text(region.name, f"{ctx.root}.regions[{i}].name")
    return Verbatim(code, path)


def patent_statements(body: PatentCost, path: str, ctx: _Context) -> Iterator[Statement]:
    record = body.provenance
    yield Statement(
        Role.HEADING, msg(N_("{title}"), "heading", title=Text(body.title, f"{path}.title"))
    )
    yield from _grade_statement(record, f"{path}.provenance")
    yield Statement(
        Role.SENTENCE,
        msg(
            N_(
                "The monthly cost is {base} multiplied by the year's deflator and by the region's coefficient."
            ),
            base=Quantity(body.base.amount, body.base.amount, body.base.currency, f"{path}.base"),
        ),
        status=record.status,
        sources=record.sources,
    )
    yield from _one_fact(
        N_("Deflator: {fact}"), body.deflator_set_by, f"{path}.deflator_set_by", record
    )
    yield from _one_fact(
        N_("Regional coefficient: {fact}"),
        body.coefficient_set_by,
        f"{path}.coefficient_set_by",
        record,
    )
    if body.deflators:
        yield Statement(Role.SENTENCE, msg(N_("Deflators by year:")))
        for i, d in enumerate(body.deflators):
            d_path = f"{path}.deflators[{i}]"
            yield _fact(
                Role.ITEM,
                msg(
                    N_("{year}: {value}"),
                    "item",
                    year=Verbatim(str(d.year), f"{d_path}.year"),
                    value=Number(d.value, f"{d_path}.value"),
                ),
                d.provenance,
                record,
                d_path,
            )
    if body.coefficients:
        yield Statement(Role.SENTENCE, msg(N_("Regional coefficients:")))
        for i, c in enumerate(body.coefficients):
            c_path = f"{path}.coefficients[{i}]"
            yield _fact(
                Role.ITEM,
                msg(
                    N_("{region}, {year}: {value}"),
                    "item",
                    region=_region(c.region, f"{c_path}.region", ctx),
                    year=Verbatim(str(c.year), f"{c_path}.year"),
                    value=Number(c.value, f"{c_path}.value"),
                ),
                c.provenance,
                record,
                c_path,
            )
    costs = body.reported_costs if ctx.full else ()
    if costs:
        yield Statement(Role.SENTENCE, msg(N_("Monthly costs reported in the news:")))
        for i, cost in enumerate(costs):
            r_path = f"{path}.reported_costs[{i}]"
            amount = Quantity(
                cost.monthly.amount,
                cost.monthly.amount,
                cost.monthly.currency,
                f"{r_path}.monthly.amount",
            )
            key = (
                N_("{region}, {year}: about {amount}")
                if cost.approximate
                else N_("{region}, {year}: {amount}")
            )
            yield _fact(
                Role.ITEM,
                msg(
                    key,
                    "item",
                    region=_region(cost.region, f"{r_path}.region", ctx),
                    year=Verbatim(str(cost.year), f"{r_path}.year"),
                    amount=amount,
                ),
                cost.provenance,
                record,
                r_path,
            )
    yield from _fact_list(
        N_("Where a patent is valid:"), body.territorial_scope, f"{path}.territorial_scope", record
    )
    yield from _open_questions(body.open_questions, path, ctx)
    yield from _sources_statement(record, f"{path}.provenance", ctx)


def _titled(
    body: Confiscation | AggravatingCircumstance | ActivityBans | Measure, path: str, ctx: _Context
) -> Iterator[Statement]:
    citation = getattr(body, "citation", None)
    if isinstance(citation, Citation):
        yield Statement(
            Role.HEADING,
            msg(
                N_("{citation}: {title}"),
                "heading",
                citation=citation_value(citation, f"{path}.citation", ctx),
                title=Text(body.title, f"{path}.title"),
            ),
        )
    else:
        yield Statement(
            Role.HEADING, msg(N_("{title}"), "heading", title=Text(body.title, f"{path}.title"))
        )
    yield from _grade_statement(body.provenance, f"{path}.provenance")


def other_body_statements(body: Body, path: str, ctx: _Context) -> Iterator[Statement]:
    if isinstance(body, Confiscation):
        record = body.provenance
        yield from _titled(body, path, ctx)
        yield Statement(
            Role.SENTENCE,
            msg(N_("What can be taken: {what}."), what=Text(body.what, f"{path}.what")),
            status=record.status,
        )
        if body.condition is not None:
            yield Statement(
                Role.SENTENCE,
                msg(
                    N_("Condition: {condition}"),
                    condition=Text(body.condition, f"{path}.condition"),
                ),
                status=record.status,
            )
        if body.applies_to:
            cites = Items(
                tuple(
                    citation_value(c, f"{path}.applies_to[{i}]", ctx)
                    for i, c in enumerate(body.applies_to)
                )
            )
            yield Statement(
                Role.SENTENCE,
                msg(N_("It applies to: {citations}."), citations=cites),
                status=record.status,
            )
        yield from _one_fact(N_("What it is: {fact}"), body.nature, f"{path}.nature", record)
        yield from _open_questions(body.open_questions, path, ctx)
        yield from _sources_statement(record, f"{path}.provenance", ctx)
    elif isinstance(body, AggravatingCircumstance):
        yield from _titled(body, path, ctx)
        yield Statement(
            Role.SENTENCE,
            msg(N_("{text}"), text=Text(body.text, f"{path}.text")),
            status=body.provenance.status,
        )
        note = body.citation.provenance.note if body.citation.provenance else None
        if note is not None:
            yield Statement(
                Role.SENTENCE,
                msg(
                    N_("About the citation: {note}"),
                    note=Text(note, f"{path}.citation.provenance.note"),
                ),
                status=body.citation.provenance.status if body.citation.provenance else None,
            )
        yield from _open_questions(body.open_questions, path, ctx)
        yield from _sources_statement(body.provenance, f"{path}.provenance", ctx)
    elif isinstance(body, ActivityBans):
        yield from _titled(body, path, ctx)
        yield Statement(
            Role.SENTENCE,
            msg(N_("{text}"), text=Text(body.description, f"{path}.description")),
            status=body.provenance.status,
        )
        if body.examples:
            yield Statement(Role.SENTENCE, msg(N_("Examples:")))
            for i, ban in enumerate(body.examples):
                b_path = f"{path}.examples[{i}]"
                region = _region(ban.region, f"{b_path}.region", ctx)
                if ban.act is not None:
                    message = msg(
                        N_("{region}: {act}"),
                        "item",
                        region=region,
                        act=Text(ban.act, f"{b_path}.act"),
                    )
                elif ban.activities is not None:
                    message = msg(
                        N_("{region}: bans in {count} kinds of activity"),
                        "item",
                        region=region,
                        count=Number(ban.activities.value, f"{b_path}.activities.value"),
                    )
                else:
                    message = msg(N_("{region}"), "item", region=region)
                yield _fact(Role.ITEM, message, ban.provenance, body.provenance, b_path)
        yield from _open_questions(body.open_questions, path, ctx)
        yield from _sources_statement(body.provenance, f"{path}.provenance", ctx)
    elif isinstance(body, Measure):
        yield from _titled(body, path, ctx)
        yield Statement(
            Role.SENTENCE,
            msg(N_("{text}"), text=Text(body.description, f"{path}.description")),
            status=body.provenance.status,
        )
        yield from _open_questions(body.open_questions, path, ctx)
        yield from _sources_statement(body.provenance, f"{path}.provenance", ctx)
    elif isinstance(body, CrimeCategories):
        yield Statement(
            Role.HEADING,
            msg(
                N_("{citation}: {title}"),
                "heading",
                citation=citation_value(body.citation, f"{path}.citation", ctx),
                title=Text(body.title, f"{path}.title"),
            ),
        )
        yield from _grade_statement(body.provenance, f"{path}.provenance")
        yield Statement(
            Role.SENTENCE,
            msg(
                N_(
                    "The category depends on the longest prison term the law allows and on whether the crime is intentional."
                )
            ),
        )
        for i, rule in enumerate(body.rules):
            yield Statement(
                Role.ITEM, _category_rule(rule, f"{path}.rules[{i}]"), status=body.provenance.status
            )
        yield from _sources_statement(body.provenance, f"{path}.provenance", ctx)
    elif isinstance(body, Offence):
        yield from offence_statements(body, path, ctx)
    elif isinstance(body, ExamRule):
        yield from exam_statements(body, path, ctx)
    elif isinstance(body, PatentCost):
        yield from patent_statements(body, path, ctx)
    else:
        yield Statement(
            Role.HEADING,
            msg(
                N_("A provision of the kind {kind}"),
                "heading",
                kind=Verbatim(body.kind, f"{path}.kind"),
            ),
        )


def _category_rule(rule: CategoryRule, path: str) -> Message:
    name = msg(_CATEGORY_NAME[rule.category], "category")
    guilt = msg(N_("intentional") if rule.guilt is Guilt.INTENTIONAL else N_("negligent"), "guilt")
    if rule.above is not None and rule.up_to is not None:
        limit: Message = msg(
            N_("{above}, {up_to}"),
            "limit",
            above=MoreThan(rule.above, "years", f"{path}.above"),
            up_to=Quantity(None, rule.up_to, "years", f"{path}.up_to"),
        )
    elif rule.up_to is not None:
        limit = msg(
            N_("{up_to}"), "limit", up_to=Quantity(None, rule.up_to, "years", f"{path}.up_to")
        )
    elif rule.above is not None:
        limit = msg(N_("{above}"), "limit", above=MoreThan(rule.above, "years", f"{path}.above"))
    else:
        limit = msg(N_("any term"), "limit")
    key = (
        N_(
            "{category}: {guilt} crimes with a maximum prison term of {limit}, or a more severe punishment"
        )
        if rule.more_severe
        else N_("{category}: {guilt} crimes with a maximum prison term of {limit}")
    )
    return msg(key, "item", category=name, guilt=guilt, limit=limit)


# -- time ------------------------------------------------------------------------------------


def _date_value(value: PartialDate | Unknown | None, path: str) -> When | None:
    return When(value, path, governed=True) if isinstance(value, PartialDate) else None


def version_statements(
    version: Version, path: str, ctx: _Context, *, uncertain: bool = False
) -> Iterator[Statement]:
    body_path = f"{path}.body"
    statements = list(
        offence_statements(version.body, body_path, ctx, version)
        if isinstance(version.body, Offence)
        else other_body_statements(version.body, body_path, ctx)
    )
    # The heading first, then when the version applies.
    yield statements[0]
    start = _date_value(version.valid_from, f"{path}.valid_from")
    end = _date_value(version.valid_to, f"{path}.valid_to")
    status = version.provenance.status if version.provenance else None
    if start and version.valid_to is None:
        message = msg(N_("In force from {start}."), start=start)
    elif start and end:
        message = msg(N_("In force from {start} to {end}."), start=start, end=end)
    elif start:
        message = msg(N_("In force from {start}; when it ended is not established."), start=start)
    elif end:
        message = msg(N_("In force until {end}; when it began is not established."), end=end)
    elif version.valid_to is None:
        message = msg(N_("The date it took effect is not established."))
        status = Status.UNCONFIRMED
    else:
        message = msg(N_("The dates it was in force are not established."))
        status = Status.UNCONFIRMED
    yield Statement(
        Role.SENTENCE,
        message,
        status=status,
        flag_grade=bool(start or end) and status is not None and status is not Status.CONFIRMED,
        sources=version.provenance.sources if version.provenance else (),
        extra_trace=(f"{path}.valid_from", f"{path}.valid_to"),
    )
    if ctx.full and version.amended_by and ctx.dataset is not None:
        acts: list[Value] = []
        act_ids = [a.id for a in ctx.dataset.acts]
        for act_id in version.amended_by:
            j = act_ids.index(act_id)
            acts.append(Text(ctx.dataset.acts[j].title, f"{ctx.root}.acts[{j}].title"))
        yield Statement(Role.SENTENCE, msg(N_("Made by: {acts}."), acts=Items(tuple(acts))))
    if ctx.full and version.provenance is not None and version.provenance.note is not None:
        yield Statement(
            Role.SENTENCE,
            msg(
                N_("About these dates: {note}"),
                note=Text(version.provenance.note, f"{path}.provenance.note"),
            ),
            status=version.provenance.status,
        )
    if uncertain and ctx.dataset is not None and ctx.dataset.as_of_date is not None:
        yield Statement(
            Role.SENTENCE,
            msg(
                N_("The data cannot say whether this applied on {day}."),
                day=When(PartialDate.from_date(ctx.dataset.as_of_date), "$.as_of_date"),
            ),
            status=Status.UNCONFIRMED,
        )
    yield from statements[1:]


_STAGE = {
    Stage.INTRODUCED: N_("introduced"),
    Stage.PASSED: N_("passed by the lower house of parliament"),
    Stage.APPROVED: N_("approved by the upper house of parliament"),
    Stage.SIGNED: N_("signed"),
    Stage.ADOPTED: N_("adopted"),
    Stage.PUBLISHED: N_("published"),
    Stage.IN_FORCE: N_("in force"),
}


def act_statements(act: Act, path: str, ctx: _Context) -> Iterator[Statement]:
    yield Statement(
        Role.HEADING, msg(N_("{title}"), "heading", title=Text(act.title, f"{path}.title"))
    )
    yield from _grade_statement(act.provenance, f"{path}.provenance")
    status = act.provenance.status
    if isinstance(act.number, str):
        yield Statement(
            Role.SENTENCE,
            msg(N_("Number: {number}."), number=Verbatim(act.number, f"{path}.number")),
            status=status,
        )
    else:
        yield Statement(
            Role.SENTENCE,
            msg(N_("Its number is not established.")),
            status=Status.UNCONFIRMED,
            extra_trace=(f"{path}.number",),
        )
    if isinstance(act.date, PartialDate):
        yield Statement(
            Role.SENTENCE,
            msg(N_("Date: {date}."), date=When(act.date, f"{path}.date")),
            status=status,
        )
    else:
        yield Statement(
            Role.SENTENCE,
            msg(N_("Its date is not established.")),
            status=Status.UNCONFIRMED,
            extra_trace=(f"{path}.date",),
        )
    if act.bill is not None:
        yield Statement(
            Role.SENTENCE,
            msg(N_("Bill: {bill}."), bill=Verbatim(act.bill, f"{path}.bill")),
            status=status,
        )
    if act.events:
        yield Statement(Role.SENTENCE, msg(N_("Steps:")))
        for i, event in enumerate(act.events):
            e_path = f"{path}.events[{i}]"
            values: dict[str, Value] = {"stage": msg(_STAGE[event.stage], "stage")}
            if isinstance(event.date, PartialDate):
                values["date"] = When(event.date, f"{e_path}.date")
            if ctx.full and event.note is not None:
                values["note"] = Text(event.note, f"{e_path}.note")
            key = {
                ("stage", "date"): N_("{stage}: {date}"),
                ("stage",): N_("{stage}: date not established"),
                ("stage", "date", "note"): N_("{stage}: {date}. {note}"),
                ("stage", "note"): N_("{stage}: date not established. {note}"),
            }[tuple(values)]
            yield _fact(
                Role.ITEM,
                Message(key, tuple(values.items()), "item"),
                event.provenance,
                act.provenance,
                e_path,
            )
    yield from _open_questions(act.open_questions, path, ctx)
    yield from _sources_statement(act.provenance, f"{path}.provenance", ctx)


def provision_statements(provision: Provision, path: str, ctx: _Context) -> Iterator[Statement]:
    if ctx.full:
        versions = list(enumerate(provision.versions))
    else:
        versions = [(len(provision.versions) - 1, provision.versions[-1])]
    day = ctx.dataset.as_of_date if ctx.dataset is not None else None
    statuses = ctx.dataset.statuses_on(provision, day) if ctx.dataset and day else None
    for n, (i, version) in enumerate(versions):
        uncertain = statuses is not None and statuses[i] is None
        statements = list(
            version_statements(version, f"{path}.versions[{i}]", ctx, uncertain=uncertain)
        )
        if n > 0:  # later versions of the same provision: their heading is a sub-heading
            statements[0] = attrs.evolve(statements[0], role=Role.HEADING)
        yield from statements
    if not ctx.full and len(provision.versions) > 1:
        earlier = provision.versions[-2]
        end = _date_value(
            earlier.valid_to, f"{path}.versions[{len(provision.versions) - 2}].valid_to"
        )
        if end is not None:
            yield Statement(
                Role.SENTENCE,
                msg(N_("An earlier version applied until {end}."), end=end),
                status=earlier.provenance.status if earlier.provenance else None,
            )
        else:
            yield Statement(Role.SENTENCE, msg(N_("Earlier versions exist in the data.")))


def dataset_statements(ds: Dataset, ctx: _Context) -> Iterator[Statement]:
    yield Statement(Role.TITLE, msg(N_("{title}"), "heading", title=Text(ds.title, "$.title")))
    if ds.as_of_date is not None:
        yield Statement(
            Role.SENTENCE,
            msg(
                N_("The law as of {day}."),
                day=When(PartialDate.from_date(ds.as_of_date), "$.as_of_date"),
            ),
        )
    if ds.description is not None:
        yield Statement(
            Role.SENTENCE, msg(N_("{text}"), text=Text(ds.description, "$.description"))
        )
    for i, provision in enumerate(ds.provisions):
        yield from provision_statements(provision, f"$.provisions[{i}]", ctx)
    if ctx.full and ds.open_questions:
        yield Statement(Role.HEADING, msg(N_("Still to be checked"), "heading"))
        for i, question in enumerate(ds.open_questions):
            yield Statement(
                Role.ITEM,
                msg(N_("{text}"), "item", text=Text(question.text, f"$.open_questions[{i}].text")),
                status=Status.UNCONFIRMED,
            )


def explain(
    obj: object, *, detail: Detail = "short", dataset: Dataset | None = None
) -> Explanation:
    """The statements that summarise ``obj``, in no particular language.

    ``obj`` is any record: a dataset, provision, version, act, provision body
    (offence, confiscation, exam rule, patent cost ...) or sanction. ``dataset``
    gives the context for a record taken out of one (instrument names, regions,
    measures, derived categories); a dataset is its own context.
    """
    if detail not in ("short", "full"):
        from lawsummary.errors import LawSummaryError

        raise LawSummaryError(f"unknown detail {detail!r}; use 'short' or 'full'")
    if isinstance(obj, Dataset):
        ctx = _Context(detail, obj, is_dataset=True)
        statements: Iterator[Statement] = dataset_statements(obj, ctx)
        subject = "dataset"
    elif _is_comparison(obj):
        from lawsummary.compare import Comparison, Table
        from lawsummary.explain_compare import comparison_statements, table_statements

        if isinstance(obj, Table):
            statements = table_statements(obj, _Context(detail, dataset))
            return Explanation("table", tuple(statements), detail)
        assert isinstance(obj, Comparison)
        context = obj.after if isinstance(obj.after, Dataset) else dataset
        statements, subject = comparison_statements(obj, _Context(detail, context)), "comparison"
    else:
        ctx = _Context(detail, dataset)
        if isinstance(obj, Provision):
            statements, subject = provision_statements(obj, "$", ctx), "provision"
        elif isinstance(obj, Version):
            statements, subject = version_statements(obj, "$", ctx), "version"
        elif isinstance(obj, Act):
            statements, subject = act_statements(obj, "$", ctx), "act"
        elif isinstance(obj, Sanction):
            statements, subject = sanction_statements(obj, "$", obj.provenance, ctx), "sanction"
        elif isinstance(obj, Body):
            statements, subject = other_body_statements(obj, "$", ctx), obj.kind
        else:
            from lawsummary.errors import LawSummaryError

            raise LawSummaryError(
                f"cannot summarise a {type(obj).__name__}; pass a dataset, provision, version, "
                "act, sanction or provision body"
            )
    return Explanation(subject, tuple(statements), detail)


def _is_comparison(obj: object) -> bool:
    """A Comparison or Table, recognised without importing the comparison module first."""
    return type(obj).__module__ == "lawsummary.compare"
