"""Golden files: every record of the bundled dataset, summarised in full, per locale.

``tests/golden/<locale>/<record>.txt`` hold the exact UTF-8 output, no-break spaces
included. Run ``pytest tests/test_golden.py --update-golden`` to rewrite them, then
read the diff as a reviewer would.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from lawsummary import datasets, summarize
from lawsummary.compare import compare, compare_many
from lawsummary.i18n import SUPPORTED_LOCALES

GOLDEN = Path(__file__).parent / "golden"
DATASET = datasets.load("ru-migration-2024")

RECORDS: dict[str, object] = {"dataset": DATASET}
RECORDS.update({f"provision-{p.id}": p for p in DATASET.provisions})
RECORDS.update({f"act-{a.id}": a for a in DATASET.acts})
RECORDS["comparison-2024-11-01-2025-01-01"] = compare(
    DATASET.as_of(dt.date(2024, 11, 1)), DATASET.as_of(dt.date(2025, 1, 1))
)
RECORDS["table-322.1-and-322.2"] = compare_many(
    [
        DATASET.provision(p)
        for p in ("ru-uk-322.1-1", "ru-uk-322.1-2", "ru-uk-322.1-3", "ru-uk-322.2")
    ],
    dataset=DATASET,
)


def output(name: str, locale: str) -> str:
    record = RECORDS[name]
    if name == "dataset" or name.startswith(("comparison", "table")):
        return summarize(record, locale=locale, detail="short", dataset=DATASET)
    return summarize(record, locale=locale, detail="full", dataset=DATASET)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("name", sorted(RECORDS))
def test_golden(name: str, locale: str, update_golden: bool) -> None:
    path = GOLDEN / locale / f"{name}.txt"
    actual = output(name, locale)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path}; run pytest --update-golden"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            [ascii(line) for line in expected.splitlines()],
            [ascii(line) for line in actual.splitlines()],
            "golden",
            "actual",
            lineterm="",
        )
        pytest.fail(f"{path} differs:\n" + "\n".join(diff))


def test_no_stale_golden_files() -> None:
    expected = {f"{locale}/{name}.txt" for locale in SUPPORTED_LOCALES for name in RECORDS}
    found = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*.txt")}
    assert found == expected
