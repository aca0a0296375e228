"""What to say about a comparison or a side-by-side table, in no language.

Comparisons and tables go through the same explain -> render pipeline as
summaries: :func:`comparison_statements` and :func:`table_statements` return
statements that ``lawsummary.render`` writes in any locale and format.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import attrs

from lawsummary._classes import shared_methods
from lawsummary.compare import (
    Change,
    ChangeKind,
    Comparison,
    Conversion,
    Direction,
    Framing,
    Key,
    Location,
    NotCompared,
    Table,
    alternatives_by_key,
    combine,
    measures_complete,
    overall_direction,
    pair_additions,
    weakest,
)
from lawsummary.explain.bodies import (
    PURPOSE_WORDS,
    body_heading,
    other_body_statements,
    subject_words,
)
from lawsummary.explain.common import category_name, citation_value, date_value
from lawsummary.explain.offences import offence_statements
from lawsummary.explain.penalties import index_value, money_value, penalty_phrase
from lawsummary.explain.values import (
    N_,
    Context,
    Items,
    Link,
    Message,
    Number,
    Quantity,
    Role,
    Statement,
    Text,
    Value,
    Verbatim,
    When,
    msg,
    quantity_value,
    sentence,
    statement,
)
from lawsummary.records.acts import Provision, Version
from lawsummary.records.common import Fact, LocalizedText, PartialDate, Status, Unknown
from lawsummary.records.dataset import Dataset
from lawsummary.records.penalties import Addition, Alternative, Mode, Penalty, Sanction
from lawsummary.records.provisions import (
    Body,
    Citation,
    Confiscation,
    Count,
    ExamRule,
    Guilt,
    Liability,
    Offence,
    Purpose,
    Subject,
)
from lawsummary.records.quantities import MoneyRange

__all__ = ["UncertainOn", "comparison_statements", "table_statements", "uncertain_versions"]

_DIRECTION = {
    Direction.HARSHER: N_("(harsher)"),
    Direction.MORE_LENIENT: N_("(more lenient)"),
    Direction.MIXED: N_("(mixed)"),
    Direction.UNCLEAR: N_("(direction unclear)"),
}
_OVERALL = {
    Direction.HARSHER: N_("Overall: harsher."),
    Direction.MORE_LENIENT: N_("Overall: more lenient."),
    Direction.MIXED: N_("Overall: mixed; some changes are harsher and some more lenient."),
    Direction.UNCLEAR: N_("Overall: the direction is unclear."),
}
#: Directions across two jurisdictions: the later side's law against the earlier's.
_ACROSS_DIRECTION = {
    Direction.HARSHER: N_("(harsher {country.in} than {other.in})"),
    Direction.MORE_LENIENT: N_("(milder {country.in} than {other.in})"),
    Direction.MIXED: N_(
        "(milder on some points and harsher on others {country.in} than {other.in})"
    ),
}
_ACROSS_OVERALL = {
    Direction.HARSHER: N_("Overall: harsher {country.in} than {other.in}."),
    Direction.MORE_LENIENT: N_("Overall: milder {country.in} than {other.in}."),
    Direction.MIXED: N_(
        "Overall: milder on some points and harsher on others {country.in} than {other.in}."
    ),
}
_ADDITION = {
    Mode.MANDATORY: N_("{options} (always added)"),
    Mode.OPTIONAL: N_("{options} (the court may add it)"),
    Mode.UNKNOWN: N_("{options} (not established whether it is always added)"),
}
_FIELD = {
    "title": N_("Title"),
    "description": N_("Description"),
    "citation": N_("Citation"),
    "liability": N_("Branch of law"),
    "guilt": N_("Form of guilt"),
    "subjects": N_("Subjects of the exam"),
    "conducted_by": N_("Who may run the exam"),
    "list_formed_by": N_("How the list is drawn up"),
    "listed_institutions": N_("Institutions on the list"),
    "prohibited": N_("What is not allowed"),
    "permitted": N_("What is allowed"),
    "required_for": N_("What the certificate is needed for"),
    "fee_set_by": N_("Fee"),
    "conduct_rules": N_("Rules during the exam"),
    "notes": N_("Background"),
}
_TABLE_ROW = {
    "category": N_("Category"),
    "prison": N_("Prison"),
    "fine": N_("Fines"),
    "other_alternatives": N_("Other main penalties"),
    "additional": N_("Additional penalties"),
    "confiscation": N_("Confiscation"),
    "in_force": N_("In force from"),
}


@shared_methods
@attrs.frozen(repr=False, eq=False)
class _Subject:
    """One provision (or the one pair of records) and its changes."""

    key: str | None
    changes: tuple[Change, ...]
    before: Version | Body | Sanction | None
    after: Version | Body | Sanction | None
    #: The datasets the comparison was made with (before, after), where given.
    contexts: tuple[Dataset | None, Dataset | None] = (None, None)
    #: The two countries' names where the sides are two jurisdictions' laws.
    frame: _Across | None = None


@shared_methods
@attrs.frozen(repr=False, eq=False)
class _Across:
    """A comparison of two jurisdictions' laws in force side by side: the name of the
    country of each side (before, after), from CLDR or the jurisdiction's plug-in."""

    before: Value
    after: Value


#: Country names in every supported locale, by ISO 3166-1 code.
_COUNTRY_TEXTS: dict[str, LocalizedText] = {}


def country_name(code: str) -> Value:
    """A jurisdiction's name in the reader's language: CLDR's name of the territory,
    else the name its plug-in declares; never its code."""
    found = _COUNTRY_TEXTS.get(code)
    if found is None:
        from babel import Locale, UnknownLocaleError

        from lawsummary.i18n import SUPPORTED_LOCALES
        from lawsummary.rules import jurisdiction

        entries: list[tuple[str, str]] = []
        for locale in SUPPORTED_LOCALES:
            try:
                name = Locale.parse(locale).territories.get(code)
            except (UnknownLocaleError, ValueError):
                name = None
            if name:
                # CLDR's Uzbek territory names write oʻ and gʻ with U+02BB, its currency
                # names and this project's Uzbek texts with U+2018: one letter throughout.
                entries.append((locale, name.replace("\u02bb", "\u2018")))
        plugin = jurisdiction(code)
        if not any(locale == "en" for locale, _ in entries) and plugin is not None:
            entries.append(("en", plugin.name))
        if not entries:
            return msg(N_("a country not named in the data"))
        found = _COUNTRY_TEXTS[code] = LocalizedText(tuple(entries))
    return Text(found, "$")


def _frame(comparison: Comparison) -> _Across | None:
    if comparison.framing is not Framing.ACROSS_JURISDICTIONS:
        return None
    first, second = comparison.jurisdictions
    assert first is not None
    assert second is not None
    return _Across(country_name(first), country_name(second))


