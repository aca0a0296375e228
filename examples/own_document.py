"""Read, check and inspect your own document: a fictional offence fined in an index unit.

Run: python examples/own_document.py [path]   (default: examples/exampleland.toml)
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

from lawsummary import InvalidDocumentError, dumps, load, summarize
from lawsummary.records import Dataset, IndexFine, Offence, Sanction

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("exampleland.toml")
try:
    ds = load(path)
except InvalidDocumentError as exc:
    print(exc, file=sys.stderr)
    sys.exit(1)
assert isinstance(ds, Dataset)
print(f"{path.name}: valid ({len(ds.provisions)} provision)")

body = ds.provision("xa-ac-517-1").latest().body
assert isinstance(body, Offence)
assert isinstance(body.sanction, Sanction)
fine = body.sanction.alternatives[0].penalty
assert isinstance(fine, IndexFine)
unit = ds.index_unit(fine.amount.unit)
for day in (dt.date(2025, 6, 1), dt.date(2026, 6, 1)):
    rate = unit.rate_on(day)
    assert rate is not None
    assert isinstance(fine.amount.min, Decimal)
    assert isinstance(fine.amount.max, Decimal)
    low, high = fine.amount.min * rate.value.amount, fine.amount.max * rate.value.amount
    print(
        f"On {day}: {fine.amount.min}-{fine.amount.max} x {rate.value.amount} "
        f"{rate.value.currency} = {low}-{high} {rate.value.currency}"
    )

# The same document as JSON, byte for byte the same every time.
print(dumps(ds, "json").splitlines()[1])

# And its summary, in Kazakh.
print(summarize(ds, locale="kk"), end="")
