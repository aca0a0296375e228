"""Comparisons that can be trusted: across countries and across dates (issue 14).

Two countries' laws are compared side by side, never as if one became the other; an
absence on a side whose list is not established as complete is not a difference; the
versions whose start or end is uncertain on a date compared are named; and the words
agree with what they describe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from lawsummary import datasets, explain, render, summarize
from lawsummary.compare import (
    ChangeKind,
    Comparison,
    Direction,
    Framing,
    compare,
    compare_many,
    measures_complete,
)
from lawsummary.explain import Items, Message, When
from lawsummary.explain.comparisons import uncertain_versions
from lawsummary.i18n import SUPPORTED_LOCALES, language
from lawsummary.records import UNKNOWN, Dataset, Guilt, Offence, PartialDate, Sanction, Status
from lawsummary.render import FORMATS, render_statements
from lawsummary.testing import fallbacks, findings
from tests import strategies as S

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


# -- 1. two countries side by side ----------------------------------------------------------------


def _cross() -> Comparison:
    return compare(RU.provision("ru-uk-322.1-1"), KZ.provision("kz-cc-394-1"), datasets=[RU, KZ])


CROSS_EN = [
    "Kazakhstan compared with Russia",
    "Criminal Code of Kazakhstan, art. 394(1): Organising illegal migration",
    "Compared with: Criminal Code of Russia, art. 322.1(1).",
    "Russia: prison for 2 to 5 years. Kazakhstan: prison for up to 3 years (the lower bound is "
    "not established). (milder in Kazakhstan than in Russia) (unconfirmed)",
    "A bound that is not established cannot be compared: it is neither harsher nor more lenient.",
    "Only in Kazakhstan: a fine of up to 3,000 MCI (the lower bound is not established). "
    "(milder in Kazakhstan than in Russia) (reported)",
    "Not in the data for Kazakhstan: the additional penalty a ban on the right to hold "
    "certain posts or engage in certain activities for up to 5 years (the court may add it); "
    "its sources may be incomplete. (unconfirmed)",
    "Not in the data for Kazakhstan: confiscation of property (Criminal Code of Russia, "
    "art. 104.1(1), item а); not established whether it applies there. (unconfirmed)",
    "The sources for Kazakhstan may not list every punishment. (reported)",
    "Form of guilt. Russia: intent. Kazakhstan: not established. (direction unclear) (reported)",
    "Overall: milder in Kazakhstan than in Russia.",
]
CROSS_RU = [
    "Сравнение: Казахстан и Россия",
    "Ч. 1 ст. 394 УК РК: Организация незаконной миграции",
    "В сравнении с: ч. 1 ст. 322.1 УК РФ.",
    "Россия: лишение свободы на срок от 2 до 5 лет. Казахстан: лишение свободы на срок до 3 "
    "лет (нижний предел не установлен). (мягче в Казахстане, чем в России) (не подтверждено)",
    "Только в Казахстане: штраф в размере до 3\xa0000 МРП (нижний предел не установлен). "
    "(мягче в Казахстане, чем в России) (по сообщениям)",
    "Нет в данных по Казахстану: конфискация имущества (п. «а» ч. 1 ст. 104.1 УК РФ); "
    "применяется ли она там, не установлено. (не подтверждено)",
    "Источники по Казахстану могут называть не все наказания. (по сообщениям)",
    "Форма вины. Россия: умысел. Казахстан: не установлено. (направление неясно) (по сообщениям)",
    "В целом: мягче в Казахстане, чем в России.",
]
#: Words of a change over time, which two countries' laws side by side never use.
OVER_TIME_WORDS = {
    "en": ("What changed", "Before:", "Now:", "New option", "No longer", "Overall: more lenient"),
    "ru": ("Что изменилось", "Раньше:", "Теперь:", "Новый вариант", "Больше не", "больше не"),
}


def test_comparison_knows_it_is_of_two_jurisdictions() -> None:
    found = _cross()
    assert found.jurisdictions == ("RU", "KZ")
    assert found.framing is Framing.ACROSS_JURISDICTIONS
    back = compare(KZ.provision("kz-cc-394-1"), RU.provision("ru-uk-322.1-1"), datasets=[KZ, RU])
    assert back == found.reversed()
    assert back.framing is Framing.ACROSS_JURISDICTIONS
    assert back.jurisdictions == ("KZ", "RU")
    # over time, one law: as it was
    story = compare(RU.as_of(dt.date(2024, 11, 1)), RU.as_of(dt.date(2025, 1, 1)))
    assert story.framing is Framing.OVER_TIME
    assert compare(KZ, RU).framing is Framing.ACROSS_JURISDICTIONS


def test_two_countries_read_as_two_laws_side_by_side() -> None:
    text = {code: summarize(_cross(), locale=code) for code in ("en", "ru")}
    lines = {code: [line for line in t.splitlines() if line] for code, t in text.items()}
    for line in CROSS_EN:
        assert line in lines["en"]
    for line in CROSS_RU:
        assert line in lines["ru"]
    for code, words in OVER_TIME_WORDS.items():
        for word in words:
            assert word not in text[code], (code, word)
    # the direction of a point missing from the incomplete side is not stated
    assert "Not in the data for Kazakhstan" not in " ".join(
        line for line in lines["en"] if "than in Russia" in line
    )


def test_two_countries_reversed_name_the_other_country() -> None:
    back = compare(KZ.provision("kz-cc-394-1"), RU.provision("ru-uk-322.1-1"), datasets=[KZ, RU])
    lines = summarize(back, locale="en").splitlines()
    assert lines[0] == "Russia compared with Kazakhstan"
    assert (
        "Kazakhstan: prison for up to 3 years (the lower bound is not established). Russia: "
        "prison for 2 to 5 years. (harsher in Russia than in Kazakhstan) (unconfirmed)"
    ) in lines
    assert "Overall: harsher in Russia than in Kazakhstan." in lines


def _messages(value: object) -> Iterator[str]:
    if isinstance(value, Message):
        yield value.key
        for _, inner in value.values:
            yield from _messages(inner)
    elif isinstance(value, Items):
        for item in value.items:
            yield from _messages(item)


@pytest.mark.parametrize("code", SUPPORTED_LOCALES)
def test_two_countries_in_every_locale_and_format(code: str) -> None:
    found = _cross()
    explanation = explain(found)
    lang = language(code)
    for st in explanation.statements:
        for key in _messages(st.message):
            assert lang.is_translated(key), (code, key)
        for cell in st.cells:
            for key in _messages(cell):
                assert lang.is_translated(key), (code, key)
    assert all(not r.fallbacks for r in render_statements(explanation, locale=code))
    for fmt in FORMATS:
        written = summarize(found, locale=code, format=fmt)
        for internal in ("ACROSS", "Framing", "over_time", "across_jurisdictions", "{"):
            if fmt == "json" and internal == "{":
                continue
            assert internal not in written, (code, fmt, internal)
        if fmt != "json":
            assert not re.search(r"\b(RU|KZ)\b", written), (code, fmt)
    names = {"Россия", "Ресей", "Русия", "Rossiya", "Russia"}
    assert any(name in summarize(found, locale=code) for name in names)


# -- 2. absence on an incomplete side -------------------------------------------------------------


def test_a_measure_missing_beside_an_incomplete_sanction_is_not_established() -> None:
    found = _cross()
    measure = next(c for c in found.changes if c.location.section == "measures")
    assert measure.kind is ChangeKind.REMOVED
    assert measure.direction is Direction.UNCLEAR
    assert measure.status is Status.UNCONFIRMED
    # without it, and without the additional penalties Kazakhstan's data does not read, the
    # overall direction is the same: they are not counted
    counted = [c.direction for c in found.changes if c.direction not in (None, Direction.UNCLEAR)]
    assert set(counted) == {Direction.MORE_LENIENT}
    assert found.direction() is Direction.MORE_LENIENT
    assert not measures_complete(_offence(KZ, "kz-cc-394-1"))
    assert measures_complete(_offence(RU, "ru-uk-322.1-1"))


def test_over_time_a_measure_missing_beside_an_incomplete_sanction_is_not_a_removal() -> None:
    before = _offence(RU, "ru-uk-322.1-2")  # its sanction is not established as complete
    after = attrs.evolve(before, measures=())
    found = compare(before, after, dataset=RU)
    (change,) = [c for c in found.changes if c.location.section == "measures"]
    assert (change.direction, change.status) == (Direction.UNCLEAR, Status.UNCONFIRMED)
    text = summarize(found, locale="en")
    assert "No longer applies" not in text
    assert (
        "The sources no longer list confiscation of property (Criminal Code of Russia, "
        "art. 104.1(1), item а); they may be incomplete. (direction unclear) (unconfirmed)"
    ) in text.splitlines()
    assert (
        "Источники больше не называют конфискацию имущества (п. «а» ч. 1 ст. 104.1 УК РФ); "
        "возможно, они неполны. (направление неясно) (не подтверждено)"
    ) in summarize(found, locale="ru").splitlines()
    # a complete side: a certain removal, more lenient
    assert isinstance(before.sanction, Sanction)
    complete = attrs.evolve(before, sanction=attrs.evolve(before.sanction, complete=True))
    sure = compare(complete, attrs.evolve(complete, measures=()), dataset=RU)
    (removed,) = [c for c in sure.changes if c.location.section == "measures"]
    assert removed.direction is Direction.MORE_LENIENT
    assert "No longer applies: Criminal Code of Russia, art. 104.1(1), item а. (more lenient)" in (
        summarize(sure, locale="en")
    )


def test_the_table_does_not_state_absent_confiscation_for_an_incomplete_sanction() -> None:
    table = compare_many(
        [RU.provision("ru-uk-322.1-1"), KZ.provision("kz-cc-394-1")], datasets=[RU, KZ]
    )
    assert table.row("confiscation") == (("ru-uk-104.1-1-a",), UNKNOWN)
    text = {code: summarize(table, locale=code, format="markdown") for code in SUPPORTED_LOCALES}
    assert (
        "| Confiscation | may apply | not established whether it applies (reported) |" in text["en"]
    )
    assert (
        "| Конфискация | возможна | применяется ли, не установлено (по сообщениям) |"
        in (text["ru"])
    )
    for code, written in text.items():
        row = next(line for line in written.splitlines() if line.count("|") == 4 and "—" in line)
        assert row.split("|")[1].strip() != _confiscation_label(code), (code, row)


def _confiscation_label(code: str) -> str:
    return language(code).gettext("Confiscation")


# -- 3. comparisons as of two dates name the versions the data cannot place ----------------------


def _said_days(found: Comparison) -> list[list[dt.date]]:
    """The dates of each "cannot say whether this applied" sentence, in order."""
    said: list[list[dt.date]] = []
    for st in explain(found).statements:
        if st.message.key != "The data cannot say whether this applied on {day}.":
            continue
        day = dict(st.message.values)["day"]
        whens = day.items if isinstance(day, Items) else (day,)
        dates = [w.date for w in whens if isinstance(w, When)]
        said.append([dt.date(d.year, d.month or 1, d.day or 1) for d in dates])
    return said


def test_the_exam_law_and_the_322_2_boundary_are_named_with_their_dates() -> None:
    d1, d2 = dt.date(2024, 11, 1), dt.date(2025, 1, 1)
    found = compare(RU.as_of(d1), RU.as_of(d2))
    entries = uncertain_versions(found)
    expected = {(u.provision, d1) for u in RU.as_of(d1).uncertain()}
    expected |= {(u.provision, d2) for u in RU.as_of(d2).uncertain()}
    assert {(e.provision, d) for e in entries for d in e.days} == expected
    assert len(_said_days(found)) == len(entries)
    lines = summarize(found, locale="en").splitlines()
    start = lines.index(
        "Criminal Code of Russia, art. 322.2: Fictitious registration at a place of stay or residence"
    )
    block = lines[start : lines.index("", start)]
    assert block[-2:] == [
        "In force until November 8, 2024; when it began is not established. (unconfirmed)",
        "The data cannot say whether this applied on November 1, 2024.",
    ]
    exam = lines.index(
        "Exam in Russian, history of Russia and the basics of Russian law for foreign citizens"
    )
    block = lines[exam : lines.index("", exam)]
    assert block[-2:] == [
        "In force until December 9, 2024; when it began is not established. (reported)",
        "The data cannot say whether this applied on November 1, 2024.",
    ]
    assert "Versions the data cannot place on the dates compared" in lines
    assert (
        "The data cannot say whether this applied on November 1, 2024 or January 1, 2025." in lines
    )
    ru_lines = summarize(found, locale="ru").splitlines()
    assert (
        "Действовала по 8 ноября 2024\u202fг.; дата начала не установлена. (не подтверждено)"
        in (ru_lines)
    )
    assert "По данным нельзя установить, действовала ли эта редакция на 1 ноября 2024\u202fг." in (
        ru_lines
    )


def test_kazakhstan_versions_with_an_unknown_start_are_named() -> None:
    d1, d2 = dt.date(2025, 9, 1), dt.date(2025, 10, 1)
    found = compare(KZ.as_of(d1), KZ.as_of(d2))
    entries = {(e.provision, e.days) for e in uncertain_versions(found)}
    assert entries == {
        ("kz-cc-394-1", (d1,)),
        ("kz-cc-394-2", (d1,)),
        ("kz-cc-394-3", (d1, d2)),
        ("kz-cc1997-330-2", (d1, d2)),
    }
    text = summarize(found, locale="en")
    assert text.count("In force until September 16, 2025; when it began is not established.") == 2
    for code in SUPPORTED_LOCALES:
        for fmt in FORMATS:
            written = summarize(found, locale=code, format=fmt)
            assert "UNKNOWN" not in written
            assert "UncertainOn" not in written
        explanation = explain(found)
        lang = language(code)
        for st in explanation.statements:
            for key in _messages(st.message):
                assert lang.is_translated(key), (code, key)


def test_the_command_line_from_to_names_them_too() -> None:
    from lawsummary.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(
            [
                "compare",
                "--dataset",
                "kz-migration-2025",
                "--from",
                "2025-09-01",
                "--to",
                "2025-10-01",
                "--locale",
                "en",
            ]
        )
    assert code == 0
    assert "The data cannot say whether this applied on September 1, 2025." in out.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(S.datasets(), S.days, S.days)
def test_every_version_the_data_cannot_place_is_named(
    dataset: Dataset, d1: dt.date, d2: dt.date
) -> None:
    found = compare(dataset.as_of(d1), dataset.as_of(d2))
    expected = {(u.provision, d1) for u in dataset.as_of(d1).uncertain()}
    expected |= {(u.provision, d2) for u in dataset.as_of(d2).uncertain()}
    entries = uncertain_versions(found)
    assert {(e.provision, d) for e in entries for d in e.days} == expected
    said = _said_days(found)
    assert sorted(map(sorted, said)) == sorted(sorted(e.days) for e in entries)
    for code in ("en", "ru"):
        summarize(found, locale=code)  # writes in every locale without failing


def test_check_finds_a_certain_measure_removal_from_an_incomplete_sanction() -> None:
    from lawsummary.testing import removals_from_incomplete

    assert removals_from_incomplete(RU, locales="en") == []
    assert removals_from_incomplete(KZ, locales="en") == []
    # a version whose sanction is incomplete and which drops a measure the one before had
    provision = RU.provision("ru-uk-322.1-2")
    last = provision.versions[-1]
    body = last.body
    assert isinstance(body, Offence)
    assert isinstance(body.sanction, Sanction)
    assert not body.sanction.complete
    later = attrs.evolve(
        last,
        valid_from=PartialDate(2030, 1, 1),
        body=attrs.evolve(body, measures=()),
    )
    ended = attrs.evolve(last, valid_to=PartialDate(2029, 12, 31))
    changed = attrs.evolve(provision, versions=(*provision.versions[:-1], ended, later))
    ds = attrs.evolve(
        RU, provisions=tuple(changed if p.id == provision.id else p for p in RU.provisions)
    )
    assert removals_from_incomplete(ds, locales="en") == []  # said as not established
    story = compare(ds.as_of(dt.date(2029, 6, 1)), ds.as_of(dt.date(2030, 6, 1)))
    (change,) = [c for c in story.changes if c.location.section == "measures"]
    assert (change.direction, change.status) == (Direction.UNCLEAR, Status.UNCONFIRMED)


def test_each_direction_names_both_countries_and_uzbek_keeps_one_letter() -> None:
    """ "Only in Kazakhstan: a fine … (harsher than in Kazakhstan)" read as if the fine were
    harsher; every direction now names the side it describes. CLDR's Uzbek country names
    write oʻ with U+02BB; the Uzbek texts write it with U+2018 throughout."""
    back = _cross().reversed()
    lines = summarize(back, locale="en").splitlines()
    assert (
        "Only in Kazakhstan: a fine of up to 3,000 MCI (the lower bound is not established). "
        "(harsher in Russia than in Kazakhstan) (reported)"
    ) in lines
    uz = summarize(back, locale="uz")
    assert "\u02bb" not in uz
    assert "Umuman: Rossiya huquqi Qozog\u2018iston huquqiga nisbatan qattiqroq." in uz.splitlines()