def _body(record: Version | Body | Sanction | None) -> Body | Sanction | None:
    return record.body if isinstance(record, Version) else record


def _sanction(record: Version | Body | Sanction | None) -> Sanction | None:
    body = _body(record)
    if isinstance(body, Offence):
        return body.sanction if isinstance(body.sanction, Sanction) else None
    return body if isinstance(body, Sanction) else None


def _subjects(comparison: Comparison) -> Iterator[_Subject]:
    before, after = comparison.before, comparison.after
    if not isinstance(before, Dataset):
        one = (
            (before.latest(), after.latest()) if isinstance(before, Provision) else (before, after)
        )
        yield _Subject(
            None, comparison.changes, one[0], one[1], comparison.contexts, _frame(comparison)
        )
        return
    order = [p.id for p in after.provisions] + [p.id for p in before.provisions]
    for key in dict.fromkeys(order):
        changes = tuple(c for c in comparison.changes if c.subject == key)
        if not changes:
            continue
        old = next((p.latest() for p in before.provisions if p.id == key), None)
        new = next((p.latest() for p in after.provisions if p.id == key), None)
        yield _Subject(key, changes, old, new, comparison.contexts, _frame(comparison))


def _flagged(
    role: Role, message: Message, changes: tuple[Change, ...], frame: _Across | None = None
) -> Statement:
    """A change statement with its direction after it and its grade shown if not confirmed;
    across two jurisdictions the direction names the country compared with."""
    direction = combine(c.direction for c in changes)
    if direction is not None:
        words: Message = msg(_DIRECTION[direction])
        if frame is not None and direction in _ACROSS_DIRECTION:
            words = msg(_ACROSS_DIRECTION[direction], country=frame.after, other=frame.before)
        message = msg(N_("{change} {direction}"), change=message, direction=words)
    status = weakest(c.status for c in changes)
    return statement(
        role,
        message,
        status=status,
        flag_grade=status is not None and status is not Status.CONFIRMED,
        extra_trace=tuple(c.path for c in changes),
    )


def _addition_phrase(addition: Addition, path: str, ctx: Context) -> Message:
    options = Items(
        tuple(
            penalty_phrase(p, f"{path}.options[{i}]", ctx) for i, p in enumerate(addition.options)
        ),
        style="or",
    )
    return msg(_ADDITION[addition.mode], options=options)


def _alternative(sanction: Sanction | None, key: Key | None) -> Alternative | None:
    if sanction is None or key is None:
        return None
    return alternatives_by_key(sanction).get(key)


def _jurisdiction(record: Version | Body | Sanction | None) -> str | None:
    body = _body(record)
    citation = getattr(body, "citation", None)
    if citation is None and isinstance(body, ExamRule) and body.citations:
        citation = body.citations[0]
    return getattr(citation, "jurisdiction", None)


def _plain(value: Any, path: str, ctx: Context, code: str | None = None) -> Value:
    """A record value as something a sentence can carry."""
    if isinstance(value, LocalizedText):
        return Text(value, path)
    if isinstance(value, Fact):
        return Text(value.text, path)
    if isinstance(value, Count):
        return Number(value.value, path)
    if isinstance(value, tuple):
        items = [_plain(v, f"{path}[{i}]", ctx, code) for i, v in enumerate(value)]
        if not items:
            return msg(N_("not in the data"))
        sentences = all(isinstance(v, Fact) for v in value)
        return Items(tuple(items), style="sentences" if sentences else "standard")
    if value is None:
        return msg(N_("not in the data"))
    if isinstance(value, Subject):
        return subject_words(code, value, path)
    if isinstance(value, Purpose):
        return msg(PURPOSE_WORDS[value])
    if isinstance(value, Guilt):
        # Nouns (intent, negligence), not adjectives: the value stands after "Form of guilt"
        # and must not agree with a noun it is not next to ("Форма вины. Раньше: умысел.").
        return msg(N_("intent") if value is Guilt.INTENTIONAL else N_("negligence"), "guilt")
    if isinstance(value, Liability):
        key = N_("criminal law") if value is Liability.CRIMINAL else N_("administrative law")
        return msg(key, "liability")
    if isinstance(value, Unknown):
        return msg(N_("not established"))
    if isinstance(value, Citation):
        return citation_value(value, path, ctx)
    if isinstance(value, enum.Enum):
        return Verbatim(str(value.value), path)
    return Verbatim(str(value), path)


def _subject_statements(
    subject: _Subject, ctx: Context, day: PartialDate | None
) -> Iterator[Statement]:
    before_body, after_body = _body(subject.before), _body(subject.after)
    shown = after_body if after_body is not None else before_body
    if isinstance(shown, Body):
        yield body_heading(shown, "$", ctx)
    whole = [c for c in subject.changes if c.location.section == "provision"]
    if whole and subject.frame is not None:
        # Two countries' datasets: a provision only one has is not new or repealed.
        side = subject.frame.after if whole[0].kind is ChangeKind.ADDED else subject.frame.before
        yield sentence(msg(N_("Only in the data {country.for}."), country=side))
        return
    if whole:
        yield from _whole_provision(whole[0], ctx)
        return
    if subject.frame is not None:
        # Two countries' offences: the one compared with is named, and no date of
        # "changes" is given (one law did not change into the other).
        citation = getattr(before_body, "citation", None)
        if isinstance(citation, Citation):
            before_ctx = ctx
            if subject.contexts[0] is not None:
                before_ctx = Context(ctx.detail, subject.contexts[0])
            yield sentence(
                msg(
                    N_("Compared with: {citation}."),
                    citation=citation_value(citation, "$", before_ctx),
                )
            )
    elif isinstance(subject.after, Version) and isinstance(subject.before, Version):
        start = subject.after.valid_from
        if start != subject.before.valid_from:
            if isinstance(start, PartialDate):
                # The date is the later version's: its grade is shown with it.
                grade = subject.after.provenance
                status = grade.status if grade is not None else None
                yield sentence(
                    msg(N_("The changes apply from {date}."), date=When(start, "$", governed=True)),
                    status=status,
                    flag_grade=status is not None and status is not Status.CONFIRMED,
                    sources=grade.sources if grade is not None else (),
                )
            else:
                yield sentence(
                    msg(N_("When these changes took effect is not established.")),
                    status=Status.UNCONFIRMED,
                )
    if subject.frame is not None:
        yield from _across_statements(subject, subject.frame, ctx)
    else:
        yield from _change_statements(subject, ctx)
    overall = overall_direction(subject.changes)
    if overall is not None and subject.frame is not None and overall in _ACROSS_OVERALL:
        frame = subject.frame
        yield sentence(msg(_ACROSS_OVERALL[overall], country=frame.after, other=frame.before))
    elif overall is not None:
        yield sentence(msg(_OVERALL[overall]))


