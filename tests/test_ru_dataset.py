"""The bundled dataset ru-migration-2024 against sections 0-5 and 7 of the fact base.

Issue 14's "the audit table could be a test": the tables below are the rows of the fact
base written out once, fact by fact (value, dates, grade, sources); each test reads the
loaded records (``datasets.load``, ``Dataset.as_of``, ``Dataset.derived_category``, and
the grades the summaries' structured JSON shows, in every locale) and checks them
against a table, and the ``test_the_tables_are_section_*`` tests check each
table against the fact base's own text. The fact base is read from the copy vendored in
``tests/reference/legal-facts.md``, so nothing here skips where ``../shared`` is absent
(section 6, Kazakhstan, is ``tests/test_kz_dataset.py``'s).

Where the data disagreed with the fact base, the data was corrected from it (the
test names the fact base's row): the 1,000,000-rouble fine's §7 source, the sources of
the first-reading letter «т», the 1996 thresholds' Garant source and the exam rules'
"took effect together with the law".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest

from lawsummary import datasets, summarize
from lawsummary.records import (
    UNKNOWN,
    ActivityBans,
    AggravatingCircumstance,
    Alternative,
    Confiscation,
    CrimeCategories,
    Dataset,
    ExamRule,
    Fact,
    Guilt,
    Liability,
    Measure,
    Mode,
    Offence,
    PartialDate,
    PatentCost,
    Penalty,
    Provenance,
    Purpose,
    Sanction,
    Source,
    Status,
    Subject,
    Unknown,
    Version,
    walk,
)
from lawsummary.rules.ru import patent_monthly_cost
from tests.paths import FACT_BASE

CONFIRMED, REPORTED, UNCONFIRMED = Status.CONFIRMED, Status.REPORTED, Status.UNCONFIRMED
OPTIONAL, MANDATORY, UNKNOWN_MODE = Mode.OPTIONAL, Mode.MANDATORY, Mode.UNKNOWN

# -- the sources, as the fact base spells them ------------------------------------------

GARANT_2024 = "https://base.garant.ru/10108000/88ec7e3ceafbc9bd24c2a234a2622d51/"
GARANT_2016 = "https://base.garant.ru/57421999/88ec7e3ceafbc9bd24c2a234a2622d51"
GARANT_15 = "https://base.garant.ru/77685871/36bfb7176e3e8bfebe718035887e4efc"
GARANT_1996 = "https://base.garant.ru/3975368/36bfb7176e3e8bfebe718035887e4efc"
GENPROC = "https://epp.genproc.gov.ru/web/proc_59/activity/legal-education/explain?item=102681537"
VEDOMOSTI = (
    "https://vedomosti.ru/society/articles/2024/10/03/"
    "1066161-deputati-hotyat-obespechit-bezopasnost-posle-krokusa"
)
ASIAPLUS = (
    "https://old.asiaplustj.info/ru/news/tajikistan/laworder/20241029/v-rossii-uzhestochili-"
    "nakazanie-migrantam-nelegalam-i-organizatoram-nezakonnoi-migratsii"
)
RUSZAKONY = (
    "https://ruszakony.ru/news/prinyat-zakon-o-konfiskatsii-imuschestva-organizatorov-"
    "nelegalnoy-migratsii/"
)
INTERFAX_EXAM = "https://interfax.ru/russia/990376"
OBSHAROVKA = "https://obsharovka.ru/?p=1917"
PROCRF = "http://procrf.ru/news/1095331-novyiy-kvalifitsiruyuschiy-priznak-vklyuchen.html"
ADMSURGUT = (
    "https://admsurgut.ru/article/406/130377/Organizaciya-nezakonnoy-migracii-s-ispolzovaniem-"
    "sluzhebnogo-polozheniya-povlechet-bolee-surovoe-nakazanie"
)
CONSULTANT = (
    "https://consultant-mos.ru/kodeksy-rf/uk-rf/osc-uk-rf/razdel-10-uk-rf/glava-32-uk-rf/"
    "statya-322-1-uk-rf.html"
)
UTNEWS = "https://utnews.ru/en/gosudarstvo/organizaciya-nezakonnoj-migracii-uk.html"
SUPERINF = "https://superinf.ru/view_helpstud.php?id=3960"
CODIFICATOR = "http://codificator.ru/codex/uk/s322.1"
ZAKONPROST = "http://www.zakonprost.ru/ugolovnyj-kodeks/statja-322-1"
ANIQ = (
    "https://m.aniq.uz/uz/yangiliklar/davlat-dumasi-noqonuniy-migrasiya-uchun-jazoni-"
    "kuchaytiruvchi-qonunlarni-qabul-qildi"
)
TWO_GORODA = (
    "https://2goroda.ru/news/19275-do-15-let-tyurmy-i-millionnye-shtrafy-gosduma-"
    "uzhestochila-nakazanie-za-nezakonnuyu-migraciyu.html"
)
DISTRICT_PROSECUTOR = "https://xn--80aa2azab3g.xn--p1ai/prokuror/2024/11/9348/"
FORBES = "https://forbes.ru/society/524058-v-rossii-uzestocili-nakazanie-za-organizaciu-nezakonnoj-migracii"
NOVOSTI_RS = (
    "https://novosti.rs/amp/planeta/svet/1427815/putin-staje-put-ilegalnoj-migraciji-15-godina-"
    "zatvora-potpisan-savezni-zakon"
)
STOPTERROR = "https://www.stopterror.uz/ru/stay/news/30512/"
NVDAILY = "https://nvdaily.ru/info/308863.html"
KIREEVSKIJ = (
    "https://kireevskij-r71.gosweb.gosuslugi.ru/dlya-zhiteley/novosti-i-reportazhi/"
    "novosti_1009.html"
)
PLAMYA = (
    "https://plamya31.ru/news/politika/2025-03-15/veydelevskaya-prokuratura-soobschila-ob-"
    "usilenii-otvetstvennosti-za-nezakonnuyu-migratsiyu-435489"
)
NEZAVISNE = (
    "https://www.nezavisne.com/novosti/svijet/U-Rusiji-poostrena-kazna-za-organizovanje-"
    "ilegalne-migracije/868453"
)
COURTS_SPB = "http://courts.spb.ru/zakonodatelstvo/ugolovnyij-kodeks/6/2"
PRAVORUB = "https://pravorub.ru/help/laws/uk/104.1.html"
TSARGRAD = (
    "https://mirtesen.tsargrad.tv/blog/43406304408/Polnaya-konfiskatsiya-Prinyat-novyiy-"
    "zakon-protiv-organizatorov-?utm_referrer=mirtesen.ru"
)
SAOMOS = (
    "https://saomos.news/news/society/gosduma-prinyala-zakon-o-konfiskatsii-imushchestva-za-"
    "organizatsiyu-nezakonnoy-migratsii"
)
BUHDAILY = (
    "https://buhdaily.ru/biznes/v-svjazi-s-uchastiem-v-nelegalnoj-migracii-konfiskacija-imushhestva"
)
PROFILE = (
    "https://profile.ru/news/society/v-gd-vnesen-zakonoproekt-o-konfiskacii-deneg-i-imushhestva-"
    "za-organizaciju-nezakonnoj-migracii-1544285/amp"
)
YAMAL = "https://yamal-news.net/society/2024/11/10/326001.html"
MIGRANT_MSK = (
    "https://migrant-msk.ru/%d0%b3%d0%be%d1%81%d0%b4%d1%83%d0%bc%d0%b0-%d0%bf%d1%80%d0%b8%d0%bd"
    "%d1%8f%d0%bb%d0%b0-%d0%b2-i-%d1%87%d1%82%d0%b5%d0%bd%d0%b8%d0%b8-%d0%bf%d1%80%d0%be%d0%b5"
    "%d0%ba%d1%82-%d0%be-%d0%bf%d1%80%d0%b5%d1%81"
)
NEWSTVER = "https://newstver.ru/politics/2024/10/16/34539.html"
FOKINKA = (
    "https://fokinka32.ru/info/prokuratura-fokinskogo-rayona-razyasnyaet/ugolovnaya-"
    "otvetstvennost-za-fiktivnuyu-registraciyu-grazhdan-rf-i-drugih-gosudartsv/"
)
GLAVMUNLEF = "http://glavmunlef.ru/?p=11299"
SHASTOON = "https://shastoon.ru/imushchestvo/322-3uk.html"
V102 = "https://v102.ru/news/136537.html"
BUSINESS_GAZETA = "https://mkam.business-gazeta.ru/article/654121"
SOCURISTY = "https://socuristy.ru/uk/statya-15-uk-rf-kategorii-prestuplenij-aktualnaya/"
YURIST = "https://yurist.group/blog/principles-of-coldness/"
BEZMANI = "http://bezmani.ru/spravka/legal_terms/base/18302.htm"
RESPECTRB = "https://respectrb.ru/node/65593"
LYUBIMIIGOROD = "https://lyubimiigorod.ru/kirov/news/17857625"
DZ3 = "https://dz3.kodms.ru/news/uzhestochaetsya-sdacha-ekzamenov-migrantami"
MYSKI = (
    "https://myskiadmin.ru/prokuratura-gmyiski/2024/12/02/"
    "22558-posrednikam-zapresheno-uchastvovat-v-prieme-ekzame.html"
)
URA = "https://ura.news/news/1052854458"
MAIL_2025 = "https://news.mail.ru/society/68465486/"
KEMSU = "https://test.kemsu.ru/en/documents"
INTERFAX_VALIDITY = "https://interfax.ru/russia/738645"
UNTOLOVO = "https://untolovo.org/?p=19181"
SPUTNIK = (
    "https://uz.sputniknews.ru/20251221/skolko-stoit-patent-dlya-migrantov-v-rossii-v-2026-godu-"
    "54351759.html"
)
R360_MOSCOW = "https://360.ru/news/moskva/mosgorduma-podderzhala-povyshenie-tarifov-na-patenty-dlja-migrantov/"
MOLBULAK = "https://molbulak.ru/news/novosti-migratsii/stoimost-patenta-dlya-migrantov-v-rossii-v-2024-godu"
RBC = "https://www.rbc.ru/politics/11/11/2025/691378839a7947756c195b84"
GAZETA = "https://www.gazeta.ru/social/news/2025/11/11/27158984.shtml"
SARATOV = "https://saratovpravo.ru/postanovlenie/2024/04/27/n-99"
KOMMERSANT_BANS = "https://www.kommersant.ru/doc/5411433"
KLERK = "https://www.klerk.ru/buh/news/657685/"
NAKANUNE = "https://www.nakanune.ru/news/2025/11/12/22846015/"
POLITIK = (
    "https://politik.uz/novosti/migrantam-v-rf-razreshat-rabotat-po-odnomu-patentu-v-dvuh-regionah"
)
TASS = "https://tass.ru/ekonomika/25654443"
ZAKS = "https://www.zaks.ru/new/archive/view/264190"
GAZETA_SPB = (
    "https://gazeta.spb.ru/2646830-patent-dlya-migrantov-v-peterburge-podorozhaet-do-8-tysyach/"
)
R360_MO = "https://360.ru/news/mosobl/patent-na-rabotu-dlja-inostrantsev-uvelichat-v-podmoskove-v-2026-godu/"
KOMMERSANT_KURSK = "https://www.kommersant.ru/doc/8440201"
BRUHOVECKAYA = "https://bruhoveckaya.ru/raion/OMVD_RF_po_BR/news/?ELEMENT_ID=63193"
MAIL_2026 = "https://news.mail.ru/society/69203741/"
INFOPRO = (
    "https://infopro54.ru/news/trudovoj-patent-dlya-migrantov-v-novosibirskoj-oblasti-podorozhal-"
    "na-tri-tysyachi-rub/"
)
RAHMAT = (
    "https://rahmat.ru/novosti/rabota/"
    "stalo_izvestno__v_kakikh_rossiyskikh_regionakh_podorozhayut_patenty_dlya_migrantov"
)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return datasets.load("ru-migration-2024")


def fact_base() -> str:
    return FACT_BASE.read_text(encoding="utf-8")


def section(start: str, end: str) -> str:
    text = fact_base()
    first = text.index(f"\n## {start}")
    return text[first : text.index(f"\n## {end}", first)]


def graded(provenance: Provenance | None) -> tuple[Status, set[str]]:
    assert provenance is not None
    return provenance.status, {s.url for s in provenance.sources}


def date(value: PartialDate | Unknown | None) -> str | None:
    return None if value is None else str(value) if value is not UNKNOWN else "unknown"


def penalty(p: Penalty) -> tuple[Any, ...]:
    """A penalty as (kind, unit or currency, min, max), with the scope of a deprivation."""
    for name in ("amount", "period", "term"):
        found = getattr(p, name, None)
        if found is not None:
            unit = getattr(found, "currency", None) or found.unit.value
            shape: tuple[Any, ...] = (p.kind, unit, found.min, found.max)
            scope = getattr(p, "scope", None)
            return shape if scope is None else (*shape, scope["en"])
    what = getattr(p, "what", None)
    return (p.kind, None if what is None else what["en"])


def alternative(a: Alternative) -> tuple[Any, ...]:
    return (penalty(a.penalty), [(x.mode, [penalty(o) for o in x.options]) for x in a.additions])


def sanction(s: Sanction) -> list[tuple[Any, ...]]:
    return [alternative(a) for a in s.alternatives]


def offence(version: Version) -> Offence:
    assert isinstance(version.body, Offence)
    return version.body


def sanction_of(version: Version) -> Sanction:
    """The version's sanction, which the bundled Russian data always establishes."""
    found = offence(version).sanction
    assert isinstance(found, Sanction)
    return found


