"""What Art. 322.1 of the Russian Criminal Code said before and after 9 November 2024.

Run: python examples/amendment_dates.py
"""

from __future__ import annotations

import datetime as dt

from lawsummary import datasets
from lawsummary.records import Imprisonment, Offence, Sanction, Status

ds = datasets.load("ru-migration-2024")

for day in (dt.date(2024, 6, 1), dt.date(2025, 6, 1)):
    print(f"As of {day}:")
    cut = ds.as_of(day)
    for provision in cut.provisions:
        if not provision.id.startswith("ru-uk-322.1-"):
            continue
        version = provision.latest()
        body = version.body
        assert isinstance(body, Offence)
        assert isinstance(body.sanction, Sanction)
        prison = body.sanction.alternatives[0].penalty
        assert isinstance(prison, Imprisonment)
        low = f"{prison.term.min} to " if prison.term.min is not None else "up to "
        category = ds.derived_category(version)
        grade = body.provenance.status
        flag = "" if grade is Status.CONFIRMED else f" ({grade.value})"
        print(
            f"  part {body.citation.part}: prison {low}{prison.term.max} {prison.term.unit.value}, "
            f"category {getattr(category, 'value', category)}{flag}"
        )
