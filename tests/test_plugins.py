"""Jurisdictions and penalty kinds from outside the package (issue #11).

The Exampleland plug-in (examples/exampleland_plugin.py, FICTIONAL) registers a
jurisdiction with three categories of its own and a penalty kind, ``xa_probation``.
"""

from __future__ import annotations

import ast
import itertools
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

from lawsummary import SUPPORTED_LOCALES, InvalidDocumentError, LawSummaryError, summarize
from lawsummary.compare import ChangeKind, Direction, Key, Location, compare
from lawsummary.i18n import UnsupportedLocaleError, add_messages
from lawsummary.records import (
    Alternative,
    Citation,
    Dataset,
    Fine,
    Guilt,
    Imprisonment,
    Instrument,
    LocalizedText,
    MoneyRange,
    Offence,
    Provenance,
    Provision,
    Sanction,
    Source,
    Status,
    TermRange,
    TimeUnit,
    Version,
)
from lawsummary.records.common import PartialDate
from lawsummary.rules import (
    CategorySystem,
    CategoryWords,
    Jurisdiction,
    JurisdictionError,
    jurisdiction,
    register,
    registered,
    unregister,
)

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "src" / "lawsummary"


@pytest.fixture(scope="module")
def plugin() -> ModuleType:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import exampleland_plugin
    finally:
        sys.path.remove(str(ROOT / "examples"))
    return exampleland_plugin


def _offence(plugin: ModuleType, *alternatives: Any, category: str | None = "class_b") -> Offence:
    return Offence(
        citation=Citation(jurisdiction="XA", instrument="xa-criminal-code", article="12"),
        title=LocalizedText.of(en="Hiring without a permit (fictional)"),
        guilt=Guilt.INTENTIONAL,
        sanction=Sanction(alternatives=tuple(Alternative(penalty=p) for p in alternatives)),
        category=category,
        provenance=Provenance(
            status=Status.REPORTED, sources=(Source("https://example.org/exampleland"),)
        ),
    )


def _probation(plugin: ModuleType, years: int = 3) -> Any:
    return plugin.Probation(term=TermRange(unit=TimeUnit.YEARS, max=years))


def _prison(years: int = 4) -> Imprisonment:
    return Imprisonment(term=TermRange(unit=TimeUnit.YEARS, max=years))


# -- a jurisdiction and a kind from outside, end to end -------------------------------------------


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_an_outside_jurisdiction_and_kind_are_summarised_in_their_words(
    plugin: ModuleType, locale: str
) -> None:
    text = summarize(_offence(plugin, _probation(plugin), _prison()), locale=locale)
    words = plugin.MESSAGES.get(locale, {})
    category = words.get("an Exampleland class B offence", "an Exampleland class B offence")
    probation = words.get(plugin.PROBATION, plugin.PROBATION).split("{term}")[0]
    assert category in text
    assert probation in text
    assert "a penalty of the kind" not in text
    assert not re.search(r"Russia|росси|Росси|Ресей|Орусия|Rossiya|Русия", text)


def test_an_outside_kind_as_a_new_alternative_has_a_direction(plugin: ModuleType) -> None:
    before = _offence(plugin, _prison())
    after = _offence(plugin, _probation(plugin), _prison())
    (change,) = compare(before, after).changes
    assert change.location == Location(section="sanction", alternative=Key(("xa_probation",)))
    assert change.path == "sanction/xa_probation"
    assert (change.kind, change.direction) == (ChangeKind.ADDED, Direction.MORE_LENIENT)
    text = summarize(compare(before, after), locale="ru")
    assert "пробация (Exampleland) на срок до 3 лет" in text
    assert "(мягче)" in text


def test_an_outside_kind_under_another_jurisdiction_keeps_its_own_severity(
    plugin: ModuleType,
) -> None:
    """Russia's severity order does not list xa_probation: its own default (5) ranks it."""
    ru_offence = attrs.evolve(
        _offence(plugin, _prison(), category=None),
        citation=Citation(jurisdiction="RU", instrument="ru-criminal-code", article="1"),
    )
    lighter = attrs.evolve(
        ru_offence, sanction=Sanction(alternatives=(Alternative(penalty=_probation(plugin)),))
    )
    heavier_fine = Sanction(
        alternatives=(Alternative(penalty=Fine(amount=MoneyRange(currency="RUB", max=1))),)
    )
    assert compare(ru_offence, lighter).direction() == Direction.MORE_LENIENT
    with_fine = attrs.evolve(ru_offence, sanction=heavier_fine)
    added = attrs.evolve(
        with_fine,
        sanction=Sanction(
            alternatives=(*heavier_fine.alternatives, Alternative(penalty=_probation(plugin)))
        ),
    )
    assert compare(with_fine, added).direction() == Direction.HARSHER


