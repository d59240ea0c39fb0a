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

#: Shorthand for cells without a value (UK Analysis Function style), explained on the
#: notes sheet: a question left unanswered and an area not answered at all are told apart.
NOT_AVAILABLE = "[x]"
AREA_NOT_ANSWERED = "[w]"
NOT_APPLICABLE = "[z]"

OFFERED = {"ja": "Ja", "lokal": "Ja, en lokal variant", "nej": "Nej", "vet_ej": "Vet ej"}
#: The same answers in the municipalities' columns of an area sheet, short so that 33
#: columns fit a screen and a printed page ("Ja, lokal" is explained in the notes).
OFFERED_SHORT = {**OFFERED, "lokal": "Ja, lokal"}
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
#: The sheets of chart data (issue 16). deck.yaml's notes name them ("fliken Kommuner"),
#: so a rename here is a rename there (tests/e2e checks that the two agree).
RESPONSE_SHEET = "Svarsfrekvens"
OFFER_SHEET = "Insatsutbud"
UNITS_SHEET = "Kommuner"
COUNTIES_SHEET = "Län"
GROUPS_SHEET = "Huvudgrupper"
WISH_SHEET = "Utan biståndsbeslut"
INDIVIDUALS_SHEET = "Individer"
CATALOG_SHEET = "Katalog"

ANSWERS = {"ja": "Ja", "nej": "Nej", "vet_ej": "Vet ej"}
#: "Individer, minst": the lower bound of each bucket, so that the column sorts 1, 21, 101, 501.
INDIVIDUALS_LOWER = {"1-20": 1, "21-100": 21, "101-500": 101, "500+": 501}
#: "Utveckling, riktning": +1 ökat, 0 oförändrat, −1 minskat.
TREND_DIRECTION = {"okat": 1, "oforandrat": 0, "minskat": -1}


def _answers(labels: dict[str, str]) -> str:
    return ", ".join(f"”{label}”" for label in labels.values())


