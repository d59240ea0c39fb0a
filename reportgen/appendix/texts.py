"""The Swedish words of the result appendix (SPEC §8b), apart from the builder's logic.

Written in our own words (SPEC §2: prose is fresh, facts may be reused): what is
counted, that "Ja, en lokal variant" counts as given, that the three follow-up columns
include the "Både …" answers, what each share is computed over, and what "-" means.
"""

from __future__ import annotations

from reportgen.workbook.texts import SOURCE, SURVEY, SYNTHETIC

__all__ = ["SOURCE", "SURVEY", "SYNTHETIC"]

TITLE = "Utvalda resultat för samtliga kartlagda insatser"
SURVEY_YEAR = "2021"
PERIOD = "2016–2020"
CONTENTS = "Innehåll"
ABOUT = "Om resultattabellerna"
DASH = "-"  # the cell where nobody answered, as in the national appendix

#: The contact line under the organisation on the title page (settings, SPEC §10).
CONTACT = "Kontakt: {contact}"

COLUMN_INSATS = "Insats"
#: The four figure columns: (header text, what the footnote says it counts).
COLUMNS: tuple[tuple[str, str], ...] = (
    (
        "Antal kommuner som ger insatsen (andel)",
        "Här räknas både kommuner som svarat ”Ja” och kommuner som svarat ”Ja, en lokal variant”. "
        "Andelen avser de kommuner som besvarat frågan om insatsen.",
    ),
    (
        "Varav i digital form (andel)",
        "Här räknas kommuner som ger insatsen enbart digitalt och kommuner som ger den både fysiskt "
        "och digitalt. Andelen avser de kommuner som ger insatsen och besvarat frågan om form.",
    ),
    (
        "Varav i enskild regi (andel)",
        "Här räknas kommuner som ger insatsen enbart i enskild regi och kommuner som ger den i både "
        "kommunal och enskild regi. Andelen avser de kommuner som ger insatsen och besvarat frågan om regi.",
    ),
    (
        "Varav utan biståndsbeslut (andel)",
        "Här räknas kommuner som ger insatsen enbart utan biståndsbeslut och kommuner som ger den både "
        "med och utan beslut. Andelen avser de kommuner som ger insatsen och besvarat frågan om beslut.",
    ),
)

MARKS = {
    "*": "* Insatsen riktar sig till anhöriga.",
    "**": "** Insatsen riktar sig till våldsutövare.",
}


def area_heading(area: str) -> str:
    return f"Verksamhetsområde {area}"


def title_lines(scope: str, national: bool) -> tuple[str, ...]:
    where = "alla kommuner i landet" if national else f"kommunerna i {scope}"
    return (
        f"{SURVEY} ({SURVEY_YEAR})",
        f"Resultattabeller för {where}: insatser som getts {PERIOD}",
    )


def about(scope: str, national: bool, size: int, synthetic: bool) -> tuple[str, ...]:
    """The explanatory section's paragraphs."""
    where = "i landet" if national else f"i {scope}"
    among = "de kommuner som besvarat enkäten" if national else "länets kommuner som besvarat enkäten"
    paragraphs = [
        f"Bilagan visar för var och en av de {size} insatser som kartlades i enkäten hur många kommuner "
        f"{where} som har gett insatsen någon gång under {PERIOD}, räknat bland {among}. Insatserna står "
        "i samma ordning som i enkäten, ordnade efter verksamhetsområde, huvudgrupp och underrubrik.",
        "En kommun räknas som att den ger en insats när den har svarat ”Ja” eller ”Ja, en lokal "
        "variant” på frågan om insatsen; en lokal variant är en egen version av insatsen med samma "
        "syfte. Stockholms stadsdelsområden besvarade enkäten var för sig och räknas här som kommuner. "
        "Bara kommuner som har påbörjat eller slutfört enkätens del om verksamhetsområdet räknas.",
        "För de insatser kommunen ger ställdes följdfrågor om form, regi och beslut. Kolumnen för "
        "digital form räknar både kommuner som ger insatsen enbart digitalt och kommuner som ger den "
        "både fysiskt och digitalt. På samma sätt räknar kolumnen för enskild regi också svaret "
        "”Både kommunal och enskild regi”, och kolumnen för insatser utan biståndsbeslut också svaret "
        "”Både med och utan biståndsbeslut”.",
        "Varje cell visar ett antal kommuner med en andel inom parentes, avrundad till hela procent. "
        "I den första sifferkolumnen är andelen räknad på de kommuner som besvarat frågan om insatsen. "
        "I de tre följande kolumnerna är andelen räknad på de kommuner som ger insatsen och som har "
        "besvarat just den följdfrågan; en kommun som lämnat följdfrågan obesvarad ingår varken i "
        "antalet eller i det som andelen räknas på. Andelarna i en rad har därför olika nämnare.",
        f"Ett streck ({DASH}) betyder att ingen kommun har besvarat frågan, så att någon andel inte "
        "kan räknas fram. Oftast beror det på att ingen kommun ger insatsen, och då ställdes inga "
        "följdfrågor.",
        "En asterisk (*) efter en insats namn betyder att insatsen riktar sig till anhöriga. Två "
        "asterisker (**) betyder att den riktar sig till våldsutövare.",
    ]
    if not national:
        paragraphs.append(
            f"Alla antal och andelar gäller kommunerna i {scope}. Rikets siffror finns i bilagan för riket."
        )
    if synthetic:
        paragraphs.append(SYNTHETIC)
    paragraphs.append(SOURCE)
    return tuple(paragraphs)


def nobody_answered(scope: str, area: str) -> str:
    return (
        f"Ingen kommun i {scope} har besvarat enkätens frågor om insatser inom verksamhetsområdet "
        f"{area}. Därför finns inga resultat att visa för området."
    )


def table_summary(heading: str, scope: str) -> str:
    return (
        f"{heading}, {scope}: antal kommuner (andel) som ger varje insats, i digital form, "
        "i enskild regi och utan biståndsbeslut"
    )
