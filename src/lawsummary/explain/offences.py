"""What to say about an offence: its circumstances, punishment, category and measures."""

from __future__ import annotations

from collections.abc import Iterator

from lawsummary.explain.common import (
    citation_value,
    grade_statements,
    heading,
    open_question_statements,
    sanction_statements,
    sources_statements,
    with_own_sources,
)
from lawsummary.explain.values import (
    AT,
    ITEM,
    N_,
    SENTENCE,
    UNCONFIRMED,
    Context,
    Message,
    Statement,
    Value,
    fact_statement,
    message_of,
    msg,
    sentence,
    text_value,
    verbatim,
    when,
)
from lawsummary.records.acts import Version
from lawsummary.records.common import PartialDate, Status, Unknown
from lawsummary.records.penalties import Imprisonment, Sanction
from lawsummary.records.provisions import (
    Body,
    Confiscation,
    CrimeCategories,
    Guilt,
    Liability,
    Offence,
)
from lawsummary.rules import CategoryWords, jurisdiction

#: Grades from the weakest to the strongest.
_STRENGTH = (Status.UNCONFIRMED, Status.REPORTED, Status.CONFIRMED)

# As module globals: see the note on enum members in ``explain.values``.
_CRIMINAL, _ADMINISTRATIVE = Liability.CRIMINAL, Liability.ADMINISTRATIVE


def _category_sentence(code: str, words: CategoryWords, first: bool) -> Message:
    """ "This is a grave crime: the third of the four categories ..." in the jurisdiction's
    words (the rank only the first time a summary names the category, where the
    jurisdiction words one)."""
    key = (code, words.id, first)
    found = _CATEGORY_SENTENCES.get(key)
    if found is None:
        name = msg(words.name, "category")
        if first and words.rank is not None:
            said = msg(
                N_("This is {category}: {rank}."),
                category=name,
                rank=msg(words.rank, "category"),
            )
        else:
            said = msg(N_("This is {category}."), category=name)
        found = _CATEGORY_SENTENCES[key] = said
    return found


_CATEGORY_SENTENCES: dict[tuple[str, str, bool], Message] = {}


def _rules_sentence(scheme: CrimeCategories, ctx: Context) -> Message:
    """Where a derived category comes from: the dataset's category rules."""
    _, i, j = ctx.index.holders[id(scheme)]
    path = f"{ctx.root}.provisions[{i}].versions[{j}].body.citation"
    rules = citation_value(scheme.citation, path, ctx)
    return msg(
        N_(
            "No source states the category; it follows from the longest prison term under the category rules ({rules})."
        ),
        rules=rules,
    )


def _category_statements(
    body: Offence, version: Version | None, path: str, ctx: Context, out: list[Statement]
) -> None:
    """Append the offence's crime category and, when derived, where it comes from."""
    if body.liability is not _CRIMINAL:
        return
    code = body.citation.jurisdiction
    plugin = jurisdiction(code)
    system = plugin.categories if plugin is not None else None
    if system is None:  # no category system: no category sentence, never another's
        return
    category = body.category
    stated = category is not None
    scheme = None
    if category is None and ctx.dataset is not None and version is not None:
        derived, scheme = ctx.dataset.derive_category(version)
        if isinstance(derived, str):
            category = derived
        elif derived is not None and scheme is not None and _longest_term_unknown(body):
            out.append(_category_not_derived(path))
            return
    words = system.words(category) if category is not None else None
    if words is None:
        return
    explained = (code, words.id)
    first = explained not in ctx.explained
    ctx.explained.add(explained)
    said = _category_sentence(code, words, first)
    if stated:
        provenance = body.provenance
        extra_trace: tuple[str, ...] = (f"{path}.category",)
        out.append(
            sentence(
                said,
                status=provenance.status,
                sources=provenance.sources,
                extra_trace=extra_trace,
                shared=True,
            )
        )
        return
    extra_trace = (f"{path}.sanction", f"{path}.guilt")
    # Derived from the sanction: no stronger than the facts it is derived from.
    sanction_grade = body.sanction.provenance if isinstance(body.sanction, Sanction) else None
    grades = (body.provenance, sanction_grade)
    derived_status = min(
        (g.status for g in grades if g is not None), key=_STRENGTH.index, default=None
    )
    out.append(sentence(said, status=derived_status, extra_trace=extra_trace, shared=True))
    if scheme is not None:
        # The scheme is one of the dataset's records, so its id is stable meanwhile.
        key = ("explain.rules", id(scheme), ctx.root)
        rules = ctx.kept(key, _rules_sentence, scheme, ctx)
        out.append(sentence(rules, status=derived_status, shared=True))