def english(questions: tuple[Any, ...]) -> list[str]:
    return [q.text["en"] for q in questions]


# -- §0 and §1.1: the acts ---------------------------------------------------------------

#: id, number, date, grade, sources, [(stage, date, grade, sources)].
ACTS: list[
    tuple[str, str | Unknown, str, Status, set[str], list[tuple[str, str, Status, set[str]]]]
] = [
    (
        "ru-fz-2004-187",
        "187-ФЗ",
        "2004-12-28",
        CONFIRMED,
        {GARANT_2024},
        [("in_force", "unknown", CONFIRMED, {GARANT_2024})],  # 30 days after publication
    ),
    ("ru-fz-2012-308", "308-ФЗ", "2012-12-30", REPORTED, {OBSHAROVKA}, []),
    (
        "ru-fz-2016-375",
        "375-ФЗ",
        "2016-07-06",
        CONFIRMED,
        {GARANT_2016},
        [("in_force", "2016-07-20", CONFIRMED, {GARANT_2016})],
    ),
    (
        "ru-fz-2019-146",
        "146-ФЗ",
        "2019-06-17",
        CONFIRMED,
        {GARANT_15},
        [("in_force", "2019-06-28", CONFIRMED, {GARANT_15})],
    ),
    ("ru-fz-2019-354", "354-ФЗ", "2019-11-04", REPORTED, {PROCRF, ADMSURGUT}, []),
    (
        "ru-fz-2024-383",
        "383-ФЗ",
        "2024-11-09",
        CONFIRMED,
        {GARANT_2024, GENPROC},
        [
            ("introduced", "2024-10", REPORTED, {VEDOMOSTI}),
            ("passed", "2024-10-29", REPORTED, {ASIAPLUS}),
            ("approved", "unknown", UNCONFIRMED, {INTERFAX_EXAM}),
            ("in_force", "2024-11-09", CONFIRMED, {GARANT_2024}),
        ],
    ),
    (
        "ru-law-2024-confiscation",
        UNKNOWN,
        "unknown",
        REPORTED,
        {RUSZAKONY},
        [("passed", "2024-10-30", REPORTED, {RUSZAKONY})],
    ),
    (
        "ru-law-2024-art63",
        UNKNOWN,
        "unknown",
        REPORTED,
        {KIREEVSKIJ},
        [("adopted", "2024-11-09", UNCONFIRMED, {KIREEVSKIJ})],
    ),
    (
        "ru-law-2024-exams",
        UNKNOWN,
        "unknown",
        REPORTED,
        {RESPECTRB, INTERFAX_EXAM},
        [
            ("approved", "2024-11-06", REPORTED, {INTERFAX_EXAM}),
            ("signed", "unknown", REPORTED, {LYUBIMIIGOROD}),
            ("in_force", "2024-12-10", REPORTED, {DZ3}),
        ],
    ),
    (
        "ru-law-2024-koap-19.23",
        UNKNOWN,
        "unknown",
        REPORTED,
        {V102, BUSINESS_GAZETA},
        [("passed", "2024-11-13", REPORTED, {V102, BUSINESS_GAZETA})],
    ),
]


@pytest.mark.parametrize(("act_id", "number", "day", "status", "urls", "events"), ACTS)
def test_acts(
    ds: Dataset,
    act_id: str,
    number: str | Unknown,
    day: str,
    status: Status,
    urls: set[str],
    events: list[tuple[str, str, Status, set[str]]],
) -> None:
    act = ds.act(act_id)
    assert act.jurisdiction == "RU"
    assert act.number == number
    assert date(act.date) == day
    assert graded(act.provenance) == (status, urls)
    found = [
        (e.stage.value, date(e.date), *graded(e.provenance or act.provenance)) for e in act.events
    ]
    assert found == events


