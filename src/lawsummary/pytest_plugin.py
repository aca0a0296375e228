"""A pytest plugin for people who keep their own legal data (active once lawsummary is installed).

Configure it in ``pyproject.toml``::

    [tool.pytest.ini_options]
    lawsummary_datasets = ["data/my-offences.toml"]

and write one-line tests; each runs for every record of every dataset file, in
each of the six locales::

    def test_honest(lawsummary_subject, lawsummary_locale):
        lawsummary_subject.assert_honest(lawsummary_locale)

    def test_snapshot(lawsummary_subject, lawsummary_locale):
        lawsummary_subject.assert_snapshot(lawsummary_locale)

``pytest --lawsummary-update`` rewrites the snapshots (review the diff before you
commit it). Settings (ini options): ``lawsummary_datasets`` (the files, relative to
the configuration file), ``lawsummary_snapshots`` (their directory, default
``snapshots``), ``lawsummary_locales`` (default all six), ``lawsummary_formats``
(snapshot formats, default ``text``). ``--lawsummary-dataset FILE`` adds a file from
the command line. Readability thresholds come from ``[tool.lawsummary]`` in the
nearest ``pyproject.toml``, as for ``lawsummary check``.

Fixtures: ``lawsummary_subject`` and ``lawsummary_locale`` (parametrised),
``lawsummary_documents`` (every configured file, loaded), ``lawsummary_dataset``
(the first dataset among them), ``lawsummary_thresholds`` and ``lawsummary_update``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from lawsummary.records.dataset import Dataset
    from lawsummary.testing import Finding, Subject, Thresholds

__all__ = ["PluginSubject"]

_FORMATS = ("text", "markdown", "html", "json")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("lawsummary", "lawsummary: honesty checks and snapshots of summaries")
    group.addoption(
        "--lawsummary-dataset",
        action="append",
        default=[],
        metavar="FILE",
        help="a dataset document to check (repeat for several; added to lawsummary_datasets)",
    )
    group.addoption(
        "--lawsummary-update",
        action="store_true",
        default=False,
        help="rewrite the summary snapshots from the current output instead of comparing",
    )
    parser.addini(
        "lawsummary_datasets",
        "dataset documents (.json or .toml) the lawsummary fixtures load",
        type="paths",
        default=[],
    )
    parser.addini(
        "lawsummary_snapshots",
        "directory of the summary snapshots (relative to the configuration file)",
        default="snapshots",
    )
    parser.addini("lawsummary_locales", "locales to check (default: all six)", type="linelist")
    parser.addini(
        "lawsummary_formats",
        "snapshot formats: text, markdown, html, json (default: text)",
        type="linelist",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Check the settings before collection, where they are set (a usage error if wrong);
    a project without them pays nothing for the plugin."""
    names = ("lawsummary_datasets", "lawsummary_locales", "lawsummary_formats")
    if any(config.getini(name) for name in names) or config.getoption("--lawsummary-dataset"):
        _settings(config)


def _base(config: pytest.Config) -> Path:
    return config.inipath.parent if config.inipath is not None else config.rootpath


def _shown(path: Path, config: pytest.Config) -> str:
    try:
        return str(path.relative_to(config.rootpath))
    except ValueError:
        return str(path)


class _Settings:
    """What the plugin reads from the configuration, once per session."""

    def __init__(self, config: pytest.Config) -> None:
        from lawsummary.i18n import SUPPORTED_LOCALES, UnsupportedLocaleError, resolve_locale
        from lawsummary.testing import ConfigError, find_pyproject, thresholds_from_pyproject

        self.config = config
        base = _base(config)
        files = [Path(p) for p in config.getini("lawsummary_datasets")]
        files += [Path(p).resolve() for p in config.getoption("--lawsummary-dataset")]
        self.files = list(dict.fromkeys(files))
        self.snapshots = base / str(config.getini("lawsummary_snapshots"))
        self.update = bool(config.getoption("--lawsummary-update"))
        names = config.getini("lawsummary_locales") or list(SUPPORTED_LOCALES)
        try:
            self.locales = tuple(dict.fromkeys(resolve_locale(n) for n in names))
        except UnsupportedLocaleError as exc:
            raise pytest.UsageError(f"lawsummary_locales: {exc}") from None
        self.formats = tuple(config.getini("lawsummary_formats") or ["text"])
        for fmt in self.formats:
            if fmt not in _FORMATS:
                raise pytest.UsageError(
                    f"lawsummary_formats: {fmt!r} is not a format; use: {', '.join(_FORMATS)}"
                )
        try:
            self.thresholds: Thresholds = thresholds_from_pyproject(find_pyproject(base))
        except ConfigError as exc:
            raise pytest.UsageError(str(exc)) from None
        self._documents: list[tuple[Path, object]] | None = None

    def documents(self) -> list[tuple[Path, object]]:
        """Each file with its record, or the error that kept it from loading."""
        if self._documents is None:
            from lawsummary.errors import LawSummaryError
            from lawsummary.serialization import load

            loaded: list[tuple[Path, object]] = []
            for path in self.files:
                try:
                    loaded.append((path, load(path)))
                except LawSummaryError as exc:
                    loaded.append((path, exc))
            self._documents = loaded
        return self._documents

    def subjects(self) -> list[PluginSubject]:
        from lawsummary.errors import LawSummaryError
        from lawsummary.testing import subjects

        if not self.files:
            return [
                PluginSubject(
                    self,
                    "no-datasets",
                    None,
                    None,
                    "no dataset files to check: name them in lawsummary_datasets under "
                    "[tool.pytest.ini_options], or pass --lawsummary-dataset FILE",
                )
            ]
        found = []
        for path, record in self.documents():
            shown = _shown(path, self.config)
            if isinstance(record, LawSummaryError):
                found.append(PluginSubject(self, path.name, path, None, f"{shown}: {record}"))
                continue
            for subject in subjects(record):
                found.append(PluginSubject(self, f"{path.name}:{subject.key}", path, subject))
        return found