def _whole_provision(change: Change, ctx: Context) -> Iterator[Statement]:
    version = change.after if change.kind is ChangeKind.ADDED else change.before
    assert isinstance(version, Version)
    if change.kind is ChangeKind.ADDED:
        if isinstance(version.valid_from, PartialDate):
            message = msg(N_("New from {date}."), date=When(version.valid_from, "$", governed=True))
        else:
            message = msg(N_("New; the date it took effect is not established."))
    else:
        message = msg(N_("No longer in the law."))
    yield _flagged(Role.SENTENCE, message, (change,))
    body = version.body
    inner = list(
        offence_statements(body, "$", ctx, version)
        if isinstance(body, Offence)
        else other_body_statements(body, "$", ctx)
    )
    yield from inner[1:]


#: A group of changes stated together: the changes of one main penalty, of one
#: additional penalty of it, or of one other thing (as its location, the rest unset).
_Group = tuple[str, Key | None, Key | None, str | None]


def _group_of(loc: Location) -> _Group:
    if loc.section == "sanction" and loc.alternative is not None:
        return ("sanction", loc.alternative, loc.addition, None)
    return (loc.section, None, None, loc.name)


def _change_statements(subject: _Subject, ctx: Context) -> Iterator[Statement]:
    old_s, new_s = _sanction(subject.before), _sanction(subject.after)
    groups: dict[_Group, list[Change]] = {}
    for change in subject.changes:
        groups.setdefault(_group_of(change.location), []).append(change)
    for group in sorted(groups, key=_group_order):
        yield from _group_statements(group, tuple(groups[group]), old_s, new_s, subject, ctx)


#: Sections after the punishments, in the order their changes are stated.
_SECTION_RANK = {"category": 3, "measures": 4, "sanction": 5, "circumstances": 6}


def _group_order(group: _Group) -> tuple[int, str]:
    """Punishments first (main penalties, then additional ones), then the rest."""
    section, alternative, addition, name = group
    if alternative is not None and addition is None:
        rank = 0 if alternative.kinds == ("imprisonment",) else 1
    elif alternative is not None:
        rank = 2
    else:
        rank = _SECTION_RANK.get(section, 7)
    parts = [section, str(alternative or ""), str(addition or ""), name or ""]
    return rank, "/".join(p for p in parts if p)


def _group_statements(
    group: _Group,
    changes: tuple[Change, ...],
    old_s: Sanction | None,
    new_s: Sanction | None,
    subject: _Subject,
    ctx: Context,
) -> Iterator[Statement]:
    section, alt_key, add_key, name = group
    first = changes[0]
    if alt_key is not None and add_key is None:
        old_alt, new_alt = _alternative(old_s, alt_key), _alternative(new_s, alt_key)
        if old_alt is not None and new_alt is not None:
            message = msg(
                N_("Before: {before}. Now: {after}."),
                before=penalty_phrase(old_alt.penalty, "$", ctx),
                after=penalty_phrase(new_alt.penalty, "$", ctx),
            )
        elif new_alt is not None:
            doubtful = first.status is Status.UNCONFIRMED
            key_msg = (
                N_("The sources now also list {penalty}; the earlier list may be incomplete.")
                if doubtful
                else N_("New option for the court: {penalty}.")
            )
            message = msg(key_msg, penalty=penalty_phrase(new_alt.penalty, "$", ctx))
        else:
            assert old_alt is not None
            doubtful = first.status is Status.UNCONFIRMED
            key_msg = (
                N_("The sources no longer list {penalty}; they may be incomplete.")
                if doubtful
                else N_("No longer an option: {penalty}.")
            )
            message = msg(key_msg, penalty=penalty_phrase(old_alt.penalty, "$", ctx))
        yield _flagged(Role.SENTENCE, message, changes)
        yield from _unknown_bound_statements(changes)
        yield from _rate_statements(changes)
        return
    if alt_key is not None and add_key is not None:
        yield from _addition_statements(alt_key, add_key, changes, old_s, new_s, ctx)
        yield from _unknown_bound_statements(changes)
        return
    if section == "sanction" and name == "established":
        yield _unknown_sanction_statement(first, subject, ctx)
        return
    if section == "sanction" and name == "complete":
        key = (
            N_("The sources for the new text may not list every punishment.")
            if first.after is False
            else N_("The sources now give the full list of punishments.")
        )
        yield _flagged(Role.SENTENCE, msg(key), changes)
        return
    code_before, code_after = _jurisdiction(subject.before), _jurisdiction(subject.after)
    if section == "category":
        message = msg(
            N_("Category before: {before}. Now: {after}."),
            before=_category(first.before, code_before, ctx),
            after=_category(first.after, code_after, ctx),
        )
        yield _flagged(Role.SENTENCE, message, changes)
        if _derived_category(subject):
            # A derived value says it is derived, and from what.
            status = weakest(c.status for c in changes)
            yield sentence(_CATEGORIES_DERIVED, status=status)
        return
    if section == "measures":
        lacking = subject.before if first.kind is ChangeKind.ADDED else subject.after
        sure = _complete(lacking, "measures")
        message = _measure_message(first, ctx, subject.contexts, sure=sure)
        yield _flagged(Role.SENTENCE, message, changes)
        if first.kind is ChangeKind.ADDED and _measure_start_unknown(first, ctx):
            yield sentence(_MEASURE_START_UNKNOWN, status=Status.UNCONFIRMED)
        return
    if section == "circumstances":
        circumstance = first.after if first.kind is ChangeKind.ADDED else first.before
        text = Text(circumstance.text, "$")
        added = first.kind is ChangeKind.ADDED
        if first.status is Status.UNCONFIRMED and _incomplete_circumstances(subject, added):
            key = (
                N_(
                    "The sources now also list a qualifying circumstance: {text}; the earlier list may be incomplete."
                )
                if added
                else N_(
                    "The sources no longer list this qualifying circumstance: {text}; they may be incomplete."
                )
            )
        else:
            key = (
                N_("New qualifying circumstance: {text}.")
                if added
                else N_("No longer a qualifying circumstance: {text}.")
            )
        yield _flagged(Role.SENTENCE, msg(key, text=text), changes)
        return
    field = name if section == "field" and name is not None else section
    label = _FIELD.get(field)
    if label is None:
        yield _flagged(
            Role.SENTENCE, msg(N_("Also changed: {field}."), field=Verbatim(field, "$")), changes
        )
        return
    yield _flagged(
        Role.SENTENCE,
        msg(
            N_("{field}. Before: {before}. Now: {after}."),
            field=msg(label),
            before=_plain(first.before, "$", ctx, code_before),
            after=_plain(first.after, "$", ctx, code_after),
        ),
        changes,
    )


