"""Two jurisdictions side by side: Russia and a FICTIONAL one ("Exampleland").

Exampleland's law is invented for this example (see examples/exampleland.toml).
Fines in different currencies or index units are never compared without a rate.

Run: python examples/compare_countries.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lawsummary import Dataset, datasets, load, summarize
from lawsummary.compare import Rate, compare, compare_many
from lawsummary.records import Alternative, Fine, MoneyRange, Provenance, Sanction, Source, Status

russia = datasets.load("ru-migration-2024")
exampleland = load(Path(__file__).with_name("exampleland.toml"))
assert isinstance(exampleland, Dataset)

table = compare_many(
    [russia.provision("ru-koap-19.23-legal-entities"), exampleland.provision("xa-ac-517-1")],
    datasets=[russia, exampleland],
)
print(summarize(table, locale="en", format="markdown"))

# Two fines in different currencies: not compared without a rate, converted with one.
rub = Sanction(
    alternatives=(Alternative(penalty=Fine(amount=MoneyRange(currency="RUB", max=500_000))),)
)
xts = Sanction(
    alternatives=(Alternative(penalty=Fine(amount=MoneyRange(currency="XTS", max=9_000_000))),)
)
print(summarize(compare(rub, xts), locale="en"))
rate = Rate(
    source="RUB",
    target="XTS",
    value="20",
    date=dt.date(2025, 1, 1),
    provenance=Provenance(
        status=Status.UNCONFIRMED, sources=(Source("https://example.org/fictional-rates"),)
    ),
)
print(summarize(compare(rub, xts, rates=[rate]), locale="en"))
