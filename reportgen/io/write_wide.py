"""Write a Survey as a survey tool's wide export (docs/input-format.md §3).

Used by ``reportgen demo-data --layout wide``: one file per area survey, one row per unit,
one column per question headed by its question text, beside the columns such a tool adds
(response id, start and end time, completion status in its own words, the respondent's
name, e-mail and IP address, a free-text comment). A few headers carry the typos and
shortened names people type; each is checked to place back where it belongs, so the
export reads back to the same Survey whatever the Survey holds. Personal data is made up
from the unit's code (documentation IP ranges, ``.example`` addresses) and deterministic.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd

from reportgen.io.columns import FOLLOW_UPS, VALUE_FIELDS
from reportgen.io.wide_match import NameIndex
from reportgen.io.write import _write, finish_folder
from reportgen.survey import CANONICAL, Survey
from reportgen.text import slugify

WIDE_FILE_PREFIX = "enkatexport-"
OFFERED = "Har ni erbjudit insatsen under 2016–2020? - {name}"
FOLLOW_UP_QUESTIONS = {
    "beslut": "{name} - Ges insatsen med eller utan biståndsbeslut?",
    "regi": "{name} - I vilken regi ges insatsen?",
    "form": "{name} - I vilken form ges insatsen (fysisk/digital)?",
    "individer": "{name} - Antal individer som fått insatsen 2016–2020",
    "utveckling": "{name} - Utveckling 2016–2020 (ökat, oförändrat, minskat)",
}
FURTHER = "Ger ni ytterligare insatser utöver dem som listas i enkäten?"
WISH = "Om lagen ändras: vill ni då ge insatser utan biståndsbeslut?"
GROUP = "Inom vilka huvudgrupper skulle ni vilja ge insatser utan biståndsbeslut? - {name}"
TOOL_COLUMNS = ("Svars-ID", "Starttid", "Sluttid", "Status", "Namn", "E-post", "IP-adress", "Övriga kommentarer")
#: The tool's words for the survey's statuses (read back through wide_words.STATUS_WORDS).
TOOL_STATUS = {"ej_paborjad": "Ej startad", "paborjad": "Ofullständig", "slutford": "Fullständig"}
_QUALIFIER = {"person": "", "anhoriga": " (till anhöriga)", "valdsutovare": " (till våldsutövare)"}
_FIRST = ("Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Lena", "Anders", "Sara", "Mikael")
_LAST = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson")
_START = dt.datetime(2021, 3, 1, 8, 0)


def wide_file_name(area: str) -> str:
    return f"{WIDE_FILE_PREFIX}{slugify(area)}.csv"


def write_wide(survey: Survey, folder: Path, *, typos: bool = True) -> list[Path]:
    """One ``enkatexport-<area>.csv`` per area with a response row (`;`, UTF-8), and the
    ``SYNTHETIC`` marker for a synthetic survey. Returns the written paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lonely = survey.answers[["respondent_id", "area"]].drop_duplicates()
    lonely = lonely.merge(survey.responses[["respondent_id", "area"]], how="left", indicator=True)
    if (lonely["_merge"] == "left_only").any():
        raise ValueError("a wide export needs a status row for every unit and area with insats answers")
    names = NameIndex(survey.catalog)
    written = []
    for area in survey.catalog.areas:
        frame = area_export(survey, area, names if typos else None)
        if len(frame):
            written.append(_write(folder / wide_file_name(area), frame, compress=False))
    return finish_folder(survey, folder, written, f"{WIDE_FILE_PREFIX}*.csv")


def area_export(survey: Survey, area: str, names: NameIndex | None = None) -> pd.DataFrame:
    """The wide table of one area survey: a row per unit with a response row, in unit order.
    With ``names``, a few headers get typos (each checked to place back)."""
    responses = survey.responses[survey.responses["area"] == area]
    responses = responses.sort_values("respondent_id", kind="stable").reset_index(drop=True)
    units = survey.register.units
    catalog = survey.catalog
    number = int(catalog.area(area)["area_no"].iloc[0])
    columns: dict[str, object] = _tool_columns(responses, units, number)
    columns["Kommunkod"] = responses["respondent_id"]
    columns["Kommun"] = responses["respondent_id"].map(units["name"])
    columns[FURTHER] = responses["further"].map(CANONICAL["further"])
    columns[WISH] = responses["wish"].map(CANONICAL["wish"])
    chosen = survey.wish_groups[survey.wish_groups["area"] == area]
    for group, name in zip(
        catalog.huvudgrupper(area)["huvudgrupp_id"], catalog.huvudgrupper(area)["huvudgrupp"], strict=True
    ):
        picked = set(chosen.loc[chosen["huvudgrupp_id"] == group, "respondent_id"])
        columns[GROUP.format(name=name)] = responses["respondent_id"].map(
            lambda r, n=name, p=picked: n if r in p else None
        )
    answers = survey.answers[survey.answers["area"] == area]
    headers = _insats_headers(survey, area, names)
    for insats_id in catalog.area(area)["insats_id"]:
        mine = answers[answers["insats_id"] == insats_id].set_index("respondent_id")
        for column in ("erbjuden", *FOLLOW_UPS):
            field = VALUE_FIELDS[column]
            texts = mine[field].map(CANONICAL[field])
            columns[headers[(insats_id, column)]] = responses["respondent_id"].map(texts)
    return pd.DataFrame(columns)


