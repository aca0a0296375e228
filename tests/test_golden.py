"""Golden files: every record of the bundled dataset, summarised in full, per locale.

``tests/golden/<locale>/<record>.txt`` hold the exact UTF-8 output, no-break spaces
included. Run ``pytest tests/test_golden.py --update-golden`` to rewrite them, then
read the diff as a reviewer would. The comparison is
``lawsummary.testing.assert_summary_snapshot``, the one data maintainers use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lawsummary import datasets
from lawsummary.compare import compare, compare_many
from lawsummary.explain import Detail
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.testing import assert_summary_snapshot

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


def detail(name: str) -> Detail:
    short = name == "dataset" or name.startswith(("comparison", "table"))
    return "short" if short else "full"


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("name", sorted(RECORDS))
def test_golden(name: str, locale: str, update_golden: bool) -> None:
    assert_summary_snapshot(
        RECORDS[name],
        locale=locale,
        directory=GOLDEN,
        name=name,
        detail=detail(name),
        dataset=DATASET,
        update=update_golden,
        hint="run pytest tests/test_golden.py --update-golden, then read the diff",
    )


def test_no_stale_golden_files() -> None:
    expected = {f"{locale}/{name}.txt" for locale in SUPPORTED_LOCALES for name in RECORDS}
    found = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*.txt")}
    assert found == expected
