"""The ``lawsummary`` command: summarize, compare, validate, locales, datasets, schema, show.

Exit status: 0 when everything worked, 1 when an input was bad (an invalid
document, an unknown locale, an unreadable file), 2 for a usage error. A user
error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from lawsummary import check, datasets
from lawsummary.errors import InvalidDocumentError, LawSummaryError
from lawsummary.records.dataset import Dataset
from lawsummary.render.formats import FORMATS, TABLE_FORMATS

__all__ = ["main"]

#: The output formats, as the renderer's registry has them.
_FORMATS = tuple(FORMATS)

_EPILOG = """\
examples:
  lawsummary summarize --dataset ru-migration-2024 --locale ru
  lawsummary summarize my-offences.toml --locale uz --format html --output page.html
  lawsummary compare --dataset ru-migration-2024 --from 2024-11-01 --to 2025-01-01 --locale en
  lawsummary validate my-offences.json other.toml
  lawsummary locales
  lawsummary datasets
  lawsummary schema --output lawsummary.schema.json
  lawsummary schema summary --output summary.schema.json
  lawsummary show --dataset ru-migration-2024
"""


class _Usage(LawSummaryError):
    """A combination of options that does not make sense (exit status 2)."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _command(
    commands: Any, name: str, help_text: str, examples: Sequence[str]
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog="examples:\n" + "".join(f"  lawsummary {e}\n" for e in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _output_options(parser: argparse.ArgumentParser, *, tables: bool = False) -> None:
    parser.add_argument("--locale", required=True, help="en, ru, uz, ky, tg or kk (en_GB works)")
    parser.add_argument(
        "--format",
        default="text",
        choices=(*_FORMATS, *TABLE_FORMATS) if tables else _FORMATS,
        help="csv: a table of two or more offences side by side" if tables else None,
    )
    parser.add_argument("--detail", default="short", choices=("short", "full"))
    parser.add_argument(
        "--output", help="write to this file instead of standard output (html: a whole page)"
    )
    parser.add_argument(
        "--standalone",
        action="store_true",
        help="html: a whole page (charset, title, style) on standard output too",
    )


def _standalone(args: argparse.Namespace, *, batch: bool = False) -> bool:
    """Whether to write a whole HTML page: with --output, or when --standalone asks for it."""
    if args.standalone and args.format != "html":
        raise _Usage(
            f"--standalone writes a whole HTML page: use it with --format html, not {args.format}"
        )
    if args.standalone and batch:
        raise _Usage("--standalone writes one page: summarize one document at a time")
    return args.format == "html" and (bool(args.output) or args.standalone)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawsummary",
        description="Legal measures as typed, checked data, and plain-language summaries.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    summarize = _command(
        commands,
        "summarize",
        "a plain-language summary of documents or a bundled dataset",
        [
            "summarize --dataset ru-migration-2024 --locale en",
            "summarize --dataset ru-migration-2024 --locale ky --as-of 2025-01-01",
            "summarize doc.toml --locale ru --format html --output page.html",
            "summarize doc.toml --locale ru --format html --standalone > page.html",
            "summarize a.json b.toml --locale tg --detail full",
            "summarize --jsonl documents.jsonl --locale uz --format json",
            "summarize - --locale kk < doc.json",
        ],
    )
    summarize.add_argument("files", nargs="*", metavar="FILE", help="documents; - for stdin")
    summarize.add_argument("--dataset", choices=datasets.names(), help="a bundled dataset")
    summarize.add_argument(
        "--jsonl", action="store_true", help="the inputs are JSON Lines: one document per line"
    )
    summarize.add_argument("--as-of", type=_date, help="only what is in force on this date")
    summarize.add_argument(
        "--input-format", choices=("json", "toml"), default="json", help="for stdin (-)"
    )
    _output_options(summarize)

    compare = _command(
        commands,
        "compare",
        "what changed between two records, or several offences side by side",
        [
            "compare --dataset ru-migration-2024 --from 2024-11-01 --to 2025-01-01 --locale ru",
            "compare old.json new.json --locale en --format markdown",
            "compare part1.json part2.json part3.json --locale uz   (a table)",
            "compare part1.json part2.json part3.json --locale ru --format csv > table.csv",
        ],
    )
    compare.add_argument("files", nargs="*", metavar="FILE", help="two records, or more offences")
    compare.add_argument("--dataset", choices=datasets.names(), help="a bundled dataset")
    compare.add_argument(
        "--from", dest="start", type=_date, help="with --dataset: the earlier date"
    )
    compare.add_argument("--to", dest="end", type=_date, help="with --dataset: the later date")
    _output_options(compare, tables=True)

    validate = _command(
        commands,
        "validate",
        "check documents; exit 1 if any is invalid, with every problem on stderr",
        ["validate a.json b.toml", "validate --jsonl documents.jsonl", "validate - < doc.json"],
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="documents; - for stdin")
    validate.add_argument(
        "--jsonl", action="store_true", help="the inputs are JSON Lines: one document per line"
    )
    validate.add_argument("--input-format", choices=("json", "toml"), default="json")

    _command(commands, "locales", "the supported locales and how complete each is", ["locales"])
    _command(commands, "datasets", "the bundled datasets and what they hold", ["datasets"])
    schema = _command(
        commands,
        "schema",
        "a JSON Schema (draft 2020-12): of the document format, or of the summary JSON",
        [
            "schema",
            "schema --output lawsummary.schema.json",
            "schema summary --output summary.schema.json",
        ],
    )
    schema.add_argument(
        "which",
        nargs="?",
        default="document",
        choices=("document", "summary"),
        help="document (the default): the input format; summary: what --format json writes",
    )
    schema.add_argument("--output", help="write to this file instead of standard output")

    show = _command(
        commands,
        "show",
        "a dataset as a checked outline, for people who maintain the data",
        ["show --dataset ru-migration-2024", "show doc.toml --as-of 2024-06-01 --lang ru"],
    )
    source = show.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="a dataset document (.json or .toml)")
    source.add_argument("--dataset", choices=datasets.names(), help="a bundled dataset")
    show.add_argument("--as-of", type=_date, help="only the versions in force on this date")
    show.add_argument("--lang", default="en", help="language of the data's texts (default: en)")
    check.add_parser(commands)

    from lawsummary.site import command as site_command

    site_command.add_parser(commands)
    return parser


