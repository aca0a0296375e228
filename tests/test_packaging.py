"""The package metadata: license, version, floors, classifiers, sdist contents."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import lawsummary

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def test_license_is_an_spdx_expression_with_its_file() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text
    assert not any(c.startswith("License ::") for c in PROJECT["classifiers"])  # SPDX says it


def test_the_version_has_one_source() -> None:
    assert "version" not in PROJECT
    assert PROJECT["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "lawsummary.__version__"
    }
    assert metadata.version("lawsummary") == lawsummary.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", lawsummary.__version__)


def floors() -> dict[str, str]:
    lines = (ROOT / ".ci" / "floors.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("==") for line in lines if line and not line.startswith("#")]
    return {name.lower(): version for name, version in pins}


def test_every_dependency_has_a_floor_and_ci_pins_it() -> None:
    pinned = floors()
    found = {}
    for requirement in PROJECT["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_-]+)>=([0-9.]+)(,<[0-9.]+)?", requirement)
        assert match, requirement
        found[match.group(1).lower()] = match.group(2)
    assert set(found) == set(pinned)
    for name, floor in found.items():
        pin = pinned[name].split(".")
        assert pin[: len(floor.split("."))] == floor.split("."), (name, floor, pinned[name])
        assert all(part == "0" for part in pin[len(floor.split(".")) :]), (name, pinned[name])


def test_classifiers_name_the_pythons_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "for version in 3.12 3.13" in ci
    minimum = PROJECT["requires-python"].removeprefix(">=")
    for version in (minimum, "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in PROJECT["classifiers"]
    assert "Typing :: Typed" in PROJECT["classifiers"]


def test_the_sdist_carries_what_its_suite_needs() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
    for line in ("graft tests", "graft examples", "graft benchmarks"):
        assert line in manifest
    included = next(line for line in manifest if line.startswith("include "))
    for name in ("LICENSE", "README.md", "BENCHMARKS.md", "babel.cfg"):
        assert name in included.split()
