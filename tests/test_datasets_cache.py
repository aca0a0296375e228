"""The cache of checked bundled datasets, lazy loading and the summary memo."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lawsummary import datasets, summarize
from lawsummary.render import _memo, clear_memo


def fresh_load(folder: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("LAWSUMMARY_CACHE_DIR", str(folder))
    datasets.load.cache_clear()
    try:
        return datasets.load("ru-migration-2024")
    finally:
        datasets.load.cache_clear()


def test_cache_is_written_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fresh_load(tmp_path, monkeypatch)
    (cached,) = tmp_path.glob("ru-migration-2024-*.pickle")
    second = fresh_load(tmp_path, monkeypatch)
    assert second == first
    data = cached.read_bytes()
    assert data.startswith(datasets._MAGIC)
    assert pickle.loads(data[len(datasets._MAGIC) + 32 :]) == first


def test_a_broken_cache_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fresh_load(tmp_path, monkeypatch)
    (cached,) = tmp_path.glob("*.pickle")
    cached.write_bytes(b"not a pickle")
    assert fresh_load(tmp_path, monkeypatch) == first
    cached.write_bytes(pickle.dumps({"not": "a dataset"}))
    assert fresh_load(tmp_path, monkeypatch) == first


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWSUMMARY_NO_CACHE", "1")
    assert datasets.cache_folder() is None
    fresh_load(tmp_path, monkeypatch)
    assert not list(tmp_path.iterdir())


def test_an_unwritable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert fresh_load(blocker / "cache", monkeypatch) is not None


def test_summarising_bundled_data_does_not_load_the_document_reader(tmp_path: Path) -> None:
    code = (
        "import sys, lawsummary as l;"
        "ds = l.datasets.load('ru-migration-2024');"
        "l.summarize(ds.provision('ru-uk-322.1-3'), locale='ru', dataset=ds);"
        "print('cattrs' in sys.modules)"
    )
    env = {**os.environ, "LAWSUMMARY_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"]  # the first run fills the cache


def test_memo_returns_the_same_text_and_forgets_dead_records() -> None:
    ds = datasets.load("ru-migration-2024")
    part3 = ds.provision("ru-uk-322.1-3")
    clear_memo()
    text = summarize(part3, locale="uz", dataset=ds)
    assert len(_memo) == 1
    assert summarize(part3, locale="uz_Latn", dataset=ds) is text  # same record, same locale
    assert summarize(part3, locale="uz", dataset=ds, detail="full") != text
    # Without the dataset: another context, kept apart (the text is the same, as the
    # measure it names is found in the bundled data).
    alone = summarize(part3, locale="uz")
    assert alone is not text
    assert len(_memo) == 3
    clear_memo()
    assert len(_memo) == 0


class _Planted:
    """A pickle that runs code when it is loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (str(self.marker), "pwned"))


def test_a_planted_pickle_is_never_loaded_and_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = fresh_load(tmp_path, monkeypatch)
    (cached,) = tmp_path.glob("*.pickle")
    marker = tmp_path / "marker"
    planted = pickle.dumps(_Planted(marker))
    for attempt in (planted, datasets._MAGIC + b"\0" * 32 + planted):  # with a forged header
        cached.write_bytes(attempt)
        assert fresh_load(tmp_path, monkeypatch) == first
        assert not marker.exists()
        assert cached.read_bytes().startswith(datasets._MAGIC)  # replaced by a signed one
        assert cached.read_bytes() != attempt


def test_a_corrupt_or_foreign_cache_file_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = fresh_load(tmp_path, monkeypatch)
    (cached,) = tmp_path.glob("*.pickle")
    good = cached.read_bytes()
    for broken in (b"\x80\x09unsupported pickle protocol", good[:-10], good[:40], b""):
        cached.write_bytes(broken)
        assert fresh_load(tmp_path, monkeypatch) == first
        assert cached.read_bytes() == good


def test_a_key_that_others_can_read_or_write_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(os, "getuid"):
        pytest.skip("file modes are POSIX")
    first = fresh_load(tmp_path, monkeypatch)
    key = tmp_path / "key"
    assert key.stat().st_mode & 0o777 == 0o600
    key.chmod(0o644)
    marker = tmp_path / "marker"
    (cached,) = tmp_path.glob("*.pickle")
    signed = datasets._signature(key.read_bytes(), str(cached), pickle.dumps(_Planted(marker)))
    cached.write_bytes(datasets._MAGIC + signed + pickle.dumps(_Planted(marker)))
    assert fresh_load(tmp_path, monkeypatch) == first
    assert not marker.exists()


def test_old_cache_files_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "ru-migration-2024-00000000ff-00000000.pickle"
    recent = [tmp_path / f"ru-migration-2024-0000000{i}ff-00000000.pickle" for i in range(5)]
    other = tmp_path / "notes.txt"
    leftover = tmp_path / "ru-migration-2024-00000000ff-00000000.123.tmp"
    for i, path in enumerate([stale, *recent, other, leftover]):
        path.write_bytes(b"x")
        age = 40 * 24 * 3600 if path in (stale, leftover) else i * 60
        os.utime(path, (time.time() - age, time.time() - age))
    fresh_load(tmp_path, monkeypatch)
    left = sorted(p.name for p in tmp_path.glob("*.pickle"))
    assert len(left) == 4  # the new one and the 3 most recently used
    assert stale.name not in left
    assert recent[4].name not in left  # the least recently used of the recent ones
    assert other.exists()
    assert not leftover.exists()


@pytest.mark.parametrize(
    ("platform", "variables", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/xdg"}, "/xdg/lawsummary"),
        ("linux", {}, "~/.cache/lawsummary"),
        ("darwin", {}, "~/Library/Caches/lawsummary"),
        ("win32", {"LOCALAPPDATA": "/local"}, "/local/lawsummary/Cache"),
    ],
)
def test_the_platform_cache_folder(
    platform: str, variables: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LAWSUMMARY_NO_CACHE", "LAWSUMMARY_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert str(datasets.cache_folder()).replace("\\", "/") == os.path.expanduser(expected)