def test_categories_of_an_outside_jurisdiction_compare_by_its_order(plugin: ModuleType) -> None:
    before = _offence(plugin, _prison(), category="class_a")
    after = _offence(plugin, _prison(), category="class_c")
    (change,) = compare(before, after).changes
    assert change.location.section == "category"
    assert (change.kind, change.direction) == (ChangeKind.RAISED, Direction.HARSHER)
    text = summarize(compare(before, after), locale="kk")
    assert "санат A (Exampleland)" in text
    assert "санат C (Exampleland)" in text


def test_a_jurisdiction_without_a_category_system_gets_no_category_sentence() -> None:
    offence = Offence(
        citation=Citation(jurisdiction="XB", instrument="xb-code", article="1"),
        title=LocalizedText.of(en="An offence of an unregistered jurisdiction"),
        guilt=Guilt.INTENTIONAL,
        sanction=Sanction(alternatives=(Alternative(penalty=_prison()),)),
        category="grave",
        provenance=Provenance(status=Status.UNCONFIRMED),
    )
    assert jurisdiction("XB") is None
    for locale in SUPPORTED_LOCALES:
        text = summarize(offence, locale=locale)
        assert "Russian" not in text
        assert "российск" not in text
        assert "This is" not in text
        assert "Это " not in text


# -- the registry ------------------------------------------------------------------------------


def test_the_registry_holds_russia_and_the_plug_in(plugin: ModuleType) -> None:
    assert {"RU", "XA"} <= set(registered())
    xa = jurisdiction("XA")
    assert xa is plugin.JURISDICTION
    assert xa is not None
    assert xa.categories is not None
    assert xa.categories.ids() == ("class_a", "class_b", "class_c")
    assert xa.categories.rank("class_c") == 2
    assert xa.currency == "XTS"


def test_registering_a_code_twice_is_an_error(plugin: ModuleType) -> None:
    with pytest.raises(JurisdictionError, match="'XA' is already registered"):
        register(plugin.JURISDICTION)
    assert register(plugin.JURISDICTION, replace=True) is plugin.JURISDICTION


@pytest.mark.parametrize("code", ["xa", "XAA", "X1", "", "ÄÖ"])
def test_a_jurisdiction_needs_an_iso_code(code: str) -> None:
    with pytest.raises(JurisdictionError, match="ISO 3166-1"):
        Jurisdiction(code=code, name="bad")
    assert issubclass(JurisdictionError, LawSummaryError)


def test_a_category_system_is_checked() -> None:
    with pytest.raises(JurisdictionError, match="at least one category"):
        CategorySystem(categories=())
    with pytest.raises(JurisdictionError, match="same category id twice"):
        CategorySystem(
            categories=(CategoryWords(id="a", name="a"), CategoryWords(id="a", name="b"))
        )


def test_register_takes_only_a_jurisdiction() -> None:
    with pytest.raises(JurisdictionError, match=r"takes a lawsummary\.rules\.Jurisdiction"):
        register("XA")  # type: ignore[arg-type]


def test_plug_in_messages_need_a_supported_locale() -> None:
    with pytest.raises(UnsupportedLocaleError, match="'de'"):
        add_messages("de", {"x": "y"})


def test_an_entry_point_registers_a_jurisdiction(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    import lawsummary.rules as rules

    plugin = Jurisdiction(code="XC", name="Entry-point land (fictional)")

    class Point:
        name, value = "XC", "entry_point_land:JURISDICTION"

        def load(self) -> Jurisdiction:
            return plugin

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [Point()])
    monkeypatch.setattr(rules, "_ENTRY_POINTS_READ", False)
    try:
        assert jurisdiction("XC") is plugin
    finally:
        unregister("XC")


def test_a_broken_entry_point_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    import lawsummary.rules as rules

    class Point:
        name, value = "XD", "missing_module:JURISDICTION"

        def load(self) -> Jurisdiction:
            raise ImportError("No module named 'missing_module'")

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [Point()])
    monkeypatch.setattr(rules, "_ENTRY_POINTS_READ", False)
    with pytest.raises(JurisdictionError, match=r"'XD' .*missing_module"):
        jurisdiction("XD")


# -- the dataset check, with the jurisdiction from the registry ---------------------------------


