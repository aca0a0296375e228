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
from lawsummary.render.formats import FORMATS

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


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--locale", required=True, help="en, ru, uz, ky, tg or kk (en_GB works)")
    parser.add_argument("--format", default="text", choices=_FORMATS)
    parser.add_argument("--detail", default="short", choices=("short", "full"))
    parser.add_argument(
        "--output", help="write to this file instead of standard output (html: a whole page)"
    )


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
            "compare --dataset kz-migration-2025 --from 2025-09-01 --to 2025-10-01 --locale kk",
            "compare --dataset ru-migration-2024 --dataset kz-migration-2025 "
            "--provision ru-uk-322.1-1 --provision kz-cc-394-1 "
            "--rates your-rates.toml --locale en",
        ],
    )
    compare.add_argument("files", nargs="*", metavar="FILE", help="two records, or more offences")
    compare.add_argument(
        "--dataset",
        action="append",
        choices=datasets.names(),
        help="a bundled dataset (repeat it to take provisions from several)",
    )
    compare.add_argument(
        "--from",
        dest="start",
        type=_date,
        help="with one dataset (--dataset or a FILE): the earlier date",
    )
    compare.add_argument(
        "--to",
        dest="end",
        type=_date,
        help="with one dataset (--dataset or a FILE): the later date",
    )
    compare.add_argument(
        "--provision",
        action="append",
        metavar="ID",
        help="a provision of the datasets given, by id (repeat it): the provisions side by side",
    )
    compare.add_argument(
        "--rate",
        action="append",
        metavar="FROM:TO:VALUE:DATE:SOURCE",
        help=(
            "a conversion rate you supply: 1 FROM is VALUE TO on DATE (YYYY-MM-DD), with "
            "the web address it comes from, e.g. KZT:EUR:0.0018:2025-09-17:https://example.org/"
            "rates (graded unconfirmed: the package bundles no rate); repeat it for more"
        ),
    )
    compare.add_argument(
        "--rates",
        metavar="FILE",
        help="conversion rates you supply, in a JSON or TOML file (see the README)",
    )
    compare.add_argument(
        "--currency", metavar="CODE", help="for a table: the currency fines are compared in"
    )
    _output_options(compare)

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
        "the JSON Schema (draft 2020-12) of the document format",
        ["schema", "schema --output lawsummary.schema.json"],
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
            standalone=bool(args.output) and args.format == "html",
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
    from lawsummary.compare import compare, compare_many
    from lawsummary.render import summarize
    from lawsummary.serialization import load

    rates = _rates(args.rate or (), args.rates)
    bundled = [datasets.load(name) for name in args.dataset or ()]
    records = [load(name) for name in args.files]
    given = [*bundled, *(r for r in records if isinstance(r, Dataset))]
    result: object
    if args.start is not None or args.end is not None:
        if args.start is None or args.end is None:
            raise _Usage("compare needs both --from and --to")
        if len(given) != 1 or len(records) != len(given) - len(bundled) or args.provision:
            raise _Usage(
                "compare --from/--to takes one dataset (--dataset NAME or a dataset FILE), "
                "and no --provision"
            )
        ds = given[0]
        result = compare(ds.as_of(args.start), ds.as_of(args.end), rates=rates)
    elif args.provision:
        if len(records) != len(given) - len(bundled) or not given:
            raise _Usage("compare --provision takes datasets (--dataset NAME or dataset FILEs)")
        if len(args.provision) < 2:
            raise _Usage("compare --provision needs two or more provisions")
        items: list[object] = []
        contexts: list[Dataset | None] = []
        for pid in args.provision:
            found = next((ds for ds in given if pid in ds.provision_ids()), None)
            if found is None:
                names = ", ".join(ds.id for ds in given)
                raise LawSummaryError(f"--provision {pid}: no provision with this id in {names}")
            items.append(found.provision(pid))
            contexts.append(found)
        result = compare_many(items, datasets=contexts, rates=rates, currency=args.currency)
    else:
        if bundled or len(records) < 2:
            raise _Usage(
                "compare needs two or more FILEs, one dataset with --from and --to, or "
                "datasets with --provision"
            )
        if len(records) == 2:
            result = compare(records[0], records[1], rates=rates)
        else:
            result = compare_many(records, rates=rates, currency=args.currency)
    text = summarize(
        result,
        locale=args.locale,
        format=args.format,
        detail=args.detail,
        standalone=bool(args.output) and args.format == "html",
    )
    _write(text, args.output)
    return 0


