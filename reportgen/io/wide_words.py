"""The words of a survey tool's wide export: which header is which kind of column.

A wide export (docs/input-format.md §3) has, beside one column per insats question, the
tool's own columns (response id, times, completion status) and the respondent's personal
data (name, e-mail, phone, IP address, free-text comments). Personal columns are
recognised here so they are never read: no value of theirs can reach a report or a
message. Everything is compared on folded words (case and å/ä/ö ignored, hyphens inside a
word dropped: "E-post" → "epost").
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

from reportgen.io.columns import ALIASES, VALUE_FIELDS, header_key
from reportgen.survey import VOCABULARY
from reportgen.text import fold, match_key

#: Header words of personal data, per kind (the kind is named in messages, never a value).
PERSONAL_WORDS: dict[str, frozenset[str]] = {
    "name": frozenset(
        {
            "namn",
            "fornamn",
            "efternamn",
            "name",
            "firstname",
            "lastname",
            "fullname",
            "uppgiftslamnare",
        }
    ),
    "e-mail": frozenset({"epost", "epostadress", "email", "emailadress", "emailaddress", "mail", "mejl", "mejladress"}),
    "phone": frozenset({"telefon", "telefonnummer", "mobil", "mobilnummer", "phone", "tel", "personnummer"}),
    "IP address": frozenset({"ip", "ipadress", "ipaddress", "ipnummer"}),
    "free text": frozenset(
        {
            "kommentar",
            "kommentarer",
            "fritext",
            "synpunkt",
            "synpunkter",
            "beskriv",
            "beskrivning",
            "namligen",
            "comment",
            "comments",
        }
    ),
}
#: Words that make a "Kontaktperson" header the survey's contact, not the insats of that name.
_ABOUT_THE_SURVEY = ("enkat*", "uppgiftslamnare", "svarande", "ansvarig", "kontaktuppgift*", "besvarad*")
#: Free-text questions that name no kind word: "Vilka ytterligare insatser …?", "Annat, ange".
_FREE_TEXT_OPENINGS = ("vilka ", "vilken ", "ange ", "annat")

#: The tool's own columns, by header key: read for nothing (the status column apart).
TOOL_KEYS: dict[str, frozenset[str]] = {
    "response id": frozenset(
        {"svarsid", "responsid", "responseid", "respondentid", "id", "lopnummer", "lopnr", "svarsnummer"}
    ),
    "time": frozenset(
        {
            "starttid",
            "sluttid",
            "startdatum",
            "slutdatum",
            "startdate",
            "enddate",
            "starttime",
            "endtime",
            "datum",
            "tidsatgang",
            "svarstid",
            "duration",
            "inskickad",
            "inskickat",
            "submitted",
            "senastandrad",
            "lastmodified",
            "skapad",
            "created",
        }
    ),
    "other": frozenset({"sprak", "language", "kanal", "channel", "collector", "insamlare", "lank", "link", "utskick"}),
}
STATUS_KEYS = frozenset(
    {"status", "svarsstatus", "enkatstatus", "completionstatus", "responsstatus", "slutford", "finished", "completed"}
)

#: The tool's words for how far a respondent came → the survey's status (SPEC §4). Compared
#: with ``text.match_key``; the survey's own words are accepted too.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "Slutförd": (
        "Slutförd",
        "Fullständig",
        "Komplett",
        "Avslutad",
        "Genomförd",
        "Inskickad",
        "Besvarad",
        "Klar",
        "Complete",
        "Completed",
        "Finished",
        "Submitted",
    ),
    "Påbörjad": (
        "Påbörjad",
        "Ofullständig",
        "Delvis",
        "Delvis besvarad",
        "Pågående",
        "Ej avslutad",
        "Ej slutförd",
        "Partial",
        "Incomplete",
        "In progress",
        "Started",
    ),
    "Ej påbörjad": (
        "Ej påbörjad",
        "Inte påbörjad",
        "Ej startad",
        "Ej besvarad",
        "Obesvarad",
        "Ej svarat",
        "Inbjuden",
        "Not started",
        "No response",
        "Invited",
    ),
}
STATUS_BY_KEY = {match_key(word): status for status, words in STATUS_WORDS.items() for word in words}

#: Follow-up question kinds (docs/input-format.md §2 column) and the words that name them.
#: ``utveckling`` is checked first: "Har antalet individer ökat?" asks for the trend.
FOLLOW_UP_WORDS: dict[str, tuple[str, ...]] = {
    "utveckling": ("utveckl*", "forandr*", "okat", "minskat", "oforandrat", "trend"),
    "individer": ("individ*", "antal*"),
    "beslut": ("bistandsbeslut*", "beslut*"),
    "regi": ("regi", "utforar*", "kommunal", "enskild"),
    "form": ("form", "fysisk*", "digital*"),
}
#: Words after a name that say which target group a same-named insats is for (SPEC §3);
#: compared allowing a typo ("våldutövare").
TARGET_WORDS: dict[str, str] = {"anhoriga": "anhoriga", "valdsutovare": "valdsutovare"}

#: The unit columns of a wide export: the long layout's names for them, less the tool's
#: "Respondent ID", which in a wide export numbers responses, not municipalities.
UNIT_KEYS: dict[str, str] = {
    header_key(alias): column
    for column in ("kommunkod", "kommun")
    for alias in (column, *ALIASES[column])
    if alias not in ("respondent_id", "respondent", "id")
}
#: Area-level questions named as in the long layout (an analyst may rename columns so).
AREA_KEYS: dict[str, str] = {
    header_key(alias): column
    for column in ("ytterligare_insatser", "vill_ge_utan_beslut", "huvudgrupper_utan_beslut")
    for alias in (column, *ALIASES[column])
}

#: A header that is only a question code of the tool: Q12, Q12_3, q4.1, F7a, V12_3_1.
CODE_PATTERN = re.compile(r"[A-Za-z]{1,3}\d+[a-z]?(?:[_.]\d+[a-z]?)*")


def words(header: str) -> list[str]:
    """Folded words of a header; a hyphen or underscore inside a word is dropped."""
    text = re.sub(r"(?<=\w)[-_](?=\w)", "", fold(header))
    return re.findall(r"\w+", text)


def has_word(found: list[str], patterns: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether any word equals a pattern, or starts with one ending in ``*``."""
    return bool(_pattern(tuple(sorted(patterns))).search(" " + " ".join(found) + " "))


