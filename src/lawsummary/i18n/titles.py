"""Titles of acts in a grammatical case, for citations that govern one.

A language, not a jurisdiction: Russian puts the title of the act a citation points into
in the genitive ("ч. 6 ст. 18.1 Закона № 115-ФЗ"), whichever country's act it is. A
jurisdiction's citation style (``lawsummary.rules.CitationStyle``) names the case per
locale and passes this function as its ``inflect``.
"""

from __future__ import annotations

__all__ = ["inflect_title"]

#: The first words of Russian titles of acts, in the genitive ("Закон № 115-ФЗ" ->
#: "Закона № 115-ФЗ"); an abbreviation (in capitals) is not declined in writing, and a
#: title that starts otherwise is left as it is.
_RU_GENITIVE_START = (
    ("Федеральный конституционный закон", "Федерального конституционного закона"),
    ("Федеральный закон", "Федерального закона"),
    ("Закон", "Закона"),
    ("Кодекс", "Кодекса"),
    ("Указ", "Указа"),
    ("Постановление", "Постановления"),
    ("Распоряжение", "Распоряжения"),
    ("Приказ", "Приказа"),
)


def inflect_title(title: str, locale: str, case: str) -> str:
    """``title`` in ``case`` in ``locale``: only the Russian genitive has a rule here (its
    first words declined, the rest, a number or a quoted name, as it is); any other
    locale or case gives the title as it is."""
    if locale != "ru" or case != "genitive":
        return title
    for nominative, genitive in _RU_GENITIVE_START:
        if title == nominative or title.startswith(nominative + " "):
            return genitive + title[len(nominative) :]
    return title
