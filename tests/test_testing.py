"""lawsummary.testing: each kind of finding is caught, named with its path and locale."""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import lawsummary.testing as honesty
from lawsummary import LawSummaryError, datasets, load, summarize
from lawsummary.explain import Explanation, Message, Number, Role, Statement
from lawsummary.explain import explain as explain_for_real
from lawsummary.records import Dataset, LocalizedText, Offence
from lawsummary.testing import (
    DEFAULT_THRESHOLDS,
    ConfigError,
    Finding,
    HonestyError,
    Thresholds,
    assert_honest,
    assert_no_fallback,
    assert_numbers_traced,
    assert_readable,
    assert_snapshot,
    assert_summary_snapshot,
    assert_unknowns_stated,
    fallbacks,
    findings,
    readability_findings,
    snapshot_path,
    subjects,
    thresholds_from,
    thresholds_from_pyproject,
    unstated_unknowns,
    untraced_numbers,
)

EXAMPLE = Path(__file__).parents[1] / "examples" / "maintain_your_own_dataset" / "art-322.1.toml"
BUNDLED = datasets.load("ru-migration-2024")


@pytest.fixture(scope="module")
def clean() -> Dataset:
    ds = load(EXAMPLE)
    assert isinstance(ds, Dataset)
    return ds


def without_kyrgyz_title(ds: Dataset) -> Dataset:
    provision = ds.provisions[0]
    version = provision.versions[0]
    assert isinstance(version.body, Offence)
    title = LocalizedText.of(**{k: v for k, v in version.body.title.as_dict().items() if k != "ky"})
    body = attrs.evolve(version.body, title=title)
    changed = attrs.evolve(provision, versions=(attrs.evolve(version, body=body),))
    return attrs.evolve(ds, provisions=(changed,))


def test_a_clean_dataset_has_no_findings(clean: Dataset) -> None:
    assert findings(clean) == []
    assert_honest(clean)
    assert [s.at for s in subjects(clean)] == ["$", "$.provisions[0]"]


def test_every_number_of_the_bundled_dataset_is_traced() -> None:
    assert untraced_numbers(BUNDLED) == []


def test_a_fallback_names_the_text_to_translate_and_the_locale(clean: Dataset) -> None:
    found = fallbacks(without_kyrgyz_title(clean))
    assert {(f.path, f.locale) for f in found} == {("$.provisions[0].versions[0].body.title", "ky")}
    assert "readers see the Russian text (ru) instead" in found[0].message
    with pytest.raises(HonestyError) as info:
        assert_no_fallback(without_kyrgyz_title(clean), about="art-322.1.toml")
    message = str(info.value)
    assert message.startswith("1 finding in art-322.1.toml:\n")
    assert "$.provisions[0].versions[0].body.title [ky] fallback: not translated" in message
    assert isinstance(info.value, AssertionError)
    assert isinstance(info.value, LawSummaryError)


def test_a_fallback_is_named_for_a_record_checked_with_its_dataset(clean: Dataset) -> None:
    ds = without_kyrgyz_title(clean)
    found = fallbacks(ds.provisions[0], dataset=ds, locales="ky_KG")
    assert [f.path for f in found] == ["$.provisions[0].versions[0].body.title"]
    assert fallbacks(ds.provisions[0], dataset=ds, locales=["en", "ru"]) == []


def _dropping(monkeypatch: pytest.MonkeyPatch, drop: str) -> None:
    """Summaries that leave out every statement tracing a path containing ``drop``."""
    real = explain_for_real

    def explain(obj: object, **options: Any) -> Explanation:
        explanation = real(obj, **options)
        kept = tuple(s for s in explanation.statements if not any(drop in p for p in s.trace))
        return attrs.evolve(explanation, statements=kept)

    monkeypatch.setattr("lawsummary.testing.explain", explain)


