"""The Jinja2 environment of the web edition: templates are files beside this module,
and autoescaping is on, so every text from the deck (names with ``<`` or ``&`` included)
reaches the page escaped unless it is already markup we built."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        # Pages are autoescaped; the stylesheet template (.css.j2) holds only theme values.
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        undefined=StrictUndefined,  # a missing value is a bug, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template(name: str) -> Template:
    return environment().get_template(name)


@lru_cache(maxsize=1)
def _macros() -> Any:
    return template("blocks.html.j2").module


def macro(name: str, **values: Any) -> Markup:
    """One macro of ``blocks.html.j2`` rendered with ``values`` (autoescaped)."""
    return Markup(getattr(_macros(), name)(**values))
