"""The Swedish words of the workbook: labels for answer codes, notes, sheet texts.

Kept apart from the builder so wording can change without touching table logic. The
follow-up labels are the readable long forms ("Både med och utan biståndsbeslut"),
not the short spellings accepted on input (``survey.VOCABULARY``).
"""

from __future__ import annotations

from reportgen.text import capital

SOURCE = "Källa: Enkät: Kartläggning av socialtjänstens insatser i Sveriges kommuner (2021)."
SURVEY = "Kartläggning av socialtjänstens insatser i Sveriges kommuner"
SYNTHETIC = (
    "Syntetiska data: siffrorna är framtagna av en slumpgenerator för att visa verktyget "
    "och beskriver inga verkliga kommuners svar."
)

#: Shorthand for cells without a value (UK Analysis Function style), see the notes sheet.
NOT_AVAILABLE = "[x]"
NOT_APPLICABLE = "[z]"

OFFERED = {"ja": "Ja", "lokal": "Ja, en lokal variant", "nej": "Nej", "vet_ej": "Vet ej"}
FOLLOW_UPS: dict[str, dict[str, str]] = {
    "beslut": {
        "A": "Enbart med biståndsbeslut",
        "AB": "Både med och utan biståndsbeslut",
        "B": "Enbart utan biståndsbeslut",
    },
    "regi": {"A": "Enbart kommunal regi", "AB": "Både kommunal och enskild regi", "B": "Enbart enskild regi"},
    "form": {"A": "Enbart fysisk form", "AB": "Både fysisk och digital form", "B": "Enbart digital form"},
    "individuals": {
        "1-20": "1–20",
        "21-100": "21–100",
        "101-500": "101–500",
        "500+": "Fler än 500",
        "vet_ej": "Vet ej",
    },
    "trend": {"okat": "Ökat", "oforandrat": "Oförändrat", "minskat": "Minskat", "vet_ej": "Vet ej"},
}
FOLLOW_UP_HEADERS = {
    "beslut": "Beslut",
    "regi": "Regi",
    "form": "Form",
    "individuals": "Individer 2016–2020",
    "trend": "Utveckling 2016–2020",
}
TARGETS = {"person": "Den enskilde", "anhoriga": "Anhöriga", "valdsutovare": "Våldsutövare"}

COVER_SHEET = "Läs mig"
CONTENTS_SHEET = "Innehåll"
NOTES_SHEET = "Noter"
FOLLOW_UP_SUFFIX = " – följdfrågor"


def _answers(labels: dict[str, str]) -> str:
    return ", ".join(f"”{label}”" for label in labels.values())


#: The notes in order; the builder numbers them ``[note 1]``, ``[note 2]``, … The first four
#: are in every workbook, the two on follow-ups only where there are follow-up sheets; the
#: sheets' descriptions refer to them by those numbers.
NOTES: tuple[tuple[str, str], ...] = (
    (
        "[note 1]",
        "Svaren på frågan om kommunen har erbjudit insatsen någon gång 2016–2020: "
        f"{_answers(OFFERED)}. En insats räknas som erbjuden när svaret är ”Ja” eller "
        "”Ja, en lokal variant”.",
    ),
    (
        "[note 2]",
        "”Ja, en lokal variant” betyder att kommunen har gett insatsen i en egen, lokalt utformad "
        "version, till exempel under ett annat namn eller med ett något annat innehåll, men med "
        "samma syfte som insatsen i kartläggningen.",
    ),
    (
        "[note 3]",
        "Tecken efter insatsens namn: * betyder att insatsen riktar sig till anhöriga, ** att den "
        "riktar sig till våldsutövare. Insatser utan tecken riktar sig till den enskilde.",
    ),
    (
        "[note 4]",
        "Andel = antal kommuner som erbjuder insatsen delat med antal kommuner som besvarat frågan "
        "om insatsen. Bara kommuner som har påbörjat eller slutfört enkätens område räknas. "
        "Stockholms stadsdelsområden svarade var för sig och räknas som kommuner.",
    ),
    (
        "[note 5]",
        "Följdfrågorna om beslut, regi, form, antal individer och utveckling ställdes bara för "
        "insatser som kommunen erbjuder. Flikarna med följdfrågor har därför en rad per kommun och "
        "erbjuden insats.",
    ),
    (
        "[note 6]",
        "Svarsalternativ i följdfrågorna. Beslut: "
        f"{_answers(FOLLOW_UPS['beslut'])}. Regi: {_answers(FOLLOW_UPS['regi'])}. "
        f"Form: {_answers(FOLLOW_UPS['form'])}. Antal individer som fått insatsen 2016–2020: "
        f"{_answers(FOLLOW_UPS['individuals'])}. Utveckling 2016–2020: {_answers(FOLLOW_UPS['trend'])}.",
    ),
)
#: The shorthand used in cells without a value, explained in the notes table after the notes.
SHORTHAND: tuple[tuple[str, str], ...] = (
    (
        NOT_AVAILABLE,
        "Uppgift saknas: frågan besvarades inte, eller kommunen har inte besvarat enkätens område.",
    ),
    (
        NOT_APPLICABLE,
        "Ej tillämpligt: andelen kan inte beräknas eftersom ingen kommun besvarade frågan om insatsen, "
        "eller (i kolumnen Underrubrik) insatsen står direkt under sin huvudgrupp.",
    ),
)
FOLLOW_UP_NOTES = ("[note 5]", "[note 6]")


def area_title(area: str) -> str:
    """The catalog's lower-case area key as a heading ("barn och unga" → "Barn och unga")."""
    return capital(area)
