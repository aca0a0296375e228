"""Benchmarks: lawsummary measured side by side with the least a user could write by hand.

Run: python benchmarks/run.py            (the full run; a few minutes)
     python benchmarks/run.py --quick    (a few iterations; the test suite runs this)

Each pair is measured in the same run, alternating, and reported as medians:

1. Summaries per second per locale over the bundled offences, against a hand-written
   formatter stating the same facts (prison range, fine range, citation) with direct
   Babel calls and f-strings.
2. Loading and validating generated documents of 1k, 10k and 100k provisions, against
   ``json.loads`` of the same bytes.
3. Cold start: a fresh interpreter importing lawsummary and printing one Russian summary of
   one offence, against one importing attrs, cattrs and babel and formatting one number
   and one unit in Russian.
4. Peak memory of ``lawsummary summarize --jsonl`` over 10k and 100k documents.
5. The static site (``--only site``): ``build_site`` of a generated dataset of 2,000 and
   10,000 provisions in the six locales, in a fresh interpreter each: pages per second,
   peak memory beyond the loaded dataset, and the time per provision page against
   ``summarize`` of the same provision (its full HTML summary, memo cleared). The site
   is written to /dev/shm where there is one (the build's cost, not the disk's).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import lawsummary
from lawsummary import datasets, dumps, loads, summarize
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import Fine, Imprisonment, Offence, Sanction

TARGETS = {
    "summaries": "<= 1.2x the hand-written baseline",
    "loading": "<= 10x json.loads",
    "cold start": "<= 1.3x the bare dependency import",
    "batch memory": "flat (100k / 10k <= 1.2)",
    "site": "memory beyond the dataset flat in the pages written (6 locales / 1 <= 1.2)",
}


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    from importlib.metadata import version

    versions = ", ".join(f"{p} {version(p)}" for p in ("attrs", "cattrs", "babel"))
    return [
        f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"lawsummary {lawsummary.__version__}; {versions}",
    ]


def alternate(pairs: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Run each measurement in turn, ``rounds`` times, and return the median of each."""
    samples: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(rounds):
        for name, measure in pairs.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


# -- 1. summaries ------------------------------------------------------------------------------


def baseline_summary(offence: Offence, locale: str, instrument: str) -> str:
    """The least a user could write: citation, prison range and fine range, with Babel.

    A range is stated as the data has it: "2 - 5 years" or "up to 5 years" (the English
    "up to" stands for whatever words a user would add; the figures are Babel's).
    """
    from babel.numbers import format_currency, format_decimal
    from babel.units import format_unit

    citation = offence.citation
    where = f"{instrument}, {citation.article}" + (f"({citation.part})" if citation.part else "")
    lines = [f"{where}: {offence.title.get(locale) or offence.title.get('en')}"]
    sanction = offence.sanction
    alternatives = sanction.alternatives if isinstance(sanction, Sanction) else ()
    for alternative in alternatives:
        penalty = alternative.penalty
        if isinstance(penalty, Imprisonment) and isinstance(longest := penalty.term.max, Decimal):
            term = penalty.term
            high = format_unit(longest, f"duration-{term.unit.value[:-1]}", locale=locale)
            low = (
                format_decimal(term.min, locale=locale)
                if isinstance(term.min, Decimal) and term.min
                else ""
            )
            lines.append(f"prison: {low} - {high}" if low else f"prison: up to {high}")
        options = [penalty, *(o for a in alternative.additions for o in a.options)]
        for option in options:
            if isinstance(option, Fine) and isinstance(most := option.amount.max, Decimal):
                amount = option.amount
                high = format_currency(most, amount.currency, locale=locale)
                if isinstance(amount.min, Decimal) and amount.min:
                    low = format_currency(amount.min, amount.currency, locale=locale)
                    lines.append(f"fine: {low} - {high}")
                else:
                    lines.append(f"fine: up to {high}")
    return "\n".join(lines) + "\n"


#: One row of the summaries table: the locale, then summaries per second and the ratio to
#: the baseline for each way of measuring (see ``bench_summaries``), then the baseline's.
SummaryRow = tuple[str, dict[str, float], dict[str, float], float]

