"""`lawsummary check`: exit 0 when clean, 1 on findings (named by path and locale), 2 for usage."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import lawsummary.testing as honesty
from lawsummary import cli, dumps, load
from lawsummary.explain import Explanation
from lawsummary.explain import explain as explain_for_real
from lawsummary.records import Dataset, LocalizedText

EXAMPLE = Path(__file__).parents[1] / "examples" / "maintain_your_own_dataset" / "art-322.1.toml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lawsummary", "check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The command in this process (so that a test can change the summaries it checks)."""
    code = cli.main(["check", *args])
    return code, capsys.readouterr().out


@pytest.fixture(scope="module")
def clean() -> Dataset:
    ds = load(EXAMPLE)
    assert isinstance(ds, Dataset)
    return ds


def write(path: Path, record: object) -> Path:
    path.write_text(dumps(record, "toml"), encoding="utf-8")
    return path


def test_a_clean_document_passes() -> None:
    result = run(str(EXAMPLE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{EXAMPLE}: no findings (2 records, 6 locales)\n"
    json_result = run(str(EXAMPLE), "--format", "json", "--locale", "ru")
    assert (json_result.returncode, json_result.stdout) == (0, "")


def test_a_fallback_names_the_path_and_the_locales(tmp_path: Path, clean: Dataset) -> None:
    title = LocalizedText.of(
        en="Organising illegal migration", ru="Организация незаконной миграции"
    )
    doc = write(tmp_path / "fallback.toml", attrs.evolve(clean, title=title))
    result = run(str(doc))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{doc}: $.title [uz, ky, tg, kk] fallback: not translated: readers see the Russian text "
        "(ru) instead; add the locale's entry to this text",
        "4 findings in 1 document (fallback 4)",
    ]
    lines = run(str(doc), "--format", "json", "--locale", "kk", "--locale", "en").stdout
    assert [json.loads(line) for line in lines.splitlines()] == [
        {
            "file": str(doc),
            "path": "$.title",
            "locale": "kk",
            "kind": "fallback",
            "message": "not translated: readers see the Russian text (ru) instead; add the "
            "locale's entry to this text",
        }
    ]


def test_an_invalid_document_is_reported_and_the_others_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "dataset", "id": "x"}', encoding="utf-8")
    result = run(str(bad), str(EXAMPLE), str(tmp_path / "missing.toml"))
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert out[0] == f"{bad}: $.title invalid: missing: this key is required"
    assert f"{EXAMPLE}: no findings (2 records, 6 locales)" in out
    assert f"{tmp_path / 'missing.toml'}: $ invalid: cannot read the file: " in result.stdout
    assert result.stderr == ""


def test_a_record_alone_that_needs_a_dataset(tmp_path: Path, clean: Dataset) -> None:
    doc = write(tmp_path / "provision.toml", clean.provisions[0])
    result = run(str(doc), "--locale", "ky")
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"{doc}: $.versions[0].body.citation.instrument [ky] cannot-summarise: provision "
        "ru-uk-322.1-1 names the instrument 'ru-criminal-code', which only a dataset holds"
    )


def test_readability_thresholds_from_the_command_line_and_pyproject(tmp_path: Path) -> None:
    result = run(str(EXAMPLE), "--max-words-per-sentence", "4", "--locale", "en")
    assert result.returncode == 1
    assert f"{EXAMPLE}: $.provisions[0] [en] readability: the short summary of provision " in (
        result.stdout
    )
    assert "(at most 4); the longest (" in result.stdout
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        "[tool.lawsummary]\nmin-reading-ease = { ru = 99 }\n", encoding="utf-8"
    )
    doc = project / "data" / "art.toml"
    doc.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(str(doc), "--locale", "ru")
    assert result.returncode == 1
    assert "[ru] readability: the short summary of provision ru-uk-322.1-1 has a reading ease" in (
        result.stdout
    )
    assert "(at least 99 for ru)" in result.stdout
    assert run(str(doc), "--locale", "ru", "--min-reading-ease", "ru=0").returncode == 0


