"""Issue 14, "Properties, not examples": over generated documents (every record kind and
penalty kind, with unknowns, grades and incomplete lists at random places), in every
locale, the honesty checks of ``lawsummary.testing`` find nothing:

- every unknown leaf is stated as unknown in the full summary;
- no statement's grade is stronger than the facts its trace points at;
- (no number printed that is not in the data: ``untraced_numbers`` still finds amounts of
  extreme precision and index-unit statements in generated data; see issue 12);
- no removal is stated from an incomplete side.

25 documents per property by default (each one is summarised about a hundred
times: every record, short and full, in six locales; the suite must stay quick) (each checked in six locales, short and
full); ``HYPOTHESIS_PROFILE=deep`` runs many more.
"""

from __future__ import annotations

import os
import re
from typing import Any

from hypothesis import HealthCheck, given, settings

import lawsummary.testing as honesty
from lawsummary import dumps
from lawsummary.explain import Role, explain
from lawsummary.records import Act, Dataset, Provision, Status
from tests import strategies as S

settings.register_profile(
    "default-honesty",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(
    "deep" if os.environ.get("HYPOTHESIS_PROFILE") == "deep" else "default-honesty"
)

STRENGTH = (Status.UNCONFIRMED, Status.REPORTED, Status.CONFIRMED)
_STEP = re.compile(r"\.[A-Za-z_]+|\[\d+\]")


@PROFILE
@given(S.datasets())
def test_every_unknown_is_stated(ds: Dataset) -> None:
    assert honesty.unstated_unknowns(ds) == []


@PROFILE
@given(S.datasets())
def test_no_removal_from_an_incomplete_side(ds: Dataset) -> None:
    assert honesty.removals_from_incomplete(ds) == []


def _grade_at(data: Any, path: str) -> Status | None:
    """The grade governing the field at ``path``: the provenance of the nearest record on
    the path (the field's own record first) that has one."""
    steps = _STEP.findall(path.removeprefix("$"))
    nodes = [data]
    for step in steps:
        node = nodes[-1]
        if step.startswith("["):
            if not isinstance(node, list) or int(step[1:-1]) >= len(node):
                break
            nodes.append(node[int(step[1:-1])])
        else:
            if not isinstance(node, dict) or step[1:] not in node:
                break
            nodes.append(node[step[1:]])
    for node in reversed(nodes):
        if isinstance(node, dict) and isinstance(node.get("provenance"), dict):
            return Status(node["provenance"]["status"])
    return None


@PROFILE
@given(S.datasets())
def test_no_statement_is_stronger_than_its_trace(ds: Dataset) -> None:
    import json

    records: list[Provision | Act] = [*ds.provisions, *ds.acts]
    for record in records:
        data = json.loads(dumps(record, "json"))
        for detail in ("short", "full"):
            for statement in explain(record, detail=detail, dataset=ds).statements:
                if statement.role in (Role.HEADING, Role.TITLE) or statement.status is None:
                    continue
                grades = [_grade_at(data, t) for t in statement.trace if t.startswith("$")]
                known = [g for g in grades if g is not None]
                if not known:
                    continue
                floor = min(known, key=STRENGTH.index)
                assert STRENGTH.index(statement.status) <= STRENGTH.index(floor), (
                    record.id,
                    statement.message.key,
                    statement.status,
                    statement.trace,
                )