#: The ways lawsummary's summaries are measured, as the table names them.
SUMMARY_WAYS = {
    "first": "first time",
    "new_figures": "first time, new figures",
    "again": "again",
}


def bench_summaries(rounds: int, passes: int = 1) -> list[SummaryRow]:
    """Per locale, summaries per second against the baseline's, measured three ways
    (each sample ``passes`` passes over the offences, so that a sample lasts long
    enough for the clock and the machine's noise):

    - first: records not summarised before (the summary memo is cleared); the numbers,
      dates and lists each locale has formatted stay kept, as in a batch over a legal
      code, which repeats its figures;
    - new_figures: the same, with the formatted figures forgotten too, so every number,
      range, date and list is formatted again with Babel;
    - again: the same records again, from the summary memo.
    """
    from lawsummary.render import clear_memo

    ds = datasets.load("ru-migration-2024")
    offences = [p for p in ds.provisions if p.kind == "offence"]
    bodies = [p.latest().body for p in offences]
    names = {i.id: i.short_title or i.title for i in ds.instruments}
    rows: list[SummaryRow] = []
    for locale in SUPPORTED_LOCALES:

        def ours(locale: str = locale, forget: Callable[[], None] | None = None) -> float:
            elapsed = 0.0
            for _ in range(passes):
                if forget is not None:
                    forget()  # not timed
                start = time.perf_counter()
                for provision in offences:
                    summarize(provision, locale=locale, dataset=ds)
                elapsed += time.perf_counter() - start
            return elapsed / (passes * len(offences))

        def first() -> float:
            return ours(forget=clear_memo)

        def new_figures() -> float:
            return ours(forget=lambda: clear_memo(formatted=True))

        def theirs(locale: str = locale) -> float:
            start = time.perf_counter()
            for _ in range(passes):
                for body in bodies:
                    assert isinstance(body, Offence)
                    name = names[body.citation.instrument]
                    baseline_summary(body, locale, name.get(locale) or name.get("en") or "")
            return (time.perf_counter() - start) / (passes * len(bodies))

        first(), theirs()  # warm up: catalogs, CLDR data and caches are read once per process
        medians = alternate(
            {"first": first, "new_figures": new_figures, "again": ours, "baseline": theirs},
            rounds,
        )
        base = medians.pop("baseline")
        rows.append(
            (
                locale,
                {way: 1 / seconds for way, seconds in medians.items()},
                {way: seconds / base for way, seconds in medians.items()},
                1 / base,
            )
        )
    return rows


# -- 2. loading --------------------------------------------------------------------------------


