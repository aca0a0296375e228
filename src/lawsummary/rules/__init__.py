"""Legal logic, one module per jurisdiction.

:func:`category_deriver` gives the function that derives a crime category for a
jurisdiction, where the project has one.
"""

from __future__ import annotations

from collections.abc import Callable

from lawsummary.records.common import Unknown
from lawsummary.records.provisions import Category, CrimeCategories, Offence
from lawsummary.rules import ru

__all__ = ["CategoryDeriver", "category_deriver", "ru"]

CategoryDeriver = Callable[[Offence, CrimeCategories], "Category | Unknown | None"]

_DERIVERS: dict[str, CategoryDeriver] = {"RU": ru.crime_category}


def category_deriver(jurisdiction: str) -> CategoryDeriver | None:
    """The crime-category logic for ``jurisdiction`` (ISO 3166-1), or ``None`` if there is none."""
    return _DERIVERS.get(jurisdiction)
