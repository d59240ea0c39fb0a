"""Read the project's own YAML data (layouts, theme, texts, calibration) with libyaml.

PyYAML's pure-Python safe loader takes about 0.12 s for the layouts a build reads in
every process (once in the parent, once per county in a batch); its C loader, built on
libyaml and shipped in PyYAML's wheels, gives the same data about ten times faster.
Where PyYAML was built without libyaml the pure-Python loader is used; both construct
only plain types. User files (mapping files) keep ``yaml.safe_load``, whose errors are
what the user sees.
"""

from __future__ import annotations

from typing import Any

import yaml

#: The C safe loader when PyYAML has libyaml, else the pure-Python one (same data).
SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """``text`` as plain Python data (dicts, lists, str, int, float, bool, None)."""
    return yaml.load(text, Loader=SAFE_LOADER)
