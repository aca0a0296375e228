"""The ``lawsummary`` command."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from lawsummary import datasets
from lawsummary.errors import InvalidDocumentError, LawSummaryError
from lawsummary.records.dataset import Dataset

__all__ = ["main"]

_EPILOG = """\
examples:
  lawsummary summarize --dataset ru-migration-2024 --locale ru
  lawsummary summarize my-offences.toml --locale uz --format html --output page.html
  lawsummary show --dataset ru-migration-2024
  lawsummary show --dataset ru-migration-2024 --as-of 2025-01-01 --lang ru
  lawsummary show my-offences.toml
  lawsummary validate my-offences.json other.toml
  lawsummary datasets
"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawsummary",
        description="Legal measures as typed, checked data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)

    show = commands.add_parser(
        "show",
        help="print a dataset as a checked outline",
        epilog="examples:\n  lawsummary show --dataset ru-migration-2024 --as-of 2024-06-01\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = show.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="a dataset document (.json or .toml)")
    source.add_argument("--dataset", choices=datasets.names(), help="a bundled dataset")
    show.add_argument("--as-of", type=_date, help="only the versions in force on this date")
    show.add_argument("--lang", default="en", help="language of the data's texts (default: en)")

    summarize = commands.add_parser(
        "summarize",
        help="a plain-language summary in one of the supported locales",
        epilog=(
            "examples:\n"
            "  lawsummary summarize --dataset ru-migration-2024 --locale en\n"
            "  lawsummary summarize --dataset ru-migration-2024 --locale ky --as-of 2025-01-01\n"
            "  lawsummary summarize doc.toml --locale ru --format html --output page.html\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = summarize.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="a document (.json or .toml)")
    source.add_argument("--dataset", choices=datasets.names(), help="a bundled dataset")
    summarize.add_argument("--locale", required=True, help="en, ru, uz, ky, tg or kk")
    summarize.add_argument("--format", default="text", choices=("text", "markdown", "html", "json"))
    summarize.add_argument("--detail", default="short", choices=("short", "full"))
    summarize.add_argument("--as-of", type=_date, help="only what is in force on this date")
    summarize.add_argument("--output", help="write to this file (html: a standalone page)")

    validate = commands.add_parser(
        "validate",
        help="check documents; exit 1 if any is invalid",
        epilog="examples:\n  lawsummary validate a.json b.toml\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("files", nargs="+", help="documents (.json or .toml)")

    commands.add_parser(
        "datasets",
        help="list the bundled datasets",
        epilog="examples:\n  lawsummary datasets\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _show(args: argparse.Namespace) -> int:
    from lawsummary.outline import outline
    from lawsummary.serialization import load

    if args.dataset:
        ds = datasets.load(args.dataset)
    else:
        ds = load(args.file)
        if not isinstance(ds, Dataset):
            raise LawSummaryError(f"{args.file}: 'show' needs a dataset document, not a {ds.kind}")
    if args.as_of:
        ds = ds.as_of(args.as_of)
    sys.stdout.write(outline(ds, lang=args.lang))
    return 0


def _summarize(args: argparse.Namespace) -> int:
    from pathlib import Path

    from lawsummary.render import summarize
    from lawsummary.serialization import load

    obj = datasets.load(args.dataset) if args.dataset else load(args.file)
    if args.as_of:
        if not isinstance(obj, Dataset):
            raise LawSummaryError("--as-of needs a dataset")
        obj = obj.as_of(args.as_of)
    text = summarize(
        obj,
        locale=args.locale,
        format=args.format,
        detail=args.detail,
        standalone=bool(args.output) and args.format == "html",
    )
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from lawsummary.serialization import load

    failed = 0
    for path in args.files:
        try:
            load(path)
        except InvalidDocumentError as exc:
            failed += 1
            for problem in exc.problems:
                print(f"{path}: {problem}", file=sys.stderr)
        except LawSummaryError as exc:
            failed += 1
            print(f"{path}: {exc}", file=sys.stderr)
        else:
            print(f"{path}: valid")
    return 1 if failed else 0


def _datasets(_args: argparse.Namespace) -> int:
    for name in datasets.names():
        ds = datasets.load(name)
        versions = sum(len(p.versions) for p in ds.provisions)
        print(f"{name}: {ds.title.get('en') or ds.title.entries[0][1]}")
        print(f"  {len(ds.provisions)} provisions, {versions} versions, {len(ds.acts)} acts")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 invalid input, 2 usage error)."""
    args = _parser().parse_args(argv)
    handlers = {
        "show": _show,
        "summarize": _summarize,
        "validate": _validate,
        "datasets": _datasets,
    }
    try:
        return handlers[args.command](args)
    except InvalidDocumentError as exc:
        print(f"lawsummary: {exc}", file=sys.stderr)
        return 1
    except LawSummaryError as exc:
        print(f"lawsummary: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `lawsummary show ... | head`
        return 0
