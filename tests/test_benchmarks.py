"""The benchmarks keep working: their quick mode runs here. No timing is asserted."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_quick_benchmarks_run() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("1. Summaries", "2. Loading", "3. Cold start", "4. Batch memory", "5. The"):
        assert heading in out
    assert out.count("target: ") == 5
    assert "| 200 | 6 | 1,213 |" in out  # the site of 200 provisions: 6 x (200 + 2) + 1 pages
    assert "| kk |" in out


def _benchmarks() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_baseline_states_every_range_as_the_data_has_it() -> None:
    """The baseline states the prison and fine ranges in full: both bounds of a range,
    "up to" for an upper bound alone (it is measured as stating the same facts)."""
    from babel.numbers import format_currency, format_decimal

    from lawsummary import datasets
    from lawsummary.records import Fine, Imprisonment, Offence, Sanction

    run = _benchmarks()
    ds = datasets.load("ru-migration-2024")
    names = {i.id: i.short_title or i.title for i in ds.instruments}
    checked = 0
    for provision in ds.provisions:
        body = provision.latest().body
        if not isinstance(body, Offence):
            continue
        for locale in ("en", "ru"):
            name = names[body.citation.instrument].get(locale) or ""
            text = run.baseline_summary(body, locale, name)  # type: ignore[attr-defined]
            assert text.startswith(f"{name}, {body.citation.article}")
            assert isinstance(body.sanction, Sanction)
            for alternative in body.sanction.alternatives:
                options = [
                    alternative.penalty,
                    *(o for a in alternative.additions for o in a.options),
                ]
                for option in options:
                    if isinstance(option, Imprisonment) and isinstance(option.term.max, Decimal):
                        low = option.term.min if isinstance(option.term.min, Decimal) else None
                        expected = (
                            f"prison: {format_decimal(low, locale=locale)} - "
                            if low
                            else "prison: up to "
                        )
                        assert expected in text, (provision.id, locale, text)
                        checked += 1
                    if isinstance(option, Fine) and isinstance(most := option.amount.max, Decimal):
                        amount = option.amount
                        high = format_currency(most, amount.currency, locale=locale)
                        if isinstance(amount.min, Decimal) and amount.min:
                            low_text = format_currency(amount.min, amount.currency, locale=locale)
                            assert f"fine: {low_text} - {high}" in text, (provision.id, text)
                        else:
                            assert f"fine: up to {high}" in text, (provision.id, text)
                        checked += 1
    assert checked >= 14
