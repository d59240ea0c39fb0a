"""Extract the Skåne deck's printed figures into ``data/calibration/skane.yaml``.

The parsing lives in ``reportgen.demo.skane_seed`` (the acceptance test reads the seed
through it as well); this script only writes the YAML that the generator reads.

    python tools/extract_skane_targets.py [SEED] [OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from reportgen.demo.skane_seed import extract, find_seed
from reportgen.paths import DATA_DIR

OUT = DATA_DIR / "calibration" / "skane.yaml"


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else find_seed()
    if seed is None:
        print("no Skåne seed found; give its path", file=sys.stderr)
        return 2
    out = Path(argv[2]) if len(argv) > 2 else OUT
    data = extract(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = f"# Extracted by tools/extract_skane_targets.py from {seed.name}. Do not edit by hand.\n"
    out.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
