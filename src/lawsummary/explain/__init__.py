"""What to say about a record: statements with their values and traces, in no language.

``explain`` turns a record into :class:`Statement` objects. Each statement is a
message key (an English message with named placeholders, translated by the
catalogs), the typed values that fill it, the grade of the fact it states and
the field paths and sources it used. ``lawsummary.render`` turns statements into
text in one locale and format; keeping the two apart keeps each language's
grammar in one place and gives every output its trace.
"""

from __future__ import annotations

from collections.abc import Iterable

from lawsummary.explain.bodies import other_body_statements, provision_behaviour
from lawsummary.explain.common import citation_value, sanction_statements
from lawsummary.explain.dated import (
    act_statements,
    dataset_statements,
    provision_statements,
    version_statements,
)
from lawsummary.explain.offences import offence_statements
from lawsummary.explain.penalties import penalty_phrase
from lawsummary.explain.values import (
    N_,
    Context,
    Detail,
    Explanation,
    Items,
    Link,
    Message,
    MoreThan,
    Number,
    Quantity,
    Role,
    Statement,
    Text,
    Value,
    Verbatim,
    When,
    msg,
)
from lawsummary.records.acts import Act, Provision, Version
from lawsummary.records.dataset import Dataset
from lawsummary.records.penalties import Sanction
from lawsummary.records.provisions import Body

__all__ = [
    "N_",
    "Detail",
    "Explanation",
    "Items",
    "Link",
    "Message",
    "MoreThan",
    "Number",
    "Quantity",
    "Role",
    "Statement",
    "Text",
    "Value",
    "Verbatim",
    "When",
    "citation_value",
    "explain",
    "msg",
    "offence_statements",
    "other_body_statements",
    "penalty_phrase",
    "provision_behaviour",
    "sanction_statements",
]


def explain(
    obj: object, *, detail: Detail = "short", dataset: Dataset | None = None
) -> Explanation:
    """The statements that summarise ``obj``, in no particular language.

    ``obj`` is any record: a dataset, provision, version, act, provision body
    (offence, confiscation, exam rule, patent cost ...) or sanction. ``dataset``
    gives the context for a record taken out of one (instrument names, regions,
    measures, derived categories); a dataset is its own context.
    """
    if detail not in ("short", "full"):
        from lawsummary.errors import LawSummaryError

        raise LawSummaryError(f"unknown detail {detail!r}; use 'short' or 'full'")
    if isinstance(obj, Dataset):
        ctx = Context(detail, obj, is_dataset=True)
        statements: Iterable[Statement] = dataset_statements(obj, ctx)
        subject = "dataset"
    elif _is_comparison(obj):
        from lawsummary.compare import Comparison, Table
        from lawsummary.explain.comparisons import comparison_statements, table_statements

        if isinstance(obj, Table):
            statements = table_statements(obj, Context(detail, dataset))
            return Explanation("table", tuple(statements), detail)
        assert isinstance(obj, Comparison)
        context = obj.after if isinstance(obj.after, Dataset) else dataset
        statements, subject = comparison_statements(obj, Context(detail, context)), "comparison"
    else:
        ctx = Context(detail, dataset)
        if isinstance(obj, Provision):
            statements, subject = provision_statements(obj, "$", ctx), "provision"
        elif isinstance(obj, Version):
            statements, subject = version_statements(obj, "$", ctx), "version"
        elif isinstance(obj, Act):
            statements, subject = act_statements(obj, "$", ctx), "act"
        elif isinstance(obj, Sanction):
            statements, subject = sanction_statements(obj, "$", obj.provenance, ctx), "sanction"
        elif isinstance(obj, Body):
            statements, subject = other_body_statements(obj, "$", ctx), obj.kind
        else:
            from lawsummary.errors import LawSummaryError

            raise LawSummaryError(
                f"cannot summarise a {type(obj).__name__}; pass a dataset, provision, version, "
                "act, sanction or provision body"
            )
    return Explanation(subject, tuple(statements), detail)


def _is_comparison(obj: object) -> bool:
    """A Comparison or Table, recognised without importing the comparison module first."""
    return type(obj).__module__ == "lawsummary.compare"
