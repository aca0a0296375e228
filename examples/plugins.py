"""A jurisdiction and a penalty kind from outside the package, end to end.

Exampleland (XA) is FICTIONAL; its plug-in is examples/exampleland_plugin.py (one
module plus its catalog entries). Its offences are summarised in six locales with its
own words and compared with a direction.

Run: python examples/plugins.py
"""

from __future__ import annotations

import attrs
import exampleland_plugin

from lawsummary import SUPPORTED_LOCALES, summarize
from lawsummary.compare import compare
from lawsummary.records import (
    Alternative,
    Citation,
    Guilt,
    Imprisonment,
    LocalizedText,
    Offence,
    Provenance,
    Sanction,
    Source,
    Status,
    TermRange,
    TimeUnit,
)

prison = Alternative(penalty=Imprisonment(term=TermRange(unit=TimeUnit.YEARS, max=4)))
probation = Alternative(
    penalty=exampleland_plugin.Probation(term=TermRange(unit=TimeUnit.YEARS, min=1, max=3))
)
before = Offence(
    citation=Citation(jurisdiction="XA", instrument="xa-criminal-code", article="12", part="1"),
    title=LocalizedText.of(en="Hiring without a permit (fictional)", ru="Наём без разрешения"),
    guilt=Guilt.INTENTIONAL,
    sanction=Sanction(alternatives=(prison,)),
    category="class_c",
    provenance=Provenance(
        status=Status.REPORTED, sources=(Source("https://example.org/exampleland-code"),)
    ),
)
after = attrs.evolve(
    before, sanction=Sanction(alternatives=(probation, prison)), category="class_b"
)

for locale in SUPPORTED_LOCALES:
    print(f"[{locale}]")
    print(summarize(after, locale=locale), end="")
comparison = compare(before, after)
for change in comparison.changes:
    print(f"{change.path}: {change.kind.value}, {change.direction and change.direction.value}")
print(summarize(comparison, locale="en"), end="")
