"""How complete each locale is: catalog messages translated, and the CLDR gaps filled."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from importlib import resources

import attrs

from lawsummary._classes import shared_methods
from lawsummary.i18n import SUPPORTED_LOCALES, Review, language

__all__ = ["LocaleCoverage", "coverage", "template_messages"]


@shared_methods
@attrs.frozen(repr=False, eq=False)
class LocaleCoverage:
    code: str
    name: str
    native_name: str
    translated: int
    total: int
    #: Where CLDR lacks something the summaries need, and what the project writes instead.
    gaps: tuple[str, ...]
    #: Who reviewed the catalog and the bundled data's texts in this language (nobody yet).
    review: Review


@functools.cache
def template_messages() -> tuple[str, ...]:
    """The message ids of the catalog template (``locale/lawsummary.pot``)."""
    from babel.messages.pofile import read_po

    path = resources.files("lawsummary").joinpath("locale/lawsummary.pot")
    with path.open("rb") as handle:
        return tuple(m.id for m in read_po(handle) if isinstance(m.id, str) and m.id)


_CLDR_UNITS = {
    "hours": "duration-hour",
    "days": "duration-day",
    "months": "duration-month",
    "years": "duration-year",
}
_GAP = re.compile(r"^\S+ (y|yr|h|hr|d|m|mo)$")


def _gaps(code: str) -> tuple[str, ...]:
    from babel.units import format_unit

    lang = language(code)
    gaps = []
    for unit, cldr_unit in _CLDR_UNITS.items():
        cldr = format_unit(15, cldr_unit, length="long", locale=code)
        if _GAP.match(cldr):
            ours = lang.quantity(Decimal(15), Decimal(15), unit)
            gaps.append(f"unit name ({unit}): CLDR writes {cldr!r}; lawsummary writes {ours!r}")
    upper = lang.quantity(None, Decimal(5), "years")
    between = lang.quantity(Decimal(8), Decimal(15), "years")
    plain = lang.quantity(Decimal(5), Decimal(5), "years")
    forms = lang.data.units["years"].forms
    if ("gen" in forms or "lim" in forms) and upper != plain:
        gaps.append(
            f"grammatical case of a unit after a bound (CLDR has none): {upper!r}, {between!r}"
        )
    if lang.data.day_pattern is not None:
        import datetime as dt

        from babel.dates import format_date

        from lawsummary.records.common import PartialDate

        cldr = format_date(dt.date(2024, 11, 9), format="long", locale=code)
        ours = lang.date(PartialDate(2024, 11, 9))
        if cldr != ours:
            gaps.append(f"date style of official texts: CLDR writes {cldr!r}; lawsummary {ours!r}")
    if lang.data.list_and is not None:
        gaps.append(
            f"'and' lists: CLDR joins the last item with a comma only; lawsummary writes "
            f"{lang.join(['a', 'b', 'c'])!r}"
        )
    return tuple(gaps)


def coverage() -> tuple[LocaleCoverage, ...]:
    """A report for every supported locale."""
    from babel import Locale

    total = len(template_messages())
    reports = []
    for code in SUPPORTED_LOCALES:
        lang = language(code)
        translated = sum(1 for m in template_messages() if lang.is_translated(m))
        native = Locale.parse(code)
        reports.append(
            LocaleCoverage(
                code=code,
                name=str(Locale("en").languages.get(code, code)),
                native_name=str(native.get_display_name(code) or code),
                translated=translated,
                total=total,
                gaps=_gaps(code),
                review=lang.review,
            )
        )
    return tuple(reports)
