"""The README's promises: two set-up commands first, and the example document it shows is valid."""

from __future__ import annotations

import re
from pathlib import Path

from lawsummary import Dataset, loads

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
    (example,) = [b for lang, b in FENCE.findall(README) if lang == "toml"]
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
