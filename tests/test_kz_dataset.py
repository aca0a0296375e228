"""The bundled dataset kz-migration-2025 against section 6 of the fact base.

The tables below are the rows of section 6 written out once; each test checks the
loaded records against them (value, grade and sources), and the section itself
against them where the fact base is beside this checkout.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Literal

import pytest

from lawsummary import compare, datasets, summarize
from lawsummary.i18n import language
from lawsummary.records import (
    UNKNOWN,
    Act,
    Dataset,
    Imprisonment,
    IndexFine,
    LocalizedText,
    Offence,
    OpenQuestion,
    PartialDate,
    Provenance,
    RatePurpose,
    Sanction,
    Source,
    Status,
    TimeUnit,
    Unknown,
    walk,
)
from tests.paths import FACT_BASE

LOCALES = ("en", "ru", "kk", "ky", "uz", "tg")

ADILET = "https://adilet.zan.kz/rus/docs/K1400000226"
LADA = (
    "https://www.lada.kz/kazakhstan-news/143292-s-17-sentiabria-kazakhstan-vvodit-zhestkii-"
    "pogranichnyi-kontrol-za-narushenie-tiuremnyi-srok-do-10-let.html"
)
ALAU = (
    "https://alau.kz/peresechenie-granicy-kostanajskie-pogranichniki-predupredili-ob-"
    "izmenenijah-s-17-sentjabrja/"
)
MGOROD = "https://mgorod.kz/news/zhiteli-zko-organizovali-kanal-dlya-nelegalnoj-migracii-v-rossiyu"
AMANINFO = (
    "https://amaninfo.com/razdely/sport/item/188317-kanaly-nezakonnoy-migracii-likvidirovany-"
    "v-ryade-regionov-kazahstana"
)
CASE_2019 = (
    "https://zakonpravo.kz/en/expulsion-from-the-country-with-a-ban-on-entry-into-the-"
    "territory-of-the-republic-of-kazakhstan"
)
LAW_2002 = "https://www.adilet.zan.kz/kaz/docs/Z020000296_/compare"
EGOV = "http://egov.kz/cms/en/articles/article_mci_2012"
GOV_KZ = "https://www.gov.kz/article/17157?lang=en"
EALEGISLATION = "https://ealegislation.com/document.fwx?rgn=163683"
TENGRINEWS = (
    "https://tengrinews.kz/kazakhstan_news/mrp-v-2025-godu-razmer-izmeneniya-i-klyuchevyie-"
    "pokazateli-556331"
)
ZAKON_KZ = (
    "https://www.zakon.kz/pravo/6500457-kakimi-budut-mrp-minimalnaya-zarplata-i-pensiya-v-"
    "2026-godu.html"
)
LITER = (
    "https://liter.kz/mrp-mzp-i-pensii-nazvany-novye-razmery-raschetnykh-pokazatelei-na-"
    "2026-goda-1767336101/amp"
)

CONFIRMED, REPORTED, UNCONFIRMED = Status.CONFIRMED, Status.REPORTED, Status.UNCONFIRMED
FINES, BENEFITS = RatePurpose.FINES_AND_TAXES, RatePurpose.BENEFITS

#: The acts: id, number, date, grade, sources, and the dated steps (stage, date).
ACTS: list[tuple[str, str | Unknown, str, Status, set[str], list[tuple[str, str]]]] = [
    ("kz-criminal-code-2014", "226-V", "2014-07-03", CONFIRMED, {ADILET}, []),
    (
        "kz-law-2025-07-16",
        UNKNOWN,
        "2025-07-16",
        REPORTED,
        {LADA},
        [("signed", "2025-07-16"), ("in_force", "2025-09-17")],
    ),
    ("kz-law-2002-296", "296-II", "2002", REPORTED, {LAW_2002}, []),
]

#: Art. 394 parts 1 and 2, before and after 17 September 2025: provision, version,
#: valid_from, valid_to, the act that made it, fine (max, in MCI), prison (max, years),
#: grade, sources.
ART_394: list[tuple[str, int, str, str | None, str | None, int, int, Status, set[str]]] = [
    ("kz-cc-394-1", 0, "unknown", "2025-09-16", None, 2000, 2, REPORTED, {LADA, ALAU}),
    ("kz-cc-394-1", 1, "2025-09-17", None, "kz-law-2025-07-16", 3000, 3, REPORTED, {LADA, ALAU}),
    ("kz-cc-394-2", 0, "unknown", "2025-09-16", None, 5000, 5, REPORTED, {LADA, MGOROD}),
    ("kz-cc-394-2", 1, "2025-09-17", None, "kz-law-2025-07-16", 7000, 7, REPORTED, {LADA, MGOROD}),
]

#: The MCI in tenge: from, to, purpose (None: the source names none), value, grade, sources.
RATES: list[tuple[str, str, RatePurpose | None, int, Status, set[str]]] = [
    ("2017-01-01", "2017-12-31", None, 2269, REPORTED, {CASE_2019}),
    ("2022-01-01", "2022-12-31", FINES, 3063, CONFIRMED, {EGOV}),
    ("2022-04-01", "2022-12-31", BENEFITS, 3180, CONFIRMED, {EGOV}),
    ("2024-01-01", "2024-12-31", None, 3692, CONFIRMED, {GOV_KZ, EALEGISLATION}),
    ("2025-01-01", "2025-12-31", None, 3932, REPORTED, {TENGRINEWS}),
    ("2026-01-01", "2026-12-31", FINES, 4325, REPORTED, {ZAKON_KZ, LITER}),
]


@pytest.fixture(scope="module")
def kz() -> Dataset:
    return datasets.load("kz-migration-2025")


def section_6() -> str:
    text = FACT_BASE.read_text(encoding="utf-8")
    start = text.index("\n## 6. Kazakhstan")
    return text[start : text.index("\n## 7.", start)]


def graded(provenance: Provenance | None) -> tuple[Status, set[str]]:
    assert provenance is not None
    return provenance.status, {s.url for s in provenance.sources}


def english(texts: tuple[OpenQuestion, ...]) -> str:
    return " | ".join(q.text["en"] for q in texts)


def test_loads_by_name(kz: Dataset) -> None:
    assert "kz-migration-2025" in datasets.names()
    assert kz.id == "kz-migration-2025"
    assert kz.provision_ids() == ("kz-cc-394-1", "kz-cc-394-2", "kz-cc-394-3", "kz-cc1997-330-2")


def test_the_code(kz: Dataset) -> None:
    code = kz.instrument("kz-criminal-code")
    assert code.jurisdiction == "KZ"
    assert (
        code.title["en"] == "Criminal Code of the Republic of Kazakhstan of 3 July 2014 No. 226-V"
    )
    assert code.title["kk"].endswith("Қылмыстық кодексі")
    assert kz.instrument("kz-criminal-code-1997").jurisdiction == "KZ"


@pytest.mark.parametrize(("act_id", "number", "date", "status", "urls", "events"), ACTS)
def test_acts(
    kz: Dataset,
    act_id: str,
    number: str | Unknown,
    date: str,
    status: Status,
    urls: set[str],
    events: list[tuple[str, str]],
) -> None:
    act = kz.act(act_id)
    assert act.jurisdiction == "KZ"
    assert act.number == number
    assert act.date == PartialDate.parse(date)
    assert graded(act.provenance) == (status, urls)
    assert [(e.stage.value, str(e.date)) for e in act.events] == events
    for event in act.events:
        assert graded(event.provenance) == (status, urls)


def test_the_unknown_number_of_the_2025_law_is_an_open_question(kz: Dataset) -> None:
    act = kz.act("kz-law-2025-07-16")
    assert "number" in english(act.open_questions)
    assert "16 July 2025" in english(kz.open_questions)


@pytest.mark.parametrize(
    ("pid", "index", "start", "end", "act", "fine", "prison", "status", "urls"), ART_394
)
def test_article_394_parts_1_and_2(
    kz: Dataset,
    pid: str,
    index: int,
    start: str,
    end: str | None,
    act: str | None,
    fine: int,
    prison: int,
    status: Status,
    urls: set[str],
) -> None:
    provision = kz.provision(pid)
    assert len(provision.versions) == 2
    version = provision.versions[index]
    assert str(version.valid_from) == start
    assert (None if version.valid_to is None else str(version.valid_to)) == end
    assert version.amended_by == (() if act is None else (act,))
    body = version.body
    assert isinstance(body, Offence)
    citation = body.citation
    assert (citation.jurisdiction, citation.instrument, citation.article, citation.part) == (
        "KZ",
        "kz-criminal-code",
        "394",
        pid[-1],
    )
    assert body.guilt is UNKNOWN  # the article's text was not read
    assert body.category is None  # no crime categories for Kazakhstan in the fact base
    assert graded(body.provenance) == (status, urls)
    # A fine in MCI *or* prison: two alternatives, each with a maximum; the minimum was not
    # read, so it is "unknown" (it exists, it is not established), not absent.
    assert isinstance(body.sanction, Sanction)
    first, second = body.sanction.penalties()
    assert isinstance(first, IndexFine)
    assert (first.amount.unit, first.amount.min, first.amount.max) == (
        "kz-mrp",
        UNKNOWN,
        Decimal(fine),
    )
    assert isinstance(second, Imprisonment)
    assert (second.term.unit, second.term.min, second.term.max) == (
        TimeUnit.YEARS,
        UNKNOWN,
        Decimal(prison),
    )
    assert all(not alt.additions for alt in body.sanction.alternatives)
    # The sources may not list the sanction whole, and the gaps are named.
    assert body.sanction.complete is False
    gaps = english(body.sanction.open_questions)
    assert "minimum" not in gaps  # said by the unknown bounds themselves
    assert "additional penalties" in gaps
    if index == 0:  # the start of the old version is not in the fact base
        assert "took effect" in english(body.open_questions)


def test_part_2_names_a_group_acting_by_prior_agreement_and_not_the_whole_list(
    kz: Dataset,
) -> None:
    for version in kz.provision("kz-cc-394-2").versions:
        body = version.body
        assert isinstance(body, Offence)
        (circumstance,) = body.circumstances
        assert circumstance.text["en"] == "by a group of persons acting by prior agreement"
        assert circumstance.text["kk"] == "адамдар тобының алдын ала сөз байласуымен"
        assert graded(circumstance.provenance) == (REPORTED, {LADA, MGOROD})
        assert "full list of circumstances" in english(body.open_questions)
    for version in kz.provision("kz-cc-394-1").versions:
        assert isinstance(version.body, Offence)
        assert version.body.circumstances == ()


def test_part_3_exists_and_its_sanction_is_not_established(kz: Dataset) -> None:
    (version,) = kz.provision("kz-cc-394-3").versions
    assert version.valid_from is UNKNOWN
    assert version.valid_to is None
    body = version.body
    # A part known to exist but not read: an offence whose description, guilt and
    # sanction are all "unknown".
    assert isinstance(body, Offence)
    citation = body.citation
    assert (citation.jurisdiction, citation.instrument, citation.article, citation.part) == (
        "KZ",
        "kz-criminal-code",
        "394",
        "3",
    )
    assert body.title["en"] == "Organising illegal migration"
    assert body.description is UNKNOWN
    assert body.guilt is UNKNOWN
    assert body.sanction is UNKNOWN
    assert body.category is None
    assert graded(body.provenance) == (UNCONFIRMED, {AMANINFO})
    questions = english(body.open_questions)
    assert "possibly a criminal group" in questions
    assert "“up to 10 years” in news headlines is for the whole package" in questions
    assert "police report mentions confiscation" in questions
    for question in body.open_questions:
        assert question.provenance is not None
        assert question.provenance.status is UNCONFIRMED


def test_the_1997_history(kz: Dataset) -> None:
    (version,) = kz.provision("kz-cc1997-330-2").versions
    assert version.amended_by == ("kz-law-2002-296",)
    assert version.valid_from is UNKNOWN
    assert version.valid_to is UNKNOWN
    body = version.body
    assert isinstance(body, Offence)
    assert (body.citation.instrument, body.citation.article) == ("kz-criminal-code-1997", "330-2")
    assert graded(body.provenance) == (REPORTED, {LAW_2002})
    assert isinstance(body.sanction, Sanction)
    (penalty,) = body.sanction.penalties()
    assert isinstance(penalty, IndexFine)
    assert (penalty.amount.unit, penalty.amount.min, penalty.amount.max) == (
        "kz-mrp",
        Decimal(200),
        Decimal(500),
    )
    assert body.sanction.complete is False  # the rest of the text was not read


def test_the_mci_by_year_and_purpose(kz: Dataset) -> None:
    unit = kz.index_unit("kz-mrp")
    assert unit.jurisdiction == "KZ"
    assert unit.short_name is not None
    assert unit.short_name["kk"] == "АЕК"
    assert unit.short_name["ru"] == "МРП"
    assert unit.short_name["en"] == "MCI"
    assert unit.name["ru"] == "месячный расчётный показатель"
    assert unit.name["kk"] == "айлық есептік көрсеткіш"
    found = [
        (
            r.valid_from.isoformat(),
            None if r.valid_to is None else r.valid_to.isoformat(),
            r.purpose,
            r.value.amount,
            *graded(r.provenance),
        )
        for r in unit.rates
    ]
    assert found == [(a, b, p, Decimal(v), s, u) for a, b, p, v, s, u in RATES]
    assert {r.value.currency for r in unit.rates} == {"KZT"}


@pytest.mark.parametrize(
    ("day", "purpose", "amount"),
    [
        (dt.date(2022, 6, 1), FINES, 3063),
        (dt.date(2022, 6, 1), BENEFITS, 3180),
        (dt.date(2022, 3, 31), BENEFITS, None),  # not in the fact base
        (dt.date(2023, 6, 1), FINES, None),  # not in the fact base
        (dt.date(2024, 6, 1), FINES, 3692),
        (dt.date(2025, 9, 17), FINES, 3932),
        (dt.date(2026, 3, 1), FINES, 4325),
        (dt.date(2026, 3, 1), BENEFITS, None),  # 4,325 is "for fines and taxes"
    ],
)
def test_a_fine_uses_the_value_for_fines(
    kz: Dataset, day: dt.date, purpose: RatePurpose, amount: int | None
) -> None:
    rate = kz.index_unit("kz-mrp").rate_on(day, purpose)
    assert (None if rate is None else rate.value.amount) == amount


def test_the_2019_case(kz: Dataset) -> None:
    rate = kz.index_unit("kz-mrp").rate_on(dt.date(2017, 6, 1), FINES)
    assert rate is not None
    assert rate.value.amount * 2000 == 4_538_000
    assert rate.provenance is not None
    assert rate.provenance.note is not None
    note = rate.provenance.note["en"]
    for needle in ("2019", "2,000 MCI under part 2", "4,538,000 tenge"):
        assert needle in note


def test_no_crime_categories(kz: Dataset) -> None:
    assert all(p.kind != "crime_categories" for p in kz.provisions)
    assert kz.category_scheme("KZ", dt.date(2025, 10, 1)) is None
    for provision in kz.provisions:
        for version in provision.versions:
            assert kz.derived_category(version) is None
    assert "no crime categories for Kazakhstan" in english(kz.open_questions)


def test_the_tables_above_are_section_6() -> None:
    section = section_6()
    assert "Criminal Code of the Republic of Kazakhstan of 3 July 2014 No. 226-V" in section
    assert "signed on 16 Jul 2025 and is in force from **17 Sep 2025**" in section
    assert "Its number was not found." in section
    for before, after in zip(ART_394[::2], ART_394[1::2], strict=True):
        assert f"imprisonment: max {before[6]} → {after[6]} years" in section
        assert f"fine: max {before[5]:,} → {after[5]:,} МРП" in section
    for start, _end, _purpose, value, _status, _urls in RATES:
        assert f"{value:,}" in section, start
    for needle in ("No. 296-II", "Art. 330-2", "200 to 500 МРП", "4,538,000 tenge", "2,269"):
        assert needle in section


def test_every_source_of_section_6_and_no_other(kz: Dataset) -> None:
    section = section_6()
    known = set(re.findall(r"https?://[^\s|;)]+", section))
    used = {record.url for _, record in walk(kz) if isinstance(record, Source)}
    assert used == known


def test_every_text_in_six_languages(kz: Dataset) -> None:
    texts = [(path, r) for path, r in walk(kz) if isinstance(r, LocalizedText)]
    assert len(texts) > 50
    for path, text in texts:
        assert set(text.languages) == set(LOCALES), path


def test_kazakh_legal_terms_from_the_glossary(kz: Dataset) -> None:
    described = kz.description
    assert described is not None
    assert "бас бостандығынан айыру" in described["kk"]
    assert "айыппұл" in described["kk"]
    assert "АЕК" in described["kk"]
    assert "эркиндигинен ажыратуу" in described["ky"]
    assert "Кылмыш-жаза кодекси" in kz.instrument("kz-criminal-code").title["ky"]
    assert "ozodlikdan mahrum qilish" in described["uz"]
    assert "маҳрум сохтан аз озодӣ" in described["tg"]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("detail", ["short", "full"])
def test_summaries(kz: Dataset, locale: str, detail: Literal["short", "full"]) -> None:
    text = summarize(kz, locale=locale, detail=detail)
    assert text.startswith(kz.title[locale])
    part3 = kz.provision("kz-cc-394-3").versions[0].body
    assert isinstance(part3, Offence)
    # part 3 is stated, with its punishment as not established
    assert language(locale).gettext("The punishment is not established.") in text
    for provision in kz.provisions:
        assert summarize(provision, locale=locale, detail=detail, dataset=kz)
    for act in kz.acts:
        assert isinstance(act, Act)
        assert summarize(act, locale=locale, detail=detail, dataset=kz)
    for fmt in ("markdown", "html", "json"):
        assert summarize(kz, locale=locale, detail=detail, format=fmt)


def test_full_summary_names_the_open_questions(kz: Dataset) -> None:
    text = summarize(kz, locale="en", detail="full")
    for question in kz.open_questions:
        assert question.text["en"] in text
    assert LADA in text


def test_part_2_circumstances_are_not_a_complete_list(kz: Dataset) -> None:
    """§6: "the full list of part 2 circumstances — not read". The data says so in its
    structure, so no summary or comparison reads the one circumstance named as the whole."""
    for version in kz.provision("kz-cc-394-2").versions:
        assert isinstance(version.body, Offence)
        assert version.body.circumstances_complete is False
    said = {
        "en": "The sources may not list every qualifying circumstance.",
        "ru": "Источники могут называть не все квалифицирующие признаки.",
    }
    for locale, sentence in said.items():
        assert sentence in summarize(kz.provision("kz-cc-394-2"), locale=locale).splitlines()


def test_an_unconfirmed_record_with_sources_is_not_said_to_have_none(kz: Dataset) -> None:
    """Part 3 is unconfirmed but cites the police report: its grade line must not say that
    no source was found."""
    part_3 = kz.provision("kz-cc-394-3")
    said = {
        "en": "Unconfirmed: the sources found do not establish this.",
        "ru": "Не подтверждено: найденные источники этого не устанавливают.",
    }
    for locale in LOCALES:
        lines = summarize(part_3, locale=locale, detail="full").splitlines()
        assert language(locale).gettext("Unconfirmed: no source was found for this.") not in lines
        if locale in said:
            assert said[locale] in lines


def test_part_3_lists_no_circumstances_as_complete(kz: Dataset) -> None:
    """What part 3 covers is not established, so its empty list of circumstances is not a
    complete one: compared with Russia's part 3, an organised group is "not in the data for
    Kazakhstan", never "only in Russia"."""
    (version,) = kz.provision("kz-cc-394-3").versions
    assert isinstance(version.body, Offence)
    assert version.body.circumstances_complete is False
    ru = datasets.load("ru-migration-2024")
    found = compare(ru.provision("ru-uk-322.1-3"), kz.provision("kz-cc-394-3"), datasets=[ru, kz])
    lines = summarize(found, locale="en").splitlines()
    assert (
        "Not in the data for Kazakhstan: the qualifying circumstance by an organised group; its "
        "sources may be incomplete. (direction unclear) (unconfirmed)"
    ) in lines
    assert not [line for line in lines if line.startswith("Only in Russia")]
