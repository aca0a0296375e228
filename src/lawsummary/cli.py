"""The ``lawsummary`` command: summarize, compare, validate, locales, datasets, schema, show.

Exit status: 0 when everything worked, 1 when an input was bad (an invalid
document, an unknown locale, an unreadable file), 2 for a usage error, 130 when
interrupted (Ctrl-C), 70 for an internal error (a bug: please report it). Every
error is a line on stderr naming the file (and line) it is about, never a
traceback; a batch of files or JSON lines carries on past a bad one.

``lawsummary completion bash`` prints a bash completion script.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from lawsummary import __version__, check, datasets
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
  lawsummary completion bash > ~/.local/share/bash-completion/completions/lawsummary
"""


class _Usage(LawSummaryError):
    """A combination of options that does not make sense (exit status 2)."""


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _date(text: str) -> dt.date:
    if not _DAY.match(text):  # fromisoformat also reads 20240101 and 2024-W01-1
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real calendar date") from None


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
    parser.add_argument("--version", action="version", version=f"lawsummary {__version__}")
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

    completion = _command(
        commands,
        "completion",
        "a shell completion script: add it to your shell's completions",
        [
            "completion bash > ~/.local/share/bash-completion/completions/lawsummary",
            "completion bash >> ~/.bashrc",
        ],
    )
    completion.add_argument(
        "shell",
        choices=("bash",),
        help="the shell (bash; zsh reads it after 'autoload -U bashcompinit && bashcompinit')",
    )
    return parser


# -- inputs -------------------------------------------------------------------------------------


class _Progress:
    """Documents done, of how many, how fast and how long is left, on stderr.

    Only when stderr is a terminal, and only once a batch has run for a moment. When
    standard output is a terminal too, the line is cleared before any output is written
    (:meth:`clear`), so the two never mix.
    """

    DELAY = 0.5  # seconds before the first line
    INTERVAL = 0.1  # seconds between updates

    def __init__(self, stream: IO[str] | None, total: int | None) -> None:
        self.stream = stream
        self.active = stream is not None and _isatty(stream)
        self.total = total
        self.count = 0
        self.start = time.monotonic()
        self.shown = 0.0  # when the line was last written; 0 when none is on screen

    def step(self) -> None:
        self.count += 1
        if not self.active:
            return
        now = time.monotonic()
        elapsed = now - self.start
        if elapsed < self.DELAY or now - self.shown < self.INTERVAL:
            return
        rate = self.count / elapsed
        line = (
            f"{self.count} documents"
            if self.total is None
            else (f"{self.count}/{self.total} documents")
        )
        line += f", {rate:,.0f}/s"
        if self.total is not None and rate > 0:
            left = max(self.total - self.count, 0) / rate
            line += f", ETA {int(left) // 60}:{int(left) % 60:02d}"
        assert self.stream is not None
        self.stream.write(f"\r\x1b[K{line}")
        self.stream.flush()
        self.shown = now

    def clear(self) -> None:
        if self.active and self.shown:
            assert self.stream is not None
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = 0.0


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _stdin() -> IO[bytes]:
    if sys.stdin is None:
        raise LawSummaryError("<stdin>: standard input is closed")
    return sys.stdin.buffer


def _stdout() -> IO[str]:
    if sys.stdout is None:
        raise LawSummaryError("standard output is closed: use --output FILE")
    return sys.stdout


def _line_count(names: Sequence[str]) -> int | None:
    """How many lines the JSON Lines files hold (None when one is stdin or unreadable)."""
    total = 0
    for name in names:
        if name == "-":
            return None
        try:
            with open(name, "rb") as handle:
                total += sum(
                    chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")
                )
        except OSError:
            return None
    return total


Outcome = object | LawSummaryError


def _documents(
    files: Sequence[str], *, jsonl: bool, input_format: str, progress: _Progress
) -> Iterator[tuple[str, Outcome]]:
    """(label, record or error) for each document, one at a time (nothing is kept).

    A file that cannot be read, a line that is not a document: each is one error for
    that label, and the batch carries on.
    """
    from lawsummary.serialization import load, loads

    for name in files:
        label = "<stdin>" if name == "-" else name
        if jsonl:
            try:
                handle = _stdin() if name == "-" else _open(name)
            except LawSummaryError as exc:
                progress.step()
                yield label, exc
                continue
            try:
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    progress.step()
                    try:
                        yield f"{label}:{number}", loads(line, "json")
                    except InvalidDocumentError as exc:
                        yield f"{label}:{number}", exc
            except OSError as exc:
                yield label, LawSummaryError(f"cannot read the file: {exc.strerror or exc}")
            finally:
                if name != "-":
                    handle.close()
            continue
        progress.step()
        try:
            if name == "-":
                yield label, loads(_stdin().read(), input_format)  # type: ignore[arg-type]
            else:
                _check_file(name)
                yield label, load(name)
        except InvalidDocumentError as exc:
            yield label, exc.with_source(label)
        except LawSummaryError as exc:
            yield label, exc
        except OSError as exc:
            yield label, LawSummaryError(f"cannot read: {exc.strerror or exc}")