def test_every_act_is_in_the_table(ds: Dataset) -> None:
    assert sorted(a.id for a in ds.acts) == sorted(row[0] for row in ACTS)


def test_383_fz_is_the_law_on_the_criminal_code_and_art_151(ds: Dataset) -> None:
    act = ds.act("ru-fz-2024-383")
    assert act.title["ru"] == (
        "Федеральный закон от 09.11.2024 № 383-ФЗ «О внесении изменений в Уголовный кодекс "
        "Российской Федерации и статью 151 Уголовно-процессуального кодекса Российской Федерации»"
    )
    introduced = act.events[0].note
    assert introduced is not None
    assert introduced["en"] == (
        "One of five bills submitted on the night of 1-2 October 2024 by more than 350 "
        "deputies led by Vyacheslav Volodin, drafted by Irina Yarovaya's commission."
    )


def test_the_unknown_numbers_and_dates_are_open_questions(ds: Dataset) -> None:
    for act_id in ("ru-law-2024-confiscation", "ru-law-2024-art63", "ru-law-2024-koap-19.23"):
        assert english(ds.act(act_id).open_questions) == [
            "The law's number, date and entry into force."
        ]
    assert english(ds.act("ru-law-2024-exams").open_questions) == ["The law's number and date."]
    assert ds.act("ru-law-2024-confiscation").bill == "664465-8"


# -- §1.2 to §1.4 and §7: Art. 322.1 ------------------------------------------------------

Y = "years"


def prison(low: int | None, high: int) -> tuple[Any, ...]:
    return ("imprisonment", Y, low, high)


RESTRICTION_2 = (OPTIONAL, [("restriction_of_freedom", Y, None, 2)])
FINE_500K_OR_INCOME_3 = (OPTIONAL, [("fine", "RUB", None, 500000), ("income_fine", Y, None, 3)])

#: Art. 322.1 by part: each version's dates, the act that made it, the sanction
#: (alternatives with their additions), whether the sanction is complete, grade, sources.
ART_322_1: dict[
    str, list[tuple[str, str | None, str, list[tuple[Any, ...]], bool, Status, set[str]]]
] = {
    "ru-uk-322.1-1": [
        (  # §1.3: 2004 original
            "unknown",
            "unknown",
            "ru-fz-2004-187",
            [
                (("fine", "RUB", None, 200000), []),
                (("income_fine", "months", None, 18), []),
                (("compulsory_works", "hours", None, 180), []),
                (("correctional_labour", "months", 6, 12), []),
                (prison(None, 2), []),
            ],
            True,
            REPORTED,
            {SUPERINF},
        ),
        (  # §1.3: 2012-2016 (308-FZ)
            "unknown",
            "2016-07-19",
            "ru-fz-2012-308",
            [
                (("fine", "RUB", None, 300000), []),
                (("income_fine", "months", None, 18), []),
                (("compulsory_works", "hours", None, 420), []),
                (("correctional_labour", Y, None, 2), []),
                (
                    ("forced_labour", Y, None, 3),
                    [(OPTIONAL, [("restriction_of_freedom", Y, None, 1)])],
                ),
                (prison(None, 5), [RESTRICTION_2]),
            ],
            True,
            REPORTED,
            {CODIFICATOR, ZAKONPROST},
        ),
        (  # §1.2: from 20.07.2016 (375-FZ) to 8.11.2024
            "2016-07-20",
            "2024-11-08",
            "ru-fz-2016-375",
            [(prison(None, 5), [RESTRICTION_2])],
            True,
            CONFIRMED,
            {GARANT_2016, CONSULTANT},
        ),
        (  # §1.4 and §7: 383-FZ, both additions optional
            "2024-11-09",
            None,
            "ru-fz-2024-383",
            [
                (
                    prison(2, 5),
                    [
                        FINE_500K_OR_INCOME_3,
                        (
                            OPTIONAL,
                            [
                                (
                                    "deprivation_of_right",
                                    Y,
                                    None,
                                    5,
                                    "to hold certain posts or engage in certain activities",
                                )
                            ],
                        ),
                    ],
                )
            ],
            True,
            CONFIRMED,
            {GARANT_2024},
        ),
    ],
    "ru-uk-322.1-2": [
        (  # §1.3: 2012-2016, details unconfirmed
            "unknown",
            "2016-07-19",
            "ru-fz-2012-308",
            [(prison(None, 7), [])],
            False,
            REPORTED,
            {OBSHAROVKA},
        ),
        (  # 375-FZ rewords item а; imprisonment the only main penalty from 20.07.2016
            "2016-07-20",
            "2019-11",
            "ru-fz-2016-375",
            [(prison(None, 7), [])],
            False,
            REPORTED,
            {OBSHAROVKA, GARANT_2016},
        ),
        (  # §1.2: from November 2019 (354-FZ) to 8.11.2024
            "2019-11",
            "2024-11-08",
            "ru-fz-2019-354",
            [(prison(None, 7), [FINE_500K_OR_INCOME_3, RESTRICTION_2])],
            True,
            REPORTED,  # the fact base's table has no grade
            {CONSULTANT, UTNEWS},
        ),
        (  # §1.4 and §7: 5 to 10 years confirmed, the fine reported, its mode unknown
            "2024-11-09",
            None,
            "ru-fz-2024-383",
            [(prison(5, 10), [(UNKNOWN_MODE, [("fine", "RUB", None, 1000000)])])],
            False,
            CONFIRMED,
            {GENPROC, GARANT_2024},
        ),
    ],
    "ru-uk-322.1-3": [
        (  # §1.4 and §7: the fine or income for 3 to 5 years; deprivation up to 10 years
            "2024-11-09",
            None,
            "ru-fz-2024-383",
            [
                (
                    prison(8, 15),
                    [
                        (
                            UNKNOWN_MODE,
                            [("fine", "RUB", 3000000, 5000000), ("income_fine", Y, 3, 5)],
                        ),
                        (
                            UNKNOWN_MODE,
                            [("deprivation_of_right", Y, None, 10, "to hold certain posts")],
                        ),
                    ],
                )
            ],
            False,
            REPORTED,
            {FORBES, NOVOSTI_RS, STOPTERROR, NVDAILY, KIREEVSKIJ},
        ),
    ],
}

ROWS_322_1 = [
    (pid, index, *row) for pid, rows in ART_322_1.items() for index, row in enumerate(rows)
]


@pytest.mark.parametrize(
    ("pid", "index", "start", "end", "act", "alternatives", "complete", "status", "urls"),
    ROWS_322_1,
)
def test_article_322_1(
    ds: Dataset,
    pid: str,
    index: int,
    start: str,
    end: str | None,
    act: str,
    alternatives: list[tuple[Any, ...]],
    complete: bool,
    status: Status,
    urls: set[str],
) -> None:
    provision = ds.provision(pid)
    assert len(provision.versions) == len(ART_322_1[pid])
    version = provision.versions[index]
    assert (date(version.valid_from), date(version.valid_to)) == (start, end)
    assert version.amended_by == (act,)
    body = offence(version)
    citation = body.citation
    assert (citation.jurisdiction, citation.instrument, citation.article, citation.part) == (
        "RU",
        "ru-criminal-code",
        "322.1",
        pid[-1],
    )
    assert body.liability is Liability.CRIMINAL
    assert body.guilt is Guilt.INTENTIONAL
    assert body.title["en"] == "Organising illegal migration"
    assert isinstance(body.sanction, Sanction)
    assert sanction(body.sanction) == alternatives
    assert body.sanction.complete is complete
    assert graded(body.provenance) == (status, urls)


#: The qualifying circumstances of part 2 (and part 3) by version: (item, English text,
#: grade, sources); a grade of None means the circumstance takes the offence's.
CIRCUMSTANCES: dict[tuple[str, int], list[tuple[str | None, str, Status | None, set[str]]]] = {
    ("ru-uk-322.1-2", 0): [
        ("а", "by an organised group", None, set()),
        ("б", "in order to commit a crime in Russia", None, set()),
    ],
    ("ru-uk-322.1-2", 1): [
        (
            "а",
            "by a group of persons acting by prior agreement or by an organised group",
            CONFIRMED,
            {GARANT_2016},
        ),
        ("б", "in order to commit a crime in Russia", None, set()),
    ],
    ("ru-uk-322.1-2", 2): [
        (
            "а",
            "by a group of persons acting by prior agreement or by an organised group",
            None,
            set(),
        ),
        ("б", "in order to commit a crime in Russia", None, set()),
        ("в", "by a person using their official position", None, set()),
    ],
    ("ru-uk-322.1-2", 3): [
        ("а", "by a group of persons acting by prior agreement", CONFIRMED, {GARANT_2024}),
        ("б", "by a person using their official position", CONFIRMED, {GARANT_2024}),
        ("", "using forged documents", REPORTED, {ASIAPLUS, ANIQ, DISTRICT_PROSECUTOR}),
        ("", "using the internet or other telecommunication networks", REPORTED, {ASIAPLUS, ANIQ}),
        (
            "",
            "in order to conceal another crime or make it easier to commit",
            REPORTED,
            {DISTRICT_PROSECUTOR},
        ),
        (
            "",
            "by seizing, hiding or destroying identity documents",
            REPORTED,
            {DISTRICT_PROSECUTOR},
        ),
    ],
    ("ru-uk-322.1-3", 0): [
        ("", "by an organised group", REPORTED, {PLAMYA}),
        ("", "in order to commit grave or especially grave crimes", REPORTED, {PLAMYA}),
    ],
}


