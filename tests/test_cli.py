"""The command line, end to end through a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INVALID = Path(__file__).parent / "invalid"
EXAMPLE = Path(__file__).parents[1] / "examples" / "exampleland.toml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lawsummary", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_show_bundled_dataset() -> None:
    result = run("show", "--dataset", "ru-migration-2024")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Russia's 2024 laws against illegal migration (ru-migration-2024)\n")
    assert "ru-uk-322.1-3 — Criminal Code of Russia, art. 322.1, part 3 (offence)" in out
    assert "imprisonment 8–15 years" in out
    assert "category: especially_grave (stated)" in out
    assert result.stderr == ""


def test_show_as_of_and_russian_texts() -> None:
    result = run("show", "--dataset", "ru-migration-2024", "--as-of", "2024-06-01", "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert "as of: 2024-06-01" in result.stdout
    assert "ru-uk-322.1-3" not in result.stdout
    assert "Организация незаконной миграции" in result.stdout


def test_show_a_document() -> None:
    result = run("show", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert "index fine 50–100 xa-mci" in result.stdout


def test_validate_exit_codes() -> None:
    ok = run("validate", str(EXAMPLE))
    assert (ok.returncode, ok.stdout) == (0, f"{EXAMPLE}: valid\n")
    bad = INVALID / "several-mistakes.json"
    result = run("validate", str(EXAMPLE), str(bad))
    assert result.returncode == 1
    expected = (INVALID / "several-mistakes.expected").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == [f"{bad}: {line}" for line in expected]
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    bad_date = run("show", "--dataset", "ru-migration-2024", "--as-of", "9 Nov")
    assert bad_date.returncode == 2
    assert "'9 Nov' is not a date; write YYYY-MM-DD" in bad_date.stderr
    assert run("show", "--dataset", "nope").returncode == 2


def test_user_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    result = run("show", str(tmp_path / "missing.json"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cannot read the file" in result.stderr


def test_help_shows_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "lawsummary show --dataset ru-migration-2024" in result.stdout


def test_datasets_listing() -> None:
    result = run("datasets")
    assert result.returncode == 0
    assert result.stdout.startswith(
        "ru-migration-2024: Russia's 2024 laws against illegal migration\n"
    )


def test_summarize_bundled_dataset() -> None:
    result = run("summarize", "--dataset", "ru-migration-2024", "--locale", "ru")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Законы России 2024 года против незаконной миграции\n")
    assert "лишение свободы на срок от 8 до 15 лет" in result.stdout


def test_summarize_to_a_standalone_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = run(
        "summarize", str(EXAMPLE), "--locale", "uz", "--format", "html", "--output", str(page)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    html = page.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="uz">')
    assert "50 birlikdan 100 birlikkacha" in html


def test_summarize_bad_locale_is_one_line() -> None:
    result = run("summarize", "--dataset", "ru-migration-2024", "--locale", "../../x")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "unsupported locale '../../x'" in result.stderr
