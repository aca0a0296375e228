"""Comparison tables as CSV: read back with the csv module, one row per feature and three
columns per item (the cell, its conversions, its grade), built from structured cells."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs
import pytest

from lawsummary import datasets, dumps
from lawsummary.cli import main
from lawsummary.compare import FEATURES, compare_many
from lawsummary.errors import LawSummaryError, UnsupportedFormatError
from lawsummary.explain import Explanation, Role, explain
from lawsummary.explain.values import Items, Verbatim, msg, statement
from lawsummary.i18n import SUPPORTED_LOCALES, language
from lawsummary.records.common import LocalizedText
from lawsummary.records.provisions import Offence
from lawsummary.render import TABLE_FORMATS, render, summarize
from lawsummary.render.formats import CSV_COLUMNS, FORMATS
from lawsummary.render.writer import Writer

RU = datasets.load("ru-migration-2024")
KZ = datasets.load("kz-migration-2025")


def _offences(ds: object) -> list[object]:
    return [p for p in ds.provisions if isinstance(p.latest().body, Offence)]  # type: ignore[attr-defined]


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_a_table_reads_back_one_row_per_feature_and_three_columns_per_item(locale: str) -> None:
    items = _offences(RU)
    table = compare_many(items, dataset=RU)
    out = summarize(table, locale=locale, format="csv")
    rows = _read(out)
    reader = csv.reader(io.StringIO(out, newline=""))
    header = next(reader)
    assert header[:2] == list(CSV_COLUMNS)
    assert len(header) == 2 + 3 * len(items)
    for n in range(1, len(items) + 1):
        assert header[2 + 3 * (n - 1) : 2 + 3 * n] == [
            f"item_{n}",
            f"item_{n}_conversion",
            f"item_{n}_grade",
        ]
    assert all(len(row) == len(header) for row in reader)
    # The citations, the titles, then one row per feature, as the table's statements say.
    assert len(rows) == 2 + len(FEATURES)
    statements = [s for s in explain(table).statements if s.cells]
    writer = Writer(language(locale), "plain")
    assert [r["feature"] for r in rows] == [s.message.key for s in statements]
    assert [r["label"] for r in rows] == [writer.statement_text(s) for s in statements]
    # Each item's cells are the cells the text table writes (empty where it has "—").
    text = summarize(table, locale=locale, format="text")
    lang = language(locale)
    for row, written in zip(rows, statements, strict=True):
        for n, cell in enumerate(writer.cells(written), start=1):
            item, conversion, grade = (
                row[f"item_{n}"],
                row[f"item_{n}_conversion"],
                row[f"item_{n}_grade"],
            )
            assert cell in text
            assert grade in ("", "reported", "unconfirmed")
            if grade:  # the text marks the cell with the grade; the CSV gives it apart
                mark = lang.gettext(f"({grade})")
                assert cell.endswith(mark), (cell, mark)
                cell = cell[: -len(mark)].rstrip()
            if conversion:  # each conversion is in the text's cell, and not in the CSV's
                for step in conversion.split("; "):
                    assert step in cell
                    assert step not in item
            else:
                assert item == cell
    # The feature keys are the same in every locale.
    english = _read(summarize(table, locale="en", format="csv"))
    assert [r["feature"] for r in rows] == [r["feature"] for r in english]


def test_the_csv_says_what_the_text_table_says_in_english() -> None:
    items = _offences(KZ)
    rows = _read(summarize(compare_many(items, dataset=KZ), locale="en", format="csv"))
    by_feature = {r["feature"]: r for r in rows}
    assert by_feature["Feature"]["item_1"] == "Criminal Code of Kazakhstan, art. 394(1)"
    assert by_feature["Offence"]["item_1"] == "Organising illegal migration"
    assert (
        by_feature["Prison"]["item_2"]
        == "prison for up to 7 years (the lower bound is not established)"
    )
    assert by_feature["Prison"]["item_3"] == "not established"
    # Kazakhstan's sanction is not established as complete: nor is the absence of confiscation
    assert by_feature["Confiscation"]["item_1"] == "not established whether it applies"
    assert by_feature["Prison"]["label"] == "Prison"
    assert by_feature["Prison"]["item_1_grade"] == "reported"  # Kazakhstan's facts: reported


def test_a_cross_country_table_gives_the_conversion_in_its_own_column() -> None:
    table = compare_many([_offences(RU)[0], _offences(KZ)[0]], datasets=[RU, KZ])
    fines = next(
        r for r in _read(summarize(table, locale="en", format="csv")) if r["feature"] == "Fines"
    )
    assert fines["item_2"] == "a fine of up to 3,000 MCI (the lower bound is not established)"
    assert fines["item_2_conversion"].startswith(
        "3,000 MCI = 11,796,000 Kazakhstani tenges at the 2025 value of 3,932"
    )
    assert "not compared" in fines["item_2_conversion"]
    assert fines["item_2_grade"] == "reported"
    assert (fines["item_1"], fines["item_1_conversion"], fines["item_1_grade"]) == ("", "", "")


def test_commas_quotes_and_newlines_stay_in_their_cell() -> None:
    body = RU.provision("ru-uk-322.1-1").latest().body
    assert isinstance(body, Offence)
    hostile = '"Quoted", comma, semicolon; and\na new line | pipe \\ backslash'
    odd = attrs.evolve(body, title=LocalizedText.of(en=hostile, ru=hostile))
    other = RU.provision("ru-uk-322.1-2").latest().body
    out = summarize(compare_many([odd, other], dataset=RU), locale="en", format="csv")
    rows = _read(out)
    offence = next(r for r in rows if r["feature"] == "Offence")
    # a summary's texts are written on one line (see lawsummary._inert.neutralise)
    assert offence["item_1"] == hostile.replace("\n", " ")
    assert offence["item_2"] == "Organising illegal migration"
    assert all(len(r) == 2 + 3 * 2 for r in rows)


def _table_explanation(*cells: object) -> Explanation:
    """A table as compare_many's explanation makes one, with the given cells in one row."""
    header = statement(
        Role.TABLE_HEADER,
        msg("Feature"),
        cells=tuple(Verbatim(f"Art. {n}", "$") for n in range(1, len(cells) + 1)),
    )
    row = statement(Role.TABLE_ROW, msg("Fines"), cells=cells)  # type: ignore[arg-type]
    return Explanation("table", (statement(Role.TITLE, msg("Side by side")), header, row), "short")


