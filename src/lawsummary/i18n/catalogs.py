"""The message template and the catalogs, kept in step with the code.

``python -m lawsummary.i18n.catalogs`` extracts the messages marked ``N_("…")`` from
the package, writes ``locale/lawsummary.pot`` and brings every
``locale/<code>/LC_MESSAGES/lawsummary.po`` in step with it: new messages are added
untranslated, messages no code uses are dropped, translations are kept, and every
message gets a translator comment (``#.``) saying where it appears and what each of
its placeholders holds, followed by any ``# TRANSLATORS:`` comment in the source.
The header of each catalog is rewritten clean (no fuzzy mark, the real ``Language``
and ``Plural-Forms``); who reviewed it (``X-Reviewed-By``, ``X-Review-Date``) is kept.

``--check`` writes nothing and exits 1 if any file is not what the tool would write;
the test suite runs it. Start a new locale with ``--init xx`` (see the README).
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from lawsummary.i18n.po import read_po_catalog

__all__ = ["PLACEHOLDERS", "PLACES", "Entry", "extract", "main", "render_catalog"]

PACKAGE = Path(__file__).resolve().parents[1]
LOCALE = PACKAGE / "locale"
DOMAIN = "lawsummary"
#: A placeholder: ``{name}``, or ``{name.form}`` for another form of the value: a quantity's
#: ``attributive`` form before a noun, a date's ``through`` form ending a period.
_FIELD = re.compile(r"\{(\w+)(?:\.\w+)?\}")

#: Where each module's messages appear, for the translator.
PLACES: dict[str, str] = {
    "explain/common.py": "pieces of every summary: penalties, sanctions, sources, grades, "
    "citations, open points",
    "explain/offences.py": "the summary of an offence (a criminal or administrative provision)",
    "explain/bodies.py": "the summaries of the other provisions: exam rules, patent cost, "
    "activity bans, confiscation, measures, crime categories",
    "explain/comparisons.py": "comparisons: what changed between two versions or dates, and "
    "tables of several provisions",
    "explain/dated.py": "dates: when a version or an act was in force, its stages, the date "
    "a summary is as of",
    "explain/values.py": "every summary",
    "render/__init__.py": "added by the renderer around values from the data",
    "i18n/__init__.py": "the end of every summary",
}

#: What each placeholder holds, for the translator. A name means the same everywhere.
PLACEHOLDERS: dict[str, str] = {
    "above": "a bound such as 'more than 3 years', already written in this language",
    "act": "the title of a legal act (from the data)",
    "acts": "the titles of one or more legal acts, already joined as a list",
    "addition": "an additional penalty phrase such as 'a fine of up to 500,000 rubles'",
    "after": "the new value (a penalty, category or text), already written",
    "amount": "an amount of money or of an index unit with its bound, e.g. 'up to 500,000 rubles'",
    "article": "an article number, e.g. '322.1'",
    "base": "an amount of money, e.g. '1,200 rubles'",
    "before": "the earlier value (a penalty, category or text), already written",
    "bill": "a bill's number or name (from the data)",
    "category": "a crime category phrase such as 'a crime of medium gravity'",
    "cell": "the text of a table cell, already written",
    "change": "a sentence saying what changed",
    "citation": "a citation such as 'Criminal Code, art. 322.1(1)' (from the jurisdiction's style)",
    "citations": "one or more citations, already joined as a list",
    "clause": "one alternative of a punishment, already written",
    "said": "a whole statement of the summary, already written in this language",
    "condition": "a condition from the data, a whole sentence",
    "conversion": "how an amount was converted into another currency, or why it was not, "
    "already written (several steps joined with ';')",
    "count": "a number (a count)",
    "currency": "a currency's name from CLDR, already in this language, e.g. 'Russian ruble'",
    "date": "a date, already written in this language's style",
    "day": "a date, already written in this language's style",
    "description": "a description from the data, one or more sentences",
    "direction": "'(harsher)', '(more lenient)', '(mixed)' or '(direction unclear)', "
    "already translated",
    "end": "a date, already written in this language's style; {end.through} is its form "
    "for 'up to and including' it (Russian 'по ноябрь 2019 г.'), from through_month_cldr in "
    "locale.toml (the plain form where the language has none)",
    "fact": "a text from the data, one or more sentences",
    "country": "the name of a country (from CLDR), e.g. 'Kazakhstan'; {country.in} is it with "
    "the word for 'in' ('in Kazakhstan', 'в Казахстане') and {country.for} with the word for "
    "'for' ('по Казахстану'), from [forms] in locale.toml (the name as it is where the "
    "language has no such table)",
    "field": "the name of what changed (a heading of this catalog)",
    "first": "the first step of a conversion, already written",
    "full": "the full name of an index unit (from the data), e.g. 'monthly calculation index'",
    "grade": "'(reported)' or '(unconfirmed)', already translated",
    "guilt": "'intentional' or 'negligent', already translated",
    "instrument": "the short title of a code or law (from the data), e.g. 'Criminal Code'",
    "item": "the letter or number of an item of a part, e.g. 'a'",
    "items": "the letters of one or more items, already joined as a list",
    "kind": "the name of a kind from the data, as written there (not translated)",
    "language": "the name of a language, in this language",
    "limit": "a bound such as 'up to 3 years' or 'more than 3 years, up to 5 years'",
    "measure": "a citation of another provision, e.g. 'Criminal Code, art. 104.1'",
    "money": "an amount of money with its currency, e.g. '11,796,000 Kazakhstani tenges'",
    "name": "the name of a penalty (from the data)",
    "note": "a note from the data, one or more sentences",
    "number": "a legal act's number, e.g. '383-FZ'",
    "offender": "who the provision applies to (from the data), e.g. 'Legal entities'",
    "options": "one or more penalty phrases, already joined with 'or'; never ends with a "
    "colon-led value",
    "part": "a part number of an article, e.g. '1'",
    "other": "the name of the country compared with (from CLDR), e.g. 'Uzbekistan'; "
    "{other.in} is it with the word for 'in', as for {country}",
    "penalty": "a penalty phrase such as 'prison for 2 to 5 years'",
    "period": "a duration with its bound, e.g. 'up to 18 months'; {period.attributive} is "
    "the form a noun follows, from [ranges.attributive] in locale.toml (the plain form "
    "where the language has none)",
    "purposes": "what the certificate is needed for, already joined as a list",
    "question": "an open question from the data, one or more sentences",
    "rank": "where the category stands in its jurisdiction's system, already translated",
    "rate": "a conversion rate as an amount of the target currency, e.g. '0.18 rubles'",
    "reason": "why two amounts are not compared, already written (a phrase, no full stop)",
    "region": "the name of a region (from the data)",
    "rules": "a citation of the category rules, e.g. 'Criminal Code, art. 11'",
    "scope": "what the right covers (from the data), e.g. 'to hold certain posts'",
    "second": "the next step of a conversion, already written",
    "short": "the short name of an index unit (from the data), e.g. 'MCI'",
    "source": "a currency's name from CLDR, already in this language, e.g. 'Kazakhstani tenge'",
    "sources": "one or more web addresses, already joined as a list",
    "stage": "a stage of a law such as 'signed' or 'in force', already translated",
    "start": "a date, already written in this language's style",
    "subjects": "the exam's subjects, already translated and joined as a list",
    "target": "a currency's name from CLDR, already in this language, e.g. 'Russian ruble'",
    "term": "a duration with its bound, e.g. 'up to 2 years' or '2 to 5 years'",
    "text": "a text from the data or a phrase already written",
    "title": "a title from the data",
    "unit": "an index unit's name from the data, e.g. 'MCI' or 'MCI (monthly calculation index)'",
    "up_to": "a bound such as 'up to 5 years', already written in this language",
    "value": "a number or an amount (a coefficient, a rate, an index unit's value in money)",
    "what": "what is confiscated (from the data), e.g. 'the means used to commit the offence'",
    "year": "a year, e.g. '2024'",
}

_FRAGMENT_NOTE = (
    "A phrase that other messages put inside a sentence, often after a colon: it must "
    "not itself contain a colon followed by a value."
)


@attrs.frozen
class Entry:
    """One message of the template."""

    msgid: str
    context: str | None
    #: (module path under the package, the function or name it is marked in).
    places: tuple[tuple[str, str], ...]
    source_comments: tuple[str, ...]

    @property
    def placeholders(self) -> list[str]:
        return list(dict.fromkeys(_FIELD.findall(self.msgid)))

    def comments(self) -> list[str]:
        """The translator comment lines (``#.``) of this message."""
        lines = []
        modules = list(dict.fromkeys(module for module, _ in self.places))
        where = "; ".join(PLACES.get(m, m) for m in modules)
        found = ", ".join(f"{m}: {name}" for m, name in self.places)
        lines.append(f"Where: {where} ({found}).")
        for name in self.placeholders:
            lines.append(f"{{{name}}}: {PLACEHOLDERS.get(name, '(not described)')}.")
        if self.msgid[:1].islower():
            lines.append(_FRAGMENT_NOTE)
        lines.extend(self.source_comments)
        return lines


def _scopes(path: Path) -> list[tuple[int, int, str]]:
    """(first line, last line, name) of each function and top-level assignment."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    scopes: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            scopes.append((node.lineno, node.end_lineno or node.lineno, node.name + "()"))
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if names:
                scopes.append((node.lineno, node.end_lineno or node.lineno, names[0]))
    return scopes


def _place(scopes: list[tuple[int, int, str]], line: int) -> str:
    """The innermost function (or top-level name) that holds ``line``."""
    inside = [s for s in scopes if s[0] <= line <= s[1]]
    if not inside:
        return "module level"
    return min(inside, key=lambda s: s[1] - s[0])[2]


def extract(package: Path = PACKAGE) -> list[Entry]:
    """Every message marked ``N_("…")`` in the package, sorted, with where it is marked."""
    from babel.messages.extract import extract_from_dir

    found: dict[tuple[str | None, str], tuple[list[tuple[str, str]], list[str]]] = {}
    scopes: dict[str, list[tuple[int, int, str]]] = {}
    for filename, line, message, comments, context in extract_from_dir(
        str(package),
        method_map=[("**.py", "python")],
        keywords={"N_": None},
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        if not isinstance(message, str) or not message:
            continue
        module = filename.replace(os.sep, "/")
        if module not in scopes:
            scopes[module] = _scopes(package / module)
        places, notes = found.setdefault((context, message), ([], []))
        place = (module, _place(scopes[module], line))
        if place not in places:
            places.append(place)
        notes.extend(c for c in comments if c not in notes)
    return [
        Entry(msgid, context, tuple(sorted(places)), tuple(notes))
        for (context, msgid), (places, notes) in sorted(
            found.items(), key=lambda item: (item[0][1], item[0][0] or "")
        )
    ]


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    )
    if "\n" not in escaped or (escaped.endswith("\n") and escaped.count("\n") == 1):
        return '"' + escaped.replace("\n", "\\n") + '"'
    lines = escaped.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


#: The header fields, in order; the values of the template's and each catalog's.
_HEADER_ORDER = (
    "Project-Id-Version",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
    "X-Reviewed-By",
    "X-Review-Date",
    "Generated-By",
)

_PLACEHOLDER_VALUES = ("EMAIL@ADDRESS", "FULL NAME", "YEAR-MO-DA", "LANGUAGE <LL@li.org>")


def _language_name(code: str) -> str:
    from babel import Locale

    return str(Locale("en").languages.get(code, code))


def _plural_forms(code: str) -> str:
    from babel.messages.plurals import get_plural

    return str(get_plural(code).plural_forms)


def _clean(value: str | None, default: str) -> str:
    if not value or not value.strip() or any(p in value for p in _PLACEHOLDER_VALUES):
        return default
    return value


def render_catalog(
    entries: Sequence[Entry], code: str | None, existing: str | None, today: str
) -> str:
    """The text of the template (``code`` None) or of the ``code`` catalog.

    ``existing`` is the file's current text: its translations, review fields and dates
    are kept. ``today`` is the date written where the file has none.
    """
    old = read_po_catalog(existing) if existing else None
    header = dict(old.header) if old else {}
    fields: dict[str, str] = {
        "Project-Id-Version": "lawsummary 0.1",
        "POT-Creation-Date": _clean(header.get("POT-Creation-Date"), today),
        "PO-Revision-Date": _clean(header.get("PO-Revision-Date"), today),
        "Last-Translator": _clean(header.get("Last-Translator"), "lawsummary developers"),
        "Language-Team": _clean(
            header.get("Language-Team", "").replace("<lawsummary>", ""), "none"
        ),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Generated-By": "lawsummary.i18n.catalogs",
    }
    if code is None:
        title = "# Messages of lawsummary: the template every catalog is made from."
        del fields["PO-Revision-Date"], fields["Last-Translator"], fields["Language-Team"]
    else:
        title = f"# {_language_name(code)} ({code}) messages of lawsummary."
        fields["Language"] = code
        fields["Plural-Forms"] = _plural_forms(code)
        fields["X-Reviewed-By"] = header.get("X-Reviewed-By", "").strip() or "none"
        fields["X-Review-Date"] = header.get("X-Review-Date", "").strip() or "none"
    made = (
        "# Written from the code by python -m lawsummary.i18n.catalogs; do not edit."
        if code is None
        else "# Kept in step with the code by python -m lawsummary.i18n.catalogs; translate here."
    )
    lines = [
        title,
        "# This file is distributed under the same license as the lawsummary project.",
        made,
    ]
    if code is not None:
        reviewed = fields["X-Reviewed-By"]
        status = (
            "not reviewed by a native-speaking lawyer (X-Reviewed-By: none)"
            if reviewed == "none"
            else f"reviewed by {reviewed} on {fields['X-Review-Date']}"
        )
        lines.append(f"# Review: {status}.")
    lines += ['msgid ""', 'msgstr ""']
    lines += [f'"{name}: {fields[name]}\\n"' for name in _HEADER_ORDER if name in fields]
    messages = old.messages if old else {}
    for entry in entries:
        lines.append("")
        lines.extend(f"#. {line}" for line in entry.comments())
        if entry.placeholders:
            lines.append("#, python-brace-format")
        if entry.context is not None:
            lines.append(f"msgctxt {_quote(entry.context)}")
        lines.append(f"msgid {_quote(entry.msgid)}")
        translated = "" if code is None else messages.get((entry.context, entry.msgid), "")
        lines.append(f"msgstr {_quote(translated)}")
    return "\n".join(lines) + "\n"


def _paths(codes: Iterable[str]) -> list[tuple[str | None, Path]]:
    paths: list[tuple[str | None, Path]] = [(None, LOCALE / f"{DOMAIN}.pot")]
    paths += [(code, LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po") for code in codes]
    return paths


def catalog_codes() -> list[str]:
    """The locales with a catalog (English, the source language, has none)."""
    return sorted(
        p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po") if p.is_file()
    )


def main(argv: Sequence[str] | None = None) -> int:
    import datetime as dt

    parser = argparse.ArgumentParser(prog="python -m lawsummary.i18n.catalogs")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument("--init", metavar="CODE", help="start the catalog of a new locale")
    args = parser.parse_args(argv)
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M+0000")
    codes = catalog_codes()
    if args.init:
        if not re.fullmatch(r"[a-z]{2,3}", args.init):
            parser.error(f"--init needs a language code such as 'be', got {args.init!r}")
        if args.init in codes:
            parser.error(f"the {args.init!r} catalog exists already")
        codes.append(args.init)
    entries = extract()
    stale = []
    for code, path in _paths(codes):
        existing = path.read_text(encoding="utf-8") if path.exists() else None
        text = render_catalog(entries, code, existing, today)
        if text == existing:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    for path in stale:
        verb = "is not up to date" if args.check else "written"
        print(f"{path.relative_to(PACKAGE.parent)}: {verb}")
    if args.check and stale:
        print("run: python -m lawsummary.i18n.catalogs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
