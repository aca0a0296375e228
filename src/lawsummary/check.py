"""``lawsummary check``: what a reader of each locale would be let down by, per document.

Each document is validated, then every record is summarised in every locale (short
and full) and checked with :mod:`lawsummary.testing`: texts that fall back to
another language, unknowns not stated, numbers not traced to a field, short
summaries over the readability thresholds, records that cannot be summarised
(alone), and comparisons between the dataset's dates that claim removals from
sanctions the sources may not list in full.

Exit status: 0 when nothing is found, 1 when anything is (an invalid document
included), 2 for a usage or configuration error. Thresholds come from
``[tool.lawsummary]`` in the nearest ``pyproject.toml`` (above each file; above the
current directory for ``--dataset``), then from the command line; the defaults are
the project's own (:data:`lawsummary.testing.DEFAULT_THRESHOLDS`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from lawsummary import datasets
from lawsummary.errors import InvalidDocumentError, LawSummaryError
from lawsummary.i18n import SUPPORTED_LOCALES, UnsupportedLocaleError, resolve_locale

if TYPE_CHECKING:
    from lawsummary.testing import Finding, Thresholds

__all__ = ["KINDS", "Report", "add_parser", "check_documents", "main", "run"]

#: The kinds of finding (``lawsummary.testing.KINDS``, which loads only when checking, so
#: that registering the command costs the other commands nothing).
KINDS: tuple[str, ...] = (
    "invalid",
    "cannot-summarise",
    "fallback",
    "unknown-not-stated",
    "untraced-number",
    "readability",
    "removal-from-incomplete",
    "undeclared-instrument",
)

_EXAMPLES = (
    "check my-offences.toml",
    "check --dataset ru-migration-2024 --locale ky --locale kk",
    "check a.json b.toml --format json > findings.jsonl",
    "check - --input-format toml < doc.toml",
    "check data.toml --max-words-per-sentence 20 --min-reading-ease en=30",
)


@attrs.frozen
class Report:
    """The findings about one document (``label`` names its file or bundled dataset)."""

    label: str
    records: int
    findings: tuple[Finding, ...]


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Register ``check`` with the ``lawsummary`` command's subparsers."""
    help_text = "summarise every record in every locale and report what would let a reader down"
    parser: argparse.ArgumentParser = commands.add_parser(
        "check",
        help=help_text,
        description=help_text
        + f". Finding kinds: {', '.join(KINDS)}. Exit 0 when clean, 1 on findings, 2 for usage.",
        epilog="examples:\n" + "".join(f"  lawsummary {e}\n" for e in _EXAMPLES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _arguments(parser)
    parser.set_defaults(check_parser=parser)
    return parser


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="documents (.json or .toml); - for stdin"
    )
    parser.add_argument(
        "--input-format", choices=("json", "toml"), default="json", help="for stdin (-)"
    )
    parser.add_argument(
        "--dataset",
        action="append",
        default=[],
        choices=datasets.names(),
        help="a bundled dataset (repeat for several)",
    )
    parser.add_argument(
        "--locale",
        action="append",
        default=[],
        help="check only this locale (repeat for several; default: all six)",
    )
    parser.add_argument("--format", default="text", choices=("text", "json"))
    parser.add_argument(
        "--max-words-per-sentence",
        type=float,
        metavar="N",
        help="readability: most words per sentence of a short summary (default 16)",
    )
    parser.add_argument(
        "--min-reading-ease",
        action="append",
        default=[],
        metavar="LOCALE=N",
        help="readability: least reading ease for en or ru (default en=40, ru=15)",
    )


class _UsageError(LawSummaryError):
    """Options that do not make sense (exit status 2)."""


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.max_words_per_sentence is not None:
        if not args.max_words_per_sentence > 0:
            raise _UsageError("--max-words-per-sentence needs a positive number")
        changes["max_words_per_sentence"] = args.max_words_per_sentence
    if args.min_reading_ease:
        values: dict[str, object] = {}
        for item in args.min_reading_ease:
            code, sep, number = item.partition("=")
            try:
                values[code.strip()] = float(number)
            except ValueError:
                raise _UsageError(
                    f"--min-reading-ease {item!r}: write LOCALE=N, such as en=40"
                ) from None
            if not sep:
                raise _UsageError(f"--min-reading-ease {item!r}: write LOCALE=N, such as en=40")
        changes["min_reading_ease"] = values
    return changes


def _thresholds(start: Path, overrides: dict[str, Any]) -> Thresholds:
    from lawsummary.testing import find_pyproject, reading_ease_bounds, thresholds_from_pyproject

    base = thresholds_from_pyproject(find_pyproject(start))
    if "min_reading_ease" in overrides:
        merged = dict(base.min_reading_ease)
        merged.update(
            reading_ease_bounds(overrides["min_reading_ease"], where="--min-reading-ease")
        )
        base = attrs.evolve(base, min_reading_ease=merged)
    if "max_words_per_sentence" in overrides:
        base = attrs.evolve(base, max_words_per_sentence=overrides["max_words_per_sentence"])
    return base


def _locales(names: Sequence[str]) -> tuple[str, ...]:
    if not names:
        return SUPPORTED_LOCALES
    try:
        return tuple(dict.fromkeys(resolve_locale(name) for name in names))
    except UnsupportedLocaleError as exc:
        raise _UsageError(str(exc)) from None


def _records(obj: object) -> int:
    from lawsummary.records.dataset import Dataset

    if isinstance(obj, Dataset):
        return 1 + len(obj.provisions) + len(obj.acts)
    return 1


def check_documents(
    files: Iterable[str | Path] = (),
    *,
    dataset_names: Iterable[str] = (),
    locales: Sequence[str] = SUPPORTED_LOCALES,
    overrides: dict[str, Any] | None = None,
    input_format: str = "json",
) -> list[Report]:
    """Check each file and bundled dataset; an invalid document is reported, not raised."""
    from lawsummary.serialization import load, loads
    from lawsummary.testing import Finding, findings

    reports: list[Report] = []
    for name in dataset_names:
        ds = datasets.load(name)
        thresholds = _thresholds(Path.cwd(), overrides or {})
        found = findings(ds, locales=locales, thresholds=thresholds)
        reports.append(Report(name, _records(ds), tuple(found)))
    for file in files:
        stdin = str(file) == "-"
        label = "<stdin>" if stdin else str(file)
        try:
            obj = loads(sys.stdin.read(), input_format) if stdin else load(file)  # type: ignore[arg-type]
        except InvalidDocumentError as exc:
            problems = tuple(Finding(p.path, None, "invalid", p.message) for p in exc.problems)
            reports.append(Report(label, 0, problems))
            continue
        except LawSummaryError as exc:  # an unsupported file extension
            reports.append(Report(label, 0, (Finding("$", None, "invalid", str(exc)),)))
            continue
        thresholds = _thresholds(Path.cwd() if stdin else Path(file).parent, overrides or {})
        found = findings(obj, locales=locales, thresholds=thresholds)
        reports.append(Report(label, _records(obj), tuple(found)))
    return reports


def write_text(reports: Sequence[Report], locales: Sequence[str], out: IO[str]) -> None:
    """One line per finding; a finding alike in several locales is one line naming them."""
    total = 0
    counts: dict[str, int] = {}
    for report in reports:
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for finding in report.findings:
            key = (finding.path, finding.kind, finding.message)
            grouped.setdefault(key, [])
            if finding.locale:
                grouped[key].append(finding.locale)
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
            total += 1
        if not report.findings:
            out.write(
                f"{report.label}: no findings ({report.records} records, "
                f"{len(locales)} locale{'s' if len(locales) != 1 else ''})\n"
            )
        for (path, kind, message), codes in grouped.items():
            where = f"{path} [{', '.join(codes)}]" if codes else path
            out.write(f"{report.label}: {where} {kind}: {message}\n")
    if total:
        kinds = ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if kind in counts)
        documents = sum(1 for r in reports if r.findings)
        out.write(
            f"{total} finding{'s' if total != 1 else ''} in {documents} "
            f"document{'s' if documents != 1 else ''} ({kinds})\n"
        )


