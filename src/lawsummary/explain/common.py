"""Pieces every explanation uses: grades, sources, citations, penalties and sanctions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lawsummary.explain.penalties import penalty_phrase as penalty_phrase
from lawsummary.explain.values import (
    AT,
    CONFIRMED,
    ITEM,
    N_,
    SENTENCE,
    UNCONFIRMED,
    Context,
    Items,
    Link,
    Message,
    Statement,
    Text,
    Value,
    When,
    fact_statement,
    heading_statement,
    items_of,
    message_of,
    msg,
    sentence,
    text_value,
    verbatim,
    when,
)
from lawsummary.i18n import add_fallback
from lawsummary.records.common import (
    Fact,
    LocalizedText,
    OpenQuestion,
    PartialDate,
    Provenance,
    Status,
    Unknown,
)
from lawsummary.records.dataset import DatasetIndex
from lawsummary.records.penalties import Addition, Alternative, Mode, Sanction
from lawsummary.records.provisions import Citation
from lawsummary.rules import CHANGES, CitationStyle, jurisdiction

_GRADE = {
    Status.REPORTED: N_(
        "Reported: the statute text was not available; this comes from news and secondary sources."
    ),
    Status.UNCONFIRMED: N_("Unconfirmed: no source was found for this."),
}


#: Messages that depend on nothing, made once (they are immutable).
_GRADE_MESSAGES = {status: msg(key) for status, key in _GRADE.items()}
#: Said of an unconfirmed record that cites sources: they were found, and fall short.
_UNCONFIRMED_WITH_SOURCES = msg(N_("Unconfirmed: the sources found do not establish this."))
_NOT_COMPLETE = msg(N_("The sources may not list every possible punishment."))
_SOME_OPEN = msg(N_("Some points are not established; the full summary lists them."))


# The helpers below return tuples, mostly empty: cheaper than generators on the summary path.


def grade_statements(provenance: Provenance | None, path: str) -> tuple[Statement, ...]:
    if provenance is None or provenance.status is CONFIRMED:
        return ()
    said = _GRADE_MESSAGES[provenance.status]
    if provenance.status is Status.UNCONFIRMED and provenance.sources:
        said = _UNCONFIRMED_WITH_SOURCES
    grade = sentence(
        said,
        status=provenance.status,
        sources=provenance.sources,
        extra_trace=(f"{path}.status",),
    )
    if provenance.note is None:
        return (grade,)
    note_text = text_value(provenance.note, f"{path}.note")
    message = message_of(N_("Note: {note}"), (("note", note_text),))
    note = sentence(message, status=provenance.status)
    return (grade, note)


_STATUS_SUFFIX = ".provenance.status"


def with_own_sources(
    statements: Iterable[Statement], record: Provenance | None, ctx: Context
) -> list[Statement]:
    """``statements`` with, in a full summary, the sources of each statement whose own
    provenance cites other sources than its record's ("… (sources: …)"): the record's
    "Sources:" line then never stands for a statement its sources do not carry."""
    out = list(statements)
    if not ctx.full:
        return out
    record_urls = {s.url for s in record.sources} if record is not None else set()
    for k, said in enumerate(out):
        if not said.sources or {s.url for s in said.sources} == record_urls:
            continue
        base = next((t for t in said.extra_trace if t.endswith(_STATUS_SUFFIX)), None)
        if base is None:
            continue
        base = base.removesuffix(".status")
        links = tuple(
            Link(src.url, f"{base}.sources[{i}].url") for i, src in enumerate(said.sources)
        )
        message = message_of(
            N_("{said} (sources: {sources})"),
            (("said", said.message), ("sources", Items(links))),
            said.message.context,
        )
        out[k] = said._replace(message=message)
    return out


def sources_statements(
    provenance: Provenance | None, path: str, ctx: Context
) -> tuple[Statement, ...]:
    if not ctx.full or provenance is None or not provenance.sources:
        return ()
    links = tuple(Link(s.url, f"{path}.sources[{i}].url") for i, s in enumerate(provenance.sources))
    return (
        sentence(
            msg(N_("Sources: {sources}."), sources=Items(links)),
            status=provenance.status,
            sources=provenance.sources,
        ),
    )


#: The generic citation messages, by citation shape (see ``lawsummary.rules.CitationStyle``).
_CITATION_KEYS = {
    "article": N_("{instrument}, art. {article}"),
    "part": N_("{instrument}, art. {article}({part})"),
    "items": N_("{instrument}, art. {article}, item {items}"),
    "part+items": N_("{instrument}, art. {article}({part}), item {items}"),
}

#: By jurisdiction: the citation messages by shape and the jurisdiction's style (if any).
_CITATION_STYLES: dict[str, tuple[dict[str, str], CitationStyle | None]] = {}


def _citation_style(code: str) -> tuple[dict[str, str], CitationStyle | None]:
    """The citation messages of a jurisdiction by shape: its plug-in's where it has a style
    (written as the generic ones in the locales the plug-in gives no text for)."""
    if _CITATION_STYLES_SEEN[0] != CHANGES[0]:  # a plug-in was registered or removed
        _CITATION_STYLES.clear()
        _CITATION_STYLES_SEEN[0] = CHANGES[0]
    found = _CITATION_STYLES.get(code)
    if found is None:
        plugin = jurisdiction(code)
        style = plugin.citation if plugin is not None else None
        keys = dict(_CITATION_KEYS)
        if style is not None:
            for shape, key in style.keys.items():
                add_fallback(key, _CITATION_KEYS[shape])
                keys[shape] = key
        found = (keys, style)
        _CITATION_STYLES[code] = found
    return found


_CITATION_STYLES_SEEN = [CHANGES[0]]


def citation_value(citation: Citation, path: str, ctx: Context) -> Message:
    """A citation as a message: "Criminal Code, art. 322.1(3)", in the order and
    grammar of the jurisdiction's citation style where it has one (see
    ``lawsummary.rules.CitationStyle``)."""
    keys, style = _citation_style(citation.jurisdiction)
    title = _instrument_title(citation.instrument, ctx)
    instrument: Value
    if title is None:
        # A style that puts the title in no case of its own gets the phrase as it stands.
        plain = style is not None and not style.instrument_case
        instrument = _undeclared_instrument(citation.article is None or plain)
    elif style is not None and style.inflect is not None and style.instrument_case:
        instrument = _inflected(title, style)
    else:
        instrument = title
    article, part, items = citation.article, citation.part, citation.items
    if article is None:
        return message_of(N_("{instrument}"), (("instrument", instrument),), "citation")
    values: tuple[tuple[str, Value], ...] = (
        ("instrument", instrument),
        ("article", verbatim(article, f"{path}.article")),
    )
    if part is not None:
        values += (("part", verbatim(part, f"{path}.part")),)
    if items:
        values += (("items", verbatim(", ".join(items), f"{path}.items")),)
        key = keys["part+items"] if part is not None else keys["items"]
    elif part is not None:
        key = keys["part"]
    else:
        key = keys["article"]
    return message_of(key, values, "citation")


def _undeclared_instrument(alone: bool) -> Message:
    """An instrument no dataset declares, in words, never its id: the citation's own
    phrase (``alone``) or the words in an article's citation, where some languages put
    the instrument in another case ("ст. 5 акта, не названного в данных")."""
    if alone:
        return msg(N_("a legal act not named in the data"), "instrument")
    return msg(N_("a legal act the data does not name"), "instrument")


#: Instrument titles in the case a citation style puts them in, by the title's identity.
_INFLECTED: dict[int, tuple[Text, Text]] = {}


def _inflected(title: Text, style: CitationStyle) -> Text:
    """``title`` with its text in each locale of ``style.instrument_case`` in that case."""
    hit = _INFLECTED.get(id(title))
    if hit is not None and hit[0] is title:
        return hit[1]
    inflect = style.inflect
    assert inflect is not None
    entries = tuple(
        (code, inflect(text, code, style.instrument_case[code]))
        if code in style.instrument_case
        else (code, text)
        for code, text in title.text.entries
    )
    found = text_value(LocalizedText(entries), title.path)
    if len(_INFLECTED) >= 4096:  # forget, never grow
        _INFLECTED.clear()
    _INFLECTED[id(title)] = (title, found)
    return found


def category_name(code: str, category: str, path: str) -> Value:
    """A crime category in its jurisdiction's words ("a grave crime"), or its id as the data
    has it where no plug-in declares the category."""
    plugin = jurisdiction(code)
    system = plugin.categories if plugin is not None else None
    words = system.words(category) if system is not None else None
    if words is None:
        return verbatim(category, path)
    return msg(words.name, "category")


def _instrument_title(instrument_id: str, ctx: Context) -> Text | None:
    """The instrument's short title (or title), from the context or the bundled data."""
    if ctx.dataset is not None:
        found = ctx.kept(
            ("explain.instrument", instrument_id, ctx.root), _title_for, ctx, instrument_id
        )
        if found is not None or instrument_id not in _bundled_instruments():
            return found
    from lawsummary import datasets as bundled

    for name in bundled.names():
        found = _title_in(bundled.load(name).index(), f"@{name}$", instrument_id)
        if found is not None:
            return found
    return None


