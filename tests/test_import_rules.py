"""The import rules of ``shared/DESIGN.md`` ("The flow"), checked on the source.

Every ``import`` of every module under ``reportgen/`` — also those inside functions,
which the code uses to keep start-up fast — is read with ``ast`` and checked against
the layer table below, so a deck module that imports a renderer or ``figures/`` fails
here, not in a review.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "reportgen"

#: Modules every layer may use: they hold no figures and draw nothing.
NEUTRAL = frozenset(
    {"errors", "paths", "text", "numbers", "measure", "theme", "atomic", "archive", "imprint", "settings", "yaml_data"}
)
DATA_MODEL = frozenset({"catalog", "register", "survey"})
#: Libraries that read or write document formats or draw.
DRAWING = frozenset({"matplotlib", "pypdfium2", "pptx", "reportlab", "pikepdf", "xlsxwriter"})

MODELS = frozenset({"deck", "workbook", "appendix", "municipality"})
ABOVE_METRICS = MODELS | {"figures", "render", "batch", "distribute", "commands", "cli", "demo", "__main__"}

#: layer → the reportgen packages (first name after ``reportgen.``) it must never import.
NEVER: dict[str, frozenset[str]] = {
    "data": frozenset({"io", "metrics"}) | ABOVE_METRICS,
    "io": frozenset({"metrics"}) | ABOVE_METRICS,
    "metrics": frozenset({"io"}) | ABOVE_METRICS,
    "model": ABOVE_METRICS - MODELS | {"io"},
    "figures": frozenset({"metrics", "io", "render", "batch", "distribute", "commands", "cli", "demo"}) | MODELS,
    "render": frozenset({"metrics", "io", "batch", "distribute", "commands", "cli", "demo"}),
    "batch": frozenset({"distribute", "commands", "cli", "__main__"}),
    "demo": frozenset({"figures", "render", "batch", "distribute", "commands", "cli", "__main__"}) | MODELS,
    "neutral": DATA_MODEL | {"io", "metrics"} | ABOVE_METRICS,
    "top": frozenset(),
}
#: layer → third-party libraries it must never import (metrics: no file formats, no drawing).
NEVER_LIBRARIES: dict[str, frozenset[str]] = {
    "data": DRAWING | {"openpyxl"},
    "io": DRAWING,
    "metrics": DRAWING | {"openpyxl"},
    "model": DRAWING | {"openpyxl"},
    "figures": DRAWING - {"matplotlib", "pypdfium2"},
    "demo": DRAWING,
    "neutral": DRAWING | {"openpyxl"},
}
#: The one part of a lower layer a layer may reach into: figures read the deck's chart specs.
ALLOWED_MODULES: dict[str, frozenset[str]] = {"figures": frozenset({"reportgen.deck.model"})}


def layer_of(module: str) -> str:
    """``reportgen.deck.front`` → "model"; top-level modules by name."""
    first = module.split(".")[1] if "." in module else module
    if first in DATA_MODEL:
        return "data"
    if first in NEUTRAL:
        return "neutral"
    if first in MODELS:
        return "model"
    if first in NEVER:
        return first
    return "top"  # distribute, commands, cli, __main__: they may import everything


def imports_of(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import in ``source``, relative ones resolved."""
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            if base == "reportgen":  # from reportgen import numbers
                for alias in node.names:
                    yield node.lineno, f"reportgen.{alias.name}"
            else:
                yield node.lineno, base


def violations(module: str, source: str) -> list[str]:
    """What in ``source`` (the text of ``module``) breaks the layer table."""
    layer = layer_of(module)
    found = []
    for line, imported in imports_of(source, module):
        parts = imported.split(".")
        if parts[0] == "reportgen" and len(parts) > 1:
            target = parts[1]
            if target == module.split(".")[1]:
                continue  # inside its own package
            if imported in ALLOWED_MODULES.get(layer, frozenset()):
                continue
            if target in NEVER.get(layer, frozenset()):
                found.append(f"{module}:{line} ({layer}) imports {imported}")
        elif parts[0] in NEVER_LIBRARIES.get(layer, frozenset()):
            found.append(f"{module}:{line} ({layer}) imports {imported}")
    return found


def package_modules() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path.read_text(encoding="utf-8")


def test_every_module_keeps_the_import_rules():
    found = [v for module, source in package_modules() if module != "reportgen" for v in violations(module, source)]
    assert found == [], "imports against DESIGN.md's layer table:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("reportgen.deck.front", "from reportgen.render.pptx import render_pptx"),
        ("reportgen.deck.area", "def f():\n    from reportgen.figures.draw import draw_charts"),
        ("reportgen.deck.alttext", "from reportgen.figures import format"),
        ("reportgen.workbook.builder", "import reportgen.render.xlsx"),
        ("reportgen.figures.bars", "from reportgen.deck.builder import build_deck"),
        ("reportgen.figures.draw", "from reportgen.metrics.model import ScopeMetrics"),
        ("reportgen.render.pdf", "from reportgen.metrics.compute import compute_scope"),
        ("reportgen.metrics.offer", "import matplotlib.pyplot"),
        ("reportgen.metrics.offer", "from reportgen.io.load import load_survey"),
        ("reportgen.batch.runner", "from reportgen.commands.build import run"),
        ("reportgen.numbers", "from reportgen.deck.model import Deck"),
    ],
)
def test_a_forbidden_import_is_found(module, source):
    assert violations(module, source), f"{module} importing that should break the rules"


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("reportgen.deck.front", "from reportgen.metrics.model import ScopeMetrics\nfrom reportgen import numbers"),
        ("reportgen.figures.bars", "from reportgen.deck.model import ChartSpec"),
        ("reportgen.render.pdf", "from reportgen.figures.art import ChartArt\nfrom reportgen.deck.model import Deck"),
        ("reportgen.batch.county", "from reportgen.render.pptx import render_pptx"),
        ("reportgen.commands.build", "from reportgen.batch.runner import run_scopes"),
    ],
)
def test_an_allowed_import_passes(module, source):
    assert violations(module, source) == []
