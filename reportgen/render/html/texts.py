"""The web edition's own Swedish texts (``layouts/web.yaml``): skip link, navigation,
the labels around charts and notes. Everything else comes from the deck model."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from reportgen.paths import LAYOUTS_DIR
from reportgen.yaml_data import parse_yaml


@lru_cache(maxsize=2)
def _load(path: str) -> dict[str, Any]:
    return parse_yaml(Path(path).read_text(encoding="utf-8"))


def web_texts(layouts_dir: Path | None = None) -> dict[str, Any]:
    return _load(str((layouts_dir or LAYOUTS_DIR) / "web.yaml"))
