"""The corrections of the fact base's §7 and of the data audit, each checked on the bundled data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lawsummary.records import (
    ActivityBans,
    AggravatingCircumstance,
    Dataset,
    Imprisonment,
    Offence,
    PatentCost,
    Sanction,
    Status,
)
from lawsummary.rules.ru import patent_monthly_cost


def _body(ru: Dataset, pid: str, index: int = -1) -> object:
    return ru.provision(pid).versions[index].body


def test_art_63_item_is_u_as_published(ru: Dataset) -> None:
    body = _body(ru, "ru-uk-63-1-u")
    assert isinstance(body, AggravatingCircumstance)
    assert body.citation.items == ("у",)
    assert body.citation.provenance is not None
    assert body.citation.provenance.status is Status.REPORTED
    assert "https://yamal-news.net/society/2024/11/10/326001.html" in {
        s.url for s in body.citation.provenance.sources
    }
    assert "aggravating circumstance" in (body.text.get("en") or "")


def test_322_2_and_322_3_dates_are_not_graded_above_the_fact_base(ru: Dataset) -> None:
    for pid in ("ru-uk-322.2", "ru-uk-322.3"):
        for version in ru.provision(pid).versions:
            assert version.provenance is not None
            assert version.provenance.status is Status.UNCONFIRMED, pid


def test_koap_offences_state_no_wording_that_was_not_read(ru: Dataset) -> None:
    for pid in ("ru-koap-19.23-legal-entities", "ru-koap-19.23-legal-entities-repeat"):
        body = _body(ru, pid)
        assert isinstance(body, Offence)
        assert body.description is None


def test_part_2_before_2019_is_in_the_data(ru: Dataset) -> None:
    for day in (dt.date(2015, 1, 1), dt.date(2018, 1, 1)):
        in_force = ru.as_of(day)
        part2 = in_force.provision("ru-uk-322.1-2")
        (version,) = part2.versions
        assert isinstance(version.body, Offence)
        assert isinstance(version.body.sanction, Sanction)
        (alternative,) = version.body.sanction.alternatives
        assert isinstance(alternative.penalty, Imprisonment)
        assert alternative.penalty.term.max == Decimal(7)
        assert version.body.sanction.complete is False


def test_part_2_after_383_fz_lists_the_prosecutors_items(ru: Dataset) -> None:
    body = _body(ru, "ru-uk-322.1-2")
    assert isinstance(body, Offence)
    texts = [c.text.get("en") for c in body.circumstances]
    assert "in order to conceal another crime or make it easier to commit" in texts
    assert "by seizing, hiding or destroying identity documents" in texts


def test_patent_costs_of_section_7_agree_with_the_formula(ru: Dataset) -> None:
    rule = _body(ru, "ru-patent-cost")
    assert isinstance(rule, PatentCost)
    reported = {(c.region, c.year): c.monthly.amount for c in rule.reported_costs}
    # Kursk: the sources give both the coefficient and the cost
    for year in (2025, 2026):
        computed = patent_monthly_cost(rule, "RU-KRS", year).monthly.amount
        assert abs(computed - reported[("RU-KRS", year)]) < 1
        computed = patent_monthly_cost(rule, "RU-SPE", year).monthly.amount
        assert abs(computed - reported[("RU-SPE", year)]) < 1
    assert reported[("RU-MOS", 2025)] == Decimal(8900)
    assert reported[("RU-MOS", 2026)] == Decimal(10000)


def test_krasnodar_bans_every_activity_from_2026(ru: Dataset) -> None:
    bans = _body(ru, "ru-fz-115-18.1-6")
    assert isinstance(bans, ActivityBans)
    acts = [b.act.get("en") or "" for b in bans.examples if b.region == "RU-KDA" and b.act]
    assert any("No. 856" in act and "every economic activity" in act for act in acts)