def _longest_term_unknown(body: Offence) -> bool:
    """Whether the longest prison term is not established: the sanction is unknown, or a
    prison term's upper bound is."""
    if not isinstance(body.sanction, Sanction):
        return True
    return any(
        isinstance(alt.penalty, Imprisonment) and isinstance(alt.penalty.term.max, Unknown)
        for alt in body.sanction.alternatives
    )


_CATEGORY_NOT_DERIVED = msg(
    N_("The crime category cannot be derived: the longest prison term is not established.")
)


def _category_not_derived(path: str) -> Statement:
    """That the category cannot be derived, traced to the sanction that does not say."""
    return sentence(_CATEGORY_NOT_DERIVED, status=UNCONFIRMED, extra_trace=(f"{path}.sanction",))


def _confiscation_sentence(target: Confiscation, measure_id: str, ctx: Context) -> Message:
    """The confiscation an offence points at, with its condition."""
    path = f"{ctx.provision_path(measure_id)}.body"
    condition = "condition" if target.condition else "title"
    return msg(
        N_("Property can also be confiscated ({measure}). Condition: {condition}"),
        measure=citation_value(target.citation, f"{path}.citation", ctx),
        condition=text_value(target.condition or target.title, f"{path}.{condition}"),
    )


def _measure_statements(body: Offence, path: str, ctx: Context, out: list[Statement]) -> None:
    """Append the measures (such as confiscation) an offence points at."""
    provisions = ctx.index.provisions if ctx.dataset is not None else {}
    for i, measure_id in enumerate(body.measures):
        found = provisions.get(measure_id)
        target = found[1].versions[-1].body if found is not None else None
        where = ctx
        if found is None:  # summarised alone: the bundled dataset that holds it, if any
            target, where = _bundled_provision_body(measure_id, ctx)
        if isinstance(target, Confiscation):
            key = ("explain.confiscation", measure_id, where.root)
            said = where.kept(key, _confiscation_sentence, target, measure_id, where)
            own = target.provenance
            out.append(
                fact_statement(
                    SENTENCE,
                    said,
                    own,
                    body.provenance,
                    f"{path}.measures{AT[i]}",
                    shared=True,
                )
            )
            _measure_start(measure_id, where, out)
        else:
            citation = getattr(target, "citation", None)
            measure = (
                citation_value(citation, f"{path}.measures{AT[i]}", where)
                if citation is not None
                else msg(N_("a measure that is not in the data"))
            )
            out.append(
                sentence(
                    msg(N_("Another measure may also apply: {measure}."), measure=measure),
                    status=body.provenance.status,
                )
            )


_MEASURE_START_UNKNOWN = msg(N_("When this measure took effect is not established."))


def _measure_start(measure_id: str, ctx: Context, out: list[Statement]) -> None:
    """Say so where the measure's start is not established: the offence's version may be in
    force while the data cannot say whether the measure applies (issue 14)."""
    found = ctx.index.provisions.get(measure_id) if ctx.dataset is not None else None
    if found is None or isinstance(found[1].versions[-1].valid_from, PartialDate):
        return
    trace = (f"{ctx.provision_path(measure_id)}.valid_from",)
    out.append(
        sentence(_MEASURE_START_UNKNOWN, status=Status.UNCONFIRMED, extra_trace=trace, shared=True)
    )


