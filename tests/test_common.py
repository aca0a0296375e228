"""Texts, partial dates, unknowns and provenance."""

from __future__ import annotations

import datetime as dt

import pytest

from lawsummary.records import (
    UNKNOWN,
    LocalizedText,
    PartialDate,
    Provenance,
    Source,
    Status,
)


class TestPartialDate:
    @pytest.mark.parametrize(
        ("text", "earliest", "latest", "exact"),
        [
            ("2024-11-09", dt.date(2024, 11, 9), dt.date(2024, 11, 9), True),
            ("2019-11", dt.date(2019, 11, 1), dt.date(2019, 11, 30), False),
            ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), False),
            ("2024-12", dt.date(2024, 12, 1), dt.date(2024, 12, 31), False),
            ("2004", dt.date(2004, 1, 1), dt.date(2004, 12, 31), False),
        ],
    )
    def test_parse_and_bounds(
        self, text: str, earliest: dt.date, latest: dt.date, exact: bool
    ) -> None:
        date = PartialDate.parse(text)
        assert (date.earliest(), date.latest(), date.is_exact) == (earliest, latest, exact)
        assert str(date) == text

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("2023-02-29", "not a real calendar date"),
            ("2024-13", "month 13 is out of range"),
            ("2024-1-5", "is not a date"),
            ("09.11.2024", "is not a date"),
            ("", "is not a date"),
        ],
    )
    def test_rejects(self, text: str, message: str) -> None:
        with pytest.raises(ValueError, match=message):
            PartialDate.parse(text)

    def test_as_date_refuses_vague_dates(self) -> None:
        assert PartialDate(2024, 11, 9).as_date() == dt.date(2024, 11, 9)
        with pytest.raises(ValueError, match="known only to the month"):
            PartialDate(2019, 11).as_date()

    def test_day_needs_month(self) -> None:
        with pytest.raises(ValueError, match="needs a month"):
            PartialDate(2024, None, 3)


class TestLocalizedText:
    def test_order_does_not_matter(self) -> None:
        a = LocalizedText.of(ru="Штраф", en="Fine")
        b = LocalizedText.of(en="Fine", ru="Штраф")
        assert a == b
        assert a.languages == ("en", "ru")
        assert a["ru"] == "Штраф"
        assert a.get("uz") is None
        with pytest.raises(KeyError):
            a["uz"]

    @pytest.mark.parametrize(
        ("texts", "message"),
        [
            ({}, "at least one language"),
            ({"english": "x"}, "not a language code"),
            ({"en": "  "}, "is empty"),
            ({"EN": "x"}, "not a language code"),
        ],
    )
    def test_rejects(self, texts: dict[str, str], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            LocalizedText(tuple(texts.items()))

    def test_accepts_script_variant(self) -> None:
        assert LocalizedText.of(uz_Latn="Jarima").languages == ("uz_Latn",)


class TestProvenance:
    def test_confirmed_needs_a_source(self) -> None:
        with pytest.raises(ValueError, match="needs at least one source"):
            Provenance(status=Status.CONFIRMED)

    def test_unconfirmed_may_have_none(self) -> None:
        assert Provenance(status=Status.UNCONFIRMED).sources == ()

    def test_duplicate_source(self) -> None:
        source = Source("https://example.org/a")
        with pytest.raises(ValueError, match="listed twice"):
            Provenance(status=Status.REPORTED, sources=(source, source))

    def test_source_url_must_be_web_address(self) -> None:
        with pytest.raises(ValueError, match="not a web address"):
            Source("garant.ru/123")


def test_unknown_is_distinct_and_readable() -> None:
    assert UNKNOWN is not None
    assert str(UNKNOWN) == "unknown"
    assert repr(UNKNOWN) == "UNKNOWN"


def test_localized_text_look_ups_survive_pickling_and_evolve() -> None:
    import pickle

    import attrs

    text = LocalizedText.of(uz="matn", en="text", ru="текст")
    assert [text.get(code) for code in ("en", "ru", "uz", "kk")] == ["text", "текст", "matn", None]
    copy = pickle.loads(pickle.dumps(text))
    assert copy == text
    assert hash(copy) == hash(text)
    assert copy.get("uz") == "matn"
    changed = attrs.evolve(text, entries=(("kk", "мәтін"),))
    assert changed.get("kk") == "мәтін"
    assert changed.get("en") is None
    assert repr(text) == (
        "LocalizedText(entries=(('en', 'text'), ('ru', 'текст'), ('uz', 'matn')))"
    )