_UNKNOWN_BOUND = msg(
    N_(
        "A bound that is not established cannot be compared: it is neither harsher nor more lenient."
    )
)


def _unknown_bound(change: Change) -> bool:
    """Whether the change is of a bound not established on one side."""
    return change.location.bound is not None and (
        isinstance(change.before, Unknown) or isinstance(change.after, Unknown)
    )


def _unknown_bound_statements(changes: tuple[Change, ...]) -> Iterator[Statement]:
    """That a bound not established on one side is not compared (once per group)."""
    if any(_unknown_bound(c) for c in changes):
        yield sentence(_UNKNOWN_BOUND, status=Status.UNCONFIRMED)


def _unknown_sanction_statement(change: Change, subject: _Subject, ctx: Context) -> Statement:
    """A punishment not established on one side: the sanctions are not compared, and the
    side that does not establish it is named."""
    unknown_side = subject.before if isinstance(change.before, Unknown) else subject.after
    body = _body(unknown_side)
    citation = getattr(body, "citation", None)
    if not isinstance(citation, Citation):
        return _flagged(Role.SENTENCE, _SANCTIONS_NOT_COMPARED, (change,))
    where = subject.contexts[0] if unknown_side is subject.before else subject.contexts[1]
    side_ctx = ctx if where is None else Context(ctx.detail, where)
    message = msg(
        N_("The punishments cannot be compared: the punishment of {citation} is not established."),
        citation=citation_value(citation, "$", side_ctx),
    )
    return _flagged(Role.SENTENCE, message, (change,))


_SANCTIONS_NOT_COMPARED = msg(
    N_("The punishments cannot be compared: one of them is not established.")
)


# -- two jurisdictions side by side ---------------------------------------------------------------
#
# Across two jurisdictions nothing "changed": each difference is said as the two laws in
# force, "Uzbekistan: … Kazakhstan: …", "Only in Kazakhstan: …", and an item missing from a
# side whose sources may not list every one as "Not in the data for Kazakhstan: …".


def _across_statements(subject: _Subject, frame: _Across, ctx: Context) -> Iterator[Statement]:
    old_s, new_s = _sanction(subject.before), _sanction(subject.after)
    groups: dict[_Group, list[Change]] = {}
    for change in subject.changes:
        groups.setdefault(_group_of(change.location), []).append(change)
    for group in sorted(groups, key=_group_order):
        yield from _across_group(group, tuple(groups[group]), old_s, new_s, subject, frame, ctx)


def _complete(record: Version | Body | Sanction | None, what: str) -> bool:
    """Whether one side lists every item of a kind in full: ``penalties`` (its sanction),
    ``measures`` (:func:`lawsummary.compare.measures_complete`) or ``circumstances``."""
    body = _body(record)
    if what == "circumstances":
        return not isinstance(body, Offence) or body.circumstances_complete
    if what == "measures" and isinstance(body, Offence):
        return measures_complete(body)
    sanction = _sanction(record)
    return sanction is None or sanction.complete


def _one_side(change: Change, subject: _Subject, frame: _Across, what: str) -> tuple[Value, bool]:
    """For an item only one side has: the country that has it, and whether the other side
    lists every such item (else the item is only not in the other side's data)."""
    added = change.kind is ChangeKind.ADDED
    lacking = subject.before if added else subject.after
    return (frame.after if added else frame.before), _complete(lacking, what)


def _lacking(frame: _Across, change: Change) -> Value:
    """The country whose data does not have an item only one side has."""
    return frame.before if change.kind is ChangeKind.ADDED else frame.after


def _across_group(
    group: _Group,
    changes: tuple[Change, ...],
    old_s: Sanction | None,
    new_s: Sanction | None,
    subject: _Subject,
    frame: _Across,
    ctx: Context,
) -> Iterator[Statement]:
    section, alt_key, add_key, name = group
    first = changes[0]
    if alt_key is not None and add_key is None:
        old_alt, new_alt = _alternative(old_s, alt_key), _alternative(new_s, alt_key)
        if old_alt is not None and new_alt is not None:
            message = msg(
                N_("{other}: {before}. {country}: {after}."),
                other=frame.before,
                before=penalty_phrase(old_alt.penalty, "$", ctx),
                country=frame.after,
                after=penalty_phrase(new_alt.penalty, "$", ctx),
            )
            yield _flagged(Role.SENTENCE, message, changes, frame)
        else:
            lone = new_alt if new_alt is not None else old_alt
            assert lone is not None
            yield _only_in(
                changes, subject, frame, "penalties", penalty_phrase(lone.penalty, "$", ctx)
            )
        yield from _unknown_bound_statements(changes)
        yield from _rate_statements(changes)
        return
    if alt_key is not None and add_key is not None:
        yield from _across_additions(alt_key, add_key, changes, old_s, new_s, subject, frame, ctx)
        yield from _unknown_bound_statements(changes)
        return
    if section == "sanction" and name == "established":
        yield _unknown_sanction_statement(first, subject, ctx)
        return
    if section == "sanction" and name == "complete":
        country = frame.after if first.after is False else frame.before
        yield sentence(
            msg(N_("The sources {country.for} may not list every punishment."), country=country),
            status=first.status,
            flag_grade=first.status is not None and first.status is not Status.CONFIRMED,
            extra_trace=tuple(c.path for c in changes),
        )
        return
    code_before, code_after = _jurisdiction(subject.before), _jurisdiction(subject.after)
    if section == "category":
        message = msg(
            N_("Category. {other}: {before}. {country}: {after}."),
            other=frame.before,
            before=_category(first.before, code_before, ctx),
            country=frame.after,
            after=_category(first.after, code_after, ctx),
        )
        yield _flagged(Role.SENTENCE, message, changes, frame)
        if _derived_category(subject):
            yield sentence(_CATEGORIES_DERIVED, status=weakest(c.status for c in changes))
        return
    if section == "measures":
        yield _across_measure(first, changes, subject, frame, ctx)
        return
    if section == "circumstances":
        circumstance = first.after if first.kind is ChangeKind.ADDED else first.before
        text = Text(circumstance.text, "$")
        country, sure = _one_side(first, subject, frame, "circumstances")
        if sure:
            message = msg(
                N_("Only {country.in}: the qualifying circumstance {text}."),
                country=country,
                text=text,
            )
        else:
            message = msg(
                N_(
                    "Not in the data {country.for}: the qualifying circumstance {text}; its sources may be incomplete."
                ),
                country=_lacking(frame, first),
                text=text,
            )
        yield _flagged(Role.SENTENCE, message, changes, frame)
        return
    field = name if section == "field" and name is not None else section
    if field == "citation":
        return  # the heading and "Compared with" name both citations already
    label = _FIELD.get(field)
    if label is None:
        yield _flagged(
            Role.SENTENCE,
            msg(N_("Also changed: {field}."), field=Verbatim(field, "$")),
            changes,
            frame,
        )
        return
    yield _flagged(
        Role.SENTENCE,
        msg(
            N_("{field}. {other}: {before}. {country}: {after}."),
            field=msg(label),
            other=frame.before,
            before=_plain(first.before, "$", ctx, code_before),
            country=frame.after,
            after=_plain(first.after, "$", ctx, code_after),
        ),
        changes,
        frame,
    )


