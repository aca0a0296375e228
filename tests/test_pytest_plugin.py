"""The pytest plugin in a fresh project, configured as its documentation says, through pytester.

The plugin is found through its ``pytest11`` entry point: the projects below name no plugin.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

from lawsummary import load
from lawsummary.testing import findings

EXAMPLE = Path(__file__).parents[1] / "examples" / "maintain_your_own_dataset"
DOCUMENT = (EXAMPLE / "art-322.1.toml").read_text(encoding="utf-8")
TESTS = (EXAMPLE / "test_art_322_1.py").read_text(encoding="utf-8")
PYPROJECT = """\
[tool.pytest.ini_options]
lawsummary_datasets = ["data/art-322.1.toml"]
"""

pytest_plugins = ["pytester"]

# pytester runs pytest in this process and then forgets the modules it imported; a module
# imported afresh after that (Babel's among them) would not know the objects lawsummary
# keeps. Everything the inner runs use is imported here first, by running the checks once.
assert findings(load(EXAMPLE / "art-322.1.toml")) == []


def test_the_plugin_is_registered_as_a_pytest11_entry_point() -> None:
    (plugin,) = [e for e in entry_points(group="pytest11") if e.name == "lawsummary"]
    assert plugin.value == "lawsummary.pytest_plugin"


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """pytest in this process; Hypothesis' plugin (installed here, not needed there) is left
    out, as it imports Hypothesis again in every run."""
    return pytester.runpytest("-p", "no:hypothesispytest", *args)


def project(pytester: pytest.Pytester, document: str = DOCUMENT) -> Path:
    pytester.makepyprojecttoml(PYPROJECT)
    (pytester.path / "data").mkdir()
    (pytester.path / "data" / "art-322.1.toml").write_text(document, encoding="utf-8")
    pytester.makepyfile(test_dataset=TESTS)
    return pytester.path


def test_a_clean_project_passes_once_its_snapshots_are_written(pytester: pytest.Pytester) -> None:
    root = project(pytester)
    first = run(pytester, "-q", "-k", "snapshot")
    first.assert_outcomes(failed=12)  # 2 records x 6 locales, no snapshots yet
    first.stdout.fnmatch_lines(
        ["*no snapshot*snapshots/art-322.1/ky/dataset.txt*--lawsummary-update*"]
    )
    run(pytester, "-q", "--lawsummary-update").assert_outcomes(passed=24)
    written = sorted(p.relative_to(root).as_posix() for p in (root / "snapshots").rglob("*.txt"))
    assert len(written) == 12
    assert "snapshots/art-322.1/tg/provision-ru-uk-322.1-1.txt" in written
    run(pytester, "-q").assert_outcomes(passed=24)


def test_a_changed_snapshot_fails_naming_path_and_locale_and_the_update_round_trips(
    pytester: pytest.Pytester,
) -> None:
    root = project(pytester)
    run(pytester, "-q", "--lawsummary-update").assert_outcomes(passed=24)
    snapshot = root / "snapshots" / "art-322.1" / "uz" / "provision-ru-uk-322.1-1.txt"
    reviewed = snapshot.read_text(encoding="utf-8")
    snapshot.write_text(reviewed.replace("5 yil", "6 yil"), encoding="utf-8")
    result = run(pytester, "-q")
    result.assert_outcomes(passed=23, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*test_snapshot*art-322.1.toml:provision-ru-uk-322.1-1-uz*",
            "*snapshot*uz/provision-ru-uk-322.1-1.txt of provision ru-uk-322.1-1 "
            "($.provisions[[]0]) in locale uz, format text*",
        ]
    )
    run(pytester, "-q", "--lawsummary-update").assert_outcomes(passed=24)
    assert snapshot.read_text(encoding="utf-8") == reviewed
    run(pytester, "-q").assert_outcomes(passed=24)


def test_a_deliberate_fallback_fails_naming_path_and_locale(pytester: pytest.Pytester) -> None:
    document = DOCUMENT.replace('ky = "Мыйзамсыз миграцияны уюштуруу"\n', "")
    assert document != DOCUMENT
    project(pytester, document)
    result = run(pytester, "-q", "-k", "honest")
    # The title is the dataset's and the offence's: both records fail, in Kyrgyz only.
    result.assert_outcomes(passed=10, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*data/art-322.1.toml (the dataset, $):",
            "*$.title [[]ky] fallback: not translated: readers see the Russian text (ru)*",
            "*data/art-322.1.toml (provision ru-uk-322.1-1, $.provisions[[]0]):",
            "*$.provisions[[]0].versions[[]0].body.title [[]ky] fallback: not translated*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_an_unknown_never_stated_fails_naming_path_and_locale(pytester: pytest.Pytester) -> None:
    document = DOCUMENT.replace('valid_to = "2024-11-08"', 'valid_to = "unknown"')
    assert document != DOCUMENT
    project(pytester, document)
    # A summariser that forgets to say when the version ended (the data says "unknown").
    pytester.makeconftest(
        """
        import attrs
        import pytest

        import lawsummary.testing


        @pytest.fixture(autouse=True)
        def forgetful(monkeypatch):
            real = lawsummary.testing.explain

            def explain(obj, **options):
                found = real(obj, **options)
                kept = [s for s in found.statements if not any("valid_to" in p for p in s.trace)]
                return attrs.evolve(found, statements=tuple(kept))

            monkeypatch.setattr(lawsummary.testing, "explain", explain)
        """
    )
    result = run(pytester, "-q", "-k", "honest and tg")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*$.provisions[[]0].versions[[]0].valid_to [[]tg] unknown-not-stated: valid_to is "
            '"unknown", but no statement of the full summary of provision ru-uk-322.1-1 says so*'
        ]
    )


def test_honesty_tests_can_keep_to_some_kinds(pytester: pytest.Pytester) -> None:
    project(pytester, DOCUMENT.replace('ky = "Мыйзамсыз миграцияны уюштуруу"\n', ""))
    pytester.makepyfile(
        test_dataset="""
        def test_traced(lawsummary_subject, lawsummary_locale):
            lawsummary_subject.assert_honest(lawsummary_locale, kinds=["untraced-number"])
        """
    )
    run(pytester, "-q").assert_outcomes(passed=12)


def test_an_invalid_document_fails_every_test_with_its_problems(
    pytester: pytest.Pytester,
) -> None:
    project(pytester, DOCUMENT.replace('guilt = "intentional"', 'guilt = "deliberate"'))
    result = run(pytester, "-q", "-k", "en")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            "data/art-322.1.toml: 1 problem in *art-322.1.toml:",
            "  $.provisions[[]0].versions[[]0].body.guilt: 'deliberate' is not allowed; allowed: *",
        ]
    )


def test_no_configured_dataset_is_a_clear_failure(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_dataset=TESTS)
    result = run(pytester, "-q", "-k", "honest and en")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*no dataset files to check: name them in lawsummary_datasets*"])
    result = run(
        pytester,
        "-q",
        "-k",
        "honest and en",
        "--lawsummary-dataset",
        str(EXAMPLE / "art-322.1.toml"),
    )
    result.assert_outcomes(passed=2)


def test_fixtures_load_the_documents_and_read_the_thresholds(pytester: pytest.Pytester) -> None:
    project(pytester)
    (pytester.path / "pyproject.toml").write_text(
        PYPROJECT + 'lawsummary_locales = ["ru", "kk"]\n'
        "[tool.lawsummary]\nmax-words-per-sentence = 3\n",
        encoding="utf-8",
    )
    pytester.makepyfile(
        test_more="""
        from lawsummary.records import Dataset


        def test_dataset(lawsummary_dataset, lawsummary_documents, lawsummary_update):
            assert isinstance(lawsummary_dataset, Dataset)
            assert list(lawsummary_documents.values()) == [lawsummary_dataset]
            assert lawsummary_update is False


        def test_thresholds(lawsummary_thresholds):
            assert lawsummary_thresholds.max_words_per_sentence == 3
        """
    )
    result = run(pytester, "-q", "-k", "not snapshot")
    # Two records in two locales, each over a 3-word limit; the fixtures' own tests pass.
    result.assert_outcomes(passed=2, failed=4)
    result.stdout.fnmatch_lines(
        ["*[[]kk] readability: the short summary of the dataset*(at most 3)*"]
    )


def test_a_bad_locale_setting_is_a_usage_error(pytester: pytest.Pytester) -> None:
    project(pytester)
    (pytester.path / "pyproject.toml").write_text(
        PYPROJECT + 'lawsummary_locales = ["fr"]\n', encoding="utf-8"
    )
    result = run(pytester, "-q")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*lawsummary_locales: unsupported locale 'fr'*"])
