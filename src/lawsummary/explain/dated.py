"""Versions in time, acts, provisions and whole datasets."""

from __future__ import annotations

from collections.abc import Iterator

from lawsummary.explain.bodies import other_body_statements
from lawsummary.explain.common import (
    date_value,
    grade_statements,
    open_question_statements,
    sources_statements,
    with_own_sources,
)
from lawsummary.explain.offences import offence_statements
from lawsummary.explain.values import (
    AT,
    CONFIRMED,
    HEADING,
    ITEM,
    N_,
    UNCONFIRMED,
    Context,
    Items,
    Role,
    Statement,
    Value,
    fact_statement,
    heading_statement,
    list_item,
    message_of,
    msg,
    sentence,
    statement,
    text_value,
    verbatim,
    when,
)
from lawsummary.records.acts import Act, Provision, Stage, Version
from lawsummary.records.common import (
    PartialDate,
    Status,
)
from lawsummary.records.dataset import Dataset
from lawsummary.records.provisions import (
    Offence,
)
from lawsummary.records.quantities import MoneyRange


def version_statements(
    version: Version, path: str, ctx: Context, *, uncertain: bool = False
) -> list[Statement]:
    body_path = f"{path}.body"
    body = version.body
    if isinstance(body, Offence):
        statements = offence_statements(body, body_path, ctx, version)
    else:
        statements = list(other_body_statements(body, body_path, ctx))
    # After the heading: when the version applies.
    dated: list[Statement] = []
    valid_from, valid_to = f"{path}.valid_from", f"{path}.valid_to"
    start = date_value(version.valid_from, valid_from)
    end = date_value(version.valid_to, valid_to)
    provenance = version.provenance
    status = provenance.status if provenance else None
    if start and version.valid_to is None:
        message = message_of(N_("In force from {start}."), (("start", start),))
    elif start and end:
        message = msg(N_("In force from {start} to {end.through}."), start=start, end=end)
    elif start:
        message = msg(N_("In force from {start}; when it ended is not established."), start=start)
    elif end:
        message = msg(
            N_("In force until {end.through}; when it began is not established."), end=end
        )
    elif version.valid_to is None:
        message = msg(N_("The date it took effect is not established."))
        status = UNCONFIRMED
    else:
        message = msg(N_("The dates it was in force are not established."))
        status = UNCONFIRMED
    flag = bool(start or end) and status is not None and status is not CONFIRMED
    sources = provenance.sources if provenance else ()
    dated.append(
        sentence(
            message,
            status=status,
            flag_grade=flag,
            sources=sources,
            extra_trace=(valid_from, valid_to),
        )
    )
    if ctx.full and version.amended_by and ctx.dataset is not None:
        acts: list[Value] = []
        for act_id in version.amended_by:
            j, act = ctx.index.acts[act_id]
            acts.append(text_value(act.title, f"{ctx.root}.acts[{j}].title"))
        dated.append(sentence(msg(N_("Made by: {acts}."), acts=Items(tuple(acts)))))
    if ctx.full and provenance is not None and provenance.note is not None:
        note = sentence(
            msg(
                N_("About these dates: {note}"),
                note=text_value(provenance.note, f"{path}.provenance.note"),
            ),
            status=provenance.status,
            sources=provenance.sources,
            extra_trace=(f"{path}.provenance.status",),
        )
        # The note's own sources, where they are not the provision's.
        dated.extend(with_own_sources((note,), getattr(body, "provenance", None), ctx))
    if uncertain and ctx.dataset is not None and ctx.dataset.as_of_date is not None:
        dated.append(
            sentence(
                msg(
                    N_("The data cannot say whether this applied on {day}."),
                    day=when(
                        PartialDate.from_date(ctx.dataset.as_of_date), f"{ctx.root}.as_of_date"
                    ),
                ),
                status=UNCONFIRMED,
            )
        )
    statements[1:1] = dated
    return statements


