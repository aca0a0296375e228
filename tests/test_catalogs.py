"""Catalogs a translator can work in, the locale data files, and the review status.

The catalogs are standard gettext (``pybabel compile`` and ``msgfmt --check`` accept
them), every message has a translator comment written by ``lawsummary.i18n.catalogs``,
the case and unit forms live in ``locale/<code>/locale.toml``, a seventh locale is one
catalog plus one data file, and every summary says that nobody has reviewed it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from lawsummary import datasets, summarize
from lawsummary.i18n import (
    REVIEW_NOTICE,
    SUPPORTED_LOCALES,
    Formed,
    LocaleDataError,
    language,
)
from lawsummary.i18n import catalogs as tool
from lawsummary.i18n.grammar import _parse, locale_data
from lawsummary.i18n.po import read_po_catalog

ROOT = Path(__file__).parents[1]
LOCALE = ROOT / "src" / "lawsummary" / "locale"
TRANSLATED = [c for c in SUPPORTED_LOCALES if c != "en"]
#: The command the checks (and .ci/run) use: pybabel compile.
COMPILE = [sys.executable, "-m", "babel.messages.frontend", "compile"]
DATASET = datasets.load("ru-migration-2024")


def _po(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / "lawsummary.po"


# -- standard gettext ---------------------------------------------------------------


@pytest.mark.parametrize("code", TRANSLATED)
def test_headers_are_clean(code: str) -> None:
    with _po(code).open("rb") as handle:
        catalog = read_po(handle)
    assert not catalog.fuzzy, "a fuzzy header makes pybabel compile skip the catalog"
    header = read_po_catalog(_po(code).read_text(encoding="utf-8")).header
    assert header["Language"] == code
    assert header["Plural-Forms"] == get_plural(code).plural_forms
    text = _po(code).read_text(encoding="utf-8")
    for placeholder in ("EMAIL@ADDRESS", "FULL NAME", "YEAR-MO-DA", "#, fuzzy"):
        assert placeholder not in text
    assert header["X-Reviewed-By"]
    assert header["X-Review-Date"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_pybabel_compile_accepts_every_catalog(code: str, tmp_path: Path) -> None:
    out = tmp_path / "lawsummary.mo"
    result = subprocess.run(
        [*COMPILE, "-i", str(_po(code)), "-o", str(out), "-l", code, "--statistics"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr
    assert "error" not in result.stderr.lower()
    assert out.stat().st_size > 1000  # compiled, not skipped


@pytest.mark.parametrize("code", TRANSLATED)
def test_msgfmt_check_accepts_every_catalog(code: str, tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:  # pragma: no cover - GNU gettext is on the CI machine
        pytest.skip("msgfmt (GNU gettext) is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "x.mo"), str(_po(code))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_mo_file_gives_what_the_own_reader_gives(code: str, tmp_path: Path) -> None:
    """Compiled and read by stdlib gettext, a catalog says what lawsummary reads."""
    import gettext

    folder = tmp_path / code / "LC_MESSAGES"
    folder.mkdir(parents=True)
    subprocess.run(
        [*COMPILE, "-i", str(_po(code)), "-o", str(folder / "lawsummary.mo"), "-l", code],
        capture_output=True,
        check=True,
    )
    translations = gettext.translation("lawsummary", str(tmp_path), languages=[code])
    for (_, msgid), text in language(code).messages.items():
        assert translations.gettext(msgid) == text


def test_the_template_and_catalogs_are_what_the_tool_writes() -> None:
    """Every comment and header is up to date: python -m lawsummary.i18n.catalogs --check."""
    result = subprocess.run(
        [sys.executable, "-m", "lawsummary.i18n.catalogs", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("code", [None, *TRANSLATED])
def test_every_message_has_a_translator_comment(code: str | None) -> None:
    path = LOCALE / "lawsummary.pot" if code is None else _po(code)
    with path.open("rb") as handle:
        catalog = read_po(handle)
    messages = [m for m in catalog if m.id]
    assert len(messages) > 200
    for message in messages:
        comments = message.auto_comments
        assert comments, message.id
        assert comments[0].startswith("Where: "), message.id
        text = " ".join(comments)
        assert "(not described)" not in text, message.id
        for name in tool.Entry(str(message.id), None, (), ()).placeholders:
            assert f"{{{name}}}: " in text, (message.id, name)


def test_the_source_comment_reaches_the_catalogs() -> None:
    entry = next(e for e in tool.extract() if e.msgid == REVIEW_NOTICE)
    assert any("native-speaking lawyer" in c for c in entry.source_comments)
    assert entry.places == (("i18n/__init__.py", "REVIEW_NOTICE"),)


def test_the_tool_keeps_translations_and_adds_new_messages() -> None:
    entries = [
        tool.Entry("prison for {term}", None, (("explain/common.py", "penalty_phrase()"),), ()),
        tool.Entry("New message", None, (("explain/common.py", "f()"),), ("Say it.",)),
    ]
    old = (
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: kk\\n"\n"Last-Translator: FULL NAME '
        '<EMAIL@ADDRESS>\\n"\n"X-Reviewed-By: A. Lawyer\\n"\n"X-Review-Date: 2027-01-02\\n"\n\n'
        'msgid "prison for {term}"\nmsgstr "{term} бас бостандығынан айыру"\n\n'
        'msgid "gone"\nmsgstr "жоқ"\n'
    )
    text = tool.render_catalog(entries, "kk", old, "2026-12-01 00:00+0000")
    catalog = read_po_catalog(text)
    assert catalog.messages == {(None, "prison for {term}"): "{term} бас бостандығынан айыру"}
    assert catalog.header["Last-Translator"] == "lawsummary developers"
    assert catalog.header["X-Reviewed-By"] == "A. Lawyer"
    assert catalog.header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert "#, fuzzy" not in text
    assert '#. Say it.\nmsgid "New message"\nmsgstr ""' in text
    assert "#. {term}: a duration with its bound" in text
    assert "# Review: reviewed by A. Lawyer on 2027-01-02." in text


# -- what the translations say ------------------------------------------------------


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_colon_inside_a_phrase_put_into_other_messages(code: str) -> None:
    """A phrase such as "confiscation of {what}" goes after a colon in other sentences
    ("The court must also impose: …"): it must not hold a colon of its own."""
    lang = language(code)
    for (_, msgid), text in lang.messages.items():
        if msgid[:1].islower():
            assert ":" not in text, (code, msgid, text)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("kk", "сотталған адамның 18 айға дейінгі кезеңдегі жалақысы"),
        ("ky", "соттолгондун 18 айга чейинки мезгилдеги эмгек акысы"),
    ],
)
def test_up_to_before_a_noun_is_attributive(code: str, expected: str) -> None:
    provision = DATASET.provision("ru-uk-322.1-1")
    for format in ("text", "markdown", "html"):
        text = summarize(provision, locale=code, dataset=DATASET, detail="full", format=format)
        assert expected in text.replace("\xa0", " "), format


def test_a_quantity_with_an_attributive_form() -> None:
    from decimal import Decimal

    kk = language("kk")
    written = kk.quantity(None, Decimal(18), "months")
    assert isinstance(written, Formed)
    assert written == "18 айға дейін"
    assert written.attributive == "18 айға дейінгі"
    between = kk.quantity(Decimal(6), Decimal(12), "months")
    assert between.attributive == "6 айдан 12 айға дейінгі"  # type: ignore[attr-defined]
    exact = kk.quantity(Decimal(5), Decimal(5), "years")
    assert exact.attributive == exact  # type: ignore[attr-defined]  # none given: as it is
    uz = language("uz").quantity(None, Decimal(5), "years")
    assert uz.attributive == uz == "5 yilgacha"  # type: ignore[attr-defined]
    assert f"{written.attributive} x" == "18 айға дейінгі x"


# -- the locale data files ----------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("position = 6", "position = 0"), "kk/locale.toml: position: expected a whole number"),
        (('script = "Cyrl"', 'script = "cyrillic"'), "script: expected an ISO 15924 code"),
        (('up_to = "{n} {unit:lim}"', 'up_to = "{n} {unit:dat}"'), "the case 'dat' is not given"),
        (('up_to = "{n} {unit:lim}"', 'up_to = "{m} {unit:lim}"'), "unknown placeholder {m}"),
        (('lim = "айға дейін"', 'lim = ""'), "[units.months] lim: expected a non-empty string"),
        (('"қараша",\n', ""), "expected twelve month names, got 11"),
        (('fallbacks = ["ru", "en"]', 'fallbacks = ["xx"]'), "'xx' is not another locale"),
        (('data_reviewed_by = ""', 'data_reviewed_by = "A. Lawyer"'), "needs both who"),
        (("[ranges]", "[ranges]\nbogus = 1"), "unknown key 'bogus'"),
        (("[review]", "[review"), "is not valid TOML"),
        (('"after_penalty"', '"after_noun"'), "expected 'after_amount' or 'after_penalty'"),
        (("[review]", '[forms.in]\n"Ресей" = "Ресейде"\n[review]'), 'needs "*", the pattern'),
        (("[review]", '[forms.in]\n"*" = "{nom}"\n[review]'), "the pattern needs {name}"),
        (("[review]", '[forms.In]\n"*" = "{name}"\n[review]'), "lower-case letters"),
        (("[review]", '[forms.through]\n"*" = "{name}"\n[review]'), "not attributive/through"),
        (("[review]", '[forms.in]\n"*" = "{name}"\n"Ресей" = ""\n[review]'), "non-empty"),
    ],
)
def test_a_broken_data_file_is_a_clear_error(change: tuple[str, str], message: str) -> None:
    text = (LOCALE / "kk" / "locale.toml").read_text(encoding="utf-8")
    old, new = change
    assert old in text
    with pytest.raises(LocaleDataError, match=__import__("re").escape(message)):
        _parse("kk", text.replace(old, new, 1).encode())


def test_every_locale_has_a_data_file_with_every_unit() -> None:
    from lawsummary.i18n.grammar import QUANTITY_UNITS

    for code in SUPPORTED_LOCALES:
        data = locale_data(code)
        assert set(QUANTITY_UNITS) <= set(data.units), code
        assert data.position == SUPPORTED_LOCALES.index(code) + 1


# -- review status ------------------------------------------------------------------


def test_no_catalog_or_data_file_claims_a_review() -> None:
    """Nobody has reviewed any locale; the files say so and nothing says otherwise."""
    for code in SUPPORTED_LOCALES:
        review = language(code).review
        assert not review.complete
        assert review.describe() == (
            "messages not reviewed; texts of the bundled data not reviewed"
        )
        assert language(code).review_notice is not None


@pytest.mark.parametrize("code", SUPPORTED_LOCALES)
def test_every_summary_ends_with_the_review_notice_once(code: str) -> None:
    notice = language(code).review_notice
    assert notice is not None
    if code != "en":
        assert notice != REVIEW_NOTICE, "the notice is translated"
    for record in (DATASET, DATASET.provision("ru-uk-322.1-3"), DATASET.acts[0]):
        for detail in ("short", "full"):
            text = summarize(record, locale=code, dataset=DATASET, detail=detail)
            assert text.endswith(f"\n\n{notice}\n")
            assert text.count(notice) == 1
        markdown = summarize(record, locale=code, dataset=DATASET, format="markdown")
        assert markdown.count(notice.replace("'", "'")) <= 1
        assert markdown.rstrip().endswith("_")
        html = summarize(record, locale=code, dataset=DATASET, format="html")
        assert html.count('class="review-status"') == 1
        assert html.endswith("</p>\n</article>\n")
        page = summarize(record, locale=code, dataset=DATASET, format="html", standalone=True)
        assert page.count('class="review-status"') == 1
        assert '<footer class="review-status">' in page
        document = json.loads(summarize(record, locale=code, dataset=DATASET, format="json"))
        assert document["review_notice"] == notice


def test_a_reviewed_locale_has_no_notice() -> None:
    from lawsummary.i18n import _review
    from lawsummary.i18n.po import PoCatalog

    header = {"X-Reviewed-By": "A. Lawyer", "X-Review-Date": "2027-01-02"}
    reviewed_data = _parse(
        "kk",
        (LOCALE / "kk" / "locale.toml")
        .read_text(encoding="utf-8")
        .replace('data_reviewed_by = ""', 'data_reviewed_by = "B. Lawyer"')
        .replace('data_reviewed_on = ""', 'data_reviewed_on = "2027-01-03"')
        .encode(),
    )
    review = _review(PoCatalog(header, {}, {}), reviewed_data)
    assert review.complete
    assert "messages reviewed by A. Lawyer on 2027-01-02" in review.describe()
    # Only the catalog reviewed, not the data's texts: the notice stays.
    assert not _review(PoCatalog(header, {}, {}), locale_data("kk")).complete
    none = {"X-Reviewed-By": "none", "X-Review-Date": "none"}
    assert not _review(PoCatalog(none, {}, {}), reviewed_data).complete


def test_the_locales_command_lists_the_review_status() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lawsummary", "locales"], capture_output=True, text=True, check=True
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("  review: ")]
    assert len(lines) == len(SUPPORTED_LOCALES)
    assert all("not reviewed" in line for line in lines)


# -- a seventh locale ---------------------------------------------------------------


BELARUSIAN = """\
# Belarusian (be): a throw-away locale made by the test suite.
position = 7
script = "Cyrl"
fallbacks = ["ru", "en"]