def _check_file(name: str) -> None:
    if os.path.isdir(name):
        raise LawSummaryError(
            "is a folder, not a document: name the documents in it (e.g. folder/*.json)"
        )


def _open(name: str) -> IO[bytes]:
    _check_file(name)
    try:
        return open(name, "rb")
    except OSError as exc:
        raise LawSummaryError(f"cannot read the file: {exc.strerror}") from None


def _report(label: str, error: LawSummaryError) -> None:
    if isinstance(error, InvalidDocumentError):
        for problem in error.problems:
            _error(f"{label}: {problem}")
        if error.omitted:
            _error(f"{label}: ... and {error.omitted} more problems, not listed")
    else:
        _error(f"{label}: {error}")


def _error(line: str) -> None:
    if sys.stderr is not None:
        print(line, file=sys.stderr)


# -- commands -----------------------------------------------------------------------------------


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        _stdout().write(text)


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
    total = _line_count(args.files) if args.jsonl else len(args.files)
    progress = _Progress(sys.stderr, total)
    out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else _stdout()  # noqa: SIM115
    same_terminal = out is sys.stdout and _isatty(out)
    try:
        first = True
        documents = _documents(
            args.files, jsonl=args.jsonl, input_format=args.input_format, progress=progress
        )
        for label, obj in documents:
            if isinstance(obj, LawSummaryError):
                failed += 1
                progress.clear()
                _report(label, obj)
                continue
            try:
                text = one(obj)
            except LawSummaryError as exc:
                failed += 1
                progress.clear()
                _report(label, exc)
                continue
            if same_terminal:
                progress.clear()
            if args.format == "json" and batch:
                out.write(json.dumps(json.loads(text), ensure_ascii=False) + "\n")
            else:
                if not first:
                    out.write("\n---\n\n")
                out.write(text)
            first = False
    finally:
        progress.clear()
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _compare(args: argparse.Namespace) -> int:
    from lawsummary.compare import Table, compare, compare_many
    from lawsummary.render import summarize
    from lawsummary.serialization import load

    rates = _rates(args.rate or (), args.rates)
    bundled = [datasets.load(name) for name in args.dataset or ()]
    for name in args.files:
        _check_file_or_say(name)
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
        if len(records) == 2 and args.format not in TABLE_FORMATS:
            result = compare(records[0], records[1], rates=rates)
        else:  # a table (csv is for tables: two offences side by side as well)
            result = compare_many(records, rates=rates, currency=args.currency)
    if args.format in TABLE_FORMATS and not isinstance(result, Table):
        raise _Usage(
            f"--format {args.format} writes a table of offences side by side: give two or "
            "more offence FILEs or --provision (--from and --to give a list of changes)"
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
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RateError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
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
    failed = valid = 0
    total = _line_count(args.files) if args.jsonl else len(args.files)
    progress = _Progress(sys.stderr, total)
    same_terminal = sys.stdout is not None and _isatty(sys.stdout)
    documents = _documents(
        args.files, jsonl=args.jsonl, input_format=args.input_format, progress=progress
    )
    try:
        for label, obj in documents:
            if isinstance(obj, LawSummaryError):
                failed += 1
                progress.clear()
                _report(label, obj)
                continue
            valid += 1
            if not args.jsonl:
                if same_terminal:
                    progress.clear()
                _stdout().write(f"{label}: valid\n")
    finally:
        progress.clear()
    if args.jsonl:
        _stdout().write(f"{valid} valid, {failed} invalid\n")
    return 1 if failed else 0


def _locales(_args: argparse.Namespace) -> int:
    from lawsummary.i18n.coverage import coverage

    out = _stdout()
    for report in coverage():
        print(f"{report.code}: {report.name} ({report.native_name})", file=out)
        print(f"  messages: {report.translated} of {report.total} translated", file=out)
        print(f"  review: {report.review.describe()}", file=out)
        for gap in report.gaps:
            print(f"  filled gap: {gap}", file=out)
    return 0


def _datasets(_args: argparse.Namespace) -> int:
    from lawsummary.records.common import PartialDate

    out = _stdout()
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
        print(f"{name}: {ds.title.get('en') or ds.title.entries[0][1]}", file=out)
        print(
            f"  {len(ds.provisions)} provisions, {versions} versions, {len(ds.acts)} acts", file=out
        )
        print(f"  latest date in the data: {latest}", file=out)
        print(f"  languages: {', '.join(sorted(ds.title.languages))}", file=out)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from lawsummary.schema import json_schema, summary_schema

    schema = summary_schema() if args.which == "summary" else json_schema()
    _write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    return 0


def _show(args: argparse.Namespace) -> int:
    from lawsummary.i18n import SUPPORTED_LOCALES
    from lawsummary.outline import outline
    from lawsummary.serialization import load

    if args.dataset:
        ds = datasets.load(args.dataset)
    else:
        _check_file_or_say(args.file)
        loaded = load(args.file)
        if not isinstance(loaded, Dataset):
            raise LawSummaryError(f"{args.file}: 'show' needs a dataset document")
        ds = loaded
    languages = sorted({*SUPPORTED_LOCALES, *ds.title.languages})
    if args.lang not in languages:
        raise _Usage(
            f"--lang {args.lang!r} is not a language of the data; use one of: "
            f"{', '.join(languages)}"
        )
    if args.as_of:
        ds = ds.as_of(args.as_of)
    _stdout().write(outline(ds, lang=args.lang))
    return 0


def _site(args: argparse.Namespace) -> int:
    from lawsummary.site.command import run

    return run(args)


def _check_file_or_say(name: str) -> None:
    try:
        _check_file(name)
    except LawSummaryError as exc:
        raise LawSummaryError(f"{name}: {exc}") from None


def _completion(args: argparse.Namespace) -> int:
    _stdout().write(bash_completion(_parser()))
    return 0


def bash_completion(parser: argparse.ArgumentParser) -> str:
    """A bash completion script for the command ``parser`` describes."""
    commands: dict[str, list[str]] = {}
    choices: dict[str, list[str]] = {}
    positional: dict[str, list[str]] = {}
    for action in parser._actions:  # argparse has no public way to walk its parsers
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                options = ["--help"]
                for sub_action in sub._actions:
                    options.extend(o for o in sub_action.option_strings if o.startswith("--"))
                    values = [str(c) for c in sub_action.choices or ()]
                    if sub_action.option_strings and values:
                        for option in sub_action.option_strings:  # the union over commands
                            known = choices.setdefault(option, [])
                            known.extend(v for v in values if v not in known)
                    elif not sub_action.option_strings and values:
                        positional[name] = values
                commands[name] = sorted(set(options))
    from lawsummary.i18n import SUPPORTED_LOCALES

    choices["--locale"] = list(SUPPORTED_LOCALES)
    choices["--lang"] = list(SUPPORTED_LOCALES)
    lines = [
        "# bash completion for lawsummary (lawsummary completion bash)",
        "_lawsummary() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    if [ "$COMP_CWORD" -eq 1 ]; then',
        f'        COMPREPLY=($(compgen -W "{" ".join(commands)} --help --version" -- "$cur"))',
        "        return",
        "    fi",
        '    case "$prev" in',
    ]
    for option, values in sorted(choices.items()):
        lines.append(
            f'        {option}) COMPREPLY=($(compgen -W "{" ".join(values)}" -- "$cur")); return;;'
        )
    lines += [
        '        --output) COMPREPLY=($(compgen -f -- "$cur")); return;;',
        "        --from|--to|--as-of) COMPREPLY=(); return;;  # a date: YYYY-MM-DD",
        "    esac",
        "    local options",
        '    case "${COMP_WORDS[1]}" in',
    ]
    for name, options in commands.items():
        lines.append(f'        {name}) options="{" ".join(options)}";;')
    lines += [
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$options" -- "$cur"))',
    ]
    for name, values in positional.items():
        lines += [
            f'    elif [ "${{COMP_WORDS[1]}}" = {name} ]; then',
            f'        COMPREPLY=($(compgen -W "{" ".join(values)}" -- "$cur"))',
        ]
    lines += [
        "    else",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        "complete -o filenames -o bashdefault -F _lawsummary lawsummary",
        "",
    ]
    return "\n".join(lines)


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
    "completion": _completion,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 bad input, 2 usage error, 130 Ctrl-C)."""
    if isinstance(sys.stderr, io.TextIOWrapper):
        # an error message that the terminal cannot show is escaped, not lost
        sys.stderr.reconfigure(errors="backslashreplace")
    try:
        return _main(argv)
    except KeyboardInterrupt:
        if sys.stderr is not None and _isatty(sys.stderr):
            _error("")  # end the line the ^C left on the terminal
        return 130
    except BrokenPipeError:  # e.g. `lawsummary summarize ... | head`: not an error
        _quiet_stdout()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _HANDLERS[args.command](args)
    except _Usage as exc:
        parser.error(str(exc))  # exits with status 2
    except InvalidDocumentError as exc:
        _report(exc.source or "input", exc)
        return 1
    except LawSummaryError as exc:
        _error(f"lawsummary: {exc}")
        return 1
    except UnicodeEncodeError as exc:
        encoding = getattr(sys.stdout, "encoding", None) or exc.encoding
        _error(
            f"lawsummary: standard output uses the {encoding} encoding, which cannot write "
            f"{exc.object[exc.start : exc.end]!r}: set PYTHONIOENCODING=utf-8 or use --output FILE"
        )
        return 1
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"lawsummary: {where}{exc.strerror or exc}")
        return 1
    except Exception as exc:  # a bug: say so in one line, not a traceback
        _error(
            f"lawsummary: internal error ({type(exc).__name__}: {exc}); please report it "
            "with the command and the input"
        )
        return 70
    return 0  # pragma: no cover - parser.error does not return


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that its final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):  # pragma: no cover
        pass