def _bundled_provision_body(provision_id: str, ctx: Context) -> tuple[Body | None, Context]:
    """The latest body of a provision of a bundled dataset, with that dataset as context."""
    from lawsummary import datasets as bundled

    for name in bundled.names():
        found = bundled.load(name)
        hit = found.index().provisions.get(provision_id)
        if hit is not None:
            return hit[1].versions[-1].body, Context(ctx.detail, found)
    return None, ctx


#: Statements that depend on nothing, made once (they are immutable).
_APPLIES_WHEN = sentence(msg(N_("It applies when the act is committed:")))
_ADMINISTRATIVE_OFFENCE = msg(N_("This is an administrative offence, not a crime."))
_CIRCUMSTANCES_INCOMPLETE = msg(N_("The sources may not list every qualifying circumstance."))
_SANCTION_UNKNOWN = msg(N_("The punishment is not established."))
_DESCRIPTION_UNKNOWN = msg(N_("What it covers is not established."))
_SOME_NOT_ESTABLISHED = msg(N_("Some points are not established; the full summary lists them."))
_GUILT_UNKNOWN = msg(
    N_("Whether it requires intent or can also be committed through negligence is not established.")
)


def _circumstance_statements(body: Offence, path: str, out: list[Statement]) -> None:
    """Append the circumstances that make the offence this one, as a list."""
    out.append(_APPLIES_WHEN)
    record = body.provenance
    for i, circumstance in enumerate(body.circumstances):
        c_path = f"{path}.circumstances{AT[i]}"
        text = text_value(circumstance.text, f"{c_path}.text")
        if circumstance.item:
            item = verbatim(circumstance.item, f"{c_path}.item")
            values: tuple[tuple[str, Value], ...] = (("item", item), ("text", text))
            message = message_of(N_("({item}) {text}"), values, "item")
        else:
            message = message_of(N_("{text}"), (("text", text),), "item")
        out.append(fact_statement(ITEM, message, circumstance.provenance, record, c_path))


def offence_statements(
    body: Offence, path: str, ctx: Context, version: Version | None = None
) -> list[Statement]:
    """What to say about an offence: heading, circumstances, punishment, category, measures."""
    out = [heading(body.title, body.citation, path, ctx)]
    out.extend(grade_statements(body.provenance, f"{path}.provenance"))
    status = body.provenance.status
    if body.liability is _ADMINISTRATIVE:
        extra_trace = (f"{path}.liability",)
        out.append(sentence(_ADMINISTRATIVE_OFFENCE, status=status, extra_trace=extra_trace))
    if body.offender is not None:
        offender = text_value(body.offender, f"{path}.offender")
        key = N_("Who it applies to: {offender}.")
        message = message_of(key, (("offender", offender),))
        out.append(sentence(message, status=status))
    if isinstance(body.description, Unknown):
        if ctx.full:
            extra_trace = (f"{path}.description",)
            out.append(sentence(_DESCRIPTION_UNKNOWN, status=UNCONFIRMED, extra_trace=extra_trace))
        elif not body.open_questions:
            extra_trace = (f"{path}.description",)
            out.append(sentence(_SOME_NOT_ESTABLISHED, status=UNCONFIRMED, extra_trace=extra_trace))
    elif ctx.full and body.description is not None:
        out.append(
            sentence(
                msg(
                    N_("What it covers: {description}"),
                    description=text_value(body.description, f"{path}.description"),
                ),
                status=status,
            )
        )
    if body.circumstances:
        _circumstance_statements(body, path, out)
    if not body.circumstances_complete:
        extra_trace = (f"{path}.circumstances_complete",)
        out.append(sentence(_CIRCUMSTANCES_INCOMPLETE, status=UNCONFIRMED, extra_trace=extra_trace))
    if isinstance(body.sanction, Sanction):
        out.extend(
            sanction_statements(
                body.sanction, f"{path}.sanction", body.provenance, ctx, standalone=False
            )
        )
    else:  # Unknown: the punishment is not established, and said so
        extra_trace = (f"{path}.sanction",)
        out.append(sentence(_SANCTION_UNKNOWN, status=UNCONFIRMED, extra_trace=extra_trace))
    _category_statements(body, version, path, ctx, out)
    if ctx.full:
        out.extend(_index_value_statements(body, version, path, ctx))
        if not isinstance(body.guilt, Guilt):  # Unknown: said, as every unknown is
            out.append(sentence(_GUILT_UNKNOWN, status=UNCONFIRMED, extra_trace=(f"{path}.guilt",)))
        else:
            key = (
                N_("It requires intent.")
                if body.guilt is Guilt.INTENTIONAL
                else N_("It can be committed through negligence.")
            )
            out.append(sentence(msg(key), status=status, extra_trace=(f"{path}.guilt",)))
    if body.measures:
        _measure_statements(body, path, ctx, out)
    # The full summary lists the open questions; a short one points at them once, for
    # the body's and the sanction's together.
    if ctx.full or body.open_questions:
        out.extend(open_question_statements(body.open_questions, path, ctx))
    elif isinstance(body.sanction, Sanction) and body.sanction.open_questions:
        out.extend(open_question_statements(body.sanction.open_questions, f"{path}.sanction", ctx))
    out.extend(sources_statements(body.provenance, f"{path}.provenance", ctx))
    return with_own_sources(out, body.provenance, ctx)