def test_an_unstated_unknown_and_an_untraced_number(
    tmp_path: Path,
    clean: Dataset,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lawsummary.explain import Message, Number, Role, Statement
    from lawsummary.records import UNKNOWN

    version = attrs.evolve(clean.provisions[0].versions[0], valid_to=UNKNOWN)
    doc = write(
        tmp_path / "unknown.toml",
        attrs.evolve(clean, provisions=(attrs.evolve(clean.provisions[0], versions=(version,)),)),
    )
    assert check(capsys, str(doc)) == (0, f"{doc}: no findings (2 records, 6 locales)\n")
    real = explain_for_real
    wrong = Statement(Role.SENTENCE, Message("{count}", (("count", Number(77, "$.id")),)))

    def careless(obj: object, **options: Any) -> Explanation:
        """A summariser that forgets the end date and writes a number from nowhere."""
        explanation = real(obj, **options)
        kept = [s for s in explanation.statements if "$.versions[0].valid_to" not in s.trace]
        return attrs.evolve(explanation, statements=(*kept, wrong))

    monkeypatch.setattr("lawsummary.testing.explain", careless)
    code, out = check(capsys, str(doc), "--locale", "uz")
    assert code == 1
    assert (
        f"{doc}: $.provisions[0].versions[0].valid_to [uz] unknown-not-stated: valid_to is "
        '"unknown", but no statement of the full summary of provision ru-uk-322.1-1 says so'
    ) in out
    assert f"{doc}: $.provisions[0].id [uz] untraced-number: the short summary of " in out
    assert "writes 77 in '77'" in out


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((), "check needs FILE arguments or --dataset NAME"),
        (("x.toml", "--locale", "fr"), "unsupported locale 'fr'"),
        (("x.toml", "--min-reading-ease", "en"), "--min-reading-ease 'en': write LOCALE=N"),
        (("x.toml", "--min-reading-ease", "ky=3"), "'ky' has no reading-ease score"),
        (("x.toml", "--max-words-per-sentence", "0"), "needs a positive number"),
        (("x.toml", "--format", "html"), "invalid choice: 'html'"),
        (("--dataset", "nope"), "invalid choice: 'nope'"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], error: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert error in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_pyproject_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.lawsummary]\nmax-words = 3\n", encoding="utf-8")
    doc = tmp_path / "art.toml"
    doc.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(str(doc))
    assert result.returncode == 2
    assert "pyproject.toml: [tool.lawsummary] has no key 'max-words'; allowed: " in result.stderr


def test_help_shows_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "examples:\n  lawsummary check " in result.stdout
    assert "cannot-summarise" in result.stdout
    assert (
        "check"
        in subprocess.run(
            [sys.executable, "-m", "lawsummary", "--help"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )


def test_the_bundled_dataset_is_checked_in_every_locale() -> None:
    """Its findings change as translations land; every one names a path and a locale."""
    result = run("--dataset", "ru-migration-2024", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert (result.returncode == 1) == bool(found)
    for finding in found:
        assert finding["file"] == "ru-migration-2024"
        assert finding["path"].startswith("$")
        assert finding["locale"] in ("en", "ru", "uz", "ky", "tg", "kk")
        assert finding["kind"] in honesty.KINDS
    assert not [f for f in found if f["kind"] in ("untraced-number", "cannot-summarise")]


def test_the_command_knows_every_kind_of_finding() -> None:
    from lawsummary import check as command

    assert command.KINDS == honesty.KINDS


def test_a_certain_removal_from_an_incomplete_sanction(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    comparing = importlib.import_module("lawsummary.compare")

    real = comparing.compare

    def certain(before: object, after: object, **options: Any) -> Any:
        """A comparison that forgets that a missing item of an incomplete list is doubtful."""
        result = real(before, after, **options)
        changes = tuple(
            attrs.evolve(c, status=None, direction=comparing.Direction.MORE_LENIENT)
            if c.kind is comparing.ChangeKind.REMOVED
            else c
            for c in result.changes
        )
        return attrs.evolve(result, changes=changes)

    monkeypatch.setattr(comparing, "compare", certain)
    code, out = check(
        capsys, "--dataset", "ru-migration-2024", "--locale", "en", "--format", "json"
    )
    assert code == 1
    removals = [json.loads(line) for line in out.splitlines() if "removal-from" in line]
    assert {
        "file": "ru-migration-2024",
        "path": "$.provisions[3].versions[1].body.sanction",
        "locale": "en",
        "kind": "removal-from-incomplete",
        "message": "the comparison between 2024-11-08 and 2024-11-09 removes "
        "ru-uk-322.2/sanction/fine for certain (no grade, more_lenient), but this sanction may "
        "be incomplete (complete = false): the removal must be unconfirmed, of unclear direction",
    } in removals


def test_a_document_on_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lawsummary", "check", "-", "--input-format", "toml"],
        input=EXAMPLE.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (result.returncode, result.stdout) == (
        0,
        "<stdin>: no findings (2 records, 6 locales)\n",
    )
    bad = subprocess.run(
        [sys.executable, "-m", "lawsummary", "check", "-"],
        input="{",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stdout.startswith("<stdin>: $ invalid: ")
