"""Locale names, catalogs and CLDR-backed formatting."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from lawsummary import LawSummaryError, UnsupportedLocaleError, datasets, resolve_locale, summarize
from lawsummary.i18n import SUPPORTED_LOCALES, CatalogError, _read_catalog, language
from lawsummary.records import PartialDate

LOCALE_DIR = Path(__file__).parents[1] / "src" / "lawsummary" / "locale"
PLACEHOLDER = re.compile(r"\{(\w+(?:\.\w+)?)\}")  # {name} or {name.attributive}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("en", "en"),
        ("en_GB", "en"),
        ("en-US", "en"),
        ("ru_KZ", "ru"),
        ("ru", "ru"),
        ("uz_Latn", "uz"),
        ("uz_Latn_UZ", "uz"),
        ("ky_KG", "ky"),
        ("tg", "tg"),
        ("kk_KZ", "kk"),
        ("RU", "ru"),
    ],
)
def test_resolve_locale(name: str, expected: str) -> None:
    assert resolve_locale(name) == expected


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../../x", "not a locale name"),
        ("", "not a locale name"),
        ("fr", "unsupported locale 'fr'"),
        ("uz_Cyrl", "written here in Latn script"),
        ("ru;rm -rf", "not a locale name"),
        (None, "not a locale name"),
        (42, "not a locale name"),
    ],
)
def test_unsupported_locales(name: object, why: str) -> None:
    with pytest.raises(UnsupportedLocaleError, match=re.escape(why)) as info:
        resolve_locale(name)
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, LawSummaryError)
    assert error.supported == SUPPORTED_LOCALES
    assert "supported: en, ru, uz, ky, tg, kk" in str(error)


def test_summarize_rejects_a_bad_locale(ru: object) -> None:
    with pytest.raises(UnsupportedLocaleError, match="'de'"):
        summarize(ru, locale="de")


def _catalog_ids() -> list[str]:
    with (LOCALE_DIR / "lawsummary.pot").open("rb") as handle:
        return [m.id for m in read_po(handle) if isinstance(m.id, str) and m.id]


@pytest.mark.parametrize("code", [c for c in SUPPORTED_LOCALES if c != "en"])
def test_catalog_is_complete(code: str) -> None:
    """Every message of the template is translated, not fuzzy, with the same placeholders."""
    with (LOCALE_DIR / code / "LC_MESSAGES" / "lawsummary.po").open("rb") as handle:
        catalog = read_po(handle, locale=code)
    assert catalog.plural_forms.startswith("nplurals=")
    translated = {m.id: m for m in catalog if m.id}
    for msgid in _catalog_ids():
        message = translated.get(msgid)
        assert message is not None, f"{code}: {msgid!r} is missing"
        assert message.string, f"{code}: {msgid!r} is not translated"
        assert not message.fuzzy, f"{code}: {msgid!r} is fuzzy"
        assert isinstance(message.string, str)
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(message.string))
    assert set(translated) == set(_catalog_ids()), "the catalog has messages no code uses"


def test_template_matches_the_code(tmp_path: Path) -> None:
    """The .pot is up to date: extracting again gives the same messages."""
    out = tmp_path / "lawsummary.pot"
    root = Path(__file__).parents[1]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-o",
            str(out),
            "--no-location",
            "--omit-header",
            "--sort-output",
            "src/lawsummary",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with out.open("rb") as handle:
        fresh = [m.id for m in read_po(handle) if m.id]
    assert fresh == _catalog_ids()


def test_missing_catalog_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CatalogError, match="'xx' message catalog is missing"):
        _read_catalog("xx")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "November 9, 2024"),
        ("ru", "9 ноября 2024\u202fг."),
        # The official styles of each country's texts (locale.toml), not CLDR's.
        ("uz", "2024-yil 9-noyabr"),
        ("ky", "2024-жылдын 9-ноябры"),
        ("kk", "2024 жылғы 9 қараша"),
        ("tg", "9 ноябри соли 2024"),
    ],
)
def test_dates_in_each_locales_style(code: str, expected: str) -> None:
    assert language(code).date(PartialDate(2024, 11, 9)) == expected


def test_tajik_dates_override_cldr() -> None:
    """CLDR's Tajik pattern gives "09 Ноябр 2024"; Tajik official texts write "9 ноябри
    соли 2024" (the override is in locale/tg/locale.toml)."""
    import datetime as dt

    from babel.dates import format_date

    assert format_date(dt.date(2024, 11, 9), "long", locale="tg") == "09 Ноябр 2024"
    tg = language("tg")
    assert tg.date(PartialDate(2024, 5, 21)) == "21 майи соли 2024"
    assert tg.date(PartialDate(2019, 11)) == "ноябри соли 2019"
    assert tg.date(PartialDate(2019)) == "2019"


