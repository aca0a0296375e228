"""Standalone HTML explainer pages, in Russian and Uzbek, with no external resources.

Run: python examples/html_page.py [folder]   (default: the current folder)
"""

from __future__ import annotations

import sys
from pathlib import Path

from lawsummary import datasets, summarize

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path()
ds = datasets.load("ru-migration-2024")
for locale in ("ru", "uz"):
    page = summarize(ds, locale=locale, format="html", standalone=True)
    path = folder / f"ru-migration-2024.{locale}.html"
    path.write_text(page, encoding="utf-8")
    print(f"{path}: {len(page.encode('utf-8'))} bytes, lang={locale}")
