"""The batch's side of the web edition: the format option, the files written through the
atomic writer and checked, stale pages removed, the edition packed for the bundles."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reportgen.batch.checks import BrokenOutputError, check_file
from reportgen.batch.county import BuildOptions, remove_unwanted_outputs
from reportgen.batch.naming import profile_page_name, web_folder_name
from reportgen.batch.web import web_archive, write_web_edition
from reportgen.commands.build import parse_formats
from reportgen.errors import ReportgenError
from reportgen.render.html import WebEdition
from tests.render.test_pdf_sample import IMPRINT

PAGE = b'<!DOCTYPE html>\n<html lang="sv"><body><p>\xc3\x85</p></body></html>\n'


def test_html_is_a_format_to_ask_for_not_a_default():
    assert parse_formats("pdf,HTML") == ("pdf", "html")
    assert "html" not in BuildOptions(out=Path(".")).formats
    with pytest.raises(ReportgenError, match=r"htm.*choose from pptx, pdf, xlsx, html"):
        parse_formats("htm")


def test_names():
    assert web_folder_name("Skåne län") == "skane-lan-webb"
    assert profile_page_name("1280", "Malmö") == "kommuner/1280-malmo.html"


def test_files_are_written_and_stale_ones_removed(tmp_path: Path):
    folder = tmp_path / "skane-lan-webb"
    (folder / "kommuner").mkdir(parents=True)
    (folder / "kommuner" / "9999-gammal.html").write_bytes(PAGE)  # a municipality no longer in the data
    (folder / "gammal").mkdir()
    written = write_web_edition(folder, WebEdition({"index.html": PAGE, "stil/webb.css": b"p { color: red }\n"}))
    assert written == [folder / "index.html", folder / "stil" / "webb.css"]
    left = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    assert left == ["index.html", "stil", "stil/webb.css"]
    assert (folder / "index.html").read_bytes() == PAGE


def test_a_broken_page_is_never_put_in_place(tmp_path: Path):
    folder = tmp_path / "webb"
    with pytest.raises(BrokenOutputError, match="not a whole HTML page"):
        write_web_edition(folder, WebEdition({"index.html": PAGE[:40]}))
    assert not (folder / "index.html").exists()
    assert list(folder.iterdir()) == []  # no temporary file left either


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.html", b"<!DOCTYPE html><html><body>", "not a whole HTML page"),
        ("a.html", b"<!DOCTYPE html>\xff</html>", "not UTF-8"),
        ("a.css", b"p { content: '\xff' }", "not UTF-8"),
        ("a.woff", b"wOFF and then nothing", "does not open as a font"),
    ],
)
def test_checks_by_suffix(tmp_path: Path, name: str, data: bytes, message: str):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BrokenOutputError, match=message):
        check_file(path)


def test_archive_unpacks_as_the_folder_and_is_byte_stable(tmp_path: Path):
    folder = tmp_path / "skane-lan-webb"
    files = write_web_edition(folder, WebEdition({"index.html": PAGE, "kommuner/1-a.html": PAGE}))
    first = web_archive(folder, files, IMPRINT)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == ["skane-lan-webb/index.html", "skane-lan-webb/kommuner/1-a.html"]
        assert archive.read("skane-lan-webb/index.html") == PAGE
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    assert web_archive(folder, files, IMPRINT) == first
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {IMPRINT.zip_time()}


def test_an_earlier_web_edition_goes_when_html_is_not_asked_for(tmp_path: Path):
    folder = tmp_path / "skane-lan"
    (folder / "skane-lan-webb").mkdir(parents=True)
    (folder / "skane-lan-webb" / "index.html").write_bytes(PAGE)
    remove_unwanted_outputs(folder, "skane-lan", BuildOptions(out=tmp_path, formats=("pdf", "html")))
    assert (folder / "skane-lan-webb" / "index.html").exists()
    remove_unwanted_outputs(folder, "skane-lan", BuildOptions(out=tmp_path, formats=("pdf",)))
    assert not (folder / "skane-lan-webb").exists()