@pytest.mark.parametrize(("key", "expected"), list(CIRCUMSTANCES.items()))
def test_qualifying_circumstances(
    ds: Dataset,
    key: tuple[str, int],
    expected: list[tuple[str | None, str, Status | None, set[str]]],
) -> None:
    pid, index = key
    body = offence(ds.provision(pid).versions[index])
    found = [
        (
            c.item or "",
            c.text["en"],
            *((None, set()) if c.provenance is None else graded(c.provenance)),
        )
        for c in body.circumstances
    ]
    assert found == expected
    # Only the new part 2, whose items are partly reported, says its list may be incomplete.
    assert body.circumstances_complete is (key != ("ru-uk-322.1-2", 3))


def test_part_1_has_no_circumstances(ds: Dataset) -> None:
    assert all(offence(v).circumstances == () for v in ds.provision("ru-uk-322.1-1").versions)


def test_the_reported_additions_carry_their_own_sources(ds: Dataset) -> None:
    part2 = offence(ds.provision("ru-uk-322.1-2").versions[3])
    assert isinstance(part2.sanction, Sanction)
    (prison_alt,) = part2.sanction.alternatives
    assert graded(prison_alt.provenance) == (CONFIRMED, {GENPROC})
    assert graded(prison_alt.additions[0].provenance)[0] is REPORTED
    part3 = offence(ds.provision("ru-uk-322.1-3").versions[0])
    assert isinstance(part3.sanction, Sanction)
    fine, deprivation = part3.sanction.alternatives[0].additions
    assert graded(fine.provenance) == (REPORTED, {PLAMYA, NEZAVISNE})
    assert deprivation.provenance is None  # the part's own grade and sources


def test_the_part_2_fine_carries_the_section_7_source(ds: Dataset) -> None:
    part2 = offence(ds.provision("ru-uk-322.1-2").versions[3])
    assert isinstance(part2.sanction, Sanction)
    status, urls = graded(part2.sanction.alternatives[0].additions[0].provenance)
    assert status is REPORTED
    assert TWO_GORODA in urls


def test_the_gaps_of_parts_2_and_3_are_open_questions(ds: Dataset) -> None:
    part2 = offence(ds.provision("ru-uk-322.1-2").versions[3])
    assert isinstance(part2.sanction, Sanction)
    assert english(part2.sanction.open_questions) == [
        "Whether the fine is mandatory or optional.",
        "Whether there is an alternative fine of the offender's income, and whether "
        "deprivation of the right to hold posts is an additional penalty.",
        "Whether any penalty other than prison is a main alternative.",
    ]
    assert "The full list of items of part 2 was not read in the statute text." in english(
        part2.open_questions
    )
    part3 = offence(ds.provision("ru-uk-322.1-3").versions[0])
    assert isinstance(part3.sanction, Sanction)
    assert english(part3.sanction.open_questions) == [
        "Whether the fine and the deprivation of the right to hold posts are mandatory or "
        "optional.",
        "Whether any penalty other than prison is a main alternative.",
    ]
    clause = (
        "The entry-into-force clause of Federal Law No. 383-FZ was not read; the date "
        "9 November 2024 is the change date given by the Garant legal database."
    )
    for pid in ("ru-uk-322.1-1", "ru-uk-322.1-2", "ru-uk-322.1-3", "ru-uk-322.2", "ru-uk-322.3"):
        assert clause in english(offence(ds.provision(pid).latest()).open_questions), pid


#: §1.4's derived categories (Art. 15 applied to the maximum): (pid, version, category,
#: stated in the data?). Only part 3's is stated by a source (forbes.ru).
CATEGORIES = [
    ("ru-uk-322.1-1", 2, "medium", False),
    ("ru-uk-322.1-1", 3, "medium", False),
    ("ru-uk-322.1-2", 2, "grave", False),
    ("ru-uk-322.1-2", 3, "grave", False),
    ("ru-uk-322.1-3", 0, "especially_grave", True),
    ("ru-uk-322.2", 0, "minor", False),
    ("ru-uk-322.2", 1, "medium", False),
    ("ru-uk-322.3", 0, "minor", False),
    ("ru-uk-322.3", 1, "medium", False),
]


@pytest.mark.parametrize(("pid", "index", "category", "stated"), CATEGORIES)
def test_crime_categories(ds: Dataset, pid: str, index: int, category: str, stated: bool) -> None:
    version = ds.provision(pid).versions[index]
    assert ds.derived_category(version) == category
    assert offence(version).category == (category if stated else None)


#: What is in force on a day (Dataset.as_of): part -> the (prison min, max) of each
#: version the data cannot rule out, and the parts whose version the day leaves uncertain.
IN_FORCE: list[tuple[str, dict[str, list[tuple[int | None, int]]], set[str]]] = [
    (  # the 2004 and the 2012 texts of part 1 both have unknown dates
        "2015-01-01",
        {"ru-uk-322.1-1": [(None, 2), (None, 5)], "ru-uk-322.1-2": [(None, 7)]},
        {"ru-uk-322.1-1", "ru-uk-322.1-2"},
    ),
    ("2018-01-01", {"ru-uk-322.1-1": [(None, 5)], "ru-uk-322.1-2": [(None, 7)]}, set()),
    (  # 354-FZ took effect in November 2019, on a day not established
        "2019-11-10",
        {"ru-uk-322.1-1": [(None, 5)], "ru-uk-322.1-2": [(None, 7), (None, 7)]},
        {"ru-uk-322.1-2"},
    ),
    ("2024-11-08", {"ru-uk-322.1-1": [(None, 5)], "ru-uk-322.1-2": [(None, 7)]}, set()),
    (
        "2024-11-09",
        {"ru-uk-322.1-1": [(2, 5)], "ru-uk-322.1-2": [(5, 10)], "ru-uk-322.1-3": [(8, 15)]},
        set(),
    ),
]


@pytest.mark.parametrize(("day", "expected", "uncertain"), IN_FORCE)
def test_as_of(
    ds: Dataset, day: str, expected: dict[str, list[tuple[int | None, int]]], uncertain: set[str]
) -> None:
    cut = ds.as_of(dt.date.fromisoformat(day))
    found = {
        p.id: [
            (t.min, t.max)
            for t in (sanction_of(v).alternatives[-1].penalty.term for v in p.versions)  # type: ignore[attr-defined]
        ]
        for p in cut.provisions
        if p.id.startswith("ru-uk-322.1-")
    }
    assert found == expected
    assert {u.provision for u in cut.uncertain() if u.provision.startswith("ru-uk-322.1-")} == (
        uncertain
    )


def test_the_2015_part_2_is_the_2012_text(ds: Dataset) -> None:
    (version,) = ds.as_of(dt.date(2015, 1, 1)).provision("ru-uk-322.1-2").versions
    assert version.amended_by == ("ru-fz-2012-308",)
    assert english(sanction_of(version).open_questions) == [
        "The additional penalties and any other main penalties of this version were not read."
    ]


