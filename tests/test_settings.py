"""The publisher's settings (reportgen.toml and REPORTGEN_* variables) and the run's imprint."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reportgen.archive import restamp, write_zip
from reportgen.cli import main
from reportgen.errors import ReportgenError
from reportgen.imprint import Imprint, build_time, zip_time
from reportgen.settings import SettingsError, load_settings

FULL = """
[publisher]
organisation = "Region Exempel"
contact = "analys@exempel.se"
author = "Anna Analytiker"

[sender]
name = "Anna Analytiker"
address = "anna@fou.exempel.se"

[smtp]   # read by reportgen distribute, left alone here
host = "smtp.exempel.se"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ build time
def test_source_date_epoch_pins_the_build_time():
    assert build_time({"SOURCE_DATE_EPOCH": "1700000000"}) == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_without_source_date_epoch_the_build_time_is_the_moment_of_the_run():
    now = datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=UTC)
    assert build_time({}, now=now) == datetime(2026, 12, 1, 9, 30, 15, tzinfo=UTC)


@pytest.mark.parametrize("value", ["igår", "-5", "1.5e9"])
def test_a_malformed_source_date_epoch_is_a_user_error_naming_the_value(value):
    with pytest.raises(ReportgenError, match="SOURCE_DATE_EPOCH must be whole seconds") as caught:
        build_time({"SOURCE_DATE_EPOCH": value})
    assert repr(value) in str(caught.value)
    with pytest.raises(ReportgenError):
        build_time({"SOURCE_DATE_EPOCH": value})


def test_the_imprint_writes_the_one_time_in_every_format():
    imprint = Imprint(datetime(2023, 11, 14, 23, 13, 20, tzinfo=UTC).astimezone(), "Org", author="")
    assert imprint.pdf_date() == "D:20231114231320+00'00'"
    assert imprint.iso() == "2023-11-14T23:13:20Z"
    assert imprint.zip_time() == (2023, 11, 14, 23, 13, 20)
    assert imprint.utc == datetime(2023, 11, 14, 23, 13, 20)
    assert imprint.creator == "Org"  # no person: the organisation is the author
    assert Imprint(imprint.created, "Org", author="Anna").creator == "Anna"
    assert Imprint(imprint.created).creator == ""  # no settings: nobody


def test_zip_times_start_in_1980_and_naive_times_are_utc():
    assert zip_time(datetime(1970, 1, 1, tzinfo=UTC)) == (1980, 1, 1, 0, 0, 0)
    assert zip_time(datetime(2021, 3, 1, 12, 0)) == (2021, 3, 1, 12, 0, 0)
    with pytest.raises(ValueError, match="time zone"):
        Imprint(datetime(2021, 3, 1))


# -------------------------------------------------------------------- settings
def test_no_file_and_no_variables_name_nobody(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(None, {})
    assert settings.imprint(datetime(2023, 1, 1, tzinfo=UTC)).creator == ""
    assert settings.sender is None and settings.file is None


def test_the_file_gives_publisher_and_sender(tmp_path):
    settings = load_settings(write(tmp_path / "reportgen.toml", FULL), {})
    assert (settings.organisation, settings.contact, settings.author) == (
        "Region Exempel",
        "analys@exempel.se",
        "Anna Analytiker",
    )
    assert settings.sender is not None and settings.sender.domain == "fou.exempel.se"
    assert settings.sender.organisation == "Region Exempel"


def test_variables_win_over_the_file_key_by_key_and_empty_ones_are_unset(tmp_path):
    env = {"REPORTGEN_ORGANISATION": "Kommunförbundet", "REPORTGEN_AUTHOR": "  ", "REPORTGEN_SENDER_ADDRESS": ""}
    settings = load_settings(write(tmp_path / "reportgen.toml", FULL), env)
    assert settings.organisation == "Kommunförbundet"
    assert settings.author == "Anna Analytiker" and settings.sender_address == "anna@fou.exempel.se"


def test_the_file_is_found_by_variable_or_in_the_working_folder(tmp_path, monkeypatch):
    named = write(tmp_path / "annan.toml", '[publisher]\norganisation = "Via variabel"\n')
    assert load_settings(None, {"REPORTGEN_CONFIG": str(named)}).organisation == "Via variabel"
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "reportgen.toml", '[publisher]\norganisation = "I mappen"\n')
    assert load_settings(None, {}).organisation == "I mappen"
    assert load_settings(named, {}).organisation == "Via variabel"  # --config wins


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[publisher\norganisation = "x"\n', r"reportgen\.toml: not valid TOML"),
        (
            '[publisher]\norganization = "x"\n',
            r"unknown setting publisher\.organization \(did you mean publisher\.organisation\?\)",
        ),
        ('[publsher]\norganisation = "x"\n', r"unknown table \[publsher\] \(did you mean publisher\?\)"),
        ("[publisher]\ncontact = 46701234567\n", r"publisher\.contact must be text in quotes, found 46701234567"),
        (
            '[sender]\naddress = "Anna <anna@exempel.se>"\n',
            r"\[sender\] address|sender\.address: found 'Anna <anna@exempel\.se>', expected one e-mail address",
        ),
        ('[sender]\naddress = "anna@localhost"\n', r"sender\.address: found 'anna@localhost'"),
        ('[publisher]\norganisation = "Rad ett\\nRad två"\n', r"publisher\.organisation: found .*one line of text"),
        ('publisher = "Region"\n', r"publisher must be a table"),
    ],
)
def test_a_malformed_setting_names_the_file_the_key_and_the_value(tmp_path, text, expected):
    path = write(tmp_path / "reportgen.toml", text)
    with pytest.raises(SettingsError, match=expected) as caught:
        load_settings(path, {})
    assert str(path) in str(caught.value)


