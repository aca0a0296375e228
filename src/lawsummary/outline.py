"""A plain, locale-free outline of a dataset: every version, its dates, grades and sanctions.

This is a checking view for people who maintain the data (``lawsummary show``), in
English with the data's own texts, and it stands apart from the explain -> render
pipeline on purpose: it prints the data as it is (kind names, ids, raw bounds and
grades, "category: grave (stated)"), where the summaries say what the data means in
six locales. Going through the catalogs would hide exactly what a maintainer checks
(a wrong kind or unit would be translated into a plausible sentence), and nothing it
prints is meant for the readers of a summary. It reads the records only, never the
summaries, so the two cannot drift into one another.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawsummary._inert import neutralise
from lawsummary.records.acts import Provision, Version
from lawsummary.records.common import LocalizedText, PartialDate, Provenance, Unknown
from lawsummary.records.dataset import Dataset
from lawsummary.records.penalties import Addition, Penalty, Sanction
from lawsummary.records.provisions import (
    ActivityBans,
    AggravatingCircumstance,
    Citation,
    Confiscation,
    CrimeCategories,
    ExamRule,
    Measure,
    Offence,
    PatentCost,
)
from lawsummary.records.quantities import IndexRange, MoneyRange, TermRange

__all__ = ["outline"]


def _text(text: LocalizedText | None, lang: str) -> str:
    if text is None:
        return ""
    # Printed as it is, but on one line and without control or bidi characters.
    return neutralise(text.get(lang) or text.get("en") or text.entries[0][1])


def _bounds(lo: object, hi: object, unit: str) -> str:
    if isinstance(lo, Unknown) or isinstance(hi, Unknown):
        low = "not established" if isinstance(lo, Unknown) else lo
        high = "not established" if isinstance(hi, Unknown) else hi
        if lo is None or hi is None:
            return f"{unit}: {'minimum' if hi is None else 'maximum'} not established"
        return f"{unit}: minimum {low}, maximum {high}"
    if lo is not None and hi is not None:
        return f"{lo}–{hi} {unit}" if lo != hi else f"{hi} {unit}"
    if hi is not None:
        return f"up to {hi} {unit}"
    return f"at least {lo} {unit}"


def _range(value: TermRange | MoneyRange | IndexRange) -> str:
    if isinstance(value, TermRange):
        return _bounds(value.min, value.max, value.unit.value)
    if isinstance(value, MoneyRange):
        return _bounds(value.min, value.max, value.currency)
    return _bounds(value.min, value.max, value.unit)


def _penalty(penalty: Penalty) -> str:
    name = penalty.kind.replace("_", " ")
    for field in ("amount", "period", "term"):
        value = getattr(penalty, field, None)
        if isinstance(value, TermRange | MoneyRange | IndexRange):
            return f"{name} {_range(value)}"
    return name


def _grade(provenance: Provenance | None) -> str:
    return f" [{provenance.status.value}]" if provenance else ""


def _addition(addition: Addition) -> str:
    options = " or ".join(_penalty(p) for p in addition.options)
    return f"+ {addition.mode.value}: {options}{_grade(addition.provenance)}"


def _sanction(sanction: Sanction) -> Iterator[str]:
    for i, alternative in enumerate(sanction.alternatives):
        lead = "or " if i else ""
        yield f"{lead}{_penalty(alternative.penalty)}{_grade(alternative.provenance)}"
        for addition in alternative.additions:
            yield f"  {_addition(addition)}"
    if not sanction.complete:
        yield "(the list of penalties may be incomplete)"


def _citation(citation: Citation, ds: Dataset, lang: str) -> str:
    try:
        name = _text(ds.instrument(citation.instrument).short_title, lang)
    except KeyError:
        name = citation.instrument
    parts = [name or citation.instrument]
    if citation.article:
        parts.append(f"art. {citation.article}")
    if citation.part:
        parts.append(f"part {citation.part}")
    if citation.items:
        parts.append("item " + ", ".join(citation.items))
    return ", ".join(parts)


def _date(value: PartialDate | Unknown | None, open_end: str = "") -> str:
    if value is None:
        return open_end
    return str(value)


def _body(version: Version, ds: Dataset, lang: str) -> Iterator[str]:
    body = version.body
    if isinstance(body, Offence):
        yield _text(body.title, lang)
        for circumstance in body.circumstances:
            item = f"({circumstance.item}) " if circumstance.item else ""
            yield f"- {item}{_text(circumstance.text, lang)}{_grade(circumstance.provenance)}"
        if isinstance(body.description, Unknown):
            yield "what it covers: not established"
        if isinstance(body.sanction, Sanction):
            yield from _sanction(body.sanction)
        else:
            yield "sanction: not established"
        derived = ds.derived_category(version)
        if body.category is not None:
            yield f"category: {body.category} (stated)"
        elif isinstance(derived, str):
            yield f"category: {derived} (derived from the category rules)"
        elif isinstance(derived, Unknown):
            yield "category: cannot be derived from the data"
    elif isinstance(body, Confiscation | AggravatingCircumstance | ActivityBans | Measure):
        yield _text(body.title, lang)
        if isinstance(body, Confiscation):
            yield f"takes: {_text(body.what, lang)}"
            if body.condition:
                yield f"when: {_text(body.condition, lang)}"
    elif isinstance(body, CrimeCategories):
        yield _text(body.title, lang)
        for rule in body.rules:
            limit = _bounds(rule.above, rule.up_to, "years max prison")
            if rule.above is not None and rule.up_to is None:
                limit = f"over {rule.above} years max prison"
            severe = " or more severe" if rule.more_severe else ""
            yield f"- {rule.category}: {rule.guilt.value}, {limit}{severe}"
    elif isinstance(body, ExamRule):
        yield _text(body.title, lang)
        if body.conducted_by:
            yield f"conducted by: {_text(body.conducted_by.text, lang)}"
    elif isinstance(body, PatentCost):
        yield _text(body.title, lang)
        yield f"base: {body.base}"
        for deflator in body.deflators:
            yield f"- deflator {deflator.year}: {deflator.value}{_grade(deflator.provenance)}"
        for coefficient in body.coefficients:
            yield (
                f"- coefficient {coefficient.region} {coefficient.year}: {coefficient.value}"
                f"{_grade(coefficient.provenance)}"
            )
    for question in getattr(body, "open_questions", ()):
        yield f"? {_text(question.text, lang)}"


def _provision(provision: Provision, ds: Dataset, lang: str) -> Iterator[str]:
    body = provision.latest().body
    citation = getattr(body, "citation", None) or next(iter(getattr(body, "citations", ())), None)
    where = f" — {_citation(citation, ds, lang)}" if isinstance(citation, Citation) else ""
    yield f"{provision.id}{where} ({provision.kind})"
    for version in provision.versions:
        acts = ", ".join(
            str(ds.act(a).number) if not isinstance(ds.act(a).number, Unknown) else a
            for a in version.amended_by
        )
        made = f"; by {acts}" if acts else ""
        grade = _grade(getattr(version.body, "provenance", None))
        span = f"{_date(version.valid_from)} → {_date(version.valid_to, 'in force')}"
        yield f"  {span}{made}{grade}"
        for line in _body(version, ds, lang):
            yield f"    {line}"


def outline(ds: Dataset, *, lang: str = "en") -> str:
    """The dataset as an indented plain-text outline, using texts in ``lang`` where present."""
    lines = [f"{_text(ds.title, lang)} ({ds.id})"]
    lines.append(f"as of: {ds.as_of_date or 'all dates'}")
    for uncertain in ds.uncertain():
        lines.append(
            f"  ! {uncertain.provision}: the version from {uncertain.version.valid_from} "
            "may or may not be in force on that day"
        )
    lines.append("")
    for provision in ds.provisions:
        lines.extend(_provision(provision, ds, lang))
        lines.append("")
    if ds.index_units:
        lines.append("Index units:")
        for unit in ds.index_units:
            short = f"{_text(unit.short_name, lang)}, " if unit.short_name is not None else ""
            lines.append(f"{unit.id} — {short}{_text(unit.name, lang)} ({unit.jurisdiction})")
            for rate in unit.rates:
                purpose = f" for {rate.purpose.value}" if rate.purpose is not None else ""
                end = rate.valid_to.isoformat() if rate.valid_to is not None else "open"
                lines.append(
                    f"  {rate.valid_from.isoformat()} → {end}: {rate.value.amount} "
                    f"{rate.value.currency}{purpose}{_grade(rate.provenance)}"
                )
        lines.append("")
    if ds.open_questions:
        lines.append("Open questions:")
        lines.extend(f"? {_text(q.text, lang)}" for q in ds.open_questions)
    return "\n".join(lines).rstrip() + "\n"