#: The grades the summaries show (their structured JSON) for the facts above: provision,
#: the field a statement traces, and the grade of every statement that traces it.
GRADES_SAID = [
    ("ru-uk-322.1-1", "$.versions[0].body.sanction.alternatives[0].penalty.amount", REPORTED),
    ("ru-uk-322.1-1", "$.versions[2].valid_from", CONFIRMED),
    ("ru-uk-322.1-1", "$.versions[2].body.sanction.alternatives[0].penalty.term", CONFIRMED),
    ("ru-uk-322.1-1", "$.versions[3].body.sanction.alternatives[0].penalty.term", CONFIRMED),
    (
        "ru-uk-322.1-1",
        "$.versions[3].body.sanction.alternatives[0].additions[0].options[0].amount",
        CONFIRMED,
    ),
    ("ru-uk-322.1-2", "$.versions[0].body.sanction.alternatives[0].penalty.term", REPORTED),
    ("ru-uk-322.1-2", "$.versions[2].body.sanction.alternatives[0].penalty.term", REPORTED),
    ("ru-uk-322.1-2", "$.versions[3].valid_from", CONFIRMED),
    ("ru-uk-322.1-2", "$.versions[3].body.sanction.alternatives[0].penalty.term", CONFIRMED),
    (
        "ru-uk-322.1-2",
        "$.versions[3].body.sanction.alternatives[0].additions[0].options[0].amount",
        REPORTED,
    ),
    ("ru-uk-322.1-2", "$.versions[3].body.circumstances[0].text", CONFIRMED),
    ("ru-uk-322.1-2", "$.versions[3].body.circumstances[1].text", CONFIRMED),
    ("ru-uk-322.1-2", "$.versions[3].body.circumstances[2].text", REPORTED),
    ("ru-uk-322.1-2", "$.versions[3].body.circumstances[5].text", REPORTED),
    ("ru-uk-322.1-3", "$.versions[0].body.sanction.alternatives[0].penalty.term", REPORTED),
    (
        "ru-uk-322.1-3",
        "$.versions[0].body.sanction.alternatives[0].additions[0].options[1].period",
        REPORTED,
    ),
    ("ru-uk-322.1-3", "$.versions[0].body.circumstances[1].text", REPORTED),
    ("ru-uk-322.2", "$.versions[0].body.sanction.alternatives[0].penalty.amount", REPORTED),
    ("ru-uk-322.2", "$.versions[1].valid_from", UNCONFIRMED),
    ("ru-uk-322.2", "$.versions[1].body.sanction.alternatives[0].penalty.term", REPORTED),
    ("ru-uk-322.3", "$.versions[1].valid_from", UNCONFIRMED),
    ("ru-uk-322.3", "$.versions[1].body.sanction.alternatives[0].penalty.term", REPORTED),
]


@pytest.mark.parametrize("locale", ["en", "ru", "uz", "ky", "tg", "kk"])
def test_the_summaries_show_the_grades_of_the_fact_base(ds: Dataset, locale: str) -> None:
    said: dict[str, list[dict[str, Any]]] = {}
    for pid in sorted({pid for pid, _, _ in GRADES_SAID}):
        out = summarize(ds.provision(pid), locale=locale, detail="full", dataset=ds, format="json")
        said[pid] = json.loads(out)["statements"]
    for pid, path, status in GRADES_SAID:
        grades = {s["status"] for s in said[pid] if path in s["trace"]}
        assert grades == {status.value}, (pid, path)


# -- §2.1: Art. 104.1, confiscation ---------------------------------------------------------


def test_confiscation(ds: Dataset) -> None:
    (version,) = ds.provision("ru-uk-104.1-1-a").versions
    assert date(version.valid_from) == "unknown"
    assert version.amended_by == ("ru-law-2024-confiscation",)
    assert graded(version.provenance) == (UNCONFIRMED, set())
    body = version.body
    assert isinstance(body, Confiscation)
    c = body.citation
    assert (c.instrument, c.article, c.part, c.items) == ("ru-criminal-code", "104.1", "1", ("а",))
    assert graded(body.provenance) == (REPORTED, {TSARGRAD, SAOMOS, BUHDAILY, PROFILE})
    assert body.condition is not None
    assert body.condition["en"] == "The crime was committed for profit (from mercenary motives)."
    assert body.condition["ru"] == "Преступление совершено из корыстных побуждений."
    assert [(a.instrument, a.article, a.part) for a in body.applies_to] == [
        ("ru-criminal-code", "322.1", None)
    ]
    assert body.nature is not None
    assert graded(body.nature.provenance) == (CONFIRMED, {COURTS_SPB, PRAVORUB})
    assert body.nature.text["en"].endswith(
        "It is a separate criminal-law measure, not a punishment."
    )
    scope, law = body.open_questions
    assert graded(scope.provenance) == (UNCONFIRMED, {RUSZAKONY})
    assert scope.text["en"] == (
        "Which other articles or parts the change covers (a source also mentions organising "
        "or aiding illegal border crossing)."
    )
    assert law.text["en"] == "The number and date of the federal law and its entry into force."
    # the parts after 383-FZ point at it
    for pid in ("ru-uk-322.1-1", "ru-uk-322.1-2", "ru-uk-322.1-3"):
        assert offence(ds.provision(pid).latest()).measures == ("ru-uk-104.1-1-a",)


# -- §2.2 and §7: Art. 63 -----------------------------------------------------------------


def test_aggravating_circumstance(ds: Dataset) -> None:
    (version,) = ds.provision("ru-uk-63-1-u").versions
    assert date(version.valid_from) == "unknown"
    assert version.amended_by == ("ru-law-2024-art63",)
    body = version.body
    assert isinstance(body, AggravatingCircumstance)
    c = body.citation
    assert (c.instrument, c.article, c.part, c.items) == ("ru-criminal-code", "63", "1", ("у",))
    assert graded(c.provenance) == (REPORTED, {YAMAL, MIGRANT_MSK, NEWSTVER})
    assert graded(body.provenance) == (REPORTED, {KIREEVSKIJ})
    assert body.text["en"] == (
        "Committing a crime while staying in Russia illegally is an aggravating circumstance."
    )
    assert body.text["ru"] == (
        "Совершение преступления лицом, незаконно находящимся на территории Российской "
        "Федерации, является отягчающим обстоятельством."
    )


def test_the_first_reading_letter_keeps_its_sources(ds: Dataset) -> None:
    body = ds.provision("ru-uk-63-1-u").versions[0].body
    assert isinstance(body, AggravatingCircumstance)
    _, urls = graded(body.citation.provenance)
    assert {MIGRANT_MSK, NEWSTVER} <= urls


# -- §2.3 and §7: Arts. 322.2 and 322.3 ------------------------------------------------------

DEPRIVATION_3 = (OPTIONAL, [("deprivation_of_right", Y, None, 3)])  # no scope: §2.3 gives none
BEFORE_322_2 = [
    (("fine", "RUB", 100000, 500000), []),
    (("income_fine", Y, None, 3), []),
    (("forced_labour", Y, None, 3), [DEPRIVATION_3]),
    (prison(None, 3), [DEPRIVATION_3]),
]


@pytest.mark.parametrize(
    ("pid", "sources"), [("ru-uk-322.2", {FOKINKA, GLAVMUNLEF}), ("ru-uk-322.3", {SHASTOON})]
)
def test_fictitious_registration(ds: Dataset, pid: str, sources: set[str]) -> None:
    before, after = ds.provision(pid).versions
    assert (date(before.valid_from), date(before.valid_to)) == ("unknown", "2024-11-08")
    assert (date(after.valid_from), date(after.valid_to)) == ("2024-11-09", None)
    assert before.amended_by == ()
    assert after.amended_by == ("ru-fz-2024-383",)
    # §7: the 8/9 November boundary is Garant's for 322.1 only; for these an assumption.
    for version in (before, after):
        assert graded(version.provenance) == (UNCONFIRMED, {GENPROC})
    old, new = offence(before), offence(after)
    assert old.citation.article == new.citation.article == pid.removeprefix("ru-uk-")
    assert old.citation.part is None
    assert isinstance(old.sanction, Sanction)
    assert sanction(old.sanction) == BEFORE_322_2
    assert old.sanction.complete is True
    assert graded(old.provenance) == (REPORTED, sources)
    assert isinstance(new.sanction, Sanction)
    assert sanction(new.sanction) == [(prison(None, 5), [])]
    assert new.sanction.complete is False
    assert graded(new.provenance) == (REPORTED, {KIREEVSKIJ, STOPTERROR})
    unread, forbes = new.sanction.open_questions
    assert unread.text["en"] == (
        "The new fines, forced labour and any new parts of the article were not read."
    )
    assert graded(forbes.provenance) == (UNCONFIRMED, {FORBES})
    assert forbes.text["en"] == (
        'Forbes reports "2 to 6 years" for forgery of documents and fictitious registration; '
        "which article or part carries it is not established."
    )


# -- §2.4 and §7: the Code of Administrative Offences and the blocking of websites -----------