def test_a_malformed_variable_is_named(tmp_path):
    with pytest.raises(SettingsError, match=r"environment variable REPORTGEN_SENDER_ADDRESS: found 'inte-en-adress'"):
        load_settings(None, {"REPORTGEN_SENDER_ADDRESS": "inte-en-adress", "REPORTGEN_CONFIG": ""})


def test_a_named_file_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(SettingsError, match=r"--config: no such settings file"):
        load_settings(tmp_path / "saknas.toml", {})
    with pytest.raises(SettingsError, match=r"REPORTGEN_CONFIG: no such settings file"):
        load_settings(None, {"REPORTGEN_CONFIG": str(tmp_path / "saknas.toml")})


def test_a_bad_settings_file_stops_the_build_before_anything_is_written(tmp_path, capsys):
    path = write(tmp_path / "reportgen.toml", "[publisher]\norganisation = 12\n")
    out = tmp_path / "output"
    assert main(["build", "--county", "gotland", "--out", str(out), "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "publisher.organisation must be text" in err and "Traceback" not in err
    assert not out.exists()


# --------------------------------------------------------------------- archive
def test_restamp_keeps_order_content_and_compression_and_sets_one_time():
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr(zipfile.ZipInfo("b.xml", (2026, 5, 5, 5, 5, 5)), b"<b/>", zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("a.png", (1999, 1, 1, 0, 0, 0)), b"\x89PNG", zipfile.ZIP_STORED)
    out = restamp(source.getvalue(), (2023, 11, 14, 22, 13, 20), replace={"b.xml": lambda part: part + b"<c/>"})
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        infos = archive.infolist()
        assert [(i.filename, i.date_time, i.compress_type) for i in infos] == [
            ("b.xml", (2023, 11, 14, 22, 13, 20), zipfile.ZIP_DEFLATED),
            ("a.png", (2023, 11, 14, 22, 13, 20), zipfile.ZIP_STORED),
        ]
        assert archive.read("b.xml") == b"<b/><c/>" and archive.read("a.png") == b"\x89PNG"
        assert {i.external_attr >> 16 for i in infos} == {0o644}


def test_members_named_as_stored_are_stored_the_rest_as_asked(tmp_path):
    path = tmp_path / "a.zip"
    members = [("a.xml", b"<a/>" * 100), ("b.PNG", b"x" * 400), ("c.png.xml", b"<c/>" * 100)]
    write_zip(path, members, (2023, 11, 14, 22, 13, 20), compression=zipfile.ZIP_DEFLATED, stored=(".png",))
    with zipfile.ZipFile(path) as archive:
        methods = [info.compress_type for info in archive.infolist()]
        assert [archive.read(name) for name, _ in members] == [data for _, data in members]
    assert methods == [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]


def test_the_same_members_and_time_give_the_same_zip(tmp_path):
    members = [("profil.pdf", b"%PDF-1.7"), ("paket.xlsx", b"PK")]
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    write_zip(first, members, (2023, 11, 14, 22, 13, 20))
    write_zip(second, members, (2023, 11, 14, 22, 13, 20))
    assert first.read_bytes() == second.read_bytes()
