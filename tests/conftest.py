"""Shared fixtures."""

from __future__ import annotations

import pytest

from lawsummary import datasets
from lawsummary.records import Dataset


@pytest.fixture(scope="session")
def ru() -> Dataset:
    """The bundled ru-migration-2024 dataset."""
    return datasets.load("ru-migration-2024")
