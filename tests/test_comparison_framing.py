"""Comparisons that can be trusted: across countries and across dates (issue 14).

Two countries' laws are compared side by side, never as if one became the other; an
absence on a side whose list is not established as complete is not a difference; the
versions whose start or end is uncertain on a date compared are named; and the words
agree with what they describe.
"""

from __future__ import annotations

import attrs

from lawsummary import datasets, explain, render
from lawsummary.compare import compare
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import Dataset, Guilt, Offence

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
