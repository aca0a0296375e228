"""One fixture per mistake in tests/invalid/, each paired with the exact problems it must produce.

Each ``<mistake>.json`` or ``<mistake>.toml`` is the fictional example document with
one thing wrong (``several-mistakes`` has three), or a hostile document found by
fuzzing (nesting, huge numbers, hostile texts and URLs); ``<mistake>.expected`` lists
the problems, one per line, as ``path: message`` (and how many more were not listed).
Every path must lead into the document: to a value in it, or to a key missing from an
object in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lawsummary import InvalidDocumentError, LawSummaryError, load
from lawsummary.errors import MAX_PROBLEMS
from tests.paths import parsed, path_exists

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix in {".json", ".toml"})


def test_every_fixture_has_its_expected_problems() -> None:
    assert len(CASES) >= 20
    for case in CASES:
        assert case.with_suffix(".expected").exists(), case.name


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_invalid_document(case: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    with pytest.raises(InvalidDocumentError) as info:
        load(case)
    error = info.value
    listed = [str(p) for p in error.problems]
    if error.omitted:
        listed.append(f"... and {error.omitted} more, not listed")
    assert listed == expected
    assert isinstance(error, LawSummaryError)
    assert isinstance(error, ValueError)
    assert error.source == str(case)
    assert str(error).startswith(f"{len(error.problems) + error.omitted} problem")
    assert str(case) in str(error).splitlines()[0]
    assert len(error.problems) <= MAX_PROBLEMS
    document = parsed(case.read_bytes(), case.suffix[1:])
    for problem in error.problems:
        assert path_exists(document, problem.path), problem
