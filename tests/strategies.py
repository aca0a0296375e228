"""Hypothesis strategies for the records: every value they draw is valid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from lawsummary.records import (
    UNKNOWN,
    Act,
    ActEvent,
    Addition,
    Alternative,
    Circumstance,
    Citation,
    CompulsoryWorks,
    Dataset,
    DeprivationOfRight,
    Fact,
    Fine,
    Guilt,
    Imprisonment,
    IncomeFine,
    IndexFine,
    IndexRange,
    IndexRate,
    IndexUnit,
    Instrument,
    Liability,
    LifeImprisonment,
    LocalizedText,
    Measure,
    Mode,
    Money,
    MoneyRange,
    Offence,
    OpenQuestion,
    PartialDate,
    Penalty,
    Provenance,
    Provision,
    Sanction,
    Source,
    Stage,
    Status,
    TermRange,
    TimeUnit,
    Version,
)
from lawsummary.records.common import Unknown, check_text
from lawsummary.records.quantities import amount_problem

LANGS = ("en", "ru", "uz", "ky", "tg", "kk")

# Printable text, including Cyrillic and characters JSON and TOML must escape (the
# newline is the only control character a text may hold: see check_text).
text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))
    | st.sampled_from('"\\\n'),
    min_size=1,
    max_size=20,
).filter(lambda s: check_text(s) is None)

localized = st.dictionaries(st.sampled_from(LANGS), text, min_size=1, max_size=3).map(
    lambda d: LocalizedText(tuple(d.items()))
)

# Decimals with varied exponents and trailing zeros, which must survive a round trip
# (within the limits of 12 digits before the point and 8 after it).
amounts = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(0, 10**12 - 1),
    st.integers(-2, 8),
).filter(lambda d: amount_problem(d) is None)
amounts = amounts | st.sampled_from(
    [Decimal("0"), Decimal("5.00"), Decimal("2.8592"), Decimal("1E+6")]
)

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(days)
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


urls = st.from_regex(r"https://[a-z]{1,10}\.(ru|uz|kz|org)/[a-z0-9/_?=.-]{0,20}", fullmatch=True)

sources = st.builds(
    Source,
    url=urls,
    title=st.none() | text,
    publisher=st.none() | text,
    date=st.none() | partial_dates(),
)


@st.composite
def provenances(draw: st.DrawFn) -> Provenance:
    status = draw(st.sampled_from(Status))
    min_sources = 0 if status is Status.UNCONFIRMED else 1
    found = draw(st.lists(sources, min_size=min_sources, max_size=3, unique_by=lambda s: s.url))
    return Provenance(status=status, sources=tuple(found), note=draw(st.none() | localized))


optional_provenance = st.none() | provenances()


#: A bound: absent, a number, or "unknown" (it exists, not established).
_bound = st.none() | amounts | st.just(UNKNOWN)


@st.composite
def bounds(draw: st.DrawFn) -> tuple[Decimal | Unknown | None, Decimal | Unknown | None]:
    low = draw(_bound)
    high = draw(_bound)
    if low is None and high is None:
        high = draw(amounts | st.just(UNKNOWN))
    if isinstance(low, Decimal) and isinstance(high, Decimal) and low > high:
        low, high = high, low
    return low, high


def term_ranges(*units: TimeUnit) -> st.SearchStrategy[TermRange]:
    return st.builds(
        lambda unit, b: TermRange(unit=unit, min=b[0], max=b[1]), st.sampled_from(units), bounds()
    )


currencies = st.sampled_from(["RUB", "KZT", "UZS", "KGS", "TJS", "USD", "EUR"])
money_ranges = st.builds(
    lambda c, b: MoneyRange(currency=c, min=b[0], max=b[1]), currencies, bounds()
)

MY = (TimeUnit.MONTHS, TimeUnit.YEARS)


def penalties(index_units: tuple[str, ...] = ()) -> st.SearchStrategy[Penalty]:
    options: list[st.SearchStrategy[Penalty]] = [
        st.builds(Fine, amount=money_ranges),
        st.builds(IncomeFine, period=term_ranges(*MY)),
        st.builds(Imprisonment, term=term_ranges(*MY)),
        st.builds(CompulsoryWorks, term=term_ranges(TimeUnit.HOURS)),
        st.builds(DeprivationOfRight, term=term_ranges(*MY), scope=st.none() | localized),
        st.just(LifeImprisonment()),
    ]
    if index_units:
        options.append(
            st.builds(
                lambda u, b: IndexFine(amount=IndexRange(unit=u, min=b[0], max=b[1])),
                st.sampled_from(index_units),
                bounds(),
            )
        )
    return st.one_of(options)


def sanctions(index_units: tuple[str, ...] = ()) -> st.SearchStrategy[Sanction]:
    additions = st.builds(
        Addition,
        options=st.lists(penalties(index_units), min_size=1, max_size=2).map(tuple),
        mode=st.sampled_from(Mode),
        provenance=optional_provenance,
    )
    alternatives = st.builds(
        Alternative,
        penalty=penalties(index_units),
        additions=st.lists(additions, max_size=2).map(tuple),
        provenance=optional_provenance,
    )
    return st.builds(
        Sanction,
        alternatives=st.lists(alternatives, min_size=1, max_size=3).map(tuple),
        complete=st.booleans(),
        provenance=optional_provenance,
        open_questions=st.lists(st.builds(OpenQuestion, text=localized), max_size=1).map(tuple),
    )


ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)


def citations(
    instrument: str = "test-code", jurisdiction: str = "XA"
) -> st.SearchStrategy[Citation]:
    return st.builds(
        lambda article, part, items: Citation(
            jurisdiction=jurisdiction,
            instrument=instrument,
            article=article,
            part=part if article else None,
            items=items if article else (),
        ),
        st.none() | st.from_regex(r"[0-9]{1,3}(\.[0-9])?", fullmatch=True),
        st.none() | st.from_regex(r"[0-9]", fullmatch=True),
        st.lists(st.sampled_from(["а", "б", "в", "a", "b"]), unique=True, max_size=2).map(tuple),
    )


def offences(index_units: tuple[str, ...] = ()) -> st.SearchStrategy[Offence]:
    return st.builds(
        Offence,
        citation=citations(),
        title=localized,
        description=st.none() | localized | st.just(UNKNOWN),
        liability=st.sampled_from(Liability),
        circumstances=st.lists(
            st.builds(
                Circumstance,
                item=st.none() | st.just("а"),
                text=localized,
                provenance=optional_provenance,
            ),
            max_size=2,
        ).map(tuple),
        circumstances_complete=st.booleans(),
        guilt=st.sampled_from([Guilt.INTENTIONAL, Guilt.NEGLIGENT, UNKNOWN]),
        # "unknown" now and then: the punishment is not established
        sanction=sanctions(index_units) | st.just(UNKNOWN),
        provenance=provenances(),
        open_questions=st.lists(st.builds(OpenQuestion, text=localized), max_size=1).map(tuple),
    )


@st.composite
def provisions(
    draw: st.DrawFn, pid: str, acts: tuple[str, ...], index_units: tuple[str, ...]
) -> Provision:
    start = draw(days)
    count = draw(st.integers(min_value=1, max_value=3))
    versions = []
    for i in range(count):
        end = start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=2000)))
        last = i == count - 1
        # The first version may have begun on a date the sources do not give.
        unknown_start = i == 0 and draw(st.booleans())
        versions.append(
            Version(
                valid_from=UNKNOWN if unknown_start else PartialDate.from_date(start),
                valid_to=None if last and draw(st.booleans()) else PartialDate.from_date(end),
                amended_by=tuple(draw(st.lists(st.sampled_from(acts), unique=True, max_size=1)))
                if acts
                else (),
                body=draw(offences(index_units)),
                provenance=draw(optional_provenance),
            )
        )
        start = end + dt.timedelta(days=1)
    return Provision(id=pid, versions=tuple(versions))


acts_strategy = st.builds(
    lambda aid, title, number, date, events, provenance: Act(
        id=aid,
        jurisdiction="XA",
        title=title,
        number=number,
        date=date,
        events=events,
        provenance=provenance,
    ),
    ids,
    localized,
    # The text "unknown" is how a document writes UNKNOWN, so it reads back as UNKNOWN.
    st.just(UNKNOWN) | text.filter(lambda t: t != "unknown"),
    st.just(UNKNOWN) | partial_dates(),
    st.lists(
        st.builds(
            ActEvent,
            stage=st.sampled_from(Stage),
            date=st.just(UNKNOWN) | partial_dates(),
            note=st.none() | localized,
        ),
        max_size=2,
    ).map(tuple),
    provenances(),
)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    acts = tuple(draw(st.lists(acts_strategy, max_size=2, unique_by=lambda a: a.id)))
    act_ids = tuple(a.id for a in acts)
    unit_ids = tuple(draw(st.lists(ids, max_size=1, unique=True)))
    units = tuple(
        IndexUnit(
            id=u,
            jurisdiction="XA",
            name=draw(localized),
            rates=(IndexRate(valid_from=dt.date(2024, 1, 1), value=Money(draw(amounts), "XAF")),),
        )
        for u in unit_ids
    )
    provision_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    provs = tuple(draw(provisions(pid, act_ids, unit_ids)) for pid in provision_ids)
    extra = Provision(
        id="measure-" + provision_ids[0],
        versions=(
            Version(
                valid_from=UNKNOWN,
                body=Measure(
                    jurisdiction="XA",
                    title=draw(localized),
                    description=draw(localized),
                    provenance=draw(provenances()),
                ),
            ),
        ),
    )
    return Dataset(
        id=draw(ids),
        title=draw(localized),
        description=draw(st.none() | localized),
        as_of_date=draw(st.none() | days),
        instruments=(Instrument(id="test-code", jurisdiction="XA", title=draw(localized)),),
        acts=acts,
        index_units=units,
        provisions=(*provs, extra),
        open_questions=tuple(draw(st.lists(st.builds(OpenQuestion, text=localized), max_size=1))),
    )


facts = st.builds(Fact, text=localized, provenance=optional_provenance)