# -- inputs -------------------------------------------------------------------------------------


class _Progress:
    """A count of documents on stderr, only when stderr is a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.active and self.count % 100 == 0:
            self.stream.write(f"\r{self.count} documents")
            self.stream.flush()

    def done(self) -> None:
        if self.active and self.count >= 100:
            self.stream.write(f"\r{self.count} documents\n")


def _documents(
    files: Sequence[str], *, jsonl: bool, input_format: str
) -> Iterator[tuple[str, object | InvalidDocumentError]]:
    """(label, record or error) for each document, one at a time (nothing is kept)."""
    from lawsummary.serialization import load, loads

    for name in files:
        if jsonl:
            handle = sys.stdin if name == "-" else _open(name)
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                label = f"{'<stdin>' if name == '-' else name}:{number}"
                try:
                    yield label, loads(line, "json")
                except InvalidDocumentError as exc:
                    yield label, exc
            if handle is not sys.stdin:
                handle.close()
        elif name == "-":
            try:
                yield "<stdin>", loads(sys.stdin.read(), input_format)  # type: ignore[arg-type]
            except InvalidDocumentError as exc:
                yield "<stdin>", exc
        else:
            try:
                yield name, load(name)
            except InvalidDocumentError as exc:
                yield name, exc


def _open(name: str) -> IO[str]:
    try:
        return open(name, encoding="utf-8")
    except OSError as exc:
        raise LawSummaryError(f"{name}: cannot read the file: {exc.strerror}") from None


def _report(label: str, error: InvalidDocumentError) -> None:
    for problem in error.problems:
        print(f"{label}: {problem}", file=sys.stderr)


# -- commands -----------------------------------------------------------------------------------


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _summarize(args: argparse.Namespace) -> int:
    from lawsummary.render import summarize

    if bool(args.dataset) == bool(args.files):
        raise _Usage("summarize needs FILE arguments or --dataset, not both")
    batch = args.jsonl or len(args.files) > 1
    if batch and args.output and args.format == "html":
        raise _Usage("--output with html writes one page: summarize one document at a time")
    standalone = _standalone(args, batch=batch)

    def one(obj: object) -> str:
        if args.as_of:
            if not isinstance(obj, Dataset):
                raise LawSummaryError("--as-of needs a dataset")
            obj = obj.as_of(args.as_of)
        return summarize(
            obj,
            locale=args.locale,
            format=args.format,
            detail=args.detail,
            standalone=standalone,
        )

    if args.dataset:
        _write(one(datasets.load(args.dataset)), args.output)
        return 0
    from lawsummary.i18n import language

    language(args.locale)  # a bad locale fails once, before any document is read
    failed = 0
    progress = _Progress(sys.stderr)
    out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        first = True
        for label, obj in _documents(args.files, jsonl=args.jsonl, input_format=args.input_format):
            progress.step()
            if isinstance(obj, InvalidDocumentError):
                failed += 1
                _report(label, obj)
                continue
            text = one(obj)
            if args.format == "json" and batch:
                out.write(json.dumps(json.loads(text), ensure_ascii=False) + "\n")
            else:
                if not first:
                    out.write("\n---\n\n")
                out.write(text)
            first = False
    finally:
        progress.done()
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _compare(args: argparse.Namespace) -> int:
    from lawsummary.compare import Table, compare, compare_many
    from lawsummary.render import summarize
    from lawsummary.serialization import load

    if args.dataset:
        if args.files or args.start is None or args.end is None:
            raise _Usage("compare --dataset needs --from and --to, and no FILE")
        ds = datasets.load(args.dataset)
        result: object = compare(ds.as_of(args.start), ds.as_of(args.end))
    else:
        if len(args.files) < 2 or args.start or args.end:
            raise _Usage("compare needs two or more FILEs (or --dataset with --from and --to)")
        records = [load(name) for name in args.files]
        if len(records) == 2 and args.format not in TABLE_FORMATS:
            result = compare(records[0], records[1])
        else:  # a table (csv is for tables: two offences side by side as well)
            result = compare_many(records)
    if args.format in TABLE_FORMATS and not isinstance(result, Table):
        raise _Usage(
            f"--format {args.format} writes a table of offences side by side: give two or "
            "more offence FILEs (--dataset with --from and --to gives a list of changes)"
        )
    text = summarize(
        result,
        locale=args.locale,
        format=args.format,
        detail=args.detail,
        standalone=_standalone(args),
    )
    _write(text, args.output)
    return 0


def _validate(args: argparse.Namespace) -> int:
    failed = 0
    progress = _Progress(sys.stderr)
    for label, obj in _documents(args.files, jsonl=args.jsonl, input_format=args.input_format):
        progress.step()
        if isinstance(obj, InvalidDocumentError):
            failed += 1
            _report(label, obj)
        elif not args.jsonl:
            print(f"{label}: valid")
    progress.done()
    if args.jsonl:
        print(f"{progress.count - failed} valid, {failed} invalid")
    return 1 if failed else 0


def _locales(_args: argparse.Namespace) -> int:
    from lawsummary.i18n.coverage import coverage

    for report in coverage():
        print(f"{report.code}: {report.name} ({report.native_name})")
        print(f"  messages: {report.translated} of {report.total} translated")
        print(f"  review: {report.review.describe()}")
        for gap in report.gaps:
            print(f"  filled gap: {gap}")
    return 0


def _datasets(_args: argparse.Namespace) -> int:
    from lawsummary.records.common import PartialDate

    for name in datasets.names():
        ds = datasets.load(name)
        versions = sum(len(p.versions) for p in ds.provisions)
        dates = [
            d.latest()
            for p in ds.provisions
            for v in p.versions
            for d in (v.valid_from, v.valid_to)
            if isinstance(d, PartialDate)
        ]
        latest = max(dates).isoformat() if dates else "no dates"
        print(f"{name}: {ds.title.get('en') or ds.title.entries[0][1]}")
        print(f"  {len(ds.provisions)} provisions, {versions} versions, {len(ds.acts)} acts")
        print(f"  latest date in the data: {latest}")
        print(f"  languages: {', '.join(sorted(ds.title.languages))}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from lawsummary.schema import json_schema, summary_schema

    schema = summary_schema() if args.which == "summary" else json_schema()
    _write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    return 0


def _show(args: argparse.Namespace) -> int:
    from lawsummary.outline import outline
    from lawsummary.serialization import load

    if args.dataset:
        ds = datasets.load(args.dataset)
    else:
        loaded = load(args.file)
        if not isinstance(loaded, Dataset):
            raise LawSummaryError(f"{args.file}: 'show' needs a dataset document")
        ds = loaded
    if args.as_of:
        ds = ds.as_of(args.as_of)
    sys.stdout.write(outline(ds, lang=args.lang))
    return 0


def _site(args: argparse.Namespace) -> int:
    from lawsummary.site.command import run

    return run(args)


_HANDLERS = {
    "summarize": _summarize,
    "compare": _compare,
    "validate": _validate,
    "locales": _locales,
    "datasets": _datasets,
    "schema": _schema,
    "show": _show,
    "check": check.run,
    "site": _site,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 bad input, 2 usage error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _HANDLERS[args.command](args)
    except _Usage as exc:
        parser.error(str(exc))  # exits with status 2
    except InvalidDocumentError as exc:
        label = exc.source or "input"
        for problem in exc.problems:
            print(f"{label}: {problem}", file=sys.stderr)
        return 1
    except LawSummaryError as exc:
        print(f"lawsummary: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. `lawsummary summarize ... | head`
        return 0
    except OSError as exc:
        print(f"lawsummary: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0  # pragma: no cover - parser.error does not return