def _bundled_instruments() -> frozenset[str]:
    """The ids of the instruments the bundled datasets declare (looked up once)."""
    global _BUNDLED_INSTRUMENTS
    if _BUNDLED_INSTRUMENTS is None:
        from lawsummary import datasets as bundled

        _BUNDLED_INSTRUMENTS = frozenset(
            i.id for name in bundled.names() for i in bundled.load(name).instruments
        )
    return _BUNDLED_INSTRUMENTS


_BUNDLED_INSTRUMENTS: frozenset[str] | None = None


def _title_for(ctx: Context, instrument_id: str) -> Text | None:
    return _title_in(ctx.index, ctx.root, instrument_id)


def _title_in(index: DatasetIndex, root: str, instrument_id: str) -> Text | None:
    found = index.instruments.get(instrument_id)
    if found is None:
        return None
    i, instrument = found
    if instrument.short_title is not None:
        return text_value(instrument.short_title, f"{root}.instruments[{i}].short_title")
    return text_value(instrument.title, f"{root}.instruments[{i}].title")


def _options(addition: Addition, path: str, ctx: Context) -> Items:
    phrases = tuple(
        penalty_phrase(p, f"{path}.options{AT[i]}", ctx) for i, p in enumerate(addition.options)
    )
    return items_of(phrases, "or")


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


