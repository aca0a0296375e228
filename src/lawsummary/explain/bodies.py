"""What to say about the other kinds of provision: exams, patents, measures, categories."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lawsummary.explain.common import (
    category_name,
    citation_value,
    fact_list,
    grade_statements,
    heading,
    one_fact,
    open_question_statements,
    region_value,
    sources_statements,
    with_own_sources,
)
from lawsummary.explain.offences import offence_statements
from lawsummary.explain.values import (
    N_,
    Context,
    Items,
    Message,
    MoreThan,
    Number,
    Quantity,
    Role,
    Statement,
    Text,
    Value,
    Verbatim,
    fact_statement,
    heading_statement,
    list_item,
    msg,
    sentence,
)
from lawsummary.records.common import LocalizedText
from lawsummary.records.provisions import (
    ActivityBans,
    AggravatingCircumstance,
    Body,
    CategoryRule,
    Citation,
    Confiscation,
    CrimeCategories,
    ExamRule,
    Guilt,
    Measure,
    Offence,
    PatentCost,
    Purpose,
    Subject,
)
from lawsummary.rules import jurisdiction


def subject_words(code: str | None, subject: Subject, path: str) -> Value:
    """An exam subject in its jurisdiction's words, or its value as the data has it."""
    plugin = jurisdiction(code) if code is not None else None
    key = plugin.subjects.get(subject.value) if plugin is not None else None
    if key is None:
        return Verbatim(subject.value, path)
    return Message(key, (), "subject")


def _jurisdiction_of(body: ExamRule) -> str | None:
    return body.citations[0].jurisdiction if body.citations else None


#: The words for what an exam certificate is needed for.
PURPOSE_WORDS = {
    Purpose.PATENT: N_("a work patent"),
    Purpose.WORK_PERMIT: N_("a work permit"),
    Purpose.TEMPORARY_RESIDENCE: N_("a temporary residence permit"),
    Purpose.RESIDENCE_PERMIT: N_("a residence permit"),
}


def exam_statements(body: ExamRule, path: str, ctx: Context) -> Iterator[Statement]:
    yield body_heading(body, path, ctx)
    yield from grade_statements(body.provenance, f"{path}.provenance")
    record = body.provenance
    if body.subjects:
        code = _jurisdiction_of(body)
        subjects = Items(
            tuple(
                subject_words(code, s, f"{path}.subjects[{i}]") for i, s in enumerate(body.subjects)
            )
        )
        yield sentence(
            msg(N_("The exam covers {subjects}."), subjects=subjects),
            status=record.status,
            extra_trace=(f"{path}.subjects",),
        )
    yield from one_fact(
        N_("Who may run the exam: {fact}"), body.conducted_by, f"{path}.conducted_by", record
    )
    if ctx.full:
        yield from one_fact(
            N_("How the list is drawn up: {fact}"),
            body.list_formed_by,
            f"{path}.list_formed_by",
            record,
        )
    if body.listed_institutions is not None:
        yield fact_statement(
            Role.SENTENCE,
            msg(
                N_("Institutions on the list: {count}."),
                count=Number(body.listed_institutions.value, f"{path}.listed_institutions.value"),
            ),
            body.listed_institutions.provenance,
            record,
            f"{path}.listed_institutions",
        )
    yield from fact_list(N_("Not allowed:"), body.prohibited, f"{path}.prohibited", record)
    if ctx.full:
        yield from fact_list(N_("Allowed only:"), body.permitted, f"{path}.permitted", record)
    if body.required_for:
        purposes = Items(
            tuple(Message(PURPOSE_WORDS[p], (), "purpose") for p in body.required_for), style="or"
        )
        yield fact_statement(
            Role.SENTENCE,
            msg(
                N_("A foreign citizen needs the exam certificate to get {purposes}."),
                purposes=purposes,
            ),
            body.required_for_provenance,
            record,
            f"{path}.required_for",
        )
    yield from one_fact(N_("Fee: {fact}"), body.fee_set_by, f"{path}.fee_set_by", record)
    yield from fact_list(
        N_("Rules during the exam:"), body.conduct_rules, f"{path}.conduct_rules", record
    )
    if ctx.full:
        yield from fact_list(N_("Background:"), body.notes, f"{path}.notes", record)
    yield from open_question_statements(body.open_questions, path, ctx)
    yield from sources_statements(record, f"{path}.provenance", ctx)