def _only_in(
    changes: tuple[Change, ...], subject: _Subject, frame: _Across, what: str, phrase: Message
) -> Statement:
    """A main penalty only one side has: "Only in Kazakhstan: …", or, where the other
    side's sources may not list every penalty, "Not in the data for Kazakhstan: …"."""
    first = changes[0]
    country, sure = _one_side(first, subject, frame, what)
    if sure:
        message = msg(N_("Only {country.in}: {penalty}."), country=country, penalty=phrase)
        return _flagged(Role.SENTENCE, message, changes, frame)
    message = msg(
        N_("Not in the data {country.for}: {penalty}; its sources may be incomplete."),
        country=_lacking(frame, first),
        penalty=phrase,
    )
    return _not_established(message, changes)


def _not_established(message: Message, changes: tuple[Change, ...]) -> Statement:
    """An item missing from a side that may not list every one: no direction is said."""
    status = weakest(c.status for c in changes)
    return statement(
        Role.SENTENCE,
        message,
        status=status,
        flag_grade=status is not None and status is not Status.CONFIRMED,
        extra_trace=tuple(c.path for c in changes),
    )


def _across_additions(
    alt_key: Key,
    add_key: Key,
    changes: tuple[Change, ...],
    old_s: Sanction | None,
    new_s: Sanction | None,
    subject: _Subject,
    frame: _Across,
    ctx: Context,
) -> Iterator[Statement]:
    old_alt, new_alt = _alternative(old_s, alt_key), _alternative(new_s, alt_key)
    pairs = pair_additions(
        old_alt.additions if old_alt is not None else (),
        new_alt.additions if new_alt is not None else (),
    )
    old, new = next(((o, n) for key, o, n in pairs if key == add_key), (None, None))
    if old is not None and new is not None:
        message = msg(
            N_("Additional penalty. {other}: {before}. {country}: {after}."),
            other=frame.before,
            before=_addition_phrase(old, "$", ctx),
            country=frame.after,
            after=_addition_phrase(new, "$", ctx),
        )
        yield _flagged(Role.SENTENCE, message, changes, frame)
        for change in changes:
            loc = change.location
            if loc.option is None or loc.quantity is not None or loc.name is not None:
                continue
            lone = change.after if change.kind is ChangeKind.ADDED else change.before
            if isinstance(lone, Penalty) and not _complete(
                subject.before if change.kind is ChangeKind.ADDED else subject.after,
                "penalties",
            ):
                yield _not_established(
                    msg(
                        N_(
                            "Not in the data {country.for}: {penalty}; its sources may be incomplete."
                        ),
                        country=_lacking(frame, change),
                        penalty=penalty_phrase(lone, "$", ctx),
                    ),
                    (change,),
                )
    else:
        lone = new if new is not None else old
        assert lone is not None
        whole = next(
            (c for c in changes if c.location.option is None and c.location.name is None),
            changes[0],
        )
        country, sure = _one_side(whole, subject, frame, "penalties")
        phrase = _addition_phrase(lone, "$", ctx)
        if sure:
            message = msg(
                N_("Only {country.in}: the additional penalty {addition}."),
                country=country,
                addition=phrase,
            )
            yield _flagged(Role.SENTENCE, message, changes, frame)
        else:
            message = msg(
                N_(
                    "Not in the data {country.for}: the additional penalty {addition}; its sources may be incomplete."
                ),
                country=_lacking(frame, whole),
                addition=phrase,
            )
            yield _not_established(message, changes)
    yield from _rate_statements(changes)


def _across_measure(
    change: Change, changes: tuple[Change, ...], subject: _Subject, frame: _Across, ctx: Context
) -> Statement:
    measure_id = change.after if change.kind is ChangeKind.ADDED else change.before
    target: Value = msg(N_("a measure that is not in the data"))
    body, found_in = _measure_body(str(measure_id), ctx, subject.contexts)
    citation = getattr(body, "citation", None)
    if citation is not None:
        target = citation_value(citation, "$", found_in)
    confiscation = isinstance(body, Confiscation)
    country, sure = _one_side(change, subject, frame, "measures")
    if sure:
        key = (
            N_("Only {country.in}: confiscation of property ({measure}).")
            if confiscation
            else N_("Only {country.in}: a further measure ({measure}).")
        )
        return _flagged(Role.SENTENCE, msg(key, country=country, measure=target), changes, frame)
    key = (
        N_(
            "Not in the data {country.for}: confiscation of property ({measure}); not established whether it applies there."
        )
        if confiscation
        else N_(
            "Not in the data {country.for}: a further measure ({measure}); not established whether it applies there."
        )
    )
    return _not_established(msg(key, country=_lacking(frame, change), measure=target), changes)


_CATEGORIES_DERIVED = msg(
    N_(
        "No source states these categories; they follow from the longest prison term under the category rules."
    )
)


def _derived_category(subject: _Subject) -> bool:
    """Whether a category compared is derived (an offence on either side that states none)."""
    bodies = (_body(subject.before), _body(subject.after))
    return any(isinstance(b, Offence) and b.category is None for b in bodies)


def _incomplete_circumstances(subject: _Subject, added: bool) -> bool:
    """Whether the side without the circumstance may not list every one (an addition's
    earlier side, a removal's later side)."""
    body = _body(subject.before if added else subject.after)
    return isinstance(body, Offence) and not body.circumstances_complete


def _category(category: object, code: str | None, ctx: Context) -> Value:
    if not isinstance(category, str):
        return msg(N_("not in the data"))
    if code is None:
        return Verbatim(category, "$")
    return category_name(code, category, "$")