def _alternative_clause(alternative: Alternative, path: str, ctx: Context) -> Message:
    phrase = penalty_phrase(alternative.penalty, f"{path}.penalty", ctx)
    for i, addition in enumerate(alternative.additions):
        options = _options(addition, f"{path}.additions{AT[i]}", ctx)
        values = (("penalty", phrase), ("options", options))
        phrase = message_of(_ADDITION_CLAUSE[addition.mode], values)
    return phrase


_STRENGTH = (UNCONFIRMED, Status.REPORTED, CONFIRMED)


def _weaker(status: Status, than: Status | None) -> bool:
    """Whether ``status`` is a weaker grade than ``than`` (no grade counts as confirmed)."""
    return _STRENGTH.index(status) < _STRENGTH.index(than or CONFIRMED)


def _mode_traced(said: Statement, addition: Addition, path: str) -> Statement:
    """``said`` tracing the addition's mode where it is unknown: its sentence says so
    ("not established whether it is mandatory"), and that statement is no stronger than
    an unconfirmed one."""
    if addition.mode is not Mode.UNKNOWN:
        return said
    return said._replace(extra_trace=(*said.extra_trace, f"{path}.mode"))


#: A statement that depends on nothing, made once (it is immutable).
_ONE_OF = sentence(msg(N_("Punishment: one of the following.")))


