"""The README's promises: two set-up commands first, and the example document it shows is valid."""

from __future__ import annotations

import re
from pathlib import Path

from lawsummary import Dataset, loads
from lawsummary.compare import Rate

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
CI = (Path(__file__).parents[1] / ".ci" / "run").read_text(encoding="utf-8")


def test_first_lines_are_the_two_commands() -> None:
    block = re.search(r"```sh\n(.*?)```", README, re.S)  # the first fenced block
    assert block is not None
    assert README.index(block.group(0)) < 30
    main_job, tests = block.group(1).strip().splitlines()
    assert "lawsummary summarize --dataset ru-migration-2024" in main_job
    assert "pytest" in tests
    assert tests in CI  # CI runs exactly the README's test command


def test_toml_example_is_a_valid_document() -> None:
    (example,) = [b for lang, b in FENCE.findall(README) if lang == "toml" and "[[rates]]" not in b]
    dataset = loads(example, "toml")
    assert isinstance(dataset, Dataset)
    assert dataset.provision("xa-ac-517-1").latest().body.kind == "offence"


def test_summary_examples_are_real_output() -> None:
    from lawsummary import datasets, summarize

    ds = datasets.load("ru-migration-2024")
    part3 = ds.provision("ru-uk-322.1-3")
    blocks = [b for lang, b in FENCE.findall(README) if not lang]
    for locale in ("en", "ru"):
        assert summarize(part3, locale=locale, dataset=ds).replace("\xa0", " ").replace(
            "\u202f", " "
        ) in [b.replace("\xa0", " ").replace("\u202f", " ") for b in blocks]


def test_comparison_examples_are_real_output() -> None:
    import datetime as dt

    from lawsummary import datasets, summarize
    from lawsummary.compare import compare, compare_many

    ds = datasets.load("ru-migration-2024")
    story = summarize(
        compare(ds.as_of(dt.date(2024, 11, 1)), ds.as_of(dt.date(2025, 1, 1))), locale="en"
    )
    blocks = [b for lang, b in FENCE.findall(README) if not lang]
    assert "\n".join(story.split("\n\n")[:3]) + "\n" in blocks
    parts = [ds.provision(f"ru-uk-322.1-{n}") for n in (1, 2, 3)]
    table = summarize(compare_many(parts, dataset=ds), locale="ru", format="markdown")
    assert table.startswith("# Сравнение\n\n")
    body = table.removeprefix("# Сравнение\n\n").replace("\xa0", " ")
    assert body in README.replace("\xa0", " ")


def _example_rate() -> Rate:
    """The README's rate: an EXAMPLE a caller supplies, not a fact (none is bundled)."""
    import datetime as dt

    from lawsummary.records import Provenance, Source, Status

    return Rate(
        source="KZT",
        target="RUB",
        value="0.18",
        date=dt.date(2025, 9, 17),
        provenance=Provenance(
            status=Status.UNCONFIRMED, sources=(Source("https://example.org/an-example-rate"),)
        ),
    )


def test_the_russia_kazakhstan_table_is_real_output() -> None:
    from lawsummary import compare_many, datasets, summarize

    ru, kz = datasets.load("ru-migration-2024"), datasets.load("kz-migration-2025")
    items = [ru.provision("ru-uk-322.1-1"), ru.provision("ru-uk-322.1-2")]
    items += [kz.provision("kz-cc-394-1"), kz.provision("kz-cc-394-2")]
    table = compare_many(items, datasets=[ru, ru, kz, kz], rates=[_example_rate()])
    out = summarize(table, locale="en", format="markdown")
    body = out.removeprefix("# Side by side\n\n")
    assert body in README
    # the conversion is named step by step, with the grades of both values
    assert (
        "3,000 MCI = 11,796,000 Kazakhstani tenges at the 2025 value of 3,932 Kazakhstani "
        "tenges (reported); at the given rate of 0.18 rubles for 1 Kazakhstani tenge on "
        "September 17, 2025 (source <https://example.org/an-example-rate>), about 2,123,280 "
        "rubles (unconfirmed)"
    ) in body
    assert "an **example the caller supplies, not a\nfact**" in README


def test_the_russia_kazakhstan_command_is_real_output() -> None:
    import subprocess
    import sys

    command = [
        "compare",
        "--dataset",
        "ru-migration-2024",
        "--dataset",
        "kz-migration-2025",
        "--provision",
        "ru-uk-322.1-1",
        "--provision",
        "kz-cc-394-1",
        "--locale",
        "en",
    ]
    run = subprocess.run(
        [sys.executable, "-m", "lawsummary", *command],
        capture_output=True,
        text=True,
        check=True,
    )
    blocks = [b for lang, b in FENCE.findall(README) if not lang]
    assert run.stdout in blocks
    assert "not compared, because no rate from Kazakhstani tenge to Russian ruble" in run.stdout


def test_the_readme_rates_file_gives_the_readme_rate(tmp_path: Path) -> None:
    from lawsummary import cli

    (example,) = [b for lang, b in FENCE.findall(README) if lang == "toml" and "[[rates]]" in b]
    path = tmp_path / "rates.toml"
    path.write_text(example, encoding="utf-8")
    (rate,) = cli._rates((), str(path))
    assert rate == _example_rate()


def test_the_russia_kazakhstan_comparison_is_real_output() -> None:
    from lawsummary import compare, datasets, summarize
    from lawsummary.compare import Framing

    ru, kz = datasets.load("ru-migration-2024"), datasets.load("kz-migration-2025")
    found = compare(ru.provision("ru-uk-322.1-1"), kz.provision("kz-cc-394-1"), datasets=[ru, kz])
    assert found.framing is Framing.ACROSS_JURISDICTIONS
    blocks = [b for lang, b in FENCE.findall(README) if not lang]
    assert summarize(found, locale="en") in blocks