@functools.cache
def _pattern(patterns: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = [re.escape(p[:-1]) + r"\w*" if p.endswith("*") else re.escape(p) for p in patterns]
    return re.compile(r" (?:" + "|".join(alternatives) + r") ")


def personal_kind(header: str) -> str | None:
    """ "name", "e-mail", "phone", "IP address" or "free text" for a personal column."""
    found = words(header)
    for kind, patterns in PERSONAL_WORDS.items():
        if has_word(found, patterns):
            return kind
    if has_word(found, ("kontaktperson*",)) and has_word(found, _ABOUT_THE_SURVEY):
        return "name"  # "Kontaktperson för enkäten": the respondent, not the insats Kontaktperson
    folded = " ".join(found)
    if folded.startswith(_FREE_TEXT_OPENINGS) and not has_word(found, ("huvudgrupp*", "bistandsbeslut*", "beslut")):
        return "free text"
    return None


#: The long layout's answer columns that wide headers are placed on by name: a cell placed
#: in one of them is quoted in a message only when it is close to an answer (a column of
#: names placed there by mistake is not). The status column is the tool's own, found by
#: its header, so its words are quoted as they are.
_ANSWER_COLUMNS = {column: key for column, key in VALUE_FIELDS.items() if column != "status"}
_ANSWER_TEXTS = tuple(match_key(text) for key in _ANSWER_COLUMNS.values() for text in VOCABULARY[key])
#: A value this short carries no person's data ("J", "x", "1").
_SHORT = 3
_CLOSE = 60


def shown_value(column: str, value: str | None) -> str | None:
    """``value`` as a message may quote it: in an answer column only when it is short, one
    plain word ("Privat") or close to some answer text; otherwise None — a full name, an
    address or a number is not printed (issue 21: personal data never in a message)."""
    if value is None or column not in _ANSWER_COLUMNS or len(value.strip()) <= _SHORT:
        return value
    one_word = re.fullmatch(r"[^\W\d_]{1,20}", value.strip()) is not None
    key = match_key(value)
    best = max((fuzz.ratio(key, text) for text in _ANSWER_TEXTS), default=0)
    return value if one_word or best >= _CLOSE else None


def tool_kind(header: str) -> str | None:
    """ "status", "response id", "time" or "other" for the tool's own columns."""
    key = header_key(header)
    if key in STATUS_KEYS:
        return "status"
    for kind, keys in TOOL_KEYS.items():
        if key in keys:
            return kind
    return None


def area_question(header: str) -> str | None:
    """The long-layout column of an area-level question written out in words, if it is one.

    "Ger ni ytterligare insatser utöver listan?" → ytterligare_insatser; "Vill ni ge insatser
    utan biståndsbeslut om lagen ändras?" → vill_ge_utan_beslut; "Inom vilka huvudgrupper …"
    → huvudgrupper_utan_beslut (one column for all, or one per huvudgrupp)."""
    key = header_key(header)
    if key in AREA_KEYS:
        return AREA_KEYS[key]
    found = words(header)
    without = has_word(found, ("utan",)) and has_word(found, ("bistandsbeslut*", "beslut*"))
    if has_word(found, ("huvudgrupp*",)) or (without and has_word(found, ("vilka", "vilken"))):
        return "huvudgrupper_utan_beslut"
    if without and has_word(found, ("vill", "lag", "lagen", "lagandring*", "lagstiftning*")):
        return "vill_ge_utan_beslut"
    if has_word(found, ("ytterligare",)) and has_word(found, ("insats*",)):
        return "ytterligare_insatser"
    return None


def follow_up_kinds(remainder: str) -> list[str]:
    """Follow-up kinds named by the words of a header left after the insats name: none means
    the "offered 2016–2020" question; more than one is an ambiguous header."""
    found = words(remainder)
    kinds = [kind for kind, patterns in FOLLOW_UP_WORDS.items() if has_word(found, patterns)]
    if "utveckling" in kinds and "individer" in kinds:
        kinds.remove("individer")
    return kinds


def target_of(remainder: str, raw: str) -> str | None:
    """The target group a header names outside the insats name (words or `*`/`**`)."""
    found = words(remainder)
    for target, word in TARGET_WORDS.items():
        if any(fuzz.ratio(w, word) >= 80 or w.startswith(word[:-1]) for w in found if len(w) > 4):
            return target
    if "**" in raw:
        return "valdsutovare"
    if "*" in raw:
        return "anhoriga"
    return None


def tool_status(value: str) -> str | None:
    """The survey's status text for one of the tool's words (None when not a known word)."""
    return STATUS_BY_KEY.get(match_key(value))


def is_code(header: str) -> bool:
    return bool(CODE_PATTERN.fullmatch(header.strip()))
