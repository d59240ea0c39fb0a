"""The workbook model refuses what Excel would "repair" or reject."""

from __future__ import annotations

import pytest

from reportgen.workbook.model import Column, Properties, Sheet, TableData, Workbook

COLUMNS = (Column("Insats"), Column("Andel", "share"))


def table(name: str = "insatser", rows: tuple[tuple[object, ...], ...] = (("A", 0.5),)) -> TableData:
    return TableData(name, COLUMNS, rows)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["A1", "ABC12", "R", "c", "R1C1", "2tabell", "med mellanslag", "å_tabell", ""])
def test_invalid_table_names(name: str) -> None:
    with pytest.raises(ValueError, match="table name"):
        table(name)


@pytest.mark.parametrize("name", ["insatser_aldre", "_x", "noter", "foljdfragor_vald_i_nara_relationer"])
def test_valid_table_names(name: str) -> None:
    assert table(name).name == name


def test_headers_must_be_unique_without_case() -> None:
    with pytest.raises(ValueError, match="repeat"):
        TableData("t_x", (Column("Bjuv"), Column("BJUV")), (("a", "b"),))


def test_rows_must_fit_the_columns_and_exist() -> None:
    with pytest.raises(ValueError, match="row 2: 1 cells for 2 columns"):
        table(rows=(("A", 0.5), ("B",)))
    with pytest.raises(ValueError, match="at least one body row"):
        table(rows=())


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        Column("x", "date")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["", "x" * 32, "a/b", "a:b", "[x]", "'start", "slut'", "fråga?"])
def test_invalid_sheet_names(name: str) -> None:
    with pytest.raises(ValueError, match="sheet name"):
        Sheet(name, "Titel")


def test_sheet_and_table_names_unique_in_workbook() -> None:
    properties = Properties(title="t")
    with pytest.raises(ValueError, match="sheet names repeat"):
        Workbook("t", properties, (Sheet("Äldre", "a"), Sheet("äldre", "b")))
    with pytest.raises(ValueError, match="table names repeat"):
        Workbook("t", properties, (Sheet("A", "a", (), table("t_a")), Sheet("B", "b", (), table("T_A"))))
    assert Workbook("t", properties, (Sheet("x" * 31, "a"),)).sheet("x" * 31).title == "a"


def test_no_blank_cells_inside_a_table() -> None:
    with pytest.raises(ValueError, match="row 1: a blank cell"):
        table(rows=(("", 0.5),))