def _addition_statements(
    alt_key: Key,
    add_key: Key,
    changes: tuple[Change, ...],
    old_s: Sanction | None,
    new_s: Sanction | None,
    ctx: Context,
) -> Iterator[Statement]:
    old_alt, new_alt = _alternative(old_s, alt_key), _alternative(new_s, alt_key)
    pairs = pair_additions(
        old_alt.additions if old_alt is not None else (),
        new_alt.additions if new_alt is not None else (),
    )
    old, new = next(((o, n) for key, o, n in pairs if key == add_key), (None, None))
    whole = [c for c in changes if c.location.option is None and c.location.name is None]
    doubtful = bool(whole) and whole[0].status is Status.UNCONFIRMED
    if old is not None and new is not None:
        message = msg(
            N_("Additional penalty before: {before}. Now: {after}."),
            before=_addition_phrase(old, "$", ctx),
            after=_addition_phrase(new, "$", ctx),
        )
    elif new is not None:
        key = (
            N_("The sources now also list an additional penalty: {addition}.")
            if doubtful
            else N_("New additional penalty: {addition}.")
        )
        message = msg(key, addition=_addition_phrase(new, "$", ctx))
    else:
        assert old is not None
        key = (
            N_(
                "The sources no longer list the additional penalty {addition}; they may be incomplete."
            )
            if doubtful
            else N_("No longer an additional penalty: {addition}.")
        )
        message = msg(key, addition=_addition_phrase(old, "$", ctx))
    yield _flagged(Role.SENTENCE, message, changes)
    if old is not None and new is not None:
        # An option the sources no longer list (or list only now) is not established as
        # dropped (or added): said as such, or "before … now" reads as if it were.
        yield from _doubtful_options(changes, ctx)
    yield from _rate_statements(changes)


def _doubtful_options(changes: tuple[Change, ...], ctx: Context) -> Iterator[Statement]:
    for change in changes:
        loc = change.location
        if loc.option is None or loc.quantity is not None or loc.name is not None:
            continue
        if change.status is not Status.UNCONFIRMED:
            continue
        if change.kind is ChangeKind.REMOVED and isinstance(change.before, Penalty):
            key = N_("The sources no longer list {penalty}; they may be incomplete.")
            penalty = change.before
        elif change.kind is ChangeKind.ADDED and isinstance(change.after, Penalty):
            key = N_("The sources now also list {penalty}; the earlier list may be incomplete.")
            penalty = change.after
        else:
            continue
        yield _flagged(
            Role.SENTENCE, msg(key, penalty=penalty_phrase(penalty, "$", ctx)), (change,)
        )


_MEASURE_START_UNKNOWN = msg(N_("When this measure took effect is not established."))


def _measure_start_unknown(change: Change, ctx: Context) -> bool:
    """Whether the dataset holds the measure with no established start: the date the
    changes apply from is then not the measure's."""
    if ctx.dataset is None or change.after not in ctx.index.provisions:
        return False
    return not isinstance(ctx.index.provisions[change.after][1].latest().valid_from, PartialDate)


def _measure_body(
    measure_id: str, ctx: Context, contexts: tuple[Dataset | None, ...] = ()
) -> tuple[Body | None, Context]:
    """The measure a provision id names, from the context dataset, the datasets the
    comparison was made with, or a bundled one."""
    if ctx.dataset is not None and measure_id in ctx.index.provisions:
        return ctx.index.provisions[measure_id][1].latest().body, ctx
    from lawsummary import datasets as bundled

    given = [c for c in contexts if c is not None]
    for found in (*given, *(bundled.load(name) for name in bundled.names())):
        if measure_id in found.index().provisions:
            return found.index().provisions[measure_id][1].latest().body, Context(ctx.detail, found)
    return None, ctx


def _measure_message(
    change: Change, ctx: Context, contexts: tuple[Dataset | None, ...] = (), *, sure: bool = True
) -> Message:
    """A measure newly applying or no longer applying; where the side without it may not
    list every measure (``sure`` false), only that the sources list it or no longer do."""
    measure_id = change.after if change.kind is ChangeKind.ADDED else change.before
    target: Value = msg(N_("a measure that is not in the data"))
    body, found_in = _measure_body(str(measure_id), ctx, contexts)
    citation = getattr(body, "citation", None)
    if citation is not None:
        target = citation_value(citation, "$", found_in)
    confiscation = isinstance(body, Confiscation)
    if not sure and change.kind is ChangeKind.ADDED:
        key = (
            N_(
                "The sources now also list confiscation of property ({measure}); the earlier list may be incomplete."
            )
            if confiscation
            else N_(
                "The sources now also list a further measure ({measure}); the earlier list may be incomplete."
            )
        )
        return msg(key, measure=target)
    if not sure:
        key = (
            N_(
                "The sources no longer list confiscation of property ({measure}); they may be incomplete."
            )
            if confiscation
            else N_(
                "The sources no longer list a further measure ({measure}); they may be incomplete."
            )
        )
        return msg(key, measure=target)
    if change.kind is ChangeKind.ADDED:
        key = (
            N_("Confiscation of property can now also apply ({measure}).")
            if isinstance(body, Confiscation)
            else N_("A further measure can now also apply: {measure}.")
        )
    else:
        key = N_("No longer applies: {measure}.")
    return msg(key, measure=target)


def _rate_statements(changes: tuple[Change, ...]) -> Iterator[Statement]:
    """How the amounts of some changes were brought into one currency, or why they were
    not: one sentence per conversion, with its grade."""
    seen: set[int] = set()
    for change in changes:
        found = [c for c in change.conversions if c is not None and id(c) not in seen]
        seen.update(id(c) for c in found)
        if _unknown_bound(change):
            continue  # not compared because it is not established, said once per group
        if not change.comparable and all(
            c.missing is NotCompared.NO_RATE and c.unit is None for c in found
        ):
            # Two currencies and no rate between them.
            yield sentence(
                msg(
                    N_(
                        "The amounts are in different units and no conversion rate was given, so they are not compared."
                    )
                ),
                status=change.status,
            )
            continue
        for conversion in found:
            yield _conversion_sentence(conversion, change)


def _conversion_sentence(conversion: Conversion, change: Change) -> Statement:
    status = conversion.status or change.status
    sources = conversion.rate.provenance.sources if conversion.rate is not None else ()
    return sentence(
        msg(N_("For comparison: {conversion}."), conversion=conversion_phrase(conversion)),
        status=status,
        sources=sources,
    )


#: The grade of a value a conversion used, written after it where it is not confirmed.
_GRADE = {Status.REPORTED: N_("(reported)"), Status.UNCONFIRMED: N_("(unconfirmed)")}

#: Currency names from CLDR in every supported locale (the singular: "1 Kazakhstani
#: tenge"), by currency code.
_CURRENCY_TEXTS: dict[str, LocalizedText] = {}


def _currency_text(code: str) -> Text:
    found = _CURRENCY_TEXTS.get(code)
    if found is None:
        from lawsummary.i18n import SUPPORTED_LOCALES, language

        found = LocalizedText(
            tuple((locale, language(locale).currency_name(code, 1)) for locale in SUPPORTED_LOCALES)
        )
        _CURRENCY_TEXTS[code] = found
    return Text(found, "$")


