"""The 2024 package summarised in all six languages: what Art. 322.1(3) says.

Run: python examples/six_languages.py
"""

from __future__ import annotations

from lawsummary import SUPPORTED_LOCALES, datasets, summarize

ds = datasets.load("ru-migration-2024")
part3 = ds.provision("ru-uk-322.1-3")
for locale in SUPPORTED_LOCALES:
    lines = summarize(part3, locale=locale, dataset=ds).splitlines()
    heading = lines[0]
    punishment = next(line for line in lines if line.count(":") == 1 and "15" in line)
    print(f"[{locale}] {heading}")
    print(f"     {punishment}")
