"""The command line under bad input and bad surroundings: never a traceback."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import lawsummary
from lawsummary import datasets, dumps
from lawsummary.cli import main

INVALID = Path(__file__).parent / "invalid"
EXAMPLE = Path(__file__).parents[1] / "examples" / "exampleland.toml"


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "lawsummary", *args],
        capture_output=True,
        input=stdin,
        check=False,
        env={**os.environ, **(env or {})},
    )
    out = subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )
    assert "Traceback" not in out.stderr, out.stderr
    return out


def good_line() -> str:
    return json.dumps(json.loads(dumps(datasets.load("ru-migration-2024").acts[0])))


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"lawsummary {lawsummary.__version__}\n"


def test_a_batch_carries_on_past_every_kind_of_bad_file(tmp_path: Path) -> None:
    big = INVALID / "huge-integer.json"
    deep = INVALID / "deep-nesting.json"
    no_extension = tmp_path / "README"
    no_extension.write_text("x", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    missing = tmp_path / "missing.json"
    binary = tmp_path / "latin1.json"
    binary.write_bytes('{"kind": "act", "id": "é"}'.encode("latin-1"))
    files = [str(p) for p in (big, deep, no_extension, folder, missing, binary, EXAMPLE)]
    result = run("validate", *files)
    assert result.returncode == 1
    assert result.stdout == f"{EXAMPLE}: valid\n"  # the last file is still checked
    err = result.stderr
    assert f"{big}: $.provisions[0]" in err
    assert "too many digits" in err
    assert f"{deep}: $: nested too deeply" in err
    assert f"{no_extension}: unsupported format '(no file extension)'" in err
    assert f"{folder}: is a folder, not a document" in err
    assert f"{missing}: $: cannot read the file: No such file or directory" in err
    assert f"{binary}: $: not UTF-8 text (byte 23)" in err
    summarized = run("summarize", *files, "--locale", "en")
    assert summarized.returncode == 1
    assert summarized.stdout.startswith("Exampleland (fictional)")
    assert f"{folder}: is a folder, not a document" in summarized.stderr


def test_json_lines_carry_on_past_bad_encoding_and_deep_nesting(tmp_path: Path) -> None:
    stream = tmp_path / "docs.jsonl"
    good = good_line().encode()
    stream.write_bytes(
        b"\n".join([good, b'{"kind": "act", "id": "\xff"}', b"[" * 10000, good]) + b"\n"
    )
    for source, stdin, label in (
        (str(stream), None, str(stream)),
        ("-", stream.read_bytes(), "<stdin>"),
    ):
        result = run("validate", "--jsonl", source, stdin=stdin)
        assert result.returncode == 1
        assert result.stdout == "2 valid, 2 invalid\n"
        assert f"{label}:2: $: not UTF-8 text (byte 23); save the file as UTF-8" in result.stderr
        assert f"{label}:3: $: nested too deeply" in result.stderr
    summarized = run("summarize", "--jsonl", str(stream), "--locale", "ru", "--format", "json")
    assert summarized.returncode == 1
    assert len(summarized.stdout.splitlines()) == 2


def test_a_document_that_is_accepted_then_cannot_be_summarised_is_one_line(tmp_path: Path) -> None:
    act = tmp_path / "act.json"
    act.write_text(good_line(), encoding="utf-8")
    result = run("summarize", str(act), str(EXAMPLE), "--locale", "en", "--as-of", "2025-01-01")
    assert result.returncode == 1
    assert f"{act}: --as-of needs a dataset" in result.stderr
    assert "Exampleland" in result.stdout


def test_an_output_encoding_that_cannot_write_the_text_is_named() -> None:
    result = run(
        "summarize",
        "--dataset",
        "ru-migration-2024",
        "--locale",
        "ru",
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 1
    assert "standard output uses the ascii encoding" in result.stderr
    assert "PYTHONIOENCODING=utf-8" in result.stderr


def test_errors_in_an_ascii_terminal_are_escaped_not_lost(tmp_path: Path) -> None:
    bad = tmp_path / "плохой.json"
    bad.write_text("{", encoding="utf-8")
    result = run("validate", str(bad), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert "not valid JSON" in result.stderr


def test_closed_stdout_is_one_line() -> None:
    result = subprocess.run(
        f"'{sys.executable}' -m lawsummary datasets >&-",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "lawsummary: standard output is closed: use --output FILE\n"


def test_a_closed_pipe_ends_quietly() -> None:
    command = (
        f"'{sys.executable}' -m lawsummary summarize --dataset ru-migration-2024 --locale ru "
        "--detail full | head -c 10 > /dev/null; exit ${PIPESTATUS[0]}"
    )
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stderr == ""


def test_ctrl_c_exits_130_without_a_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "lawsummary", "validate", "--jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    assert process.stderr is not None
    process.stdin.write("not json\n")
    process.stdin.flush()
    first = process.stderr.readline()  # the command is running, waiting for more input
    assert first.startswith("<stdin>:1: $: not valid JSON")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.strip() == ""


def test_os_errors_keep_the_path(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.txt"
    result = run("schema", "--output", str(target))
    assert result.returncode == 1
    assert result.stderr == f"lawsummary: {target}: No such file or directory\n"
    folder = tmp_path / "docs"
    folder.mkdir()
    shown = run("show", str(folder))
    assert shown.returncode == 1
    assert f"{folder}: is a folder, not a document" in shown.stderr
    compared = run("compare", str(folder), str(EXAMPLE), "--locale", "en")
    assert compared.returncode == 1
    assert f"{folder}: is a folder, not a document" in compared.stderr


def test_show_lang_is_checked() -> None:
    result = run("show", "--dataset", "ru-migration-2024", "--lang", "xx")
    assert result.returncode == 2
    assert "--lang 'xx' is not a language of the data; use one of: en, kk, ky, ru, tg, uz" in (
        result.stderr
    )


@pytest.mark.parametrize("day", ["20240101", "2024-W01-1", "2024-02-30", "２０２４-01-01"])
def test_as_of_accepts_only_yyyy_mm_dd(day: str) -> None:
    result = run("summarize", "--dataset", "ru-migration-2024", "--locale", "en", "--as-of", day)
    assert result.returncode == 2
    assert f"{day!r} is not" in result.stderr


def test_an_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import lawsummary.cli as cli

    def broken(_args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(cli._HANDLERS, "datasets", broken)
    assert main(["datasets"]) == 70
    err = capsys.readouterr().err
    assert err == (
        "lawsummary: internal error (ZeroDivisionError: division by zero); please report it "
        "with the command and the input\n"
    )


def complete(words: list[str]) -> list[str]:
    script = run("completion", "bash").stdout
    line = " ".join(words)
    command = (
        f"{script}\nCOMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _lawsummary; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_bash_completion() -> None:
    assert "summarize" in complete(["lawsummary", "su"])
    assert complete(["lawsummary", "summarize", "--lo"]) == ["--locale"]
    assert complete(["lawsummary", "summarize", "--locale", "k"]) == ["ky", "kk"]
    assert complete(["lawsummary", "compare", "--format", "h"]) == ["html"]
    assert complete(["lawsummary", "show", "--dataset", "ru"]) == ["ru-migration-2024"]
    assert complete(["lawsummary", "completion", ""]) == ["bash"]
    assert complete(["lawsummary", "summarize", "--as-of", ""]) == []


def read_terminal(fd: int, process: subprocess.Popen[bytes]) -> bytes:
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif process.poll() is not None:
            break
    return b"".join(chunks)


def test_progress_on_a_terminal_has_total_rate_and_eta_and_is_cleared(tmp_path: Path) -> None:
    stream = tmp_path / "many.jsonl"
    lines = [good_line()] * 40_000
    lines[20_000] = '{"kind": "act"}'
    stream.write_text("\n".join(lines) + "\n", encoding="utf-8")
    main_fd, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "lawsummary", "validate", "--jsonl", str(stream)],
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    screen = read_terminal(main_fd, process).decode("utf-8")
    process.wait(timeout=60)
    os.close(main_fd)
    assert process.returncode == 1
    assert "/40000 documents, " in screen
    assert "/s, ETA " in screen
    # every progress line is cleared before a line of output or an error is written
    for part in screen.split("\r\x1b[K")[1:]:
        assert "documents" not in part or "\n" not in part.split("documents", 1)[1].split("\r")[0]
    assert screen.rstrip().endswith("39999 valid, 1 invalid")
    assert "\r\x1b[K" in screen.split("39999 valid")[0][-10:]


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    stream = tmp_path / "many.jsonl"
    stream.write_text((good_line() + "\n") * 3000, encoding="utf-8")
    result = run("validate", "--jsonl", str(stream))
    assert result.stderr == ""
    assert result.stdout == "3000 valid, 0 invalid\n"


FIXTURES = sorted(p for p in INVALID.iterdir() if p.suffix in {".json", ".toml"})


@pytest.mark.parametrize("case", FIXTURES, ids=lambda p: p.stem)
def test_every_invalid_fixture_is_reported_by_every_command(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["validate", str(case)],
        ["summarize", str(case), "--locale", "ru"],
        ["summarize", str(case), str(EXAMPLE), "--locale", "kk", "--format", "html"],
        ["show", str(case)],
        ["compare", str(case), str(EXAMPLE), "--locale", "en"],
    ):
        assert main(argv) == 1, argv
        out, err = capsys.readouterr()
        assert err
        assert all(line.startswith((str(case), "lawsummary: ")) for line in err.splitlines())
        assert "Traceback" not in err
        if "validate" not in argv and str(EXAMPLE) not in argv:
            assert out == ""