def sanction_statements(
    sanction: Sanction,
    path: str,
    record: Provenance | None,
    ctx: Context,
    *,
    standalone: bool = True,
) -> list[Statement]:
    """The punishment, stated as the law puts it: alternatives with "or", additions by mode."""
    governing = sanction.provenance or record
    alternatives = sanction.alternatives
    out: list[Statement] = []
    if len(alternatives) == 1:
        (alternative,) = alternatives
        alt_path = f"{path}.alternatives[0]"
        phrase = penalty_phrase(alternative.penalty, f"{alt_path}.penalty", ctx)
        key = N_("Punishment: {penalty}.")
        message = message_of(key, (("penalty", phrase),))
        out.append(fact_statement(SENTENCE, message, alternative.provenance, governing, alt_path))
        for i, addition in enumerate(alternative.additions):
            add_path = f"{alt_path}.additions{AT[i]}"
            options = _options(addition, add_path, ctx)
            key = _ADDITION_SENTENCE[addition.mode]
            message = message_of(key, (("options", options),))
            own, record = addition.provenance, alternative.provenance or governing
            said = fact_statement(SENTENCE, message, own, record, add_path)
            out.append(_mode_traced(said, addition, add_path))
    else:
        out.append(_ONE_OF)
        last = len(alternatives) - 1
        for i, alternative in enumerate(alternatives):
            alt_path = f"{path}.alternatives{AT[i]}"
            clause = _alternative_clause(alternative, alt_path, ctx)
            # "or" after every alternative but the last, as the statute lists them
            key = N_("{clause}") if i == last else N_("{clause}; or")
            message = message_of(key, (("clause", clause),), "item")
            said = fact_statement(ITEM, message, alternative.provenance, governing, alt_path)
            for j, addition in enumerate(alternative.additions):
                add_path = f"{alt_path}.additions{AT[j]}"
                said = _mode_traced(said, addition, add_path)
                # The clause states the addition too: no stronger than its own grade.
                own = addition.provenance
                if own is not None and _weaker(own.status, said.status):
                    said = said._replace(
                        status=own.status,
                        flag_grade=True,
                        extra_trace=(*said.extra_trace, f"{add_path}.provenance.status"),
                    )
            out.append(said)
    if not sanction.complete:
        out.append(sentence(_NOT_COMPLETE, status=UNCONFIRMED, extra_trace=(f"{path}.complete",)))
    if ctx.full or standalone:
        out.extend(open_question_statements(sanction.open_questions, path, ctx))
    return out


def open_question_statements(
    questions: tuple[OpenQuestion, ...], path: str, ctx: Context
) -> tuple[Statement, ...]:
    if not questions:
        return ()
    if not ctx.full:
        return (sentence(_SOME_OPEN, status=UNCONFIRMED, extra_trace=(f"{path}.open_questions",)),)
    return tuple(
        sentence(
            msg(
                N_("Not established: {question}"),
                question=text_value(question.text, f"{path}.open_questions[{i}].text"),
            ),
            status=UNCONFIRMED,
            sources=question.provenance.sources if question.provenance else (),
            extra_trace=(f"{path}.open_questions[{i}].provenance.status",)
            if question.provenance
            else (),
        )
        for i, question in enumerate(questions)
    )


def fact_list(
    intro: str, facts: tuple[Fact, ...], path: str, record: Provenance | None
) -> Iterator[Statement]:
    if not facts:
        return
    yield sentence(msg(intro))
    for i, fact in enumerate(facts):
        yield fact_statement(
            ITEM,
            msg(N_("{text}"), "item", text=text_value(fact.text, f"{path}[{i}].text")),
            fact.provenance,
            record,
            f"{path}[{i}]",
        )


def one_fact(
    key: str, fact: Fact | None, path: str, record: Provenance | None
) -> Iterator[Statement]:
    if fact is not None:
        yield fact_statement(
            SENTENCE,
            msg(key, fact=text_value(fact.text, f"{path}.text")),
            fact.provenance,
            record,
            path,
        )


def region_value(code: str, path: str, ctx: Context) -> Value:
    if ctx.dataset is not None:
        found = ctx.index.regions.get(code)
        if found is not None:
            return text_value(found[1].name, f"{ctx.root}.regions[{found[0]}].name")
    return verbatim(code, path)


def date_value(value: PartialDate | Unknown | None, path: str) -> When | None:
    if type(value) is PartialDate:
        return when(value, path, governed=True)  # governed
    return None


def heading(title: LocalizedText, citation: Citation | None, path: str, ctx: Context) -> Statement:
    """A record's heading: "Criminal Code, art. 322.1(3): Organising ...", or the title."""
    if citation is None:
        return heading_statement(
            msg(N_("{title}"), "heading", title=text_value(title, f"{path}.title"))
        )
    values = (
        ("citation", citation_value(citation, f"{path}.citation", ctx)),
        ("title", text_value(title, f"{path}.title")),
    )
    message = message_of(N_("{citation}: {title}"), values, "heading")
    return heading_statement(message)