def _index_value_statements(
    body: Offence, version: Version | None, path: str, ctx: Context
) -> Iterator[Statement]:
    """For a fine counted in an index unit: the unit's value (for fines and taxes) on the
    date of the version, with its grade, or that the data has none. The unit, its value
    and the date are traced to where the data holds them."""
    from lawsummary.compare import version_day
    from lawsummary.explain.penalties import index_unit_at, index_unit_words, money_value
    from lawsummary.records.quantities import IndexRange, MoneyRange, RatePurpose

    seen: set[str] = set()
    if not isinstance(body.sanction, Sanction):
        return
    penalties = [a.penalty for a in body.sanction.alternatives]
    penalties += [p for a in body.sanction.alternatives for add in a.additions for p in add.options]
    for penalty in penalties:
        amount = getattr(penalty, "amount", None)
        if not isinstance(amount, IndexRange) or amount.unit in seen:
            continue
        seen.add(amount.unit)
        found = index_unit_at(amount.unit, ctx)
        if found is None:
            continue  # the amount itself says the unit is not in the data
        unit, unit_path = found
        unit_path = unit_path or "$"  # a unit only a bundled dataset declares
        words = index_unit_words(unit, unit_path)
        day = version_day(version, ctx.dataset)
        if day is None:
            yield sentence(
                msg(
                    N_("The date that decides the value of the {unit} is not established."),
                    unit=words,
                ),
                status=Status.UNCONFIRMED,
            )
            continue
        rate = unit.rate_on(day, RatePurpose.FINES_AND_TAXES)
        on = when(PartialDate.from_date(day), _day_path(version, path, ctx))
        if rate is None:
            yield sentence(
                msg(N_("The data has no value of the {unit} for {date}."), unit=words, date=on),
                status=Status.UNCONFIRMED,
            )
            continue
        value_path = f"{unit_path}.rates[{unit.rates.index(rate)}].value"
        value = money_value(
            MoneyRange(currency=rate.value.currency, min=rate.value.amount, max=rate.value.amount),
            value_path,
        )
        status = rate.provenance.status if rate.provenance is not None else None
        yield sentence(
            msg(N_("On {date}, one {unit} is {value}."), date=on, unit=words, value=value),
            status=status,
            flag_grade=status is not None and status is not Status.CONFIRMED,
            sources=rate.provenance.sources if rate.provenance is not None else (),
        )


def _day_path(version: Version | None, body_path: str, ctx: Context) -> str:
    """Where the date :func:`lawsummary.compare.version_day` chose is held."""
    if ctx.dataset is not None and ctx.dataset.as_of_date is not None:
        return f"{ctx.root}.as_of_date"
    version_path = body_path.removesuffix(".body")
    start = None if version is None else version.valid_from
    if isinstance(start, PartialDate) and start.day is not None:
        return f"{version_path}.valid_from"
    return f"{version_path}.valid_to"
