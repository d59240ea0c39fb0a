"""Raw reading: encodings, separators, gzip, workbooks, row numbers, unreadable files."""

from __future__ import annotations

import gzip

import openpyxl
import pandas as pd

from reportgen.io.read import decode, read_answer_files, read_file, sniff_separator


def test_semicolon_windows_1252_keeps_swedish_letters(tmp_path, write_csv):
    path = write_csv(
        tmp_path / "svar.csv",
        [["kommunkod", "kommun", "område"], ["1280", "Malmö", "äldre"], ["0305", "Håbo", "våld i nära relationer"]],
        sep=";",
        encoding="cp1252",
    )
    assert b"Malm\xf6" in path.read_bytes()  # really Windows-1252, not UTF-8
    [table], problems = read_file(path)
    assert problems == []
    assert table.headers == ["kommunkod", "kommun", "område"]
    assert table.cells[1].tolist() == ["Malmö", "Håbo"]
    assert table.cells[2].tolist() == ["äldre", "våld i nära relationer"]
    assert table.rows.tolist() == [2, 3]


def test_utf8_bom_is_not_part_of_the_first_header(tmp_path, write_csv):
    path = write_csv(tmp_path / "bom.csv", [["kommunkod", "kommun"], ["1280", "Malmö"]], sep=",", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    [table], _ = read_file(path)
    assert table.headers == ["kommunkod", "kommun"]
    assert table.cells[1].tolist() == ["Malmö"]


def test_decode_prefers_utf8_and_falls_back_to_windows_1252():
    assert decode("Östra Göinge".encode()) == "Östra Göinge"
    assert decode("Östra Göinge".encode("cp1252")) == "Östra Göinge"
    assert decode("Ökat".encode("utf-8-sig")) == "Ökat"


def test_separator_is_sniffed_from_the_header_outside_quotes():
    assert sniff_separator("a;b;c\n1,5;2;3\n") == ";"
    assert sniff_separator('"x;y",b,c\n') == ","
    assert sniff_separator("a\tb\n") == "\t"
    assert sniff_separator("kommunkod\n1280\n") == ","


def test_blank_lines_and_spaces_do_not_shift_row_numbers(tmp_path, write_csv):
    path = write_csv(tmp_path / "a.csv", [["kod", "namn"], ["  1280 ", " Malmö"], ["", ""], [";"], ["0114", "  "]])
    [table], _ = read_file(path)
    assert table.rows.tolist() == [2, 5]
    assert table.cells[0].tolist() == ["1280", "0114"]
    assert table.cells[1].iloc[0] == "Malmö"
    assert pd.isna(table.cells[1].iloc[1])


def test_gzipped_csv(tmp_path):
    path = tmp_path / "insatssvar.csv.gz"
    path.write_bytes(gzip.compress(b"kommunkod;insats_id\n1280;ALD004\n"))
    [table], problems = read_file(path)
    assert problems == []
    assert table.cells.values.tolist() == [["1280", "ALD004"]]


def test_workbook_every_sheet_with_excel_row_numbers_and_numbers_as_text(tmp_path):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Områden"
    first.append(["kommunkod", "område"])
    first.append([1280, "äldre"])
    first.append([None, None])
    first.append([114.0, "Äldre"])
    second = book.create_sheet("Insatser")
    second.append([None])
    second.append(["kommunkod", "huvudgrupper"])
    second.append(["0180-05", 2.1])
    book.create_sheet("Tom")
    book.save(tmp_path / "svar.xlsx")
    tables, problems = read_file(tmp_path / "svar.xlsx")
    assert problems == []
    assert [t.file for t in tables] == ["svar.xlsx [Områden]", "svar.xlsx [Insatser]"]
    assert tables[0].cells[0].tolist() == ["1280", "114"]
    assert tables[0].rows.tolist() == [2, 4]
    assert tables[1].headers == ["kommunkod", "huvudgrupper"]
    assert tables[1].cells.values.tolist() == [["0180-05", "2.1"]]
    assert tables[1].rows.tolist() == [3]


def test_unreadable_files_become_problems_not_exceptions(tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip file")
    (tmp_path / "ragged.csv").write_text("a;b\n" + "1;2\n" * 12 + "1;2;3\n", encoding="utf-8")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "broken.csv.gz").write_bytes(b"\x1f\x8b\x08garbage")
    (tmp_path / "README.txt").write_text("ignored")
    (tmp_path / "~$svar.xlsx").write_bytes(b"lock file")
    tables, problems = read_answer_files(tmp_path)
    assert tables == []
    by_file = {p.file: p for p in problems}
    assert set(by_file) == {"broken.xlsx", "ragged.csv", "old.xls", "broken.csv.gz"}
    assert "line 14" in by_file["ragged.csv"].message
    assert "save it as .xlsx or CSV" in by_file["old.xls"].message
    assert all(p.severity == "error" for p in problems)


def test_missing_path_and_empty_folder(tmp_path):
    assert read_answer_files(tmp_path / "nope")[1][0].message == "no such file or folder"
    assert "no answer files" in read_answer_files(tmp_path)[1][0].message
