"""The one way any command gets a Survey from answer files (DESIGN "Fail early, fail whole").

Every loading path runs the full validation: with any error nothing is returned, and the
raised ``ValidationError`` carries every problem found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.mapping import read_mapping
from reportgen.io.read import answer_files
from reportgen.io.report import AnswerFileError
from reportgen.io.validate import Checked, check, nothing_to_report
from reportgen.io.write import SYNTHETIC_MARKER
from reportgen.paths import DEMO_DIR
from reportgen.register import Register
from reportgen.survey import Survey


@dataclass(frozen=True)
class LoadResult:
    survey: Survey
    warnings: tuple[Problem, ...]


def is_synthetic(path: Path | None) -> bool:
    """The bundled demo data, or any folder holding a ``SYNTHETIC`` marker file: every
    deck built from it says so (SPEC §9)."""
    if path is None:
        return True
    folder = path if path.is_dir() else path.parent
    return (folder / SYNTHETIC_MARKER).is_file()


def check_survey(
    path: Path | None = None,
    *,
    catalog: Catalog | None = None,
    register: Register | None = None,
    demo_dir: Path = DEMO_DIR,
    mapping: Path | None = None,
) -> Checked:
    """Validate without raising: what ``reportgen validate`` reports. ``path`` None means
    ``demo_dir``, the bundled demo data; ``mapping`` is a mapping file for wide exports
    (docs/input-format.md §4), checked with the answers."""
    if path is None and not (demo_dir.is_dir() and answer_files(demo_dir)):
        problem = Problem(
            str(demo_dir),
            None,
            None,
            None,
            "the bundled demo data is missing; generate it (reportgen demo-data) or give --data PATH",
        )
        return Checked(None, (problem,))
    source = Path(path) if path is not None else demo_dir
    catalog = catalog or Catalog.load()
    rules, mapping_problems = read_mapping(Path(mapping), catalog) if mapping is not None else (None, [])
    checked = check(
        source,
        catalog,
        register or Register.load(),
        synthetic=is_synthetic(Path(path) if path is not None else None),
        mapping=rules,
    )
    if mapping_problems:
        failed = any(p.severity == "error" for p in mapping_problems)
        checked = Checked(None if failed else checked.survey, (*mapping_problems, *checked.problems))
    if checked.survey is None:
        return checked
    # Files of headers only would build a report of zeros.
    empty = nothing_to_report(checked.survey, source)
    if not empty:
        return checked
    failed = any(p.severity == "error" for p in empty)
    return Checked(None if failed else checked.survey, (*checked.problems, *empty))


def load_survey(
    path: Path | None = None,
    *,
    catalog: Catalog | None = None,
    register: Register | None = None,
    mapping: Path | None = None,
) -> LoadResult:
    """The validated Survey of a folder or file (None: the bundled demo data), read through
    ``mapping`` when given.

    Raises ``ValidationError`` with every problem when there is at least one error.
    """
    checked = check_survey(path, catalog=catalog, register=register, mapping=mapping)
    if checked.survey is None:
        raise AnswerFileError(checked.problems)
    return LoadResult(checked.survey, checked.warnings)
