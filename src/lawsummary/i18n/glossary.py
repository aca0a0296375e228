"""The glossary of the readers' statute terms (``locale/glossary.toml``), as data.

For each legal concept: how an English text names it, and per locale the term a
translation must use and the wrong forms it must not. :func:`problems` checks
translations against it; ``tests/test_glossary.py`` runs it over every catalog and
every text of the bundled data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import attrs

from lawsummary.i18n.grammar import LocaleDataError

__all__ = ["Concept", "Term", "concepts", "problems"]


@attrs.frozen
class Term:
    term: str
    match: re.Pattern[str]
    wrong: tuple[str, ...]
    confidence: str
    source: str


@attrs.frozen
class Concept:
    id: str
    english: re.Pattern[str]
    terms: Mapping[str, Term]

    def named_in(self, english: str) -> bool:
        return self.english.search(english) is not None


def _fail(where: str, problem: str) -> LocaleDataError:
    return LocaleDataError(f"locale/glossary.toml: {where}: {problem}")


def _pattern(where: str, value: object) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise _fail(where, f"expected a regular expression, got {value!r}")
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise _fail(where, f"not a regular expression: {exc}") from None


def parse(text: str) -> tuple[Concept, ...]:
    """The concepts of a glossary file's text, checked."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail("the file", f"not valid TOML: {exc}") from None
    found = []
    for i, raw in enumerate(data.get("concept", [])):
        where = f"concept {i + 1}"
        cid = raw.get("id")
        if not isinstance(cid, str) or not cid:
            raise _fail(where, "needs an id")
        where = f"concept {cid!r}"
        terms = {}
        for code, t in raw.get("terms", {}).items():
            here = f"{where}, {code}"
            term = t.get("term")
            if not isinstance(term, str) or not term:
                raise _fail(here, "needs a term")
            wrong = t.get("wrong", [])
            if not isinstance(wrong, list) or not all(isinstance(w, str) and w for w in wrong):
                raise _fail(here, "wrong is a list of forms")
            confidence = t.get("confidence")
            if confidence not in ("H", "M", "M/H"):
                raise _fail(
                    here, f"confidence is H or M (only those are applied), got {confidence!r}"
                )
            source = t.get("source")
            if not isinstance(source, str) or not source:
                raise _fail(here, "needs a source")
            match = _pattern(f"{here} match", t.get("match", re.escape(term)))
            terms[code] = Term(term, match, tuple(wrong), confidence, source)
        found.append(Concept(cid, _pattern(f"{where} english", raw.get("english")), terms))
    if not found:
        raise _fail("the file", "no [[concept]]")
    return tuple(found)


@functools.cache
def concepts() -> tuple[Concept, ...]:
    """The concepts of the project's glossary."""
    from lawsummary import _files

    return parse(_files.read_bytes("locale", "glossary.toml").decode("utf-8"))


def problems(
    code: str, pairs: Iterable[tuple[str, str]], glossary: Iterable[Concept] | None = None
) -> list[str]:
    """Where translations into ``code`` do not use the glossary's terms.

    ``pairs`` are (English, translation). A translation whose English names a concept
    must match the concept's term; no translation may use a wrong form.
    """
    found = []
    for english, translated in pairs:
        for concept in concepts() if glossary is None else glossary:
            term = concept.terms.get(code)
            if term is None:
                continue
            if concept.named_in(english) and not term.match.search(translated):
                found.append(
                    f"{code}: {english!r} names {concept.id!r}, so it needs {term.term!r} "
                    f"({term.confidence}, {term.source}); it has {translated!r}"
                )
            for wrong in term.wrong:
                if wrong.lower() in translated.lower():
                    found.append(
                        f"{code}: {translated!r} uses {wrong!r}, which is wrong for "
                        f"{concept.id!r}; the statutes have {term.term!r}"
                    )
    return found