def test_month_precision_dates() -> None:
    ru = language("ru")
    assert ru.date(PartialDate(2019, 11)) == "ноябрь 2019\u202fг."
    assert ru.date(PartialDate(2019, 11), governed=True) == "ноября 2019\u202fг."
    assert language("en").date(PartialDate(2019, 11), governed=True) == "November 2019"
    assert ru.date(PartialDate(2019)) == "2019"


def test_a_month_ending_a_period_takes_the_accusative_after_po() -> None:
    """Russian "по" (up to and including) takes the accusative: "по ноябрь 2019 г.", not the
    genitive "по ноября 2019 г." that "с"/"до" take. A day keeps its genitive month."""
    ru = language("ru")
    november = ru.period_end(PartialDate(2019, 11))
    assert (november, november.through) == ("ноября 2019\u202fг.", "ноябрь 2019\u202fг.")
    day = ru.period_end(PartialDate(2024, 11, 8))
    assert day == day.through == "8 ноября 2024\u202fг."
    assert ru.period_end(PartialDate(2019)).through == "2019"
    # Locales with their own month style, or no such form, write it as it is.
    for code, expected in (("en", "November 2019"), ("kk", "2019 жылғы қараша")):
        end = language(code).period_end(PartialDate(2019, 11))
        assert end == end.through == expected


def test_the_russian_summary_ends_a_month_period_in_the_accusative() -> None:
    from lawsummary import datasets, summarize

    part_2 = datasets.load("ru-migration-2024").provision("ru-uk-322.1-2")
    for fmt in ("text", "markdown", "html"):
        written = summarize(part_2, locale="ru", detail="full", format=fmt)
        assert "Действовала с 20 июля 2016\u202fг. по ноябрь 2019\u202fг." in written
        assert "по ноября" not in written


@pytest.mark.parametrize(
    ("code", "items", "style", "expected"),
    [
        ("en", ["a", "b", "c"], "standard", "a, b, and c"),
        ("en", ["a", "b"], "or", "a or b"),
        ("ru", ["a", "b", "c"], "or", "a, b или c"),
        # CLDR's Kazakh and Tajik lists have no conjunction before the last item.
        ("kk", ["a", "b", "c"], "standard", "a, b және c"),
        ("tg", ["a", "b", "c"], "standard", "a, b ва c"),
        ("tg", ["a"], "standard", "a"),
    ],
)
def test_lists(code: str, items: list[str], style: str, expected: str) -> None:
    assert language(code).join(items, style=style) == expected  # type: ignore[arg-type]


def test_numbers_keep_every_digit() -> None:
    from decimal import Decimal

    assert language("ru").number(Decimal("8900.1177600")) == "8\xa0900,11776"
    assert language("en").number(Decimal("2.8592")) == "2.8592"
    assert language("en").number(Decimal("1E+6")) == "1,000,000"


@pytest.mark.parametrize("code", [c for c in SUPPORTED_LOCALES if c != "en"])
def test_fast_reader_reads_what_babel_reads(code: str) -> None:
    from lawsummary.i18n.po import read_po_messages

    path = LOCALE_DIR / code / "LC_MESSAGES" / "lawsummary.po"
    with path.open("rb") as handle:
        babel = {
            (m.context, m.id): m.string
            for m in read_po(handle)
            if isinstance(m.id, str) and m.id and m.string and not m.fuzzy
        }
    assert read_po_messages(path.read_text(encoding="utf-8")) == babel


