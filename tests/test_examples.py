"""The examples run as tests, so they cannot rot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).parents[1] / "examples"


def run(name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_amendment_dates() -> None:
    assert run("amendment_dates.py").splitlines() == [
        "As of 2024-06-01:",
        "  part 1: prison up to 5 years, category medium",
        "  part 2: prison up to 7 years, category grave (reported)",
        "As of 2025-06-01:",
        "  part 1: prison 2 to 5 years, category medium",
        "  part 2: prison 5 to 10 years, category grave",
        "  part 3: prison 8 to 15 years, category especially_grave (reported)",
    ]


def test_patent_cost() -> None:
    out = run("patent_cost.py").splitlines()
    assert out[0].startswith("2024: cannot compute (no coefficient for RU-MOW in 2024")
    assert out[1:] == [
        "2025: 1200 x 2.594 x 2.8592 = 8900.1177600 RUB a month (reported)",
        "2026: 1200 x 2.842 x 2.9323 = 10000.3159200 RUB a month (reported)",
        "Deflator 2024 -> 2026: 2.4 -> 2.842",
    ]


def test_own_document() -> None:
    out = run("own_document.py").splitlines()
    assert out[:3] == [
        "exampleland.toml: valid (1 provision)",
        "On 2025-06-01: 50-100 x 3932 XTS = 196600-393200 XTS",
        "On 2026-06-01: 50-100 x 4325 XTS = 216250-432500 XTS",
    ]


def test_own_document_is_summarised() -> None:
    out = run("own_document.py")
    assert "Жаза: 50 бірліктен 100 бірлікке дейін" in out
    assert "(тілі: орыс тілі; деректерде аударма жоқ)" in out  # marked fallback


def test_six_languages() -> None:
    out = run("six_languages.py").splitlines()
    assert [line[:4] for line in out[::2]] == ["[en]", "[ru]", "[uz]", "[ky]", "[tg]", "[kk]"]
    assert "Наказание: лишение свободы на срок от 8 до 15 лет." in out[3]


def test_html_page(tmp_path: Path) -> None:
    out = run("html_page.py", str(tmp_path)).splitlines()
    assert len(out) == 2
    for locale in ("ru", "uz"):
        page = (tmp_path / f"ru-migration-2024.{locale}.html").read_text(encoding="utf-8")
        assert page.startswith(f'<!DOCTYPE html>\n<html lang="{locale}">')


def test_what_changed() -> None:
    out = run("what_changed.py").splitlines()
    assert out[:2] == [
        "Part 2, maximum prison term: 7 -> 10 years (raised, harsher)",
        "Part 2 overall: harsher",
    ]
    assert (
        "| Category | a crime of medium gravity | a grave crime | an especially grave crime "
        "(reported) |" in out
    )


def test_compare_countries() -> None:
    out = run("compare_countries.py")
    assert "| Administrative Code of Exampleland, art. 517(1) |" in out.splitlines()[2]
    assert "a fine of 50 to 100 units (monthly calculation index)" in out
    assert "no conversion rate was given, so they are not compared." in out
    assert (
        "For comparison: 500,000 rubles: at the given rate of 20 XTS for 1 Russian ruble on "
        "January 1, 2025 (source https://example.org/fictional-rates), about 10,000,000 XTS"
    ) in out


def test_every_example_is_tested() -> None:
    tested = {
        "amendment_dates.py",
        "patent_cost.py",
        "own_document.py",
        "what_changed.py",
        "compare_countries.py",
        "six_languages.py",
        "html_page.py",
        "plugins.py",
        "exampleland_plugin.py",  # the plug-in plugins.py (and tests/test_plugins.py) uses
    }
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_maintain_your_own_dataset() -> None:
    """The data maintainer's project passes its own one-line tests and `lawsummary check`."""
    project = EXAMPLES / "maintain_your_own_dataset"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:hypothesispytest"],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "24 passed" in result.stdout  # 2 records x 6 locales x (honest, snapshot)
    check = subprocess.run(
        [sys.executable, "-m", "lawsummary", "check", "art-322.1.toml"],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout == "art-322.1.toml: no findings (2 records, 6 locales)\n"


def test_the_readme_shows_the_maintainers_setup() -> None:
    """The README's plugin tests are the example's, and its CI lines run the two checks."""
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    tests = (EXAMPLES / "maintain_your_own_dataset" / "test_art_322_1.py").read_text(
        encoding="utf-8"
    )
    for call in ("assert_honest(lawsummary_locale)", "assert_snapshot(lawsummary_locale)"):
        assert f"    lawsummary_subject.{call}\n" in readme
        assert f"    lawsummary_subject.{call}\n" in tests
    assert "```sh\npip install lawsummary pytest\nlawsummary check data/*.toml\npytest\n```" in (
        readme
    )
    config = (EXAMPLES / "maintain_your_own_dataset" / "pyproject.toml").read_text("utf-8")
    assert 'lawsummary_datasets = ["art-322.1.toml"]' in config
    assert "`lawsummary_datasets = [" in readme


def test_plugins() -> None:
    """A fictional jurisdiction and penalty kind from outside the package, end to end."""
    out = run("plugins.py")
    assert "- Exampleland probation for 1 to 3 years; or" in out
    assert "This is an Exampleland class B offence." in out
    assert "- пробация (Exampleland) на срок от 1 до 3 лет; или" in out
    assert "Бұл – санат B (Exampleland)." in out
    assert "sanction/xa_probation: added, more_lenient" in out
    assert "category: lowered, more_lenient" in out
    assert "New option for the court: Exampleland probation for 1 to 3 years. (more lenient)" in out
    assert "Russia" not in out
