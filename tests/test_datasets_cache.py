"""The cache of checked bundled datasets, lazy loading and the summary memo."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
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
    with cached.open("rb") as handle:
        assert pickle.load(handle) == first


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
