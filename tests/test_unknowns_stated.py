"""Issue 14, "Every unknown is said": each unknown of the bundled data has a statement in the
full summary that traces it, in every locale, and `lawsummary check` finds nothing."""

from __future__ import annotations

import attrs
import pytest

import lawsummary.testing as honesty
from lawsummary import cli, datasets
from lawsummary.explain import explain
from lawsummary.i18n import SUPPORTED_LOCALES
from lawsummary.records import Dataset
from lawsummary.render import render


@pytest.mark.parametrize("name", ["ru-migration-2024", "kz-migration-2025"])
def test_check_finds_nothing_in_the_bundled_datasets(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["check", "--dataset", name])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "no findings" in out


@pytest.mark.parametrize("name", ["ru-migration-2024", "kz-migration-2025"])
def test_no_unknown_goes_unstated(name: str) -> None:
    assert honesty.unstated_unknowns(datasets.load(name)) == []


def _full(record: object, ds: Dataset, locale: str) -> str:
    return render(explain(record, detail="full", dataset=ds), locale=locale)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_unknown_guilt_of_the_administrative_offences_is_said(locale: str) -> None:
    ds = datasets.load("ru-migration-2024")
    english = _full(ds.provision("ru-koap-19.23-legal-entities"), ds, "en")
    assert (
        "Whether it requires intent or can also be committed through negligence "
        "is not established." in english
    )
    said = explain(ds.provision("ru-koap-19.23-legal-entities"), detail="full", dataset=ds)
    guilt = [s for s in said.statements if any(t.endswith(".body.guilt") for t in s.trace)]
    assert guilt
    assert all(s.status is not None and s.status.value == "unconfirmed" for s in guilt)
    # every locale has its own words for it (no English fallback)
    text = _full(ds.provision("ru-koap-19.23-legal-entities"), ds, locale)
    if locale != "en":
        assert "Whether it requires intent" not in text


def test_an_unknown_act_step_date_is_traced_and_said() -> None:
    ds = datasets.load("ru-migration-2024")
    act = next(a for a in ds.acts if a.id == "ru-fz-2024-383")
    said = explain(act, detail="full", dataset=ds)
    unknown = [i for i, e in enumerate(act.events) if not hasattr(e.date, "year")]
    assert unknown
    for i in unknown:
        path = f"$.events[{i}].date"
        (item,) = [s for s in said.statements if path in s.trace]
        assert "date not established" in render(
            explain(act, detail="full", dataset=ds), locale="en"
        )
        assert item.status is not None


def test_an_unknown_addition_mode_is_traced() -> None:
    ds = datasets.load("ru-migration-2024")
    said = explain(ds.provision("ru-uk-322.1-3"), detail="full", dataset=ds)
    traced = [s for s in said.statements if any(t.endswith(".mode") for t in s.trace)]
    assert traced
    english = render(said, locale="en")
    assert "not established whether it is mandatory" in english or (
        "the sources do not say whether the court must impose it" in english
    )


@pytest.mark.parametrize("name", ["ru-migration-2024", "kz-migration-2025"])
def test_a_datasets_open_question_is_pointed_at_in_the_short_summary(name: str) -> None:
    from lawsummary.records import LocalizedText, OpenQuestion

    ds = datasets.load(name)
    question = OpenQuestion(text=LocalizedText.of(en="Whether part 9 exists."))
    asked = attrs.evolve(ds, open_questions=(*ds.open_questions, question))
    short = explain(asked, detail="short")
    pointing = [s for s in short.statements if "$.open_questions" in s.trace]
    assert len(pointing) == 1
    english = render(short, locale="en")
    assert "Some points are not established; the full summary lists them." in english
    assert english.count("Some points are not established") == len(
        [s for s in short.statements if s.message == pointing[0].message]
    )


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_acts_open_questions_are_in_the_datasets_full_summary(locale: str) -> None:
    ds = datasets.load("ru-migration-2024")
    full = explain(ds, detail="full")
    traced = {t for s in full.statements for t in s.trace}
    asked = [
        f"$.acts[{j}].open_questions[{i}].text"
        for j, act in enumerate(ds.acts)
        for i, _ in enumerate(act.open_questions)
    ]
    assert asked
    assert set(asked) <= traced
    text = render(full, locale=locale)
    for act in ds.acts:
        for question in act.open_questions:
            said = question.text.get(locale) or question.text.get("en")
            assert said is not None
            assert said in text