def patent_statements(body: PatentCost, path: str, ctx: Context) -> Iterator[Statement]:
    record = body.provenance
    yield body_heading(body, path, ctx)
    yield from grade_statements(record, f"{path}.provenance")
    yield sentence(
        msg(
            N_(
                "The monthly cost is {base} multiplied by the year's deflator and by the region's coefficient."
            ),
            base=Quantity(body.base.amount, body.base.amount, body.base.currency, f"{path}.base"),
        ),
        status=record.status,
        sources=record.sources,
    )
    yield from one_fact(
        N_("Deflator: {fact}"), body.deflator_set_by, f"{path}.deflator_set_by", record
    )
    yield from one_fact(
        N_("Regional coefficient: {fact}"),
        body.coefficient_set_by,
        f"{path}.coefficient_set_by",
        record,
    )
    if body.deflators:
        yield sentence(msg(N_("Deflators by year:")))
        for i, d in enumerate(body.deflators):
            d_path = f"{path}.deflators[{i}]"
            yield fact_statement(
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
        yield sentence(msg(N_("Regional coefficients:")))
        for i, c in enumerate(body.coefficients):
            c_path = f"{path}.coefficients[{i}]"
            yield fact_statement(
                Role.ITEM,
                msg(
                    N_("{region}, {year}: {value}"),
                    "item",
                    region=region_value(c.region, f"{c_path}.region", ctx),
                    year=Verbatim(str(c.year), f"{c_path}.year"),
                    value=Number(c.value, f"{c_path}.value"),
                ),
                c.provenance,
                record,
                c_path,
            )
    costs = body.reported_costs if ctx.full else ()
    if costs:
        yield sentence(msg(N_("Monthly costs reported in the news:")))
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
            yield fact_statement(
                Role.ITEM,
                msg(
                    key,
                    "item",
                    region=region_value(cost.region, f"{r_path}.region", ctx),
                    year=Verbatim(str(cost.year), f"{r_path}.year"),
                    amount=amount,
                ),
                cost.provenance,
                record,
                r_path,
            )
    yield from fact_list(
        N_("Where a patent is valid:"), body.territorial_scope, f"{path}.territorial_scope", record
    )
    yield from open_question_statements(body.open_questions, path, ctx)
    yield from sources_statements(record, f"{path}.provenance", ctx)


def body_heading(body: Body, path: str, ctx: Context) -> Statement:
    """The heading a body's statements start with, alone: "<citation>: <title>", the title
    for a kind without a citation, or the kind for a kind lawsummary does not explain."""
    title = getattr(body, "title", None)
    if _statements_for(type(body)) is None or not isinstance(title, LocalizedText):
        return heading_statement(
            msg(
                N_("A provision of the kind {kind}"),
                "heading",
                kind=Verbatim(body.kind, f"{path}.kind"),
            )
        )
    citation = getattr(body, "citation", None)
    return heading(title, citation if isinstance(citation, Citation) else None, path, ctx)


def _titled(
    body: Confiscation | AggravatingCircumstance | ActivityBans | Measure, path: str, ctx: Context
) -> Iterator[Statement]:
    yield body_heading(body, path, ctx)
    yield from grade_statements(body.provenance, f"{path}.provenance")


#: How each provision kind is explained, by class (see :func:`provision_behaviour`).
_BODY_STATEMENTS: dict[type, Callable[[Any, str, Context], Iterable[Statement]]] = {}


def provision_behaviour(
    cls: type[Body], statements: Callable[[Any, str, Context], Iterable[Statement]]
) -> None:
    """Register how the provision kind ``cls`` is explained: ``statements(body, path, ctx)``
    gives its statements, starting with its heading (see :func:`body_heading`). A kind
    with none registered is summarised as its heading, naming the kind."""
    _BODY_STATEMENTS[cls] = statements


def _statements_for(cls: type) -> Callable[[Any, str, Context], Iterable[Statement]] | None:
    return next((_BODY_STATEMENTS[c] for c in cls.__mro__ if c in _BODY_STATEMENTS), None)


def confiscation_statements(body: Confiscation, path: str, ctx: Context) -> Iterator[Statement]:
    record = body.provenance
    yield from _titled(body, path, ctx)
    yield sentence(
        msg(N_("What can be taken: {what}."), what=Text(body.what, f"{path}.what")),
        status=record.status,
    )
    if body.condition is not None:
        yield sentence(
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
        yield sentence(
            msg(N_("It applies to: {citations}."), citations=cites), status=record.status
        )
    yield from one_fact(N_("What it is: {fact}"), body.nature, f"{path}.nature", record)
    yield from open_question_statements(body.open_questions, path, ctx)
    yield from sources_statements(record, f"{path}.provenance", ctx)


def aggravating_statements(
    body: AggravatingCircumstance, path: str, ctx: Context
) -> Iterator[Statement]:
    yield from _titled(body, path, ctx)
    yield sentence(
        msg(N_("{text}"), text=Text(body.text, f"{path}.text")), status=body.provenance.status
    )
    note = body.citation.provenance.note if body.citation.provenance else None
    if note is not None:
        yield sentence(
            msg(
                N_("About the citation: {note}"),
                note=Text(note, f"{path}.citation.provenance.note"),
            ),
            status=body.citation.provenance.status if body.citation.provenance else None,
            sources=body.citation.provenance.sources if body.citation.provenance else (),
            extra_trace=(f"{path}.citation.provenance.status",),
        )
    yield from open_question_statements(body.open_questions, path, ctx)
    yield from sources_statements(body.provenance, f"{path}.provenance", ctx)


def activity_bans_statements(body: ActivityBans, path: str, ctx: Context) -> Iterator[Statement]:
    yield from _titled(body, path, ctx)
    yield sentence(
        msg(N_("{text}"), text=Text(body.description, f"{path}.description")),
        status=body.provenance.status,
    )
    if body.examples:
        yield sentence(msg(N_("Examples:")))
        for i, ban in enumerate(body.examples):
            b_path = f"{path}.examples[{i}]"
            region = region_value(ban.region, f"{b_path}.region", ctx)
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
            yield fact_statement(Role.ITEM, message, ban.provenance, body.provenance, b_path)
    yield from open_question_statements(body.open_questions, path, ctx)
    yield from sources_statements(body.provenance, f"{path}.provenance", ctx)


def measure_statements(body: Measure, path: str, ctx: Context) -> Iterator[Statement]:
    yield from _titled(body, path, ctx)
    yield sentence(
        msg(N_("{text}"), text=Text(body.description, f"{path}.description")),
        status=body.provenance.status,
    )
    yield from open_question_statements(body.open_questions, path, ctx)
    yield from sources_statements(body.provenance, f"{path}.provenance", ctx)


def category_table_statements(
    body: CrimeCategories, path: str, ctx: Context
) -> Iterator[Statement]:
    yield body_heading(body, path, ctx)
    yield from grade_statements(body.provenance, f"{path}.provenance")
    code = body.citation.jurisdiction
    plugin = jurisdiction(code)
    system = plugin.categories if plugin is not None else None
    if system is not None and system.explained is not None:
        yield sentence(msg(system.explained))
    for i, rule in enumerate(body.rules):
        yield list_item(
            _category_rule(code, rule, f"{path}.rules[{i}]"), status=body.provenance.status
        )
    yield from sources_statements(body.provenance, f"{path}.provenance", ctx)


def _offence_body(body: Offence, path: str, ctx: Context) -> Iterable[Statement]:
    return offence_statements(body, path, ctx)


def other_body_statements(body: Body, path: str, ctx: Context) -> Iterator[Statement]:
    """A provision body's statements, as its kind's registered behaviour gives them (in a
    full summary with each statement's own sources, where they are not its record's; an
    offence's statements say theirs themselves)."""
    statements = _statements_for(type(body))
    if statements is None:
        yield body_heading(body, path, ctx)
        return
    written = statements(body, path, ctx)
    if not ctx.full or isinstance(body, Offence):
        yield from written
        return
    yield from with_own_sources(written, getattr(body, "provenance", None), ctx)


provision_behaviour(Confiscation, confiscation_statements)
provision_behaviour(AggravatingCircumstance, aggravating_statements)
provision_behaviour(ActivityBans, activity_bans_statements)
provision_behaviour(Measure, measure_statements)
provision_behaviour(CrimeCategories, category_table_statements)
provision_behaviour(Offence, _offence_body)
provision_behaviour(ExamRule, exam_statements)
provision_behaviour(PatentCost, patent_statements)


def _category_rule(code: str, rule: CategoryRule, path: str) -> Message:
    name = category_name(code, rule.category, f"{path}.category")
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