def write_json(reports: Sequence[Report], out: IO[str]) -> None:
    """JSON Lines: one object per finding (file, path, locale, kind, message)."""
    for report in reports:
        for finding in report.findings:
            out.write(json.dumps({"file": report.label, **finding.as_dict()}, ensure_ascii=False))
            out.write("\n")


def run(args: argparse.Namespace) -> int:
    """The ``check`` command, from parsed arguments; returns the exit status."""
    from lawsummary.testing import ConfigError, reading_ease_bounds

    parser: argparse.ArgumentParser = args.check_parser
    try:
        if not args.files and not args.dataset:
            raise _UsageError("check needs FILE arguments or --dataset NAME")
        locales = _locales(args.locale)
        overrides = _overrides(args)
        if "min_reading_ease" in overrides:  # checked before any document is read
            reading_ease_bounds(overrides["min_reading_ease"], where="--min-reading-ease")
        reports = check_documents(
            args.files,
            dataset_names=args.dataset,
            locales=locales,
            overrides=overrides,
            input_format=args.input_format,
        )
    except (_UsageError, ConfigError) as exc:
        parser.error(str(exc))  # exits with status 2
    if args.format == "json":
        write_json(reports, sys.stdout)
    else:
        write_text(reports, locales, sys.stdout)
    return 1 if any(r.findings for r in reports) else 0


def main(argv: Sequence[str] | None = None) -> int:
    """``lawsummary check`` on its own (``python -m lawsummary.check``)."""
    parser = argparse.ArgumentParser(prog="lawsummary check")
    _arguments(parser)
    parser.set_defaults(check_parser=parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
