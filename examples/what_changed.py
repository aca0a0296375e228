"""What changed in Art. 322.1 on 9 November 2024, and how its parts compare.

Run: python examples/what_changed.py [locale]   (default: en)
"""

from __future__ import annotations

import datetime as dt
import sys

from lawsummary import datasets, summarize
from lawsummary.compare import compare, compare_many

locale = sys.argv[1] if len(sys.argv) > 1 else "en"
ds = datasets.load("ru-migration-2024")

before, after = ds.as_of(dt.date(2024, 11, 1)), ds.as_of(dt.date(2025, 1, 1))
story = compare(before, after)
part2 = [c for c in story.changes if c.subject == "ru-uk-322.1-2"]
for change in part2:
    if change.path.endswith("imprisonment/term/max"):
        print(
            f"Part 2, maximum prison term: {change.before} -> {change.after} {change.unit} "
            f"({change.kind.value}, {change.direction.value if change.direction else '-'})"
        )
print(f"Part 2 overall: {story.direction('ru-uk-322.1-2').value}")  # type: ignore[union-attr]
print()

parts = [ds.provision(f"ru-uk-322.1-{n}") for n in (1, 2, 3)]
print(summarize(compare_many(parts, dataset=ds), locale=locale, format="markdown"))