@pytest.mark.parametrize(
    ("pid", "fine", "additions", "circumstances"),
    [
        (
            "ru-koap-19.23-legal-entities",
            (5000000, 10000000),
            [
                (
                    MANDATORY,
                    [("administrative_confiscation", "the means used to commit the offence")],
                )
            ],
            [],
        ),
        (
            "ru-koap-19.23-legal-entities-repeat",
            (10000000, 60000000),
            [],
            ["committed again (a repeat offence)"],
        ),
    ],
)
def test_article_19_23_for_legal_entities(
    ds: Dataset,
    pid: str,
    fine: tuple[int, int],
    additions: list[tuple[Any, ...]],
    circumstances: list[str],
) -> None:
    (version,) = ds.provision(pid).versions
    assert date(version.valid_from) == "unknown"
    assert version.amended_by == ("ru-law-2024-koap-19.23",)
    body = offence(version)
    assert (body.citation.instrument, body.citation.article, body.citation.part) == (
        "ru-administrative-code",
        "19.23",
        None,
    )
    assert body.liability is Liability.ADMINISTRATIVE
    assert body.offender is not None
    assert body.offender["en"] == "Legal entities"
    assert body.guilt is UNKNOWN
    assert body.description is None  # §7: the wording was not read; do not write one
    assert isinstance(body.sanction, Sanction)
    assert sanction(body.sanction) == [(("fine", "RUB", *fine), additions)]
    assert body.sanction.complete is False
    assert [c.text["en"] for c in body.circumstances] == circumstances
    assert graded(body.provenance) == (REPORTED, {V102, BUSINESS_GAZETA})
    assert (
        "The part of Art. 19.23 and the wording of the offence were not read in the statute text."
        in english(body.open_questions)
    )


def test_blocking_of_websites(ds: Dataset) -> None:
    (version,) = ds.provision("ru-blocking-migration-services").versions
    body = version.body
    assert isinstance(body, Measure)
    assert graded(body.provenance) == (REPORTED, {BUHDAILY})
    assert body.description["en"] == (
        "Websites offering illegal migration services can be blocked without a court decision."
    )
    assert english(body.open_questions) == ["The details of the procedure were not read."]


# -- §3: Art. 15, crime categories -----------------------------------------------------------

#: category, guilt, above, up to, or a more severe punishment.
ART_15 = [
    ("minor", Guilt.INTENTIONAL, None, 3, False),
    ("minor", Guilt.NEGLIGENT, None, 3, False),
    ("medium", Guilt.INTENTIONAL, 3, 5, False),
    ("medium", Guilt.NEGLIGENT, 3, None, False),
    ("grave", Guilt.INTENTIONAL, 5, 10, False),
    ("especially_grave", Guilt.INTENTIONAL, 10, None, True),
]


def test_article_15(ds: Dataset) -> None:
    (version,) = ds.provision("ru-uk-15").versions
    assert date(version.valid_from) == "2019-06-28"
    assert version.amended_by == ("ru-fz-2019-146",)
    assert graded(version.provenance) == (CONFIRMED, {GARANT_15, GARANT_1996})
    body = version.body
    assert isinstance(body, CrimeCategories)
    assert graded(body.provenance) == (CONFIRMED, {SOCURISTY, GARANT_15, YURIST, BEZMANI})
    found = [(r.category, r.guilt, r.above, r.up_to, r.more_severe) for r in body.rules]
    assert found == ART_15
    # Negligent crimes can never be grave or especially grave.
    assert {r.category for r in body.rules if r.guilt is Guilt.NEGLIGENT} == {"minor", "medium"}


def test_the_1996_thresholds_keep_their_source(ds: Dataset) -> None:
    (version,) = ds.provision("ru-uk-15").versions
    assert version.provenance is not None
    assert version.provenance.note is not None
    assert "1996" in version.provenance.note["en"]
    assert GARANT_1996 in graded(version.provenance)[1]


# -- §4: the exam law ------------------------------------------------------------------------


def facts(items: tuple[Fact, ...] | Fact | None) -> list[tuple[str, Status, set[str]]]:
    if items is None:
        return []
    listed = items if isinstance(items, tuple) else (items,)
    return [(f.text["en"], *graded(f.provenance)) for f in listed]


def test_the_exam_before_and_after(ds: Dataset) -> None:
    before, after = ds.provision("ru-fz-115-exam").versions
    assert (date(before.valid_from), date(before.valid_to)) == ("unknown", "2024-12-09")
    assert (date(after.valid_from), date(after.valid_to)) == ("2024-12-10", None)
    assert after.amended_by == ("ru-law-2024-exams",)
    assert graded(after.provenance) == (REPORTED, {DZ3})
    old, new = before.body, after.body
    assert isinstance(old, ExamRule)
    assert isinstance(new, ExamRule)
    for rule in (old, new):
        assert [(c.instrument, c.article) for c in rule.citations] == [
            ("ru-fz-115", "15.1"),
            ("ru-fz-115", "15.2"),
        ]
        assert rule.subjects == (Subject.RUSSIAN_LANGUAGE, Subject.HISTORY, Subject.LAW)
        assert graded(rule.provenance) == (REPORTED, {DZ3, INTERFAX_EXAM})
    assert facts(old.conducted_by) == [
        ("Organisations carrying out educational activity.", REPORTED, {DZ3, INTERFAX_EXAM})
    ]
    assert facts(new.conducted_by) == [
        (
            "Only state institutions on a list approved by the Government of Russia.",
            REPORTED,
            {DZ3, INTERFAX_EXAM},
        )
    ]
    assert facts(new.list_formed_by) == [
        (
            "On proposals of the Ministry of Science and Higher Education, agreed with the "
            "Ministry of Internal Affairs and Rosobrnadzor.",
            REPORTED,
            {DZ3, INTERFAX_EXAM},
        )
    ]
    assert facts(new.fee_set_by) == [
        ("The Government of Russia sets the fee.", REPORTED, {DZ3, INTERFAX_EXAM})
    ]
    assert new.listed_institutions is not None
    assert new.listed_institutions.value == 92
    assert graded(new.listed_institutions.provenance) == (REPORTED, {URA})
    assert facts(new.prohibited) == [
        (
            "Listed institutions may not pass the right or duty to run the exam or to issue "
            "the certificate to third parties.",
            REPORTED,
            {MYSKI, INTERFAX_EXAM},
        ),
        (
            "Listed institutions may not involve third parties in organising the exam.",
            REPORTED,
            {MYSKI, INTERFAX_EXAM},
        ),
    ]
    assert facts(new.permitted) == [
        (
            "A subordinate enterprise or an authorised organisation may be used only to receive "
            "documents and for information, organisational and technical support.",
            REPORTED,
            {MYSKI, INTERFAX_EXAM},
        )
    ]
    assert facts(new.conduct_rules) == [
        (
            "During the exam the candidate may not use hints, phones, recording devices, "
            "computers or notes.",
            REPORTED,
            {RESPECTRB},
        ),
        (
            "A candidate who breaks these rules is treated as having failed, and the result is "
            "annulled.",
            REPORTED,
            {RESPECTRB},
        ),
        (
            "The government resolution setting these rules took effect together with the law.",
            REPORTED,
            {RESPECTRB},
        ),
    ]
    assert new.required_for == (
        Purpose.PATENT,
        Purpose.TEMPORARY_RESIDENCE,
        Purpose.RESIDENCE_PERMIT,
    )
    assert graded(new.required_for_provenance) == (REPORTED, {MAIL_2025})
    assert [(text[:40], status, urls) for text, status, urls in facts(old.notes)] == [
        ("The exam was regulated by Government res", REPORTED, {KEMSU}),
        ("A certificate's validity depends on its ", REPORTED, {INTERFAX_VALIDITY}),
    ]
    assert "No. 824 of 31.05.2021" in old.notes[0].text["en"]
    assert "No. 864 of 07.06.2021" in old.notes[0].text["en"]


def test_the_exam_rules_took_effect_with_the_law(ds: Dataset) -> None:
    rule = ds.provision("ru-fz-115-exam").versions[1].body
    assert isinstance(rule, ExamRule)
    said = [f.text["en"] for f in (*rule.conduct_rules, *rule.notes)]
    assert any("together with the law" in text for text in said)


def test_the_115_fz_is_the_law_on_the_legal_status_of_foreign_citizens(ds: Dataset) -> None:
    law = ds.instrument("ru-fz-115")
    assert law.title["en"] == (
        "Federal Law of 25.07.2002 No. 115-FZ on the legal status of foreign citizens in the "
        "Russian Federation"
    )
    assert law.title["ru"] == (
        "Федеральный закон от 25.07.2002 № 115-ФЗ «О правовом положении иностранных граждан в "
        "Российской Федерации»"
    )


# -- §5 and §7: the patent ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def patent(ds: Dataset) -> PatentCost:
    (version,) = ds.provision("ru-patent-cost").versions
    assert isinstance(version.body, PatentCost)
    return version.body


