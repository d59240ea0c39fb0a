"""Names from input never steer a path outside the output folder (issue 6, Safety)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.batch.naming import bundle_name, county_folder, deck_name, profile_name


@pytest.mark.parametrize("hostile", ["../../etc", "/etc/passwd", "..", "Skåne/../../x", "C:\\Windows", "\x00nul"])
def test_county_folder_stays_inside_out(tmp_path: Path, hostile: str) -> None:
    out = tmp_path / "output"
    folder = county_folder(out, hostile)
    assert out.resolve() in folder.parents
    assert folder.name.replace("-", "").isalnum()


def test_file_names_are_ascii_slugs() -> None:
    assert deck_name("Skåne län", ".pdf") == "skane-lan-analysrapport.pdf"
    assert profile_name("0180-05", "Hägersten-Älvsjö") == "0180-05-hagersten-alvsjo-profil.pdf"
    assert bundle_name("1280", "../Malmö") == "1280-malmo-paket.zip"
    assert "/" not in profile_name("1280", "a/b\\c") and ".." not in profile_name("1280", "..")
