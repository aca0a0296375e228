"""The tests read the fact base from their own copy (tests/reference/legal-facts.md), so the
checks of the data against it run in every checkout, CI and the sdist included. The copy must
be the fact base itself: where ../shared is beside the checkout, they are compared byte for byte,
and CI (LAWSUMMARY_REQUIRE_FACT_BASE=1, set by .ci/run whenever ../shared is there) fails
rather than skips when it cannot compare."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.paths import FACT_BASE, SHARED_FACT_BASE


def shared_fact_base(path: Path) -> bytes:
    if not path.exists():
        if os.environ.get("LAWSUMMARY_REQUIRE_FACT_BASE") == "1":
            pytest.fail(f"the fact base {path} is missing, and CI requires it")
        pytest.skip("shared/reference/legal-facts.md is not beside this checkout")
    return path.read_bytes()


def test_the_copy_is_the_shared_fact_base() -> None:
    assert FACT_BASE.read_bytes() == shared_fact_base(SHARED_FACT_BASE), (
        "tests/reference/legal-facts.md differs from ../shared/reference/legal-facts.md: "
        "copy it again and correct the data it concerns (tests/reference/README.md)"
    )


def test_the_copy_holds_every_section_the_tests_read() -> None:
    headings = re.findall(r"^## ([0-9]+)\. ", FACT_BASE.read_text(encoding="utf-8"), re.M)
    assert [int(h) for h in headings] == list(range(9))


def test_a_missing_fact_base_fails_where_ci_requires_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LAWSUMMARY_REQUIRE_FACT_BASE", "1")
    with pytest.raises(pytest.fail.Exception, match="CI requires it"):
        shared_fact_base(tmp_path / "absent.md")
    monkeypatch.delenv("LAWSUMMARY_REQUIRE_FACT_BASE")
    with pytest.raises(pytest.skip.Exception):
        shared_fact_base(tmp_path / "absent.md")
    present = tmp_path / "present.md"
    present.write_bytes(b"# facts\n")
    assert shared_fact_base(present) == b"# facts\n"
