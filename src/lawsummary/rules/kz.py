"""Kazakhstan as a jurisdiction plug-in: what the core needs to know about its law.

- the currency, the tenge (KZT); fines are often counted in the monthly calculation
  index (МРП), an index unit whose dated values are data (see the bundled dataset
  ``kz-migration-2025``), never code;
- the citation style: in Russian the part before the article, as Kazakh practice
  writes it ("ч. 1 ст. 394 УК РК"); the other locales write the generic citation, as
  for Russia;
- **no crime-category system**: the Criminal Code of Kazakhstan has categories of its
  own (its Art. 11), but that article is not in the fact base, so none is declared
  here and no other country's is borrowed; a summary states no category for a Kazakh
  offence and a comparison never ranks one.

The severity of penalty kinds is not declared either: the kinds' own defaults apply
(a fine below prison), which is all the comparisons of the bundled data need.
It registers itself when :mod:`lawsummary.rules` is imported.
"""

from __future__ import annotations

from lawsummary.rules import CitationStyle, Jurisdiction, register

__all__ = ["JURISDICTION"]

#: Russian citations of Kazakh law: items, part, article, then the code ("ч. 1 ст. 394
#: УК РК"). The titles of the bundled Kazakh instruments are abbreviations in Russian,
#: which are not declined; other titles are declined as Russian ones are.
_KZ_CITATIONS = {
    "article": "kz.citation.article",
    "part": "kz.citation.part",
    "items": "kz.citation.items",
    "part+items": "kz.citation.part+items",
}
_KZ_CITATION_TEXTS = {
    "kz.citation.article": "ст. {article} {instrument}",
    "kz.citation.part": "ч. {part} ст. {article} {instrument}",
    "kz.citation.items": "п. «{items}» ст. {article} {instrument}",
    "kz.citation.part+items": "п. «{items}» ч. {part} ст. {article} {instrument}",
}


def _inflect(title: str, locale: str, case: str) -> str:
    from lawsummary.i18n.titles import inflect_title

    return inflect_title(title, locale, case)


_CITATION_STYLE = CitationStyle(
    keys=_KZ_CITATIONS,
    inflect=_inflect,
    instrument_case={"ru": "genitive"},
)

JURISDICTION = register(
    Jurisdiction(
        code="KZ",
        name="Kazakhstan",
        currency="KZT",
        categories=None,
        citation=_CITATION_STYLE,
        messages={"ru": _KZ_CITATION_TEXTS},
    )
)
