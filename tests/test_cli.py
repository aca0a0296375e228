"""The command line, end to end through a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import html5lib
import jsonschema
import pytest

from lawsummary import datasets, dumps

INVALID = Path(__file__).parent / "invalid"
EXAMPLE = Path(__file__).parents[1] / "examples" / "exampleland.toml"
COMMANDS = ("summarize", "compare", "validate", "locales", "datasets", "schema", "show")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lawsummary", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        check=False,
    )


# -- summarize ------------------------------------------------------------------------------


def test_summarize_bundled_dataset() -> None:
    result = run("summarize", "--dataset", "ru-migration-2024", "--locale", "ru")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Законы России 2024 года против незаконной миграции\n")
    assert "лишение свободы на срок от 8 до 15 лет" in result.stdout
    assert result.stderr == ""


def test_summarize_as_of_in_kyrgyz() -> None:
    result = run(
        "summarize", "--dataset", "ru-migration-2024", "--locale", "ky", "--as-of", "2024-06-01"
    )
    assert result.returncode == 0, result.stderr
    assert "322.1-берене, 3-бөлүк" not in result.stdout
    assert "7 жылга чейин эркиндигинен ажыратуу" in result.stdout


def test_summarize_to_a_standalone_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = run(
        "summarize", str(EXAMPLE), "--locale", "uz", "--format", "html", "--output", str(page)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = page.read_text(encoding="utf-8")
    assert "50 birlikdan 100 birlikkacha" in text
    # A real HTML5 parser: the page is well formed and self-contained.
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(text)
    assert document.get("lang") == "uz"
    assert document.find("head/meta").get("charset") == "utf-8"
    assert document.find("head/title").text
    assert document.find("body/article").get("lang") == "uz"
    assert document.find("body/article/h2") is not None
    for element in document.iter():
        assert element.get("src") is None
        assert element.tag not in ("script", "link")


def test_summarize_many_files_and_stdin() -> None:
    doc = dumps(datasets.load("ru-migration-2024").provision("ru-uk-322.1-3"))
    result = run("summarize", str(EXAMPLE), "-", "--locale", "en", stdin=doc)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.split("\n---\n\n")
    assert first.startswith("Exampleland (fictional): hiring foreign workers\n")
    assert "prison for 8 to 15 years" in second


def test_summarize_json_lines_stream(tmp_path: Path) -> None:
    ds = datasets.load("ru-migration-2024")
    lines = [json.dumps(json.loads(dumps(p)), ensure_ascii=False) for p in ds.provisions]
    lines.insert(2, '{"kind": "offence", "colour": "red"}')
    stream = tmp_path / "docs.jsonl"
    stream.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    result = run("summarize", "--jsonl", str(stream), "--locale", "tg", "--format", "json")
    assert result.returncode == 1  # one document was invalid; the others were summarised
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == len(ds.provisions)
    assert all(o["locale"] == "tg" for o in outputs)
    assert f"{stream}:3: $.colour: unknown key 'colour'" in result.stderr
    assert "documents" not in result.stderr  # no progress bar when stderr is not a terminal


def test_summarize_usage_and_user_errors() -> None:
    bad_locale = run("summarize", "--dataset", "ru-migration-2024", "--locale", "../../x")
    assert bad_locale.returncode == 1
    assert bad_locale.stderr.count("\n") == 1
    assert "unsupported locale '../../x'" in bad_locale.stderr
    assert run("summarize", "--dataset", "ru-migration-2024").returncode == 2  # no --locale
    both = run("summarize", str(EXAMPLE), "--dataset", "ru-migration-2024", "--locale", "en")
    assert both.returncode == 2
    assert "not both" in both.stderr
    bad_date = run(
        "summarize", "--dataset", "ru-migration-2024", "--locale", "en", "--as-of", "9 Nov"
    )
    assert bad_date.returncode == 2
    assert "'9 Nov' is not a date; write YYYY-MM-DD" in bad_date.stderr


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run("summarize", str(tmp_path / "missing.json"), "--locale", "en")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("cannot read the file: No such file or directory")


# -- compare --------------------------------------------------------------------------------


def test_compare_dataset_dates() -> None:
    result = run(
        "compare",
        "--dataset",
        "ru-migration-2024",
        "--from",
        "2024-11-01",
        "--to",
        "2025-01-01",
        "--locale",
        "ru",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Что изменилось: 1 ноября 2024")
    assert (
        "Раньше: лишение свободы на срок до 7 лет. Теперь: лишение свободы на срок от 5 до 10 лет."
        in result.stdout
    )


def test_compare_files_and_a_table(tmp_path: Path) -> None:
    ds = datasets.load("ru-migration-2024")
    *_, old, new = ds.provision("ru-uk-322.1-2").versions
    paths = []
    for name, record in (("old", old), ("new", new), ("part3", ds.provision("ru-uk-322.1-3"))):
        path = tmp_path / f"{name}.json"
        path.write_text(dumps(record), encoding="utf-8")
        paths.append(str(path))
    two = run("compare", paths[0], paths[1], "--locale", "en")
    assert two.returncode == 0, two.stderr
    assert (
        "Before: prison for up to 7 years. Now: prison for 5 to 10 years. (harsher)" in two.stdout
    )
    three = run("compare", *paths, "--locale", "en", "--format", "markdown")
    assert three.returncode == 0, three.stderr
    assert "| Feature |" in three.stdout
    assert run("compare", paths[0], "--locale", "en").returncode == 2
    assert run("compare", "--dataset", "ru-migration-2024", "--locale", "en").returncode == 2


# -- validate -------------------------------------------------------------------------------


def test_validate_exit_codes() -> None:
    ok = run("validate", str(EXAMPLE))
    assert (ok.returncode, ok.stdout) == (0, f"{EXAMPLE}: valid\n")
    bad = INVALID / "several-mistakes.json"
    result = run("validate", str(EXAMPLE), str(bad))
    assert result.returncode == 1
    expected = (INVALID / "several-mistakes.expected").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == [f"{bad}: {line}" for line in expected]
    assert "Traceback" not in result.stderr
    assert run("validate").returncode == 2


def test_validate_json_lines_from_stdin() -> None:
    good = json.dumps(json.loads(dumps(datasets.load("ru-migration-2024").acts[0])))
    result = run("validate", "--jsonl", "-", stdin=f"{good}\nnot json\n{good}\n")
    assert result.returncode == 1
    assert result.stdout == "2 valid, 1 invalid\n"
    assert result.stderr.startswith("<stdin>:2: $: not valid JSON")


# -- locales, datasets, schema, show, help ------------------------------------------------


def test_locales_report() -> None:
    result = run("locales")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if not line.startswith(" ")] == [
        "en",
        "ru",
        "uz",
        "ky",
        "tg",
        "kk",
    ]
    assert result.stdout.count("messages: ") == 6
    assert all(
        left == right
        for left, right in (
            line.split("messages: ")[1].split(" translated")[0].split(" of ")
            for line in lines
            if "messages:" in line
        )
    )
    assert (
        "filled gap: unit name (years): CLDR writes '15 y'; lawsummary writes '15 сол'"
        in result.stdout
    )


def test_datasets_listing() -> None:
    result = run("datasets")
    assert result.returncode == 0
    entries = result.stdout.split("\n" + "ru-migration-2024: ")
    assert entries[0].startswith("kz-migration-2025: Kazakhstan: organising illegal migration")
    assert "latest date in the data: 2025-09-17" in entries[0]
    assert entries[1].startswith("Russia's 2024 laws against illegal migration\n")
    assert "latest date in the data: 2024-12-10" in entries[1]


def test_schema_validates_the_bundled_dataset_and_refuses_unknown_keys(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert run("schema", "--output", str(out)).returncode == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    document = json.loads(dumps(datasets.load("ru-migration-2024")))
    assert list(validator.iter_errors(document)) == []
    document["provisions"][0]["versions"][0]["body"]["colour"] = "red"
    assert list(validator.iter_errors(document))
    assert schema == json.loads(run("schema").stdout)


def test_show_outline() -> None:
    result = run("show", "--dataset", "ru-migration-2024", "--as-of", "2024-06-01", "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert "as of: 2024-06-01" in result.stdout
    assert "ru-uk-322.1-3" not in result.stdout
    assert "Организация незаконной миграции" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "examples:\n  lawsummary " + command in result.stdout


def test_main_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert all(command in result.stdout for command in COMMANDS)