def _graded(message: Message, status: Status | None) -> Message:
    grade = _GRADE.get(status) if status is not None else None
    if grade is None:
        return message
    return msg(N_("{conversion} {grade}"), conversion=message, grade=msg(grade))


def _about(amount: MoneyRange) -> Quantity:
    """A converted amount, rounded to whole units (to cents below 100): "about N"."""

    def rounded(value: Decimal | Unknown | None) -> Decimal | Unknown | None:
        if not isinstance(value, Decimal):  # absent, or not established: never a number
            return value
        places = Decimal(1) if value >= 100 else Decimal("0.01")
        return value.quantize(places, rounding=ROUND_HALF_EVEN).normalize() if value else value

    return _bare(quantity_value(rounded(amount.min), rounded(amount.max), amount.currency, "$"))


def _bare(value: Quantity) -> Quantity:
    """An amount with one bound as that number ("3,000 MCI", not "up to 3,000 MCI"): the
    phrase the amount converts stays next to it and says which bound it is."""
    low, high = value.low, value.high
    if isinstance(low, Decimal) != isinstance(high, Decimal):  # one bound known: that one
        bound = high if isinstance(high, Decimal) else low
        return value._replace(low=bound, high=bound)
    return value


def _unit_name(conversion: Conversion) -> Text:
    unit = conversion.unit
    if unit is None:
        return Text(LocalizedText.of(en="index unit"), "$")
    return Text(unit.short_name if unit.short_name is not None else unit.name, "$")


def conversion_phrase(conversion: Conversion, ctx: Context | None = None) -> Message:
    """A conversion in words, every step named: "3,000 MCI = 11,796,000 tenge at the 2025
    value of 3,932 tenge (reported); at the given rate of ... on ... (source: ...), about
    N rubles", or the steps it has and why the amounts are not compared."""
    context = ctx if ctx is not None else Context("short", None)
    amount = conversion.amount
    stated = _bare(
        money_value(amount, "$")
        if isinstance(amount, MoneyRange)
        else index_value(amount, "$", context)
    )
    steps: list[Message] = []
    index_rate = conversion.index_rate
    if index_rate is not None and conversion.money is not None:
        value = quantity_value(
            index_rate.value.amount, index_rate.value.amount, index_rate.value.currency, "$"
        )
        whole_year = (
            index_rate.valid_from.month == 1
            and index_rate.valid_from.day == 1
            and index_rate.valid_to is not None
            and (index_rate.valid_to.year, index_rate.valid_to.month, index_rate.valid_to.day)
            == (index_rate.valid_from.year, 12, 31)
        )
        step = (
            msg(
                N_("{amount} = {money} at the {year} value of {value}"),
                amount=stated,
                money=_bare(money_value(conversion.money, "$")),
                year=Verbatim(str(index_rate.valid_from.year), "$"),
                value=value,
            )
            if whole_year
            else msg(
                N_("{amount} = {money} at the value of {value} in force on {date}"),
                amount=stated,
                money=_bare(money_value(conversion.money, "$")),
                value=value,
                date=When(PartialDate.from_date(conversion.day or index_rate.valid_from), "$"),
            )
        )
        steps.append(_graded(step, index_rate.provenance.status if index_rate.provenance else None))
    rate = conversion.rate
    if rate is not None and conversion.result is not None:
        step = msg(
            N_(
                "at the given rate of {rate} for 1 {source} on {date} (source {sources}), about {money}"
            ),
            rate=quantity_value(rate.value, rate.value, rate.target, "$"),
            source=_currency_text(rate.source),
            date=When(PartialDate.from_date(rate.date), "$"),
            sources=Items(tuple(Link(s.url, "$") for s in rate.provenance.sources)),
            money=_about(conversion.result),
        )
        step = _graded(step, rate.provenance.status)
        steps.append(
            step if steps else msg(N_("{amount}: {conversion}"), amount=stated, conversion=step)
        )
    if conversion.missing is not None:
        steps.append(msg(N_("not compared, because {reason}"), reason=_reason(conversion)))
        if len(steps) == 1:
            steps[0] = msg(N_("{amount}: {conversion}"), amount=stated, conversion=steps[0])
    if not steps:  # in the target currency already
        return msg(N_("{amount}: {conversion}"), amount=stated, conversion=stated)
    found = steps[0]
    for step in steps[1:]:
        found = msg(N_("{first}; {second}"), first=found, second=step)
    return found


def _reason(conversion: Conversion) -> Message:
    missing = conversion.missing
    if missing is NotCompared.NO_RATE:
        source = conversion.source_currency or ""
        return msg(
            N_("no rate from {source} to {target} was given"),
            source=_currency_text(source),
            target=_currency_text(conversion.target),
        )
    if missing is NotCompared.NO_INDEX_VALUE:
        assert conversion.day is not None
        return msg(
            N_("the data has no value of the {unit} for {date}"),
            unit=_unit_name(conversion),
            date=When(PartialDate.from_date(conversion.day), "$"),
        )
    if missing is NotCompared.NO_DATE:
        return msg(
            N_("the date that decides the value of the {unit} is not established"),
            unit=_unit_name(conversion),
        )
    return msg(N_("the index unit is not in the data"))


def comparison_statements(comparison: Comparison, ctx: Context) -> Iterator[Statement]:
    before, after = comparison.before, comparison.after
    day: PartialDate | None = None
    frame = _frame(comparison)
    if frame is not None:
        yield statement(
            Role.TITLE,
            msg(N_("{country} compared with {other}"), country=frame.after, other=frame.before),
        )
    elif (
        isinstance(before, Dataset)
        and isinstance(after, Dataset)
        and before.as_of_date
        and after.as_of_date
    ):
        day = PartialDate.from_date(after.as_of_date)
        yield statement(
            Role.TITLE,
            msg(
                N_("What changed between {start} and {end}"),
                start=When(PartialDate.from_date(before.as_of_date), "$"),
                end=When(day, "$"),
            ),
        )
    else:
        yield statement(Role.TITLE, msg(N_("What changed")))
    uncertain = uncertain_versions(comparison)
    if not comparison.changes:
        if comparison.framing is Framing.ACROSS_JURISDICTIONS:
            yield sentence(msg(N_("The data shows no difference.")))
        else:
            yield sentence(msg(N_("Nothing changed.")))
    if ctx.dataset is None:  # the datasets compare() was given name what the records cite
        side = next((c for c in reversed(comparison.contexts) if c is not None), None)
        if side is not None:
            ctx = Context(ctx.detail, side)
    for subject in _subjects(comparison):
        yield from _subject_statements(subject, ctx, day)
        # A change drawn from a version that may not have applied says so.
        for entry in [e for e in uncertain if e.provision == subject.key]:
            uncertain.remove(entry)
            yield from _uncertain_statements(entry)
    if uncertain:
        yield statement(
            Role.HEADING, msg(N_("Versions the data cannot place on the dates compared"))
        )
        for entry in uncertain:
            yield body_heading(entry.version.body, "$", ctx)
            yield from _uncertain_statements(entry)


