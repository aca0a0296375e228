"""The monthly cost of a work patent in Moscow: base x deflator x regional coefficient.

Run: python examples/patent_cost.py
"""

from __future__ import annotations

from lawsummary import MissingDataError, datasets
from lawsummary.records import PatentCost
from lawsummary.rules.ru import patent_monthly_cost

ds = datasets.load("ru-migration-2024")
rule = ds.provision("ru-patent-cost").latest().body
assert isinstance(rule, PatentCost)

for year in (2024, 2025, 2026):
    try:
        cost = patent_monthly_cost(rule, "RU-MOW", year)
    except MissingDataError as exc:
        print(f"{year}: cannot compute ({exc})")
        continue
    base, deflator, coefficient = cost.factors
    print(
        f"{year}: {base} x {deflator} x {coefficient} = {cost.monthly.amount} "
        f"{cost.monthly.currency} a month (reported)"
    )

first, last = rule.deflators[0], rule.deflators[-1]
print(f"Deflator {first.year} -> {last.year}: {first.value} -> {last.value}")