def _xa_dataset(category: str) -> Dataset:
    body = attrs.evolve(_offence_plain(), category=category)
    return Dataset(
        id="xa-test",
        title=LocalizedText.of(en="Exampleland (fictional)"),
        instruments=(
            Instrument(
                id="xa-criminal-code",
                jurisdiction="XA",
                title=LocalizedText.of(en="Criminal Code of Exampleland"),
            ),
        ),
        provisions=(
            Provision(id="xa-12", versions=(Version(valid_from=PartialDate(2025), body=body),)),
        ),
    )


def _offence_plain() -> Offence:
    return Offence(
        citation=Citation(jurisdiction="XA", instrument="xa-criminal-code", article="12"),
        title=LocalizedText.of(en="Hiring without a permit (fictional)"),
        guilt=Guilt.INTENTIONAL,
        sanction=Sanction(alternatives=(Alternative(penalty=_prison()),)),
        provenance=Provenance(status=Status.UNCONFIRMED),
    )


def test_a_category_the_jurisdiction_does_not_have_is_a_dataset_error(plugin: ModuleType) -> None:
    body = _xa_dataset("class_a").provisions[0].latest().body
    assert isinstance(body, Offence)
    assert body.category == "class_a"
    with pytest.raises(InvalidDocumentError) as info:
        _xa_dataset("grave")
    (problem,) = info.value.problems
    assert problem.path == "$.provisions[0].versions[0].body.category"
    assert "'grave' is not a crime category of XA" in problem.message
    assert "'class_a', 'class_b', 'class_c'" in problem.message


def test_a_category_id_is_checked_on_the_record() -> None:
    with pytest.raises(ValueError, match="not a valid category"):
        attrs.evolve(_offence_plain(), category="Not an id")


# -- no country in the core; no import order --------------------------------------------------

#: Words and names that belong to one country's law, not to the core.
_COUNTRY = re.compile(
    r"Russia\b|Russian (law|criminal|Criminal|Federation|code|Code)|\bРФ\b|Росси|\bУК\b|КоАП"
    r"|[\"']RU[\"']|\bRUB\b|art\. (15|44)\b|State Duma|Federation Council|_CATEGORY_RANK|SEVERITY"
)

#: The core: everything but the jurisdiction plug-ins, the locale's grammar and the
#: bundled data (a language and its currency words are the locale's, not the law's).
_CORE = [
    p
    for p in PACKAGE.rglob("*.py")
    if p.parent.name != "data"
    and p.relative_to(PACKAGE).as_posix()
    not in (
        "rules/ru.py",
        "rules/kz.py",
        "i18n/grammar.py",
        "i18n/__init__.py",
        "render/readability.py",
    )
]


#: Lines that may name a country, and why.
_ALLOWED = {
    # the registry's docstring names the plug-in it bundles
    "rules/__init__.py": "Russia is one such plug-in",
    # an error message giving examples of country codes
    "records/quantities.py": "(e.g. 'RU', 'KZ'",
}


def test_the_core_mentions_no_country() -> None:
    assert len(_CORE) > 20
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in _CORE
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _COUNTRY.search(line)
        and _ALLOWED.get(path.relative_to(PACKAGE).as_posix(), "\0") not in line
    ]
    assert found == []


def test_the_scan_finds_what_it_looks_for() -> None:
    ru = (PACKAGE / "rules" / "ru.py").read_text(encoding="utf-8")
    assert _COUNTRY.search(ru)
    assert _COUNTRY.search('SEVERITY = {"fine": 1}  # Russian Criminal Code art. 44')


def test_prose_code_splits_no_path() -> None:
    for path in (PACKAGE / "explain").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\.split\(\"[/#+]\"\)", source), path


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_the_records_import_no_rules() -> None:
    for path in (PACKAGE / "records").glob("*.py"):
        assert not any(n.startswith("lawsummary.rules") for n in _imports(path)), path


_MODULES = ["lawsummary.rules", "lawsummary.datasets", "lawsummary.records", "lawsummary.compare"]


@pytest.mark.parametrize("order", list(itertools.permutations(_MODULES))[::5])
def test_modules_import_in_any_order(order: tuple[str, ...]) -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {list(order)!r}:\n"
        "    importlib.import_module(name)\n"
        "from lawsummary import datasets\n"
        "ds = datasets.load('ru-migration-2024')\n"
        "print(ds.derived_category(ds.provision('ru-uk-322.1-3').latest()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "especially_grave\n"