def _rates(specs: Sequence[str], path: str | None) -> list[Any]:
    """The caller's rates from ``--rate FROM:TO:VALUE:DATE:SOURCE`` and a ``--rates`` file."""
    from lawsummary.compare import Rate, RateError
    from lawsummary.records import Provenance, Source, Status

    found: list[Any] = []
    for spec in specs:
        parts = spec.split(":", 4)
        if len(parts) != 5 or not all(parts):
            raise RateError(
                f"--rate {spec!r}: write FROM:TO:VALUE:DATE:SOURCE, e.g. "
                "KZT:EUR:0.0018:2025-09-17:https://example.org/rates"
            )
        source, target, value, day, url = parts
        try:
            found.append(
                Rate(
                    source=source,
                    target=target,
                    value=value,
                    date=_rate_date(day, "the date"),
                    provenance=Provenance(status=Status.UNCONFIRMED, sources=(Source(url),)),
                )
            )
        except RateError as exc:
            raise RateError(f"--rate {spec!r}: {exc}") from None
        except (TypeError, ValueError) as exc:  # a bad web address, say
            raise RateError(f"--rate {spec!r}: {exc}") from None
    if path is not None:
        found.extend(_rates_file(path))
    return found


def _rate_date(text: object, where: str) -> dt.date:
    from lawsummary.compare import RateError

    if isinstance(text, dt.date) and not isinstance(text, dt.datetime):
        return text
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        raise RateError(f"{where}: {text!r} is not a date; write YYYY-MM-DD") from None


#: The fields of a rate in a ``--rates`` file.
_RATE_FIELDS = frozenset({"source", "target", "value", "date", "sources", "status"})


def _rates_file(path: str) -> list[Any]:
    """Rates from a JSON or TOML file: ``{"rates": [{"source": "KZT", "target": "EUR",
    "value": "0.0018", "date": "2025-09-17", "sources": ["https://..."], "status":
    "unconfirmed"}]}`` (TOML: ``[[rates]]`` tables with the same keys)."""
    import tomllib

    from lawsummary.compare import Rate, RateError
    from lawsummary.records import Provenance, Source, Status

    with _open(path) as handle:
        text = handle.read()
    try:
        data = tomllib.loads(text) if path.endswith(".toml") else json.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        kind = "TOML" if path.endswith(".toml") else "JSON"
        raise RateError(f"{path}: not valid {kind}: {exc}") from None
    entries = data.get("rates") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise RateError(f"{path}: expected a list 'rates' of rates (source, target, value, ...)")
    found: list[Any] = []
    statuses = {s.value: s for s in Status}
    for i, entry in enumerate(entries):
        where = f"{path}: rates[{i}]"
        if not isinstance(entry, dict):
            raise RateError(f"{where}: expected a table with source, target, value, date, sources")
        unknown = set(entry) - _RATE_FIELDS
        missing = {"source", "target", "value", "date", "sources"} - set(entry)
        if unknown or missing:
            raise RateError(
                f"{where}: "
                + "; ".join(
                    [
                        *([f"unknown keys {sorted(unknown)}"] if unknown else []),
                        *([f"missing {sorted(missing)}"] if missing else []),
                    ]
                )
                + f" (allowed: {', '.join(sorted(_RATE_FIELDS))})"
            )
        urls = entry["sources"]
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
            raise RateError(f"{where}.sources: expected a list of web addresses")
        status = statuses.get(entry.get("status", "unconfirmed"))
        if status is None:
            raise RateError(f"{where}.status: use one of {', '.join(sorted(statuses))}")
        value = entry["value"]
        if isinstance(value, float):
            raise RateError(f'{where}.value: write the value as a string ("0.18"), not a float')
        try:
            found.append(
                Rate(
                    source=entry["source"],
                    target=entry["target"],
                    value=value,
                    date=_rate_date(entry["date"], f"{where}.date"),
                    provenance=Provenance(status=status, sources=tuple(Source(u) for u in urls)),
                )
            )
        except RateError as exc:
            raise RateError(f"{where}: {exc}") from None
        except (TypeError, ValueError) as exc:  # a bad web address, say
            raise RateError(f"{where}: {exc}") from None
    return found


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
    from lawsummary.schema import json_schema

    _write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", args.output)
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