#: The notes of the county and Riket workbooks by key; ``front.NoteRefs`` numbers those a
#: sheet refers to ("[not 1]", …) in the order of first reference.
NOTES: dict[str, str] = {
    "offered": (
        "Svaren på frågan om kommunen har erbjudit insatsen någon gång 2016–2020: "
        f"{_answers(OFFERED)}. En insats räknas som erbjuden när svaret är ”Ja” eller ”Ja, en lokal variant”."
    ),
    "local": (
        "”Ja, en lokal variant” (i kommunernas kolumner kort ”Ja, lokal”) betyder att kommunen har gett "
        "insatsen i en egen, lokalt utformad version, till exempel under ett annat namn eller med ett något "
        "annat innehåll, men med samma syfte som insatsen i kartläggningen."
    ),
    "marks": (
        "Tecken efter insatsens namn: * betyder att insatsen riktar sig till anhöriga, ** att den riktar "
        "sig till våldsutövare. Insatser utan tecken riktar sig till den enskilde."
    ),
    "share": (
        "Andel = antal kommuner som erbjuder insatsen delat med antal kommuner som besvarat frågan om "
        "insatsen. Bara kommuner som har påbörjat eller slutfört enkätens område räknas. Stockholms "
        "stadsdelsområden svarade var för sig och räknas som kommuner."
    ),
    "county_columns": (
        "Kolumnerna med länens namn visar andelen av länets kommuner som erbjuder insatsen, räknad på samma "
        "sätt som andelen för riket."
    ),
    "status": (
        "Svarsstatus per område: ”Slutförd” betyder att kommunen nått sista eller näst sista sidan i "
        "enkäten, ”Påbörjad” att den har börjat svara utan att nå dit, ”Ej påbörjad” att den inte har "
        "börjat. Kommuner som har påbörjat eller slutfört området har besvarat enkäten."
    ),
    "answering": (
        "Svarande kommuner (kommuner med svar om insatser) är de kommuner som har besvarat enkäten och "
        "minst en fråga om områdets insatser. En kommun som har börjat på enkäten utan att besvara någon "
        "sådan fråga har besvarat enkäten, men räknas inte som svarande kommun och inte som en kommun som "
        "erbjuder 0 insatser."
    ),
    "mean": (
        "Medelvärdet är antalet erbjudna insatser per kommun med svar om insatser, samma värde som "
        "medellinjerna i analysrapportens diagram. Rapporten visar det avrundat till heltal."
    ),
    "minmax": (
        "Lägsta och högsta antal erbjudna insatser räknas bland kommuner som har slutfört området; när "
        "ingen har slutfört det, bland alla svarande kommuner (kolumnen ”Lägsta och högsta bland”)."
    ),
    "further": (
        "Frågan ”Ger ni ytterligare insatser utöver listan?” besvarades med ”Ja” eller ”Nej”. Andelen "
        "räknas på dem som besvarat frågan."
    ),
    "wish": (
        "Frågan ”Om det sker en lagändring som möjliggör att kommunen erbjuder insatser utan biståndsbeslut, "
        "skulle ni vilja ge någon eller några insatser utan biståndsbeslut?” besvarades med ”Ja”, ”Nej” eller "
        "”Vet ej”. Den som svarade ”Ja” kunde välja flera huvudgrupper. Andelarna räknas på dem som besvarat "
        "frågan."
    ),
    "follow_ups": (
        "Följdfrågorna om beslut, regi, form, antal individer och utveckling ställdes bara för insatser som "
        "kommunen erbjuder. Flikarna med följdfrågor har därför en rad per kommun och erbjuden insats."
    ),
    "follow_up_answers": (
        "Svarsalternativ i följdfrågorna. Beslut: "
        f"{_answers(FOLLOW_UPS['beslut'])}. Regi: {_answers(FOLLOW_UPS['regi'])}. "
        f"Form: {_answers(FOLLOW_UPS['form'])}. Antal individer som fått insatsen 2016–2020: "
        f"{_answers(FOLLOW_UPS['individuals'])}. Utveckling 2016–2020: {_answers(FOLLOW_UPS['trend'])}."
    ),
    "sort_columns": (
        "Kolumnen ”Individer, minst” är det lägsta antalet i svarets intervall (1, 21, 101 eller 501) och "
        "”Utveckling, riktning” är 1 för ökat, 0 för oförändrat och −1 för minskat. Sortera på dem för att "
        "få svaren i naturlig ordning; ”Vet ej” har inget tal."
    ),
    "pairs": (
        "Fördelningarna räknar en insats en gång per kommun som erbjuder den och har besvarat följdfrågan. "
        "100 % = antal insatser med svar. Antal kommuner = kommuner med minst en sådan insats."
    ),
    "dimension_rows": (
        "Kolumnen Indelning säger vad raden avser: hela länet, riket, en kommun eller en huvudgrupp i länet "
        "(i rikets arbetsbok: ett län). Raderna är underlaget till diagrammen per kommun och per huvudgrupp."
    ),
    "individuals": (
        "Antal individer som tagit del av insatsen 2016–2020, för de erbjudna insatserna i varje kategori. "
        "100 % = insatser i kategorin där frågan om antal individer besvarats."
    ),
    "catalog_categories": (
        "Kategorierna grupperar områdets huvudgrupper på samma sätt som analysrapportens diagram över "
        "insatsernas fördelning. Andelen är räknad på områdets kartlagda insatser."
    ),
}

#: The shorthand of cells without a value, in the order the notes sheet lists them.
SHORTHAND: tuple[tuple[str, str], ...] = (
    (NOT_AVAILABLE, "Uppgift saknas: frågan besvarades inte."),
    (
        AREA_NOT_ANSWERED,
        "Området besvarades inte: kommunen har inte påbörjat enkätens del om området (svarsstatus "
        "”Ej påbörjad”), så den har inga svar där.",
    ),
    (
        NOT_APPLICABLE,
        "Ej tillämpligt: en andel eller ett medelvärde som inte kan beräknas eftersom ingen har besvarat "
        "frågan, en fråga som inte ställdes (huvudgrupper för den som inte svarat ”Ja”), ett svar utan tal "
        "(”Vet ej”), eller (i kolumnen Underrubrik) en insats som står direkt under sin huvudgrupp.",
    ),
)


def area_title(area: str) -> str:
    """The catalog's lower-case area key as a heading ("barn och unga" → "Barn och unga")."""
    return capital(area)