def test_the_package_imports_with_its_modules_reordered(tmp_path: Path) -> None:
    """The line the issue names, ``from lawsummary import datasets, records, rules``,
    reordered to ``rules, datasets, records`` in a copy of the package."""
    import shutil

    copy = tmp_path / "lawsummary"
    shutil.copytree(PACKAGE, copy)
    init = copy / "__init__.py"
    source = init.read_text(encoding="utf-8")
    assert "from lawsummary import datasets, records, rules\n" in source
    init.write_text(
        source.replace(
            "from lawsummary import datasets, records, rules\n",
            "from lawsummary import rules, datasets, records\n",
        ),
        encoding="utf-8",
    )
    code = "import lawsummary; print(lawsummary.__file__)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(init)


def test_explain_modules_import_no_private_names_of_each_other() -> None:
    found: list[str] = []
    for path in sorted((PACKAGE / "explain").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lawsummary"):
                found.extend(f"{path.name}: {a.name}" for a in node.names if a.name[0] == "_")
    assert found == []


def test_a_citation_style_of_a_plug_in_applies_while_it_is_registered() -> None:
    from lawsummary.rules import CitationStyle

    offence = attrs.evolve(
        _offence_plain(),
        citation=Citation(jurisdiction="XE", instrument="xe-code", article="7", part="2"),
    )
    generic = summarize(offence, locale="en").splitlines()[0]
    # an instrument no dataset declares is named in words, never by its id
    assert generic.startswith("A legal act the data does not name, art. 7(2): ")
    style = Jurisdiction(
        code="XE",
        name="Style land (fictional)",
        citation=CitationStyle(keys={"part": "xe.citation.part"}),
        messages={"ru": {"xe.citation.part": "{instrument}, статья {article}, часть {part}"}},
    )
    register(style)
    try:
        ru = summarize(offence, locale="ru").splitlines()[0]
        assert ru.startswith("Правовой акт, не названный в данных, статья 7, часть 2: ")
        # a locale the plug-in gives no text for writes the generic citation (with the
        # phrase for an undeclared instrument that stands in no case of the style's)
        assert summarize(offence, locale="en").splitlines()[0] == generic.replace(
            "the data does not name", "not named in the data"
        )
    finally:
        unregister("XE")
    assert (
        summarize(offence, locale="ru")
        .splitlines()[0]
        .startswith("Ст. 7 ч. 2 правового акта, не названного в данных")
    )


@pytest.mark.parametrize(
    ("title", "locale", "expected"),
    [
        ("Закон № 115-ФЗ", "ru", "Закона № 115-ФЗ"),
        ("Федеральный закон № 115-ФЗ", "ru", "Федерального закона № 115-ФЗ"),
        (
            "Кодекс Республики Казахстан об административных правонарушениях",
            "ru",
            "Кодекса Республики Казахстан об административных правонарушениях",
        ),
        ("УК РФ", "ru", "УК РФ"),
        ("Законодательство", "ru", "Законодательство"),  # a word that only starts alike
        ("Закон № 115-ФЗ", "kk", "Закон № 115-ФЗ"),
    ],
)
def test_russian_titles_of_acts_in_the_genitive(title: str, locale: str, expected: str) -> None:
    from lawsummary.i18n.titles import inflect_title

    assert inflect_title(title, locale, "genitive") == expected
    assert inflect_title(title, locale, "nominative") == title


def _with_notice(text: str) -> str:
    """A plain-text summary in English as written: with the review-status notice."""
    from lawsummary.i18n import language, review

    return review.mark(text, language("en"), "text", False)


def test_an_outside_provision_kind_is_explained_by_its_registered_behaviour() -> None:
    from collections.abc import Iterator

    from lawsummary.explain import Statement, provision_behaviour
    from lawsummary.explain.bodies import body_heading
    from lawsummary.explain.values import Context, msg, sentence, text_value
    from lawsummary.records import Body, provision_kind

    @provision_kind("xa_notice")
    @attrs.frozen(kw_only=True)
    class Notice(Body):
        title: LocalizedText
        text: LocalizedText

    @provision_kind("xa_bare")
    @attrs.frozen(kw_only=True)
    class Bare(Body):
        text: LocalizedText

    def notice(body: Notice, path: str, ctx: Context) -> Iterator[Statement]:
        yield body_heading(body, path, ctx)
        yield sentence(msg("{text}", text=text_value(body.text, f"{path}.text")))

    provision_behaviour(Notice, notice)
    one = Notice(title=LocalizedText.of(en="A notice"), text=LocalizedText.of(en="Read it."))
    assert summarize(one, locale="en") == _with_notice("A notice\nRead it.\n")
    bare = Bare(text=LocalizedText.of(en="Unread."))
    assert summarize(bare, locale="en") == _with_notice("A provision of the kind xa_bare\n")
