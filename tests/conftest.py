"""Shared fixtures and the --update-golden option."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from lawsummary import datasets
from lawsummary.records import Dataset

# In CI (.ci/run sets LAWSUMMARY_CI=1) every property draws its examples from a fixed seed, so
# a run can be repeated exactly; elsewhere each run explores new examples, and the thorough
# profiles (LAWSUMMARY_FUZZ=thorough, HYPOTHESIS_PROFILE=deep) explore many more.
settings.register_profile("lawsummary-ci", derandomize=True)
if os.environ.get("LAWSUMMARY_CI"):
    settings.load_profile("lawsummary-ci")


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