def generated_document(count: int) -> bytes:
    """A dataset document of ``count`` offence provisions with varied numbers, built as JSON.

    Each provision is the current Art. 322.1(1) with its English and Russian title, its
    sanction and one source: about 1.3 kB, like a lean real-world entry.
    """
    ds = json.loads(dumps(datasets.load("ru-migration-2024")))
    template = next(p for p in ds["provisions"] if p["id"] == "ru-uk-322.1-1")["versions"][-1]
    body = template["body"]
    lean = {
        "kind": "offence",
        "citation": body["citation"],
        "title": {k: v for k, v in body["title"].items() if k in ("en", "ru")},
        "guilt": body["guilt"],
        "sanction": body["sanction"],
        "provenance": {"status": "confirmed", "sources": body["provenance"]["sources"][:1]},
    }
    provisions = []
    for i in range(count):
        entry = json.loads(json.dumps(lean))
        term = entry["sanction"]["alternatives"][0]["penalty"]["term"]
        term["min"], term["max"] = str(i % 5), str(5 + i % 20)
        provisions.append(
            {"id": f"p{i}", "versions": [{"valid_from": "2024-11-09", "body": entry}]}
        )
    document = {
        "kind": "dataset",
        "id": "generated",
        "title": {"en": "Generated"},
        "instruments": ds["instruments"],
        "provisions": provisions,
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def bench_loading(
    sizes: list[int], rounds: int, *, per_round: int = 0
) -> list[tuple[int, float, float, float]]:
    """Per size: median time of ``loads`` and of ``json.loads`` of the same bytes.

    ``per_round``: small documents get more rounds, up to this many provisions loaded
    in all, so that their medians settle (json.loads of a small document varies most).
    """
    rows = []
    for size in sizes:
        raw = generated_document(size)

        def ours(raw: bytes = raw) -> float:
            start = time.perf_counter()
            loads(raw)
            return time.perf_counter() - start

        def plain(raw: bytes = raw) -> float:
            start = time.perf_counter()
            json.loads(raw)
            return time.perf_counter() - start

        ours(), plain()  # warm up: the converter is made once per process
        count = max(rounds, per_round // size) if size < 100_000 else 3
        medians = alternate({"ours": ours, "json": plain}, count)
        rows.append((size, medians["ours"], medians["json"], medians["ours"] / medians["json"]))
    return rows


# -- 3. cold start -----------------------------------------------------------------------------

OURS_COLD = (
    "import lawsummary as l;"
    "ds = l.datasets.load('ru-migration-2024');"
    "print(l.summarize(ds.provision('ru-uk-322.1-3'), locale='ru', dataset=ds))"
)
BARE_COLD = (
    "import attrs, cattrs, babel;"
    "from babel.numbers import format_decimal;"
    "from babel.units import format_unit;"
    "print(format_decimal(500000, locale='ru'), format_unit(15, 'duration-year', locale='ru'))"
)


def bench_cold(rounds: int) -> tuple[float, float, float]:
    """Both interpreters start warm: bytecode compiled (as pip does on install) and the
    checked bundled dataset in its cache (as after any first use)."""
    import compileall

    compileall.compile_dir(str(Path(lawsummary.__file__).parent), quiet=1)

    def timed(code: str) -> Callable[[], float]:
        def run() -> float:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            return time.perf_counter() - start

        return run

    timed(OURS_COLD)(), timed(BARE_COLD)()  # warm the file system cache
    medians = alternate({"ours": timed(OURS_COLD), "bare": timed(BARE_COLD)}, rounds)
    return medians["ours"], medians["bare"], medians["ours"] / medians["bare"]


# -- 4. batch memory ---------------------------------------------------------------------------

PEAK = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def bench_memory(counts: list[int]) -> list[tuple[int, int, float]]:
    ds = datasets.load("ru-migration-2024")
    lines = [
        json.dumps(json.loads(dumps(p.latest().body)), ensure_ascii=False)
        for p in ds.provisions
        if p.kind == "offence"
    ]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for count in counts:
            path = Path(folder) / f"{count}.jsonl"
            with path.open("w", encoding="utf-8") as handle:
                for i in range(count):
                    handle.write(lines[i % len(lines)] + "\n")
            command = [
                sys.executable,
                "-m",
                "lawsummary",
                "summarize",
                "--jsonl",
                str(path),
                "--locale",
                "ru",
            ]
            start = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True
            )
            elapsed = time.perf_counter() - start
            rows.append((count, int(out.stdout.strip()), elapsed))
    return rows


# -- 5. the site --------------------------------------------------------------------------------

#: Run in a fresh interpreter: load a generated dataset, build its site, then time
#: ``summarize`` of the same provisions; print the figures as JSON.
SITE = """
import gc, json, os, sys, tempfile, time
import attrs
sys.path.insert(0, sys.argv[1])
from run import generated_document
from lawsummary import loads, summarize
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.render import clear_memo
from lawsummary.site import SiteOptions, build_site

def status(field):  # VmRSS (now) or VmHWM (the peak since the last reset), in KiB
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])

count, sample = int(sys.argv[2]), int(sys.argv[3])
locales = tuple(sys.argv[4].split(",")) if len(sys.argv) > 4 else SUPPORTED_LOCALES
started = time.perf_counter()
ds = loads(generated_document(count))
load = time.perf_counter() - started
# A small site first, so that the modules, catalogs and CLDR data it needs are loaded
# before the peak is reset: what is measured then is what grows with the build.
with tempfile.TemporaryDirectory() as folder:
    small = attrs.evolve(ds, provisions=ds.provisions[:20])
    build_site([small], folder, SiteOptions(locales=locales))
del small
gc.collect()
loaded_peak = status("VmHWM")
with open("/proc/self/clear_refs", "w") as handle:
    handle.write("5")  # reset the peak: from here on it is the build's
loaded = status("VmRSS")
# In memory where the system has a tmpfs: the build's own cost, not this disk's.
shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
with tempfile.TemporaryDirectory(dir=shm) as folder:
    start = time.perf_counter()
    report = build_site([ds], folder, SiteOptions(locales=locales))
    build = time.perf_counter() - start
    pages = len(report.pages)
    peak = status("VmHWM")
    del report
    start = time.perf_counter()
cleanup = time.perf_counter() - start
clear_memo()
provisions = ds.provisions[:sample]
start = time.perf_counter()
for code in locales:
    for provision in provisions:
        summarize(provision, locale=code, format="html", detail="full", dataset=ds)
summaries = time.perf_counter() - start
print(json.dumps({
    "provisions": count, "pages": pages, "build": build, "loaded": loaded,
    "loaded_peak": loaded_peak, "peak": peak, "load": load, "cleanup": cleanup,
    "summary": summaries / (len(provisions) * len(locales)),
    "provision_pages": count * len(locales), "locales": len(locales),
}))
"""


def bench_site(
    counts: list[int], sample: int, *, one_locale: bool = True
) -> list[dict[str, float]]:
    """Per size, in a fresh interpreter: the build's time and pages, the resident memory
    after loading the dataset and at the peak, and the time of one ``summarize``; then
    (``one_locale``) the largest size in English only: a sixth of the pages written."""
    rows = []
    runs = [(count, ",".join(SUPPORTED_LOCALES)) for count in counts]
    if one_locale:
        runs.append((counts[-1], "en"))
    for count, locales in runs:
        here = str(Path(__file__).parent)
        out = subprocess.run(
            [sys.executable, "-c", SITE, here, str(count), str(sample), locales],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout))
    return rows