[units.hours]
nom = { one = "гадзіна", few = "гадзіны", many = "гадзін", other = "гадзіны" }
gen = { one = "гадзіны", few = "гадзін", many = "гадзін", other = "гадзіны" }
[units.days]
nom = { one = "дзень", few = "дні", many = "дзён", other = "дня" }
gen = { one = "дня", few = "дзён", many = "дзён", other = "дня" }
[units.months]
nom = { one = "месяц", few = "месяцы", many = "месяцаў", other = "месяца" }
gen = { one = "месяца", few = "месяцаў", many = "месяцаў", other = "месяца" }
[units.years]
nom = { one = "год", few = "гады", many = "гадоў", other = "года" }
gen = { one = "года", few = "гадоў", many = "гадоў", other = "года" }
[units.RUB]
nom = { one = "рубель", few = "рублі", many = "рублёў", other = "рубля" }
gen = { one = "рубля", few = "рублёў", many = "рублёў", other = "рубля" }
[units.index]
nom = "адзінка"
gen = "адзінкі"

[ranges]
exact = "{n} {unit:nom}"
up_to = "да {n} {unit:gen}"
at_least = "не менш за {n} {unit:nom}"
more_than = "больш за {n} {unit:nom}"
between = "ад {lo} да {hi} {unit:gen}"
"""


def test_a_seventh_locale_is_one_catalog_and_one_data_file(tmp_path: Path) -> None:
    """The README's steps, followed in a copy of the package: no Python is edited."""
    package = tmp_path / "lawsummary"
    shutil.copytree(
        ROOT / "src" / "lawsummary", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "LAWSUMMARY_CACHE_DIR": str(tmp_path / "cache"),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path
        )

    # 1. the data file; 2. the catalog, started by the tool; 3. its translations.
    (package / "locale" / "be").mkdir()
    (package / "locale" / "be" / "locale.toml").write_text(BELARUSIAN, encoding="utf-8")
    started = run("-m", "lawsummary.i18n.catalogs", "--init", "be")
    assert started.returncode == 0, started.stderr
    po = package / "locale" / "be" / "LC_MESSAGES" / "lawsummary.po"
    text = po.read_text(encoding="utf-8")
    assert "#. Where: " in text
    assert '"Language: be\\n"' in text
    catalog = read_po_catalog(text)
    assert catalog.messages == {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("msgid ") and line != 'msgid ""' and lines[i + 1] == 'msgstr ""':
            lines[i + 1] = "msgstr " + line.removeprefix("msgid ").replace(
                "Punishment", "Пакаранне"
            )
    lines[lines.index('"Language: be\\n"') - 0] = '"Language: be\\n"'
    notice = next(i for i, line in enumerate(lines) if REVIEW_NOTICE in line)
    lines[notice + 1] = 'msgstr "Ніводзін юрыст не правяраў гэты тэкст."'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("-m", "lawsummary.i18n.catalogs", "--check").returncode == 0

    script = (
        "from lawsummary import datasets, summarize\n"
        "from lawsummary.i18n import SUPPORTED_LOCALES\n"
        "print(SUPPORTED_LOCALES)\n"
        "ds = datasets.load('ru-migration-2024')\n"
        "print(summarize(ds.provision('ru-uk-322.1-1'), locale='be_BY', dataset=ds))\n"
    )
    result = run("-c", script)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("('en', 'ru', 'uz', 'ky', 'tg', 'kk', 'be')\n")
    assert "Пакаранне: " in out
    assert "да 5 гадоў" in out  # the data file's forms
    assert "(in русский; no translation in the data)" in out or "(in руская" in out
    assert out.rstrip().endswith("Ніводзін юрыст не правяраў гэты тэкст.")
    listed = run("-m", "lawsummary", "locales")
    assert "be: Belarusian" in listed.stdout


def test_locales_are_found_by_their_data_files(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawsummary.i18n import grammar

    files = {"kk": b"position = 2\n", "en": b"position = 1 # first\n", "xx": b"script = 1\n"}

    def read(code: str) -> bytes:
        if code not in files:
            raise LocaleDataError(f"locale/{code}/locale.toml is missing")
        return files[code]

    monkeypatch.setattr(grammar, "_dirs", lambda: ["kk", "en", "notes", "__pycache__"])
    monkeypatch.setattr(grammar, "_read", read)
    assert grammar.locale_codes.__wrapped__() == ("en", "kk")  # a folder without one is skipped
    monkeypatch.setattr(grammar, "_dirs", lambda: ["kk", "xx"])
    with pytest.raises(LocaleDataError, match=r"locale/xx/locale.toml: no 'position = N' line"):
        grammar.locale_codes.__wrapped__()


def test_locale_data_is_cached_like_a_pyc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from lawsummary.i18n import grammar

    monkeypatch.setenv("LAWSUMMARY_CACHE_DIR", str(tmp_path))
    raw = (LOCALE / "kk" / "locale.toml").read_bytes()
    path = grammar._cache_path("kk", raw)
    assert path is not None
    assert path.startswith(str(tmp_path))
    assert grammar._read_cache(path, "kk") is None
    grammar.locale_data.cache_clear()
    try:
        first = grammar.locale_data("kk")
        assert Path(path).exists()
        cached = grammar._read_cache(path, "kk")
        assert cached is not None
        assert cached.units["months"].forms == first.units["months"].forms
        assert cached.month_names == first.month_names
        assert grammar._read_cache(path, "ky") is None  # another locale's file: not used
        Path(path).write_bytes(b"not a pickle")
        assert grammar._read_cache(path, "kk") is None  # broken: ignored, parsed again
        assert grammar._cache_path("kk", raw + b"\n") != path  # a change: a new file
        monkeypatch.setenv("LAWSUMMARY_NO_CACHE", "1")
        assert grammar._cache_path("kk", raw) is None
    finally:
        grammar.locale_data.cache_clear()


def test_a_country_name_is_written_with_the_word_before_it() -> None:
    """{country.in} and {country.for}: Russian puts the name in the case its preposition
    takes ("в Казахстане", "по Казахстану"), and a country its table does not list after
    "стране", which needs no case; English adds its preposition; a locale without the table
    writes the name as it is."""
    from lawsummary.render.writer import Writer

    ru = Writer(language("ru"), "plain")
    for name, in_, for_ in (
        ("Казахстан", "в Казахстане", "по Казахстану"),
        ("Россия", "в России", "по России"),
        ("Грузия", "в стране Грузия", "по стране Грузия"),
    ):
        written = ru._with_form(ru._with_form(name, "in"), "for")
        assert (written, getattr(written, "in"), getattr(written, "for")) == (name, in_, for_)
    en = Writer(language("en"), "markdown")
    assert getattr(en._with_form("Kazakhstan", "in"), "in") == "in Kazakhstan"
    kk = Writer(language("kk"), "plain")
    assert getattr(kk._with_form("Қазақстан", "in"), "in") == "Қазақстан"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("kk", "3 жылға дейін бас бостандығынан айыру (төменгі шегі анықталмаған)"),
        ("ky", "3 жылга чейин эркиндигинен ажыратуу (төмөнкү чеги аныкталган эмес)"),
        ("uz", "ko\u2018pi bilan 3\u00a0000 MRP jarima (quyi chegarasi aniqlanmagan); yoki"),
        ("ru", "лишение свободы на срок до 3 лет (нижний предел не установлен)"),
        ("en", "prison for up to 3 years (the lower bound is not established)"),
    ],
)
def test_a_bound_not_established_is_said_after_the_penalty(code: str, expected: str) -> None:
    """Where the amount comes before the noun (kk, ky, uz), the note follows the whole
    phrase ("3 жылға дейін бас бостандығынан айыру (…)"), not the amount inside it."""
    from lawsummary import datasets, summarize

    part_1 = datasets.load("kz-migration-2025").provision("kz-cc-394-1")
    assert "- " + expected in summarize(part_1, locale=code).splitlines()