_SETTINGS = pytest.StashKey[_Settings]()


def _settings(config: pytest.Config) -> _Settings:
    settings = config.stash.get(_SETTINGS, None)
    if settings is None:
        settings = config.stash[_SETTINGS] = _Settings(config)
    return settings


class PluginSubject:
    """One record of a configured dataset file, with the checks a one-line test calls."""

    def __init__(
        self,
        settings: _Settings,
        id: str,
        path: Path | None,
        subject: Subject | None,
        error: str | None = None,
    ) -> None:
        self._settings = settings
        self.id = id
        #: The dataset file.
        self.path = path
        self._subject = subject
        self._error = error

    def __repr__(self) -> str:
        return f"<lawsummary subject {self.id}>"

    @property
    def subject(self) -> Subject:
        """The record with its context and document path (fails if the file is invalid)."""
        __tracebackhide__ = True
        if self._subject is None:
            pytest.fail(self._error or "no record", pytrace=False)
        return self._subject

    @property
    def record(self) -> object:
        return self.subject.record

    def _about(self) -> str:
        assert self.path is not None
        subject = self.subject
        return f"{_shown(self.path, self._settings.config)} ({subject.label}, {subject.at})"

    def findings(self, locale: str, kinds: Sequence[str] | None = None) -> list[Finding]:
        """Every finding about this record's summaries in ``locale`` (of ``kinds``: see
        ``lawsummary.testing.KINDS``; all by default)."""
        from lawsummary.testing import KINDS, findings

        return findings(
            self.subject,
            locales=locale,
            thresholds=self._settings.thresholds,
            kinds=KINDS if kinds is None else kinds,
        )

    def assert_honest(self, locale: str, kinds: Sequence[str] | None = None) -> None:
        """Fail on any finding in ``locale`` (of ``kinds``, if given), each named with its
        path and locale."""
        __tracebackhide__ = True
        from lawsummary.testing import HonestyError

        found = self.findings(locale, kinds)
        if found:
            pytest.fail(str(HonestyError(found, about=self._about())), pytrace=False)

    def assert_snapshot(self, locale: str, formats: Sequence[str] | None = None) -> None:
        """Fail unless the full summary in ``locale`` (in each snapshot format) is its
        snapshot, ``<snapshots>/<file stem>/<locale>/<key>.<ext>``; rewrites them with
        ``--lawsummary-update``."""
        __tracebackhide__ = True
        from lawsummary.testing import assert_summary_snapshot

        subject = self.subject
        assert self.path is not None
        settings = self._settings
        failures = []
        for fmt in formats or settings.formats:
            try:
                assert_summary_snapshot(
                    subject,
                    locale=locale,
                    directory=settings.snapshots / self.path.stem,
                    format=fmt,
                    update=settings.update,
                )
            except AssertionError as exc:
                failures.append(f"{_shown(self.path, settings.config)}: {exc}")
        if failures:
            pytest.fail("\n".join(failures), pytrace=False)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "lawsummary_subject" in metafunc.fixturenames:
        found = _settings(metafunc.config).subjects()
        metafunc.parametrize("lawsummary_subject", found, ids=[s.id for s in found])
    if "lawsummary_locale" in metafunc.fixturenames:
        locales = _settings(metafunc.config).locales
        metafunc.parametrize("lawsummary_locale", locales, ids=list(locales))


@pytest.fixture(scope="session")
def lawsummary_update(pytestconfig: pytest.Config) -> bool:
    """Whether ``--lawsummary-update`` was given (snapshots are rewritten, not compared)."""
    return _settings(pytestconfig).update


@pytest.fixture(scope="session")
def lawsummary_thresholds(pytestconfig: pytest.Config) -> Thresholds:
    """The readability thresholds: ``[tool.lawsummary]`` or the project's defaults."""
    return _settings(pytestconfig).thresholds


@pytest.fixture(scope="session")
def lawsummary_documents(pytestconfig: pytest.Config) -> dict[Path, object]:
    """Every configured dataset file, loaded (a test using it fails if one is invalid)."""
    __tracebackhide__ = True
    documents = _settings(pytestconfig).documents()
    bad = [f"{_shown(p, pytestconfig)}: {r}" for p, r in documents if isinstance(r, Exception)]
    if bad:
        pytest.fail("\n".join(bad), pytrace=False)
    return dict(documents)


@pytest.fixture(scope="session")
def lawsummary_dataset(lawsummary_documents: dict[Path, object]) -> Dataset:
    """The first configured file that holds a dataset."""
    __tracebackhide__ = True
    from lawsummary.records.dataset import Dataset

    for record in lawsummary_documents.values():
        if isinstance(record, Dataset):
            return record
    pytest.fail("none of the lawsummary_datasets files holds a dataset", pytrace=False)
