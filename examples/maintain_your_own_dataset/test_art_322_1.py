"""Every record of art-322.1.toml, in each of the six locales: honest, and as reviewed.

`pytest --lawsummary-update` rewrites snapshots/ after a reviewed change.
"""

from __future__ import annotations

from lawsummary.pytest_plugin import PluginSubject


def test_honest(lawsummary_subject: PluginSubject, lawsummary_locale: str) -> None:
    lawsummary_subject.assert_honest(lawsummary_locale)


def test_snapshot(lawsummary_subject: PluginSubject, lawsummary_locale: str) -> None:
    lawsummary_subject.assert_snapshot(lawsummary_locale)