def test_fast_reader_handles_escapes_context_and_fuzzy() -> None:
    from lawsummary.i18n.po import PoSyntaxError, read_po_messages

    text = (
        'msgid ""\nmsgstr "Language: ru\\n"\n\n'
        'msgctxt "unit"\nmsgid "a \\"b\\"\\t"\nmsgstr ""\n"c\\\\"\n"d"\n\n'
        '#, fuzzy\nmsgid "old"\nmsgstr "старое"\n\n'
        'msgid "untranslated"\nmsgstr ""\n'
    )
    assert read_po_messages(text) == {("unit", 'a "b"\t'): "c\\d"}
    with pytest.raises(PoSyntaxError, match="line 1: unsupported keyword 'msgid_plurals'"):
        read_po_messages('msgid_plurals "x"\n')
    with pytest.raises(PoSyntaxError, match=r"unknown escape \\q"):
        read_po_messages('msgid "a\\q"\nmsgstr "b"\n')


PLURAL_PO = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
    'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
    'msgid "{n} year"\nmsgid_plural "{n} years"\n'
    'msgstr[0] "{n} год"\nmsgstr[1] "{n} года"\nmsgstr[2] "{n} лет"\n\n'
    'msgctxt "x"\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    'msgstr[2] ""\n'
)


def test_fast_reader_reads_plural_entries_as_babel_does() -> None:
    import io

    from lawsummary.i18n.po import read_po_catalog

    catalog = read_po_catalog(PLURAL_PO)
    assert catalog.header["Language"] == "ru"
    assert catalog.plurals == {
        (None, "{n} year"): ("{n} years", ("{n} год", "{n} года", "{n} лет"))
    }
    babel = read_po(io.BytesIO(PLURAL_PO.encode()), locale="ru")
    message = babel.get("{n} year")
    assert message is not None
    assert isinstance(message.string, tuple)
    assert message.string == catalog.plurals[(None, "{n} year")][1]


def test_ngettext_follows_the_catalogs_plural_forms() -> None:
    from lawsummary.i18n import Language
    from lawsummary.i18n.grammar import locale_data
    from lawsummary.i18n.po import read_po_catalog

    catalog = read_po_catalog(PLURAL_PO)
    expression = catalog.header["Plural-Forms"].partition("plural=")[2].rstrip(";")
    ru = Language(
        code="ru",
        messages={},
        data=locale_data("ru"),
        plurals=catalog.plurals,
        plural_forms=expression,
    )
    forms = {n: ru.ngettext("{n} year", "{n} years", n) for n in (1, 2, 5, 11, 21, 22, 25)}
    assert forms == {
        1: "{n} год",
        2: "{n} года",
        5: "{n} лет",
        11: "{n} лет",
        21: "{n} год",
        22: "{n} года",
        25: "{n} лет",
    }
    assert ru.ngettext("a day", "days", 2) == "days"  # not in the catalog: English


def test_a_catalog_that_is_not_utf8_is_a_catalog_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawsummary import _files

    monkeypatch.setattr(_files, "read_bytes", lambda *parts: b'msgid "\xff"\n')
    with pytest.raises(CatalogError, match="'ru' message catalog is not UTF-8"):
        _read_catalog("ru")


def test_formatted_values_are_kept_within_a_bound_and_can_be_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from decimal import Decimal

    from lawsummary.i18n import _Formatted
    from lawsummary.render import clear_memo

    ru = language("ru")
    ru.number(Decimal(12345))
    assert ru._memo  # kept
    clear_memo(formatted=True)
    assert not ru._memo
    monkeypatch.setattr(_Formatted, "LIMIT", 3)
    for n in range(7):
        assert ru.number(Decimal(n)) == str(n)
        assert len(ru._memo) <= 3
    assert ru.number(Decimal(1000000)) == "1\xa0000\xa0000"


@pytest.mark.parametrize("name", datasets.names())
def test_no_summary_of_the_bundled_data_falls_back_to_another_language(name: str) -> None:
    """Every record of each bundled dataset, short and full, in all six locales."""
    from lawsummary.testing import fallbacks

    assert fallbacks(datasets.load(name)) == []
