"""Comparisons that can be trusted: across countries and across dates (issue 14).

Two countries' laws are compared side by side, never as if one became the other; an
absence on a side whose list is not established as complete is not a difference; the
versions whose start or end is uncertain on a date compared are named; and the words
agree with what they describe.
"""

from __future__ import annotations

import attrs

from lawsummary import datasets, explain, render, summarize
from lawsummary.compare import compare
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import Dataset, Guilt, Offence
from lawsummary.render import FORMATS
from lawsummary.testing import fallbacks, findings

RU = datasets.load("ru-migration-2024")
KZ = datasets.load("kz-migration-2025")


def _offence(dataset: Dataset, pid: str) -> Offence:
    body = dataset.provision(pid).latest().body
    assert isinstance(body, Offence)
    return body


# -- 4. agreement --------------------------------------------------------------------------------


def test_the_form_of_guilt_in_a_comparison_agrees_with_its_label() -> None:
    before = _offence(RU, "ru-uk-322.1-1")
    after = attrs.evolve(before, guilt=Guilt.NEGLIGENT)
    found = compare(before, after, dataset=RU)
    text = {code: render(explain(found), locale=code) for code in ("en", "ru")}
    assert "Form of guilt. Before: intent. Now: negligence. (direction unclear)" in text["en"]
    assert "Форма вины. Раньше: умысел. Теперь: неосторожность. (направление неясно)" in text["ru"]
    assert "умышленные" not in text["ru"]
    for code in SUPPORTED_LOCALES:
        written = render(explain(found), locale=code)
        assert "Guilt." not in written
        assert "INTENTIONAL" not in written


# -- 5. an instrument no dataset declares --------------------------------------------------------


def _undeclared() -> Offence:
    body = _offence(RU, "ru-uk-322.1-1")
    return attrs.evolve(body, citation=attrs.evolve(body.citation, instrument="xx-nowhere"))


def test_an_undeclared_instrument_is_named_in_words_never_by_its_id() -> None:
    offence = _undeclared()
    first = {code: summarize(offence, locale=code).splitlines()[0] for code in SUPPORTED_LOCALES}
    assert first["en"] == (
        "A legal act the data does not name, art. 322.1(1): Organising illegal migration"
    )
    assert first["ru"] == (
        "Ч. 1 ст. 322.1 правового акта, не названного в данных: Организация незаконной миграции"
    )
    whole = attrs.evolve(offence, citation=attrs.evolve(offence.citation, article=None, part=None))
    assert summarize(whole, locale="en").splitlines()[0] == (
        "A legal act not named in the data: Organising illegal migration"
    )
    assert summarize(whole, locale="ru").splitlines()[0] == (
        "Правовой акт, не названный в данных: Организация незаконной миграции"
    )
    for code in SUPPORTED_LOCALES:
        for record in (offence, whole):
            for fmt in FORMATS:
                written = summarize(record, locale=code, format=fmt, detail="full")
                assert "xx-nowhere" not in written, (code, fmt)
        assert not fallbacks(offence, locales=code), code


def test_check_reports_an_undeclared_instrument() -> None:
    found = findings(_undeclared(), kinds=["undeclared-instrument"])
    assert [(f.path, f.locale, f.kind) for f in found] == [
        ("$.citation.instrument", None, "undeclared-instrument")
    ]
    assert "'xx-nowhere'" in found[0].message
    assert findings(RU, kinds=["undeclared-instrument"]) == []