# -- report ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a few iterations, small sizes")
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="run only this part (repeat for several); all five by default",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    parts = args.only or PARTS
    print("\n".join(machine()))
    print()
    if "summaries" in parts:
        summaries_part(quick)
    if "loading" in parts:
        loading_part(quick)
    if "cold" in parts:
        cold_part(quick)
    if "memory" in parts:
        memory_part(quick)
    if "site" in parts:
        site_part(quick)
    return 0


PARTS = ("summaries", "loading", "cold", "memory", "site")


def summaries_part(quick: bool) -> None:
    rows = bench_summaries(rounds=3 if quick else 31, passes=1 if quick else 20)
    print("1. Summaries (short, text) per second, over the bundled offences")
    ways = list(SUMMARY_WAYS)
    print(
        "| locale | "
        + " | ".join(f"lawsummary, {SUMMARY_WAYS[w]}" for w in ways)
        + " | baseline | "
        + " | ".join(f"ratio, {SUMMARY_WAYS[w]}" for w in ways)
        + " |"
    )
    print("|---|" + "---:|" * (2 * len(ways) + 1))
    for locale, speed, ratio, theirs in rows:
        print(
            f"| {locale} | "
            + " | ".join(f"{speed[w]:,.0f}" for w in ways)
            + f" | {theirs:,.0f} | "
            + " | ".join(f"{ratio[w]:.2f}x" for w in ways)
            + " |"
        )
    worst = "; ".join(f"{SUMMARY_WAYS[w]}: {max(r[2][w] for r in rows):.2f}x" for w in ways)
    print(f"target: {TARGETS['summaries']}, first time; worst: {worst}")
    print()