def _tool_columns(responses: pd.DataFrame, units: pd.DataFrame, number: int) -> dict[str, object]:
    """The tool's own columns and made-up personal data, from a hash of unit and area."""
    rows = []
    for index, (unit, status) in enumerate(zip(responses["respondent_id"], responses["status"], strict=True)):
        seed = int(hashlib.sha256(f"{unit}/{number}".encode()).hexdigest()[:12], 16)
        first, last = _FIRST[seed % len(_FIRST)], _LAST[(seed // 7) % len(_LAST)]
        start = _START + dt.timedelta(minutes=seed % (30 * 24 * 60))
        end = start + dt.timedelta(minutes=20 + seed % 90)
        started = status != "ej_paborjad"
        rows.append(
            (
                f"{number}{index + 1:04d}",
                start.strftime("%Y-%m-%d %H:%M") if started else None,
                end.strftime("%Y-%m-%d %H:%M") if status == "slutford" else None,
                TOOL_STATUS[status],
                f"{first} {last}",
                f"{slugify(first)}.{slugify(last)}@{slugify(str(units.at[unit, 'name']))}.example",
                f"192.0.2.{seed % 254 + 1}" if started else None,
                None,
            )
        )
    table = pd.DataFrame(rows, columns=list(TOOL_COLUMNS))
    return {column: table[column] for column in TOOL_COLUMNS}


def _insats_headers(survey: Survey, area: str, names: NameIndex | None) -> dict[tuple[str, str], str]:
    """Question-text headers per (insats, question); with ``names``, three of them typed the
    way people do: a letter dropped, two swapped, a name shortened with "…"."""
    rows = survey.catalog.area(area)
    repeated = rows["name"].duplicated(keep=False)
    headers: dict[tuple[str, str], str] = {}
    for insats_id, name, target, twice in zip(rows["insats_id"], rows["name"], rows["target"], repeated, strict=True):
        shown = name + (_QUALIFIER[target] if twice else "")
        headers[(insats_id, "erbjuden")] = OFFERED.format(name=shown)
        for column, text in FOLLOW_UP_QUESTIONS.items():
            headers[(insats_id, column)] = text.format(name=shown)
    if names is None:
        return headers
    long_names = [
        i for i, n, t in zip(rows["insats_id"], rows["name"], repeated, strict=True) if len(n) >= 25 and not t
    ]
    for share, column, typo in (
        (4, "erbjuden", _drop_letter),
        (2, "regi", _swap_letters),
        (1.4, "individer", _shorten),
    ):
        if not long_names:
            break
        insats_id = long_names[int(len(long_names) / share)]
        name = str(rows.at[insats_id, "name"])
        template = OFFERED if column == "erbjuden" else FOLLOW_UP_QUESTIONS[column]
        candidate = template.format(name=typo(name))
        placed = names.place([candidate], area)[0]
        if (placed.insats_id, placed.column) == (insats_id, column):
            headers[(insats_id, column)] = candidate
    return headers


def _longest_word(name: str) -> tuple[list[str], int]:
    words = name.split(" ")
    return words, max(range(len(words)), key=lambda i: len(words[i]))


def _drop_letter(name: str) -> str:
    words, i = _longest_word(name)
    word = words[i]
    words[i] = word[: len(word) // 2] + word[len(word) // 2 + 1 :]
    return " ".join(words)


def _swap_letters(name: str) -> str:
    words, i = _longest_word(name)
    word, p = words[i], len(words[i]) // 2
    words[i] = word[: p - 1] + word[p] + word[p - 1] + word[p + 1 :]
    return " ".join(words)


def _shorten(name: str) -> str:
    words = name.split(" ")
    return " ".join(words[: max(3, len(words) * 2 // 3)]).rstrip(",") + "…"