DEFLATORS = [
    (2024, "2.4", {MOLBULAK}),
    (2025, "2.594", {UNTOLOVO, KOMMERSANT_KURSK}),
    (2026, "2.842", {SPUTNIK, KOMMERSANT_KURSK}),
]
COEFFICIENTS = [
    ("RU-MOW", 2025, "2.8592", {RBC}),
    ("RU-MOW", 2026, "2.9323", {RBC, GAZETA}),
    ("RU-SPE", 2025, "1.927525", {TASS, ZAKS}),
    ("RU-SPE", 2026, "2.3457659", {TASS, ZAKS}),
    ("RU-KRS", 2025, "2.92", {KOMMERSANT_KURSK}),
    ("RU-KRS", 2026, "3.07", {KOMMERSANT_KURSK}),
]
#: region, year, roubles a month, approximate, sources.
COSTS = [
    ("RU-SA", 2024, 12957, False, {MOLBULAK}),
    ("RU-CE", 2024, 2880, False, {MOLBULAK}),
    ("RU-MOW", 2025, 8900, True, {RBC}),
    ("RU-MOW", 2026, 10000, False, {RBC, GAZETA}),
    ("RU-KDA", 2026, 27283, False, {SPUTNIK}),
    ("RU-TUL", 2026, 25000, False, {SPUTNIK}),
    ("RU-LIP", 2026, 21915, False, {SPUTNIK}),
    ("RU-SPE", 2026, 8000, False, {SPUTNIK, TASS, ZAKS}),
    ("RU-CE", 2026, 3410, False, {SPUTNIK}),
    ("RU-SPE", 2025, 6000, False, {TASS, ZAKS}),
    ("RU-MOS", 2025, 8900, False, {R360_MO}),
    ("RU-MOS", 2026, 10000, False, {R360_MO}),
    ("RU-KRS", 2025, 9089, False, {KOMMERSANT_KURSK}),
    ("RU-KRS", 2026, 10470, False, {KOMMERSANT_KURSK}),
]


def test_the_patent_formula(ds: Dataset, patent: PatentCost) -> None:
    (version,) = ds.provision("ru-patent-cost").versions
    assert date(version.valid_from) == "unknown"
    assert version.amended_by == ()  # not part of the 2024 package
    assert [(c.instrument, c.article) for c in patent.citations] == [("ru-tax-code", "227.1")]
    assert (patent.base.amount, patent.base.currency) == (Decimal(1200), "RUB")
    assert graded(patent.provenance) == (REPORTED, {UNTOLOVO, SPUTNIK, R360_MOSCOW})
    assert facts(patent.deflator_set_by)[0][1:] == (REPORTED, {UNTOLOVO, SPUTNIK})
    assert facts(patent.coefficient_set_by)[0][1:] == (REPORTED, {UNTOLOVO, R360_MOSCOW})
    found = [(d.year, d.value, *graded(d.provenance)) for d in patent.deflators]
    assert found == [(y, Decimal(v), REPORTED, u) for y, v, u in DEFLATORS]
    coefficients = [(c.region, c.year, c.value, *graded(c.provenance)) for c in patent.coefficients]
    assert coefficients == [(r, y, Decimal(v), REPORTED, u) for r, y, v, u in COEFFICIENTS]
    costs = [
        (c.region, c.year, c.monthly.amount, c.approximate, *graded(c.provenance))
        for c in patent.reported_costs
    ]
    assert costs == [(r, y, Decimal(a), x, REPORTED, u) for r, y, a, x, u in COSTS]
    assert {c.monthly.currency for c in patent.reported_costs} == {"RUB"}


@pytest.mark.parametrize(
    ("region", "year", "monthly"),
    [
        ("RU-MOW", 2025, "8900.1177600"),  # §5 arithmetic check: 8,900.1
        ("RU-MOW", 2026, "10000.3159200"),  # 10,000.3
        ("RU-SPE", 2026, "8000.0000253600"),  # §7: 8,000.0
        ("RU-SPE", 2025, "5999.999820000"),
        ("RU-KRS", 2025, "9089.37600"),
        ("RU-KRS", 2026, "10469.92800"),
    ],
)
def test_the_formula_gives_the_reported_costs(
    patent: PatentCost, region: str, year: int, monthly: str
) -> None:
    computed = patent_monthly_cost(patent, region, year).monthly
    assert (computed.amount, computed.currency) == (Decimal(monthly), "RUB")
    reported = {(c.region, c.year): c.monthly.amount for c in patent.reported_costs}
    assert abs(computed.amount - reported[(region, year)]) < 1


def test_the_territorial_scope_and_the_open_questions(patent: PatentCost) -> None:
    assert [(text[:30], s, u) for text, s, u in facts(patent.territorial_scope)] == [
        ("A patent is valid only in the ", REPORTED, {NAKANUNE, POLITIK}),
        ("One patent for two neighbourin", REPORTED, {NAKANUNE, POLITIK, R360_MO}),
        ("From 1 January 2026 one patent", REPORTED, {GAZETA_SPB}),
    ]
    assert (
        patent.territorial_scope[1]
        .text["en"]
        .endswith(
            'sources disagree on the start date ("since May 2025" or "from 1 September 2025").'
        )
    )
    assert patent.territorial_scope[2].text["en"] == (
        "From 1 January 2026 one patent covers both St Petersburg and Leningrad Oblast, at "
        "8,000 roubles a month."
    )
    questions = [(q.text["en"], *graded(q.provenance)) for q in patent.open_questions]
    assert questions == [
        ("The start date of one patent for two neighbouring regions.", UNCONFIRMED, set()),
        (
            'No legal source was found for "target-oriented" regional patents; the nearest '
            "confirmed mechanism is the regional bans on activities.",
            UNCONFIRMED,
            set(),
        ),
        ("How the result of the formula is rounded.", UNCONFIRMED, set()),
        (
            "The 2026 patent cost in Novosibirsk Oblast: one source gives 10,680 roubles a month "
            "(a minister, at the bill stage), another 10,860.",
            UNCONFIRMED,
            {INFOPRO, RAHMAT},
        ),
    ]


def test_the_patent_is_not_presented_as_part_of_the_package(ds: Dataset) -> None:
    assert ds.description is not None
    assert ds.description["en"].endswith(
        "The data also holds the rules for the cost of a work patent, which were not part of "
        "the package. Each fact carries its grade and sources. This is not legal advice."
    )


def test_regional_bans(ds: Dataset) -> None:
    (version,) = ds.provision("ru-fz-115-18.1-6").versions
    body = version.body
    assert isinstance(body, ActivityBans)
    c = body.citation
    assert (c.instrument, c.article, c.part) == ("ru-fz-115", "18.1", "6")
    assert graded(body.provenance) == (CONFIRMED, {SARATOV})
    found = [
        (
            b.region,
            None if b.act is None else b.act["en"][:60],
            None if b.activities is None else b.activities.value,
            *graded(b.provenance),
        )
        for b in body.examples
    ]
    assert found == [
        (
            "RU-SAR",
            "Resolution of the Governor of Saratov Oblast of 27.04.2024 N",
            None,
            CONFIRMED,
            {SARATOV},
        ),
        ("RU-KDA", None, 129, REPORTED, {KOMMERSANT_BANS, KLERK}),
        ("RU-PRI", None, None, REPORTED, {KOMMERSANT_BANS, KLERK}),
        (
            "RU-KDA",
            "Resolution of the Governor of Krasnodar Krai of 18.12.2025 N",
            None,
            REPORTED,
            {BRUHOVECKAYA, MAIL_2026},
        ),
    ]
    krasnodar = body.examples[3].act
    assert krasnodar is not None
    assert krasnodar["en"] == (
        "Resolution of the Governor of Krasnodar Krai of 18.12.2025 No. 856, which from "
        "1 January 2026 bans hiring patent holders in every economic activity (construction: "
        "housing from 1 January, other buildings from 1 March 2026)"
    )


# -- §8: the dataset's open questions -------------------------------------------------------


def test_the_datasets_open_questions_are_section_8(ds: Dataset) -> None:
    assert english(ds.open_questions) == [
        "The full statute text of Art. 322.1 parts 2 and 3: the complete list of items, whether "
        "fines and deprivations of rights are mandatory, and the income alternatives.",
        "The entry-into-force clause of Federal Law No. 383-FZ (Garant's annotation says "
        "9 November 2024).",
        "The numbers and dates of the federal laws on confiscation (Art. 104.1), on Art. 63 and "
        "on the exams (Arts. 15.1 and 15.2 of Law No. 115-FZ).",
        "The new sanctions of Arts. 322.2, 322.3 and 327 beyond a maximum of 5 years in prison, "
        'and which part carries the reported "2 to 6 years".',
        '"Target-oriented" regional patents: no legal source was found.',
    ]
    assert all(graded(q.provenance) == (UNCONFIRMED, set()) for q in ds.open_questions)


# -- the sources -----------------------------------------------------------------------------


def russian_sections() -> str:
    text = fact_base()
    return text[: text.index("\n## 6. Kazakhstan")] + text[text.index("\n## 7.") :]


def test_every_source_of_the_data_is_in_sections_0_to_5_and_7(ds: Dataset) -> None:
    known = set(re.findall(r"https?://[^\s|;)]+", russian_sections()))
    used = {record.url for _, record in walk(ds) if isinstance(record, Source)}
    assert len(used) == 72
    assert used - known == set()
    # and every source of those sections is cited, but for the disagreements listed above
    assert known - used == set()  # the data cites every source of §0-5 and §7


