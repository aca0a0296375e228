"""Shared fixtures and the --update-golden option."""

from __future__ import annotations

import pytest

from lawsummary import datasets
from lawsummary.records import Dataset


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def ru() -> Dataset:
    """The bundled ru-migration-2024 dataset."""
    return datasets.load("ru-migration-2024")