@shared_methods
@attrs.frozen(repr=False, eq=False)
class UncertainOn:
    """A version of a provision that the data cannot say applied on some of the dates a
    comparison of a dataset ``as_of`` two dates was made for (``Dataset.uncertain``)."""

    provision: str
    version: Version
    days: tuple[dt.date, ...]


def uncertain_versions(comparison: Comparison) -> list[UncertainOn]:
    """The versions either side of a comparison of datasets cut to dates (``as_of``) keeps
    though the data cannot say they applied that day, each with the dates it is unsure on."""
    found: list[UncertainOn] = []
    for side in (comparison.before, comparison.after):
        if not isinstance(side, Dataset) or side.as_of_date is None:
            continue
        for item in side.uncertain():
            same = next(
                (e for e in found if e.provision == item.provision and e.version == item.version),
                None,
            )
            if same is None:
                found.append(UncertainOn(item.provision, item.version, (side.as_of_date,)))
            elif side.as_of_date not in same.days:
                found[found.index(same)] = attrs.evolve(same, days=(*same.days, side.as_of_date))
    return found


def _uncertain_statements(entry: UncertainOn) -> Iterator[Statement]:
    """Which version may not have applied (by its dates, and why they do not settle it),
    and on which of the dates compared."""
    version = entry.version
    start, end = date_value(version.valid_from, "$"), date_value(version.valid_to, "$")
    if start and version.valid_to is None:
        dates = msg(N_("In force from {start}."), start=start)
    elif start and end:
        dates = msg(N_("In force from {start} to {end}."), start=start, end=end)
    elif start:
        dates = msg(N_("In force from {start}; when it ended is not established."), start=start)
    elif end:
        dates = msg(N_("In force until {end}; when it began is not established."), end=end)
    elif version.valid_to is None:
        dates = msg(N_("The date it took effect is not established."))
    else:
        dates = msg(N_("The dates it was in force are not established."))
    grade = version.provenance.status if version.provenance is not None else None
    yield sentence(
        dates,
        status=grade,
        flag_grade=grade is not None and grade is not Status.CONFIRMED,
        sources=version.provenance.sources if version.provenance is not None else (),
    )
    days = tuple(When(PartialDate.from_date(d), "$") for d in sorted(entry.days))
    yield sentence(
        msg(
            N_("The data cannot say whether this applied on {day}."),
            day=days[0] if len(days) == 1 else Items(days, style="or"),
        ),
        status=Status.UNCONFIRMED,
    )


# -- tables ---------------------------------------------------------------------------------


def _with_conversion(phrase: Message, conversion: Conversion | None, ctx: Context) -> Message:
    """A penalty in a table cell, with how its amount was converted (or why it was not)."""
    if conversion is None:
        return phrase
    return msg(
        N_("{penalty} ({conversion})"),
        penalty=phrase,
        conversion=conversion_phrase(conversion, ctx),
    )


def _cell(
    feature: str,
    value: Any,
    ctx: Context,
    code: str,
    conversions: tuple[Conversion | None, ...] = (),
) -> Value | None:
    if value is None:
        return None
    if isinstance(value, Unknown) and feature == "confiscation":
        # The offence's sanction (and so its list of measures) is not established as
        # complete: that confiscation is absent is not established either.
        return msg(N_("not established whether it applies"))
    if isinstance(value, Unknown):
        return msg(N_("not established"))
    converted = (
        conversions if len(conversions) == len(value if isinstance(value, tuple) else ()) else ()
    )
    if feature == "category":
        return category_name(code, value, "$")
    if feature == "prison":
        return penalty_phrase(value, "$", ctx)
    if feature in ("fine", "other_alternatives"):
        return Items(
            tuple(
                _with_conversion(
                    penalty_phrase(p, "$", ctx), converted[i] if converted else None, ctx
                )
                for i, p in enumerate(value)
            ),
            style="or",
        )
    if feature == "additional":
        return Items(
            tuple(
                _with_conversion(
                    _addition_phrase(a, "$", ctx), converted[i] if converted else None, ctx
                )
                for i, a in enumerate(value)
            )
        )
    if feature == "confiscation":
        return msg(N_("may apply"))
    if feature == "in_force":
        if isinstance(value, PartialDate):
            return When(value, "$")
        return msg(N_("not established"))
    return Verbatim(str(value), "$")


def _column_heading(item: object, ctx: Context) -> Value:
    return citation_value(_offence(item).citation, "$", ctx)


def table_statements(table: Table, ctx: Context) -> Iterator[Statement]:
    contexts = [
        Context(ctx.detail, context if context is not None else ctx.dataset)
        for context in (table.contexts or (None,) * len(table.columns))
    ]
    yield statement(Role.TITLE, msg(N_("Side by side")))
    headings = tuple(
        _column_heading(item, c) for item, c in zip(table.columns, contexts, strict=True)
    )
    yield statement(Role.TABLE_HEADER, msg(N_("Feature")), cells=headings)
    titles = tuple(Text(_offence(item).title, "$") for item in table.columns)
    codes = tuple(_offence(item).citation.jurisdiction for item in table.columns)
    yield statement(Role.TABLE_ROW, msg(N_("Offence")), cells=titles)
    statuses = table.statuses or (None,) * len(table.columns)
    for feature, values in table.rows:
        converted = table.conversions_of(feature)
        cells = tuple(
            _graded_cell(_cell(feature, v, c, code, conv), status)
            for v, c, code, conv, status in zip(
                values, contexts, codes, converted, statuses, strict=True
            )
        )
        yield statement(Role.TABLE_ROW, msg(_TABLE_ROW[feature]), cells=cells)
    if table.currency is not None:
        yield sentence(
            msg(
                N_(
                    "Amounts are compared in one currency, {currency}; a converted amount names every step."
                ),
                currency=_currency_text(table.currency),
            )
        )


def _graded_cell(cell: Value | None, status: Status | None) -> Value | None:
    """A cell marked with the grade of its column's facts where they are not confirmed."""
    if cell is None or status is None or status not in _GRADE:
        return cell
    return msg(N_("{cell} {grade}"), cell=cell, grade=msg(_GRADE[status]))


def _offence(item: object) -> Offence:
    version = item.latest() if isinstance(item, Provision) else item
    body = version.body if isinstance(version, Version) else version
    assert isinstance(body, Offence)
    return body
