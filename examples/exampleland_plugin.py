"""A jurisdiction plug-in and a penalty kind of a FICTIONAL country, "Exampleland" (XA).

Nothing here is real law. It shows what a third-party package adds to lawsummary for a
country of its own, in one module plus catalog entries:

- a penalty kind, ``xa_probation`` (a record class registered with ``penalty_kind``
  and its behaviour with ``penalty_behaviour``: its phrase, its severity, what a
  comparison compares);
- the jurisdiction: three crime categories of its own (``class_a`` to ``class_c``),
  how severe its penalty kinds are, its currency (XTS, the ISO 4217 code for tests)
  and catalog entries for its words in all six locales.

Importing the module registers both (``lawsummary.rules.register``). A package would
rather declare an entry point, so that lawsummary finds it without an import::

    [project.entry-points."lawsummary.jurisdictions"]
    XA = "exampleland_plugin:JURISDICTION"

The words below are labels of a fictional system, not legal terms: each locale gives
the locale's own word for "category" (from lawsummary's catalogs) with a letter, and
the kind's phrase names it "probation (Exampleland)".
"""

from __future__ import annotations

import attrs

from lawsummary.explain.penalties import penalty_behaviour
from lawsummary.records import Penalty, TermRange, penalty_kind
from lawsummary.rules import CategorySystem, CategoryWords, Jurisdiction, register, registered

__all__ = ["JURISDICTION", "Probation"]


@penalty_kind("xa_probation")
@attrs.frozen(kw_only=True)
class Probation(Penalty):
    """A suspended sentence with a probation period (fictional)."""

    term: TermRange


#: The phrase of the kind: a message key with the placeholder of its quantity.
PROBATION = "Exampleland probation for {term}"

penalty_behaviour(Probation, phrase=PROBATION, severity=5)

_CATEGORY_A = "an Exampleland class A offence"
_CATEGORY_B = "an Exampleland class B offence"
_CATEGORY_C = "an Exampleland class C offence"

#: Catalog entries by locale (English is the key itself).
MESSAGES = {
    "ru": {
        PROBATION: "пробация (Exampleland) на срок {term}",
        _CATEGORY_A: "правонарушение класса A (Exampleland)",
        _CATEGORY_B: "правонарушение класса B (Exampleland)",
        _CATEGORY_C: "правонарушение класса C (Exampleland)",
    },
    "uz": {
        PROBATION: "probation (Exampleland) ({term})",
        _CATEGORY_A: "toifa A (Exampleland)",
        _CATEGORY_B: "toifa B (Exampleland)",
        _CATEGORY_C: "toifa C (Exampleland)",
    },
    "ky": {
        PROBATION: "probation (Exampleland) ({term})",
        _CATEGORY_A: "категория A (Exampleland)",
        _CATEGORY_B: "категория B (Exampleland)",
        _CATEGORY_C: "категория C (Exampleland)",
    },
    "tg": {
        PROBATION: "probation (Exampleland) ба мӯҳлати {term}",
        _CATEGORY_A: "категория A (Exampleland)",
        _CATEGORY_B: "категория B (Exampleland)",
        _CATEGORY_C: "категория C (Exampleland)",
    },
    "kk": {
        PROBATION: "probation (Exampleland) ({term})",
        _CATEGORY_A: "санат A (Exampleland)",
        _CATEGORY_B: "санат B (Exampleland)",
        _CATEGORY_C: "санат C (Exampleland)",
    },
}

JURISDICTION = Jurisdiction(
    code="XA",
    name="Exampleland (fictional)",
    currency="XTS",
    categories=CategorySystem(
        categories=(
            CategoryWords(id="class_a", name=_CATEGORY_A),
            CategoryWords(id="class_b", name=_CATEGORY_B),
            CategoryWords(id="class_c", name=_CATEGORY_C),
        ),
    ),
    severity={"fine": 1, "index_fine": 1, "xa_probation": 4, "imprisonment": 9},
    messages=MESSAGES,
)

if "XA" not in registered():  # importing the module twice registers it once
    register(JURISDICTION)