def loading_part(quick: bool) -> None:
    sizes = [100, 1000] if quick else [1000, 10_000, 100_000]
    rows = bench_loading(sizes, rounds=2 if quick else 5, per_round=0 if quick else 50_000)
    print("2. Loading and validation of generated documents")
    print("| provisions | lawsummary.loads | json.loads | ratio | lawsummary per provision |")
    print("|---:|---:|---:|---:|---:|")
    for size, ours, plain, ratio in rows:
        print(
            f"| {size:,} | {ours * 1e3:,.1f} ms | {plain * 1e3:,.1f} ms | {ratio:.1f}x | {ours / size * 1e6:.1f} µs |"
        )
    growth = (rows[-1][1] / rows[-1][0]) / (rows[0][1] / rows[0][0])
    print(
        f"target: {TARGETS['loading']}; worst: {max(r[3] for r in rows):.1f}x; "
        f"time per provision, largest / smallest: {growth:.2f} (1.00 is linear)"
    )
    print()


def cold_part(quick: bool) -> None:
    ours, bare, ratio = bench_cold(rounds=3 if quick else 31)
    print("3. Cold start: a fresh interpreter printing one Russian summary of one offence")
    print("| lawsummary | attrs + cattrs + babel, one number and one unit | ratio |")
    print("|---:|---:|---:|")
    print(f"| {ours * 1e3:.0f} ms | {bare * 1e3:.0f} ms | {ratio:.2f}x |")
    print(f"target: {TARGETS['cold start']}")
    print()


def memory_part(quick: bool) -> None:
    counts = [100, 1000] if quick else [10_000, 100_000]
    rows = bench_memory(counts)
    print("4. Batch memory: lawsummary summarize --jsonl (Russian, text)")
    print("| documents | peak RSS | time |")
    print("|---:|---:|---:|")
    for count, peak, elapsed in rows:
        print(f"| {count:,} | {peak / 1024:.1f} MiB | {elapsed:.1f} s |")
    print(f"target: {TARGETS['batch memory']}; largest / smallest: {rows[-1][1] / rows[0][1]:.2f}")


def site_part(quick: bool) -> None:
    counts = [50, 200] if quick else [2_000, 10_000]
    rows = bench_site(counts, sample=50 if quick else 500)
    print("5. The static site: build_site of a generated dataset")
    print(
        "| provisions | locales | pages | build | pages per second | peak RSS | beyond the loaded "
        "dataset | per provision page | summarize, full html | ratio |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

    def beyond(row: dict[str, float]) -> float:
        return max(1.0, row["peak"] - row["loaded"])

    for row in rows:
        per_page = row["build"] / row["provision_pages"]
        print(
            f"| {row['provisions']:,} | {row['locales']} | {row['pages']:,} | "
            f"{row['build']:.1f} s | "
            f"{row['pages'] / row['build']:,.0f} | {row['peak'] / 1024:.1f} MiB | "
            f"{beyond(row) / 1024:.1f} MiB | {per_page * 1e3:.2f} ms | "
            f"{row['summary'] * 1e3:.2f} ms | {per_page / row['summary']:.2f}x |"
        )

    six, one = rows[-2], rows[-1]
    print(
        f"target: {TARGETS['site']}; {six['provisions']:,} provisions, six locales against "
        f"one ({six['pages'] / one['pages']:.1f}x the pages): {beyond(six) / beyond(one):.2f}; "
        f"{rows[-2]['provisions']:,} against {rows[0]['provisions']:,} provisions "
        f"({rows[-2]['pages'] / rows[0]['pages']:.1f}x the pages and the dataset): "
        f"{beyond(rows[-2]) / beyond(rows[0]):.2f}"
    )
    print(
        "(peak RSS: the build's peak, measured from after loading the dataset and building "
        "a site of 20 of its provisions, which loads what a build needs; loading "
        "it took "
        + ", ".join(
            f"{r['load']:.1f} s and {r['loaded_peak'] / 1024:.0f} MiB at its peak for "
            f"{r['provisions']:,}"
            for r in rows
        )
        + "; removing the site's files "
        + ", ".join(f"{r['cleanup']:.1f} s" for r in rows)
        + ")"
    )


if __name__ == "__main__":
    sys.exit(main())
