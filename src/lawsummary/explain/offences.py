"""What to say about an offence: its circumstances, punishment, category and measures."""

from __future__ import annotations

from collections.abc import Iterator

from lawsummary.explain.common import (
    _fact,
    _grade_statement,
    _open_questions,
    _sources_statement,
    citation_value,
    heading,
    sanction_statements,
)
from lawsummary.explain.values import (
    N_,
    Message,
    Role,
    Statement,
    Text,
    Verbatim,
    _Context,
    msg,
    shared,
)
from lawsummary.records.acts import Version
from lawsummary.records.provisions import (
    Body,
    Category,
    Confiscation,
    CrimeCategories,
    Guilt,
    Liability,
    Offence,
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


def _category_sentence(category: Category, first: bool) -> Message:
    """ "This is a grave crime: the third of the four categories ..." (the rank only the
    first time a summary names the category)."""
    found = _CATEGORY_SENTENCES.get((category, first))
    if found is None:
        name = msg(_CATEGORY_NAME[category], "category")
        if first:
            sentence = msg(
                N_("This is {category}: {rank}."),
                category=name,
                rank=msg(_CATEGORY_RANK[category], "category"),
            )
        else:
            sentence = msg(N_("This is {category}."), category=name)
        found = _CATEGORY_SENTENCES[(category, first)] = shared(sentence)
    return found


_CATEGORY_SENTENCES: dict[tuple[Category, bool], Message] = {}


def _rules_sentence(scheme: CrimeCategories, ctx: _Context) -> Message:
    """Where a derived category comes from: the dataset's category rules."""
    _, i, j = ctx.index.holders[id(scheme)]
    path = f"{ctx.root}.provisions[{i}].versions[{j}].body.citation"
    rules = citation_value(scheme.citation, path, ctx)
    return shared(
        msg(
            N_(
                "No source states the category; it follows from the longest prison term under the category rules ({rules})."
            ),
            rules=rules,
        )
    )


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
    first = category not in ctx.explained
    ctx.explained.add(category)
    sentence = _category_sentence(category, first)
    if stated:
        yield Statement(  # status, flag_grade, sources, extra_trace (positional: faster)
            Role.SENTENCE,
            sentence,
            body.provenance.status,
            False,
            body.provenance.sources,
            (f"{path}.category",),
        )
    else:
        yield Statement(  # status, flag_grade, sources, extra_trace
            Role.SENTENCE, sentence, None, False, (), (f"{path}.sanction", f"{path}.guilt")
        )
        scheme = ctx.dataset.category_rules_for(version) if ctx.dataset and version else None
        if scheme is not None:
            # The scheme is one of the dataset's records, so its id is stable meanwhile.
            key = ("explain.rules", id(scheme), ctx.root)
            yield Statement(Role.SENTENCE, ctx.kept(key, _rules_sentence, scheme, ctx))


def _confiscation_sentence(target: Confiscation, path: str, ctx: _Context) -> Message:
    """The confiscation an offence points at, with its condition."""
    condition = "condition" if target.condition else "title"
    return shared(
        msg(
            N_("Property can also be confiscated ({measure}). Condition: {condition}"),
            measure=citation_value(target.citation, f"{path}.citation", ctx),
            condition=Text(target.condition or target.title, f"{path}.{condition}"),
        )
    )


def _measure_statements(body: Offence, path: str, ctx: _Context) -> Iterator[Statement]:
    for i, measure_id in enumerate(body.measures):
        target: Body | None = None
        target_path = ""
        if ctx.dataset is not None and measure_id in ctx.index.provisions:
            target = ctx.index.provisions[measure_id][1].latest().body
            target_path = f"{ctx.provision_path(measure_id)}.body"
        if isinstance(target, Confiscation):
            key = ("explain.confiscation", measure_id, ctx.root)
            yield _fact(
                Role.SENTENCE,
                ctx.kept(key, _confiscation_sentence, target, target_path, ctx),
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
    yield heading(body.title, body.citation, path, ctx)
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
