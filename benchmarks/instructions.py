"""Instructions per summary, counted with callgrind (deterministic, unlike wall time on a
shared machine).

Run: python benchmarks/instructions.py            (valgrind must be installed)

The script runs itself twice per locale under ``valgrind --tool=callgrind``: once warming up
(catalogs, CLDR data, templates, one pass over the bundled offences) and then making
``PASSES`` first-time passes (the summary memo cleared before each), and once warming up
only. The difference of the two instruction counts, divided by the number of summaries, is
the cost of one first-time summary. ``--new-figures`` clears the formatted-value memo too.
Both runs use one hash seed, so that they differ only by the work measured; ``--repeat``
measures each locale again that many times and reports the median (a run still varies
by a few per cent with the memory layout).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

PASSES = 10


def work(locale: str, passes: int, new_figures: bool) -> None:
    from lawsummary import datasets, summarize
    from lawsummary.render import clear_memo

    ds = datasets.load("ru-migration-2024")
    offences = [p for p in ds.provisions if p.kind == "offence"]
    for provision in offences:  # warm up
        summarize(provision, locale=locale, dataset=ds)
    for _ in range(passes):
        clear_memo(formatted=new_figures)
        for provision in offences:
            summarize(provision, locale=locale, dataset=ds)


def count(locale: str, passes: int, new_figures: bool) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--work",
            locale,
            str(passes),
            "1" if new_figures else "0",
        ]
        # A fixed hash seed: string hashes (and so dict layouts) the same in every run.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run(command, check=True, capture_output=True, env=env)
        with open(out, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(("summary:", "totals:")):
                    return int(line.split()[1])
    raise RuntimeError("no totals in callgrind output")


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--work":
        work(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--new-figures", action="store_true")
    parser.add_argument("--locale", action="append")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    from lawsummary import datasets
    from lawsummary.i18n import SUPPORTED_LOCALES

    offences = sum(1 for p in datasets.load("ru-migration-2024").provisions if p.kind == "offence")
    print("| locale | instructions per summary |")
    print("|---|---:|")
    for locale in args.locale or SUPPORTED_LOCALES:
        each = sorted(
            (count(locale, PASSES, args.new_figures) - count(locale, 0, args.new_figures))
            / (PASSES * offences)
            for _ in range(args.repeat)
        )
        print(f"| {locale} | {each[len(each) // 2]:,.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
