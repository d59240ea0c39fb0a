"""Where the bundled data and layouts live (the repository's top-level folders)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEMO_DIR = DATA_DIR / "demo"
LAYOUTS_DIR = ROOT / "layouts"