def test_an_unknown_left_unsaid_is_found(clean: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    version = clean.provisions[0].versions[0]
    unknown = attrs.evolve(version, valid_to=honesty_unknown())
    ds = attrs.evolve(clean, provisions=(attrs.evolve(clean.provisions[0], versions=(unknown,)),))
    assert unstated_unknowns(ds) == []  # the summary says the end date is not established
    _dropping(monkeypatch, ".valid_to")
    found = unstated_unknowns(ds, locales=["en", "kk"])
    assert [(f.path, f.locale) for f in found] == [
        ("$.provisions[0].versions[0].valid_to", "en"),
        ("$.provisions[0].versions[0].valid_to", "kk"),
    ]
    assert found[0].message.startswith('valid_to is "unknown", but no statement of the full')
    with pytest.raises(HonestyError, match=r"valid_to \[kk\] unknown-not-stated"):
        assert_unknowns_stated(ds, locales="kk")


def honesty_unknown() -> Any:
    from lawsummary.records import UNKNOWN

    return UNKNOWN


def test_open_questions_and_incomplete_sanctions_must_be_said(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    part3 = BUNDLED.provision("ru-uk-322.1-3")
    before = {f.path for f in unstated_unknowns(part3, dataset=BUNDLED, locales="en")}
    _dropping(monkeypatch, "open_questions")
    after = {f.path for f in unstated_unknowns(part3, dataset=BUNDLED, locales="en")}
    assert after - before == {
        "$.provisions[2].versions[0].body.open_questions[0]",
        "$.provisions[2].versions[0].body.sanction.open_questions[0]",
        "$.provisions[2].versions[0].body.sanction.open_questions[1]",
    }
    _dropping(monkeypatch, ".complete")
    assert "$.provisions[2].versions[0].body.sanction.complete" in {
        f.path for f in unstated_unknowns(part3, dataset=BUNDLED, locales="en")
    }


def test_an_untraced_number_is_found(clean: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    real = explain_for_real
    wrong = Statement(
        Role.SENTENCE,
        Message("Institutions on the list: {count}.", (("count", Number(93, "$.id")),)),
    )

    def explain(obj: object, **options: Any) -> Explanation:
        explanation = real(obj, **options)
        return attrs.evolve(explanation, statements=(*explanation.statements, wrong))

    monkeypatch.setattr("lawsummary.testing.explain", explain)
    found = untraced_numbers(clean.provisions[0], dataset=clean, locales="ru")
    assert {(f.path, f.locale, f.kind) for f in found} == {
        ("$.provisions[0].id", "ru", "untraced-number")
    }
    assert "writes 93 in 'Учреждений в перечне: 93.'" in found[0].message
    with pytest.raises(HonestyError, match=r"\$\.provisions\[0\]\.id \[ru\] untraced-number"):
        assert_numbers_traced(clean.provisions[0], dataset=clean, locales="ru")


def test_the_number_readers_read_back_separators_and_dates() -> None:
    assert honesty.written_numbers("до 500\xa0000 рублей, 1,5 года, ст. 322.1", "ru") == {
        500000,
        Decimal("1.5"),
        Decimal("322.1"),
    }
    assert honesty.field_numbers({"a": ["2024-11-09", {"max": "15"}]}) == {2024, 11, 9, 15}


def test_readability_thresholds_are_the_projects_by_default(clean: Dataset) -> None:
    assert readability_findings(clean) == []
    strict = Thresholds(max_words_per_sentence=4, min_reading_ease={"en": 100.0})
    found = readability_findings(clean.provisions[0], dataset=clean, thresholds=strict)
    assert {f.locale for f in found} == {"en", "ru", "uz", "ky", "tg", "kk"}
    english = [f.message for f in found if f.locale == "en"]
    assert any("words per sentence (at most 4); the longest (" in m for m in english)
    assert any("reading ease of" in m and "(at least 100 for en)" in m for m in english)
    with pytest.raises(HonestyError, match=r"\$\.provisions\[0\] \[en\] readability"):
        assert_readable(clean.provisions[0], dataset=clean, thresholds=strict, locales="en")


def test_a_record_that_needs_its_dataset_cannot_be_summarised_alone(clean: Dataset) -> None:
    found = findings(clean.provisions[0], locales="uz")
    assert [(f.path, f.locale, f.kind) for f in found] == [
        ("$.versions[0].body.citation.instrument", "uz", "cannot-summarise")
    ]
    assert "names the instrument 'ru-criminal-code', which only a dataset holds" in found[0].message


def test_a_record_that_fails_to_summarise_is_a_finding(
    clean: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explain(obj: object, **options: Any) -> Explanation:
        raise KeyError("boom")

    monkeypatch.setattr("lawsummary.testing.explain", explain)
    found = findings(clean, locales="tg")
    assert [(f.path, f.kind) for f in found] == [
        ("$", "cannot-summarise"),
        ("$.provisions[0]", "cannot-summarise"),
    ]
    assert "KeyError: 'boom' (a fault in lawsummary; please report it)" in found[0].message
    assert findings(42, locales="en")[0].message.startswith("the int cannot be summarised: ")


def test_a_removal_from_an_incomplete_sanction_must_not_be_certain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    comparing = importlib.import_module("lawsummary.compare")

    assert honesty.removals_from_incomplete(BUNDLED) == []  # the comparison module is careful
    days = honesty.dataset_dates(BUNDLED)
    assert dt.date(2024, 11, 9) in days
    real = comparing.compare

    def certain(before: object, after: object, **options: Any) -> Any:
        result = real(before, after, **options)
        changes = tuple(
            attrs.evolve(c, status=None, direction=comparing.Direction.MORE_LENIENT)
            if c.kind is comparing.ChangeKind.REMOVED
            else c
            for c in result.changes
        )
        return attrs.evolve(result, changes=changes)

    monkeypatch.setattr(comparing, "compare", certain)
    found = honesty.removals_from_incomplete(BUNDLED, locales="ru")
    paths = {f.path for f in found}
    assert "$.provisions[3].versions[1].body.sanction" in paths  # art. 322.2 after 383-FZ
    assert {f.locale for f in found} == {"ru"}
    assert {f.kind for f in found} == {"removal-from-incomplete"}
    assert any(
        "between 2024-11-08 and 2024-11-09 removes ru-uk-322.2/sanction/fine for certain"
        in f.message
        for f in found
    )


def test_findings_reject_an_unknown_kind_or_locale(clean: Dataset) -> None:
    with pytest.raises(LawSummaryError, match="no finding kind 'typos'; use one of: invalid"):
        findings(clean, kinds=["typos"])
    with pytest.raises(LawSummaryError, match="unsupported locale 'fr'"):
        findings(clean, locales="fr")


def test_finding_as_text_and_dict() -> None:
    finding = Finding("$.title", "ky", "fallback", "not translated")
    assert str(finding) == "$.title [ky] fallback: not translated"
    assert str(Finding("$", None, "invalid", "bad")) == "$ invalid: bad"
    assert finding.as_dict() == {
        "path": "$.title",
        "locale": "ky",
        "kind": "fallback",
        "message": "not translated",
    }


# -- thresholds --------------------------------------------------------------------------------


def test_thresholds_from_pyproject(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    assert thresholds_from_pyproject(None) == DEFAULT_THRESHOLDS
    config.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert thresholds_from_pyproject(config) == DEFAULT_THRESHOLDS
    config.write_text(
        "[tool.lawsummary]\nmax-words-per-sentence = 20\nmin-reading-ease = { en = 30 }\n",
        encoding="utf-8",
    )
    assert thresholds_from_pyproject(config) == Thresholds(20.0, {"en": 30.0})
    (tmp_path / "data").mkdir()
    assert honesty.find_pyproject(tmp_path / "data") == config
    assert honesty.find_pyproject(tmp_path / "data" / "x.toml") == config


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ({"max-words": 3}, "has no key 'max-words'; allowed: max-words-per-sentence, min-reading"),
        ({"max-words-per-sentence": 0}, "max-words-per-sentence: 0 is not allowed; use a positive"),
        ({"max-words-per-sentence": True}, "True is not allowed"),
        ({"min-reading-ease": 40}, "min-reading-ease: use a table of locales"),
        ({"min-reading-ease": {"ky": 40}}, "'ky' has no reading-ease score; allowed: en, ru"),
        ({"min-reading-ease": {"en": "high"}}, "min-reading-ease.en: 'high' is not allowed"),
    ],
)
def test_bad_thresholds_name_the_file_and_what_is_allowed(
    table: dict[str, object], error: str
) -> None:
    with pytest.raises(ConfigError, match=r"^pyproject\.toml: ") as info:
        thresholds_from(table, source="pyproject.toml")
    assert error in str(info.value)


def test_a_pyproject_that_is_not_toml_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.lawsummary\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: not valid TOML"):
        thresholds_from_pyproject(config)
    config.write_text("[tool]\nlawsummary = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tool\.lawsummary must be a table"):
        thresholds_from_pyproject(config)


# -- snapshots ---------------------------------------------------------------------------------


def test_snapshot_update_round_trips(tmp_path: Path, clean: Dataset) -> None:
    provision = clean.provisions[0]
    with pytest.raises(AssertionError, match=r"no snapshot .*provision-ru-uk-322\.1-1\.txt"):
        assert_summary_snapshot(provision, locale="ky", directory=tmp_path, dataset=clean)
    assert_summary_snapshot(provision, locale="ky", directory=tmp_path, dataset=clean, update=True)
    path = snapshot_path(tmp_path, locale="ky", name="provision-ru-uk-322.1-1")
    assert path.read_text(encoding="utf-8") == summarize(
        provision, locale="ky", detail="full", dataset=clean
    )
    assert_summary_snapshot(provision, locale="ky", directory=tmp_path, dataset=clean)
    path.write_text(path.read_text(encoding="utf-8").replace("5", "6"), encoding="utf-8")
    with pytest.raises(AssertionError) as info:
        assert_summary_snapshot(provision, locale="ky", directory=tmp_path, dataset=clean)
    message = str(info.value)
    assert f"snapshot {path} of provision ru-uk-322.1-1 ($.provisions[0]) in locale ky" in message
    assert "pytest --lawsummary-update" in message
    assert "\n-Жаза: 6 жылга чейин эркиндигинен ажыратуу." in message
    assert "\n+Жаза: 5 жылга чейин эркиндигинен ажыратуу." in message


def test_snapshot_formats_and_names(tmp_path: Path, clean: Dataset) -> None:
    assert_summary_snapshot(clean, locale="en_GB", directory=tmp_path, format="json", update=True)
    assert (tmp_path / "en" / "dataset.json").is_file()
    with pytest.raises(LawSummaryError, match="unsupported format 'pdf'"):
        snapshot_path(tmp_path, locale="en", name="x", format="pdf")
    with pytest.raises(LawSummaryError, match=r"'\.\./x' cannot name a snapshot file"):
        snapshot_path(tmp_path, locale="en", name="../x")
    assert_snapshot("a\n", tmp_path / "plain.txt", update=True)
    assert_snapshot("a\n", tmp_path / "plain.txt")
    with pytest.raises(AssertionError, match=r"plain\.txt differs"):
        assert_snapshot("b\n", tmp_path / "plain.txt")
    with pytest.raises(AssertionError, match=r"\n\+1\\u00a0000 рублей$"):
        assert_snapshot("1\xa0000 рублей\n", tmp_path / "plain.txt", about="a fine")
