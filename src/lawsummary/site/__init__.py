"""A static multilingual site of one or more datasets, with Atom and JSON feeds of what changed.

>>> from lawsummary import datasets
>>> from lawsummary.site import build_site
>>> report = build_site([datasets.load("ru-migration-2024")], "public")

Every page is built from the public API (``summarize(..., format="html")``,
``compare``, ``compare_many``): the site says nothing a summary does not. See
:func:`build_site` for the layout and :class:`SiteOptions` for what a portal can change.
The builder loads when first used, so that the command line's start-up does not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lawsummary.site.build import SiteError, SiteOptions, SiteReport, build_site

__all__ = ["SiteError", "SiteOptions", "SiteReport", "build_site"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'lawsummary.site' has no attribute {name!r}")
    value = getattr(importlib.import_module("lawsummary.site.build"), name)
    globals()[name] = value
    return value
