"""mypy --strict and ruff are part of the test suite, so a green run means all three pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_mypy_strict() -> None:
    result = tool("mypy")  # configured in pyproject.toml: strict, src + tests + examples
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_check() -> None:
    result = tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_data_covers_every_data_file() -> None:
    """Every catalog and dataset in the source tree is shipped in the wheel."""
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["lawsummary"]
    package = ROOT / "src" / "lawsummary"
    data = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*")
        if p.is_file() and p.suffix in (".po", ".pot", ".json", ".toml", ".typed")
    ]
    assert data
    for path in data:
        assert any(fnmatch.fnmatch(path, pattern) for pattern in patterns), path