def test_every_url_of_the_tables_is_in_the_fact_base() -> None:
    known = set(re.findall(r"https?://[^\s|;)]+", fact_base()))
    ours = {v for k, v in globals().items() if k.isupper() and isinstance(v, str) and "://" in v}
    assert len(ours) == 72
    assert ours - known == set()


# -- the tables against the fact base's text ------------------------------------------------


def test_the_tables_are_sections_0_and_1() -> None:
    text = section("0.", "2.")
    for needle in (
        "Five bills were submitted on the night of 1–2 Oct 2024, signed by more than 350 deputies",
        "The 322.1 bill was passed in 2nd and 3rd readings on 29 Oct 2024",
        "The confiscation bill (No. 664465-8) was passed on 30 Oct 2024",
        "The exam law was approved on 6 Nov 2024. Approval dates for the other laws are UNCONFIRMED.",
        "**Federal Law of 09.11.2024 No. 383-ФЗ**",
        "| ФЗ 28.12.2004 No. 187-ФЗ | Created the article, in force 30 days after publication. | CONFIRMED |",
        "| ФЗ 30.12.2012 No. 308-ФЗ | Part 1: maximum fine 200k → 300k RUB, correctional labour max 1 → 2 yrs, forced labour max 2 → 3 yrs. Part 2 (group) up to 7 yrs. | REPORTED |",
        "| ФЗ 06.07.2016 No. 375-ФЗ (in force 20.07.2016) | Part 1 reduced to imprisonment only.",
        "| ФЗ 04.11.2019 No. 354-ФЗ | Part 2 gained a new item: committed by a person using their official position. | REPORTED",
        "| 1 | organising illegal entry, stay or transit of foreigners or stateless persons | imprisonment | — (no minimum in the article) | 5 | years | restriction of freedom up to 2 yrs, optional |",
        "| imprisonment | — | 7 | years | optional fine up to 500,000 RUB **or** income for up to 3 yrs; optional restriction of freedom up to 2 yrs |",
        "fine up to 200,000 RUB or income up to 18 months; compulsory works up to 180 h; correctional labour 6 months–1 yr; imprisonment up to 2 yrs",
        "fine up to 300,000 RUB or income up to 18 months; compulsory works up to 420 h; correctional labour up to 2 yrs; **forced labour up to 3 yrs** (+ optional restriction of freedom up to 1 yr); imprisonment up to 5 yrs (+ optional restriction up to 2 yrs)",
        "| 2012–2016 | 2 | (a) organised group; (b) to commit a crime in RF; imprisonment up to 7 yrs | details UNCONFIRMED | REPORTED |",
        "| imprisonment | 2 | 5 | years | optional fine up to 500,000 RUB **or** income for up to 3 yrs; optional deprivation of the right to hold certain posts or engage in certain activities, up to 5 yrs | CONFIRMED (statute text) |",
        "| imprisonment | 5 | 10 | years | fine up to 1,000,000 RUB (reported).",
        "| imprisonment | 8 | 15 | years | fine 3,000,000–5,000,000 RUB **or** income for 3–5 yrs; deprivation of the right to hold certain posts up to 10 yrs.",
        "| 1 | 5 yrs → medium gravity | 5 yrs → medium gravity |",
        "| 2 | 7 yrs → grave | 10 yrs → grave |",
        "| 3 | (did not exist) | 15 yrs → especially grave.",
    ):
        assert needle in text, needle


def test_the_tables_are_sections_2_to_5() -> None:
    text = section("2.", "6.")
    for needle in (
        "it is a separate criminal-law measure, **not a punishment type**. | CONFIRMED |",
        "**if the crime was committed from mercenary motives (из корыстных побуждений)** | REPORTED |",
        "| federal law number and date, entry into force | not found | UNCONFIRMED | — |",
        "Committing a crime while **illegally present in RF** becomes an aggravating circumstance | REPORTED",
        "| 322.2 | fictitious registration of an RF citizen (place of stay or residence) or of a foreigner (residence) | fine | 100,000 | 500,000 | RUB (alt.: income up to 3 yrs) | — |",
        "| 322.2 | same | forced labour | — | 3 | years | optional deprivation of right up to 3 yrs | same |",
        "| 322.2 | same | imprisonment | — | 3 | years | optional deprivation of right up to 3 yrs | same |",
        "| 322.2, 322.3 | maximum imprisonment 3 → **5 years** | REPORTED",
        "Fine 5–10 mln RUB with confiscation of the means used; repeat offence 10–60 mln RUB. Passed by the Duma in 2nd and 3rd readings on 13 Nov 2024. | REPORTED |",
        "| небольшой тяжести (minor gravity) | intentional and negligent acts | max ≤ 3 yrs | CONFIRMED |",
        "| средней тяжести (medium gravity) | intentional acts with max ≤ 5 yrs; negligent acts with max > 3 yrs |",
        "| тяжкие (grave) | **intentional** acts only | max ≤ 10 yrs | CONFIRMED |",
        "| особо тяжкие (especially grave) | **intentional** acts only | imprisonment > 10 yrs, or a more severe punishment | CONFIRMED |",
        "Part 3 was amended from 28.06.2019 by ФЗ 17.06.2019 No. 146-ФЗ",
        "| in force | **10 Dec 2024** | REPORTED (quotes the law) |",
        'Only **state institutions** on a list approved by the RF Government. Before, any "organisations carrying out educational activity" could.',
        "| list adopted | 92 state institutions,",
        "A certificate is needed for a patent, a temporary residence permit (РВП) or a residence permit (ВНЖ)",
        "Gov. resolutions of 31.05.2021 No. 824 (regulation on the exam) and No. 840 (minimum knowledge requirements), and 07.06.2021 No. 864 (list procedure)",
        "3 yrs (РВП, work permit, patent) or indefinite (ВНЖ), replacing a single 5-yr term.",
        "monthly cost = **1,200 RUB** × deflator coefficient",
        "Tax Code Art. 227.1",
        "| Krasnodar Krai 27,283 (highest); Tula 25,000; Lipetsk 21,915; Chechnya 3,410 (lowest); St Petersburg 8,000 |",
        "| 2024 extremes | Yakutia 12,957 (highest); Chechnya 2,880 (lowest) |",
        "| arithmetic check | 1200 × 2.594 × 2.8592 = 8,900.1; 1200 × 2.842 × 2.9323 = 10,000.3 |",
        "115-ФЗ Art. 18.1(6), as cited in Saratov governor resolution No. 99 of 27.04.2024. Further examples: Krasnodar (129 activities), Primorye.",
        '| "target-oriented" patents (Izvestia) | No source found',
    ):
        assert needle in text, needle
    for year, value, _ in DEFLATORS:
        assert f"| deflator {year} | {value}" in text
    for region, year, value, _ in COEFFICIENTS[:2]:
        assert f"regional coefficient {value}" in text, (region, year)


def test_the_tables_are_section_7() -> None:
    text = section("7.", "8.")
    for needle in (
        "is item **«у»** of Art. 63(1), per TASS quoting the law as published. The first-reading text had «т».",
        "both additions are optional in the statute text",
        "committed to conceal another crime or facilitate it; using forged documents, or seizing, concealing or destroying identity documents",
        "| Art. 322.1(3) conduct | organised group, **or** to commit grave or especially grave crimes on RF territory |",
        "3,000,000–5,000,000 RUB **or** wages or other income for **3 to 5 years**",
        "| Art. 322.1(2) range | min 5, max 10 years | CONFIRMED (prosecutor's office) |",
        "| Art. 322.1(2) fine | up to 1,000,000 RUB;",
        "for 322.2 and 322.3 it is an assumption, not a sourced fact.",
        "| KoAP Art. 19.23 | the wording of the offence was not read: do not write one |",
        "2025: 6,000 RUB/month, regional coefficient 1.927525; 2026: 8,000 RUB/month, coefficient 2.3457659",
        "one patent for both, 8,000 RUB/month from 1 Jan 2026",
        "| Moscow Oblast patent | 2025: 8,900 RUB; 2026: 10,000 RUB (coefficient not given) |",
        "| Kursk patent | 2025: 9,089 RUB (coefficient 2.92); 2026: 10,470 RUB (coefficient 3.07); also confirms the deflators 2.594 and 2.842 |",
        "Governor resolution No. 856 of 18 Dec 2025: from 1 Jan 2026 employers may not hire patent holders in **any** economic activity",
        "10,680 RUB (minister, bill stage) against 10,860 RUB elsewhere",
        "is the law **on the legal status of foreign citizens in the RF**",
    ):
        assert needle in text, needle
