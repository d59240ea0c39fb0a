"""Header recognition: which file column is which field (docs/input-format.md).

Real exports name their columns in many ways ("Kommunkod", "kommun kod", "Erbjuden
2016–2020"), so a header is matched by a key that ignores case, å/ä/ö, spaces, dashes
and underscores, against a short list of aliases per field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.errors import Problem
from reportgen.text import closest, fold

#: Column names as written by ``write_survey`` and documented, per file kind.
AREA_COLUMNS = [
    "kommunkod",
    "kommun",
    "område",
    "status",
    "ytterligare_insatser",
    "vill_ge_utan_beslut",
    "huvudgrupper_utan_beslut",
]
INSATS_COLUMNS = [
    "kommunkod",
    "kommun",
    "område",
    "insats_id",
    "insats",
    "erbjuden",
    "beslut",
    "regi",
    "form",
    "individer",
    "utveckling",
]

#: File column → the ``survey.VOCABULARY`` key (and Survey table column) of its answers.
VALUE_FIELDS = {
    "status": "status",
    "ytterligare_insatser": "further",
    "vill_ge_utan_beslut": "wish",
    "erbjuden": "offered",
    "beslut": "beslut",
    "regi": "regi",
    "form": "form",
    "individer": "individuals",
    "utveckling": "trend",
}
FOLLOW_UPS = ["beslut", "regi", "form", "individer", "utveckling"]

#: Optional columns, per file kind, and what the reports show when one is missing: the
#: answers are then blank for every row, which must not pass unnoticed (issue 14 item 7).
OPTIONAL: dict[str, dict[str, str]] = {
    "area": {
        "ytterligare_insatser": "the share giving further insatser shows as '–' (nobody answered)",
        "vill_ge_utan_beslut": "the slides on giving insatser without decision say that nobody answered",
        "huvudgrupper_utan_beslut": "the chart of huvudgrupper without decision says that nobody chose one",
    },
    "insats": {
        "beslut": "the beslut slides say that no municipality answered the follow-up",
        "regi": "the regi slides say that no municipality answered the follow-up",
        "form": "the form slides say that no municipality answered the follow-up",
        "individer": "the individuals charts say that nobody answered how many were reached",
        "utveckling": "the workbook shows the trend as not answered",
    },
}

#: Other spellings accepted for each documented column (besides the name itself).
ALIASES: dict[str, tuple[str, ...]] = {
    "kommunkod": ("kommunnummer", "kommunnr", "kod", "respondent_id", "respondent", "enhetskod"),
    "kommun": ("kommunnamn", "kommun_namn", "stadsdelsområde", "enhet"),
    "område": ("verksamhetsområde", "område_namn", "area"),
    "status": ("svarsstatus", "enkätstatus"),
    "ytterligare_insatser": ("ytterligare", "ger_ytterligare_insatser", "further"),
    "vill_ge_utan_beslut": ("utan_beslut", "vill_ge_insatser_utan_beslut", "utan_biståndsbeslut", "wish"),
    "huvudgrupper_utan_beslut": ("huvudgrupper", "huvudgrupp_utan_beslut", "wish_groups"),
    "insats_id": ("insatsid", "id", "insatskod"),
    "insats": ("insatsnamn", "insats_namn", "namn_på_insats"),
    "erbjuden": ("erbjuds", "erbjudits", "erbjuden_2016_2020", "erbjudits_2016_2020", "offered"),
    "beslut": ("biståndsbeslut", "med_eller_utan_beslut"),
    "regi": ("utförare",),
    "form": ("fysisk_eller_digital",),
    "individer": ("antal_individer", "individer_2016_2020", "individuals"),
    "utveckling": ("utveckling_2016_2020", "förändring", "trend"),
}


def header_key(name: object) -> str:
    """Case-, å/ä/ö-, space-, dash- and underscore-insensitive key of a header cell."""
    return re.sub(r"[\s_\-–—.:()]+", "", fold(str(name)))


_BY_KEY: dict[str, str] = {}
for _column, _aliases in ALIASES.items():
    for _alias in (_column, *_aliases):
        _BY_KEY[header_key(_alias)] = _column


@dataclass(frozen=True)
class Header:
    """The recognised columns of one table: file header → documented column name."""

    kind: str | None  # "area", "insats" or None when neither
    rename: dict[int, str]  # header position → documented column
    problems: tuple[Problem, ...]


def recognise(file: str, headers: list[str], row: int = 1) -> Header:
    """Map a header row to documented columns and decide the table kind (SPEC §4).

    An insats table has `insats_id`, `insats` or `erbjuden`; an area table has `status`.
    Missing required columns are errors; unknown columns are warnings (a typo there would
    otherwise drop a whole column of answers silently).
    """
    problems: list[Problem] = []
    rename: dict[int, str] = {}
    seen: dict[str, str] = {}
    unknown: list[str] = []
    for position, header in enumerate(headers):
        if header_key(header) == "" or str(header).startswith("Unnamed:"):
            continue
        column = _BY_KEY.get(header_key(header))
        if column is None:
            unknown.append(header)
            continue
        if column in seen:
            problems.append(
                Problem(file, row, header, None, f"column '{column}' is given twice (also as '{seen[column]}')")
            )
            continue
        seen[column] = header
        rename[position] = column
    present = set(rename.values())
    if present & {"insats_id", "insats", "erbjuden"}:
        kind: str | None = "insats"
    elif present & {"status", "ytterligare_insatser", "vill_ge_utan_beslut", "huvudgrupper_utan_beslut"}:
        kind = "area"
    else:
        kind = None
    for header in unknown:
        allowed = AREA_COLUMNS if kind == "area" else INSATS_COLUMNS if kind == "insats" else sorted(ALIASES)
        hints = closest(header, allowed)
        hint = f"; did you mean {' or '.join(repr(h) for h in hints)}?" if hints else ""
        problems.append(Problem(file, row, header, None, f"unknown column, ignored{hint}", "warning"))
    if kind is None:
        problems.append(
            Problem(
                file,
                row,
                None,
                None,
                "header not recognised as area answers (kommunkod, område, status, …) or insats answers "
                "(kommunkod, insats_id, erbjuden, …); see docs/input-format.md",
            )
        )
        return Header(None, rename, tuple(problems))
    problems.extend(_missing(file, row, kind, present))
    return Header(kind, rename, tuple(problems))


def _missing(file: str, row: int, kind: str, present: set[str]) -> list[Problem]:
    need: list[tuple[set[str], str]] = [({"kommunkod", "kommun"}, "'kommunkod' (or 'kommun')")]
    if kind == "area":
        need += [({"område"}, "'område'"), ({"status"}, "'status'")]
    else:
        need += [({"insats_id", "insats"}, "'insats_id' (or 'insats')"), ({"erbjuden"}, "'erbjuden'")]
        if "insats_id" not in present:
            need.append(({"område"}, "'område' (needed with 'insats' names)"))
    kind_text = "area answers" if kind == "area" else "insats answers"
    found = [
        Problem(file, row, None, None, f"missing required column {label} for {kind_text}")
        for columns, label in need
        if not columns & present
    ]
    found += [
        Problem(file, row, column, None, f"optional column missing, so every answer to it is blank: {shown}", "warning")
        for column, shown in OPTIONAL[kind].items()
        if column not in present
    ]
    return found
