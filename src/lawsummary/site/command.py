"""The ``lawsummary site`` command (registered by :mod:`lawsummary.cli`)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from lawsummary import datasets
from lawsummary.errors import LawSummaryError
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records.dataset import Dataset

__all__ = ["add_parser", "run"]

_HELP = "a static multilingual site of datasets, with Atom and JSON feeds of changes per locale"
_EXAMPLES = [
    "site --dataset ru-migration-2024 --output public",
    "site --dataset ru-migration-2024 my-data.toml --output public --locale ru --locale kk",
    "site --dataset ru-migration-2024 --output public --css portal.css "
    "--header header.html --footer footer.html --base-url https://example.org/law/",
]


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "site",
        help=_HELP,
        description=_HELP,
        epilog="examples:\n" + "".join(f"  lawsummary {e}\n" for e in _EXAMPLES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="dataset documents")
    parser.add_argument(
        "--dataset",
        action="append",
        default=[],
        choices=datasets.names(),
        help="a bundled dataset (repeat for more)",
    )
    parser.add_argument("--output", required=True, help="the folder to write the site into")
    parser.add_argument(
        "--locale",
        action="append",
        default=[],
        help=f"a locale to write (repeat; default all: {', '.join(SUPPORTED_LOCALES)})",
    )
    parser.add_argument("--css", help="the portal's stylesheet, linked after the site's own")
    parser.add_argument("--header", help="a file of HTML put at the top of every page's header")
    parser.add_argument("--footer", help="a file of HTML put at the end of every page's footer")
    parser.add_argument(
        "--base-url", help="the site's public address (https://.../ ending in /) for feeds"
    )
    return parser


def _read(name: str | None, what: str) -> str | None:
    if name is None:
        return None
    try:
        with open(name, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise LawSummaryError(f"{name}: cannot read the {what}: {reason}") from None


def run(args: argparse.Namespace) -> int:
    from lawsummary.serialization import load
    from lawsummary.site import SiteOptions, build_site

    if not args.dataset and not args.files:
        raise LawSummaryError("site needs --dataset NAME or dataset FILE arguments")
    collection: list[Dataset] = [datasets.load(name) for name in args.dataset]
    for name in args.files:
        loaded = load(name)
        if not isinstance(loaded, Dataset):
            raise LawSummaryError(
                f"{name}: 'site' needs dataset documents, and this is a {type(loaded).__name__}"
            )
        collection.append(loaded)
    options = SiteOptions(
        locales=tuple(args.locale) or SUPPORTED_LOCALES,
        css=args.css,
        header=_read(args.header, "header"),
        footer=_read(args.footer, "footer"),
        base_url=args.base_url,
    )
    started = time.perf_counter()
    report = build_site(collection, args.output, options)
    seconds = time.perf_counter() - started
    print(
        f"{args.output}: {len(report.pages)} pages and {len(report.feeds)} feeds "
        f"in {seconds:.1f} s",
        file=sys.stderr,
    )
    return 0