_STAGE = {
    Stage.INTRODUCED: N_("introduced"),
    Stage.PASSED: N_("passed by the lower house of parliament"),
    Stage.APPROVED: N_("approved by the upper house of parliament"),
    Stage.SIGNED: N_("signed"),
    Stage.ADOPTED: N_("adopted"),
    Stage.PUBLISHED: N_("published"),
    Stage.IN_FORCE: N_("in force"),
}


def act_statements(act: Act, path: str, ctx: Context) -> Iterator[Statement]:
    """What to say about an act (with each step's own sources in a full summary)."""
    statements = _act_statements(act, path, ctx)
    if not ctx.full:
        return statements
    return iter(with_own_sources(statements, act.provenance, ctx))


def _act_statements(act: Act, path: str, ctx: Context) -> Iterator[Statement]:
    yield heading_statement(
        msg(N_("{title}"), "heading", title=text_value(act.title, f"{path}.title"))
    )
    yield from grade_statements(act.provenance, f"{path}.provenance")
    status = act.provenance.status
    if isinstance(act.number, str):
        yield sentence(
            msg(N_("Number: {number}."), number=verbatim(act.number, f"{path}.number")),
            status=status,
        )
    else:
        yield sentence(
            msg(N_("Its number is not established.")),
            status=UNCONFIRMED,
            extra_trace=(f"{path}.number",),
        )
    if isinstance(act.date, PartialDate):
        yield sentence(msg(N_("Date: {date}."), date=when(act.date, f"{path}.date")), status=status)
    else:
        yield sentence(
            msg(N_("Its date is not established.")),
            status=UNCONFIRMED,
            extra_trace=(f"{path}.date",),
        )
    if act.bill is not None:
        yield sentence(
            msg(N_("Bill: {bill}."), bill=verbatim(act.bill, f"{path}.bill")), status=status
        )
    if act.events:
        yield sentence(msg(N_("Steps:")))
        for i, event in enumerate(act.events):
            e_path = f"{path}.events[{i}]"
            values: dict[str, Value] = {"stage": msg(_STAGE[event.stage], "stage")}
            if isinstance(event.date, PartialDate):
                values["date"] = when(event.date, f"{e_path}.date")
            if ctx.full and event.note is not None:
                values["note"] = text_value(event.note, f"{e_path}.note")
            key = {
                ("stage", "date"): N_("{stage}: {date}"),
                ("stage",): N_("{stage}: date not established"),
                ("stage", "date", "note"): N_("{stage}: {date}. {note}"),
                ("stage", "note"): N_("{stage}: date not established. {note}"),
            }[tuple(values)]
            said = fact_statement(
                ITEM,
                message_of(key, tuple(values.items()), "item"),
                event.provenance,
                act.provenance,
                e_path,
            )
            if "date" not in values:  # "date not established" states the unknown date
                said = said._replace(extra_trace=(*said.extra_trace, f"{e_path}.date"))
            yield said
    yield from open_question_statements(act.open_questions, path, ctx)
    yield from sources_statements(act.provenance, f"{path}.provenance", ctx)


def provision_statements(provision: Provision, path: str, ctx: Context) -> list[Statement]:
    versions = provision.versions
    day = ctx.dataset.as_of_date if ctx.dataset is not None else None
    statuses = ctx.dataset.statuses_on(provision, day) if ctx.dataset and day else None
    out: list[Statement] = []
    last = len(versions) - 1
    for i in range(last + 1) if ctx.full else (last,):
        uncertain = statuses is not None and statuses[i] is None
        statements = version_statements(
            versions[i], f"{path}.versions{AT[i]}", ctx, uncertain=uncertain
        )
        if out:  # later versions of the same provision: their heading is a sub-heading
            statements[0] = statements[0]._replace(role=HEADING)
        out.extend(statements)
    if not ctx.full and last > 0:
        earlier = versions[-2]
        end = date_value(earlier.valid_to, f"{path}.versions{AT[last - 1]}.valid_to")
        if end is not None:
            status = earlier.provenance.status if earlier.provenance else None
            message = msg(N_("An earlier version applied until {end.through}."), end=end)
            out.append(sentence(message, status=status))
        else:
            out.append(sentence(msg(N_("Earlier versions exist in the data."))))
    return out


