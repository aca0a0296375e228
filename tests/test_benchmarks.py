"""The benchmarks keep working: their quick mode runs here. No timing is asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_quick_benchmarks_run() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("1. Summaries", "2. Loading", "3. Cold start", "4. Batch memory"):
        assert heading in out
    assert out.count("target: ") == 4
    assert "| kk |" in out
