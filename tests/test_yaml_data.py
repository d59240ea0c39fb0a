"""The C loader reads the project's YAML data exactly as the pure-Python safe loader does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reportgen.paths import DATA_DIR, LAYOUTS_DIR
from reportgen.yaml_data import SAFE_LOADER, parse_yaml

FILES = sorted([*LAYOUTS_DIR.glob("*.yaml"), *DATA_DIR.rglob("*.yaml")])


def test_libyaml_is_used_where_pyyaml_has_it() -> None:
    assert yaml.__with_libyaml__, "PyYAML without libyaml: layouts would load ten times slower"
    assert SAFE_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_data_as_the_python_safe_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parse_yaml(text) == yaml.safe_load(text)


def test_files_are_found() -> None:
    assert any(p.name == "theme.yaml" for p in FILES) and any(p.name == "deck.yaml" for p in FILES)


def test_only_plain_types_are_built() -> None:
    with pytest.raises(yaml.YAMLError):
        parse_yaml("!!python/object/apply:os.system ['true']")
    assert parse_yaml("a: [1, 2.5, ja, null, '3']") == {"a": [1, 2.5, "ja", None, "3"]}