def test_conversions_and_grades_go_to_their_own_columns() -> None:
    """The cell shapes compare_many writes for a converted amount and a graded column:
    ``{penalty} ({conversion})`` and ``{cell} {grade}`` (issue #12)."""
    fine = Verbatim("a fine of up to 3,000 MCI", "$")
    converted = msg(
        "{penalty} ({conversion})", penalty=fine, conversion=Verbatim("11,796,000 tenge", "$")
    )
    second = msg(
        "{penalty} ({conversion})",
        penalty=Verbatim("a fine of 200 MCI", "$"),
        conversion=Verbatim("not compared", "$"),
    )
    graded = msg(
        "{cell} {grade}", cell=Items((converted, second), style="or"), grade=msg("(reported)")
    )
    plain = Verbatim("prison for up to 3 years", "$")
    unconfirmed = msg("{cell} {grade}", cell=plain, grade=msg("(unconfirmed)"))
    out = render(_table_explanation(graded, plain, unconfirmed, None), locale="en", format="csv")
    row = next(r for r in _read(out) if r["feature"] == "Fines")
    assert row["item_1"] == "a fine of up to 3,000 MCI or a fine of 200 MCI"
    assert row["item_1_conversion"] == "11,796,000 tenge; not compared"
    assert row["item_1_grade"] == "reported"
    assert (row["item_2"], row["item_2_conversion"], row["item_2_grade"]) == (
        "prison for up to 3 years",
        "",
        "",
    )
    assert (row["item_3"], row["item_3_grade"]) == ("prison for up to 3 years", "unconfirmed")
    assert (row["item_4"], row["item_4_conversion"], row["item_4_grade"]) == ("", "", "")


def test_csv_is_for_tables_only() -> None:
    assert "csv" in TABLE_FORMATS
    assert "csv" not in FORMATS  # every record is written in FORMATS; csv only tables
    with pytest.raises(LawSummaryError, match="format 'csv' writes comparison tables"):
        summarize(RU, locale="en", format="csv")
    with pytest.raises(UnsupportedFormatError, match="csv"):
        summarize(RU, locale="en", format="xlsx")


def _files(tmp_path: Path, items: list[object]) -> list[str]:
    names = []
    for i, item in enumerate(items):
        path = tmp_path / f"{i}.json"
        path.write_text(dumps(item.latest().body), encoding="utf-8")  # type: ignore[attr-defined]
        names.append(str(path))
    return names


def test_compare_format_csv_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = _files(tmp_path, _offences(RU)[:3])
    assert main(["compare", *names, "--locale", "kk", "--format", "csv"]) == 0
    rows = _read(capsys.readouterr().out)
    assert len(rows) == 2 + len(FEATURES)
    assert all(r["item_3"] is not None for r in rows)
    # Two offences as CSV make a table too (not a list of changes).
    assert main(["compare", *names[:2], "--locale", "en", "--format", "csv"]) == 0
    two = _read(capsys.readouterr().out)
    assert "item_2" in two[0]
    assert "item_3" not in two[0]
    out = tmp_path / "table.csv"
    assert main(["compare", *names, "--locale", "ru", "--format", "csv", "--output", str(out)]) == 0
    assert _read(out.read_text(encoding="utf-8"))[0]["feature"] == "Feature"


def test_compare_csv_of_a_dataset_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["compare", "--dataset", "ru-migration-2024", "--from", "2024-11-01",
              "--to", "2025-01-01", "--locale", "en", "--format", "csv"])  # fmt: skip
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "writes a table of offences side by side" in err
    assert "Traceback" not in err


def test_summarize_csv_is_not_offered(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["summarize", "--dataset", "ru-migration-2024", "--locale", "en", "--format", "csv"])
    assert exit_.value.code == 2
    assert "invalid choice: 'csv'" in capsys.readouterr().err