def dataset_statements(ds: Dataset, ctx: Context) -> Iterator[Statement]:
    yield statement(
        Role.TITLE, msg(N_("{title}"), "heading", title=text_value(ds.title, "$.title"))
    )
    if ds.as_of_date is not None:
        yield sentence(
            msg(
                N_("The law as of {day}."),
                day=when(PartialDate.from_date(ds.as_of_date), "$.as_of_date"),
            )
        )
    if ds.description is not None:
        yield sentence(msg(N_("{text}"), text=text_value(ds.description, "$.description")))
    said: list[Statement] = []
    for i, provision in enumerate(ds.provisions):
        said.extend(provision_statements(provision, f"$.provisions[{i}]", ctx))
    if not ctx.full and ds.open_questions:
        # The short summary says that some points are open; the full one lists them
        # (said once where the last provision's summary has just said the same).
        (pointer,) = open_question_statements(ds.open_questions, "$", ctx)
        if said and said[-1].message is pointer.message:
            said[-1] = said[-1]._replace(extra_trace=(*said[-1].extra_trace, *pointer.extra_trace))
        else:
            said.append(pointer)
    yield from said
    if ctx.full and ds.index_units:
        yield from _index_unit_statements(ds, ctx)
    asked = [(j, act) for j, act in enumerate(ds.acts) if act.open_questions]
    if ctx.full and (ds.open_questions or asked):
        yield heading_statement(msg(N_("Still to be checked"), "heading"))
        for i, question in enumerate(ds.open_questions):
            yield list_item(
                msg(
                    N_("{text}"),
                    "item",
                    text=text_value(question.text, f"$.open_questions[{i}].text"),
                ),
                status=UNCONFIRMED,
            )
        # The acts' open questions too: a dataset's full summary lists every unknown.
        for j, act in asked:
            for i, question in enumerate(act.open_questions):
                yield list_item(
                    msg(
                        N_("{act}: {text}"),
                        "item",
                        act=text_value(act.title, f"$.acts[{j}].title"),
                        text=text_value(question.text, f"$.acts[{j}].open_questions[{i}].text"),
                    ),
                    status=UNCONFIRMED,
                )


def _index_unit_statements(ds: Dataset, ctx: Context) -> Iterator[Statement]:
    """The index units of a dataset with each dated value, its grade, sources and note."""
    from lawsummary.explain.penalties import index_unit_words, money_value
    from lawsummary.explain.values import Text

    yield heading_statement(msg(N_("Index units and their values"), "heading"))
    for i, unit in enumerate(ds.index_units):
        path = f"$.index_units[{i}]"
        for j, rate in enumerate(unit.rates):
            at = f"{path}.rates[{j}]"
            words = index_unit_words(unit, path, rate.purpose.value if rate.purpose else None)
            value = money_value(
                MoneyRange(
                    currency=rate.value.currency, min=rate.value.amount, max=rate.value.amount
                ),
                f"{at}.value",
            )
            start = when(PartialDate.from_date(rate.valid_from), f"{at}.valid_from")
            if rate.valid_to is not None:
                end = when(PartialDate.from_date(rate.valid_to), f"{at}.valid_to", governed=True)
                message = msg(
                    N_("{unit}: {value} from {start} to {end.through}"),
                    unit=words,
                    value=value,
                    start=start,
                    end=end,
                )
            else:
                message = msg(
                    N_("{unit}: {value} from {start}"), unit=words, value=value, start=start
                )
            provenance = rate.provenance
            status = provenance.status if provenance is not None else None
            yield list_item(
                message,
                status=status,
                flag_grade=status is not None and status is not Status.CONFIRMED,
                sources=provenance.sources if provenance is not None else (),
            )
            if provenance is not None and provenance.note is not None:
                yield sentence(
                    msg(N_("Note: {note}"), note=Text(provenance.note, f"{at}.provenance.note"))
                )
            yield from sources_statements(provenance, f"{at}.provenance", ctx)
