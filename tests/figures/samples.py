"""Hand-built ChartSpecs like the deck builder's, for the figure tests and the benchmark."""

from __future__ import annotations

from reportgen.deck.model import ChartSpec, ReferenceLine, Series

# 40 respondents of a large county, Stockholm's districts included (their long names are
# the widest labels a per-municipality chart gets).
MUNICIPALITIES = (
    "Ale",
    "Alingsås",
    "Bengtsfors",
    "Bollebygd",
    "Borås",
    "Dals-Ed",
    "Essunga",
    "Falköping",
    "Färgelanda",
    "Grästorp",
    "Gullspång",
    "Göteborg",
    "Götene",
    "Herrljunga",
    "Hjo",
    "Härryda",
    "Karlsborg",
    "Kungälv",
    "Lerum",
    "Lidköping",
    "Lilla Edet",
    "Lysekil",
    "Mariestad",
    "Mark",
    "Mellerud",
    "Munkedal",
    "Mölndal",
    "Orust",
    "Partille",
    "Skara",
    "Skövde",
    "Sotenäs",
    "Stenungsund",
    "Strömstad",
    "Svenljunga",
    "Tanum",
    "Stockholm – Enskede-Årsta-Vantör",
    "Stockholm – Hägersten-Älvsjö",
    "Öckerö",
    "Åmål",
)

LONG_INSATSER = (
    "Särskilt boende, vård och omsorgsboende anpassat för personer med demenssjukdom (24)",
    "Avlösning genom korttidsboende, respite care, växelvård* (24)",
    "Kognitiv integrerad behandling vid barnmisshandel (KIBB) / the combined parent – child "
    "cognitive-behavioral therapy (CPC-CBT)",
    "Behandlingsprogram för våldsutövare i nära relationer, manualbaserat** (12)",
    "Information om anhörigstöd / anhörigperspektiv (25)",
)


def names(n: int) -> tuple[str, ...]:
    """``n`` municipality names; past the list, insats names with their marks."""
    pool = MUNICIPALITIES + tuple(f"{name} {i}" for i, name in enumerate(LONG_INSATSER * 20))
    return pool[:n]


def ranked(n: int = 38, zeros: bool = False, region: str = "body") -> ChartSpec:
    """Offered insatser per municipality, sorted, with county and Riket mean lines (SPEC §6.3)."""
    values = tuple(0.0 if zeros else float(62 - (i * 37) // max(n, 1)) for i in range(n))
    return ChartSpec(
        region=region,
        kind="bar",
        categories=names(n),
        series=(Series("Antal insatser", values, "primary"),),
        alt_text="Antal erbjudna insatser per kommun",
        value_format="count",
        reference_lines=(
            ReferenceLine("Länet: 44", 0.0 if zeros else 44.0),
            ReferenceLine("Riket: 41", 0.0 if zeros else 41.0, "muted"),
        ),
        caption="Antal insatser som kommunen erbjuder",
        key=f"ranked-{n}{'-zeros' if zeros else ''}",
    )


def stacked(n: int = 40, zeros: bool = False, region: str = "body", long: bool = False) -> ChartSpec:
    """Form per municipality plus Länet and Riket (SPEC §6.7c), the last two highlighted."""
    cats = (*names(n - 2), "Länet", "Riket") if n >= 2 else ("Länet",)
    if long:
        cats = tuple(LONG_INSATSER[i % len(LONG_INSATSER)] for i in range(n))
    a, ab, b = [], [], []
    for i in range(len(cats)):
        if zeros:
            a.append(0.0), ab.append(0.0), b.append(0.0)
            continue
        x = 40 + (i * 13) % 55
        y = (i * 7) % (100 - x)
        a.append(float(x)), ab.append(float(y)), b.append(float(100 - x - y))
    return ChartSpec(
        region=region,
        kind="stacked100",
        categories=cats,
        series=(
            Series("Enbart fysisk form", tuple(a), "cat_A"),
            Series("Både fysisk och digital form", tuple(ab), "cat_AB"),
            Series("Enbart digital form", tuple(b), "cat_B"),
        ),
        alt_text="Andel insatser per form och kommun",
        value_format="percent",
        highlight=(len(cats) - 2, len(cats) - 1) if len(cats) >= 2 else (0,),
        caption="100 % = insatser där frågan besvarats",
        key=f"stacked-{n}{'-zeros' if zeros else ''}{'-long' if long else ''}",
    )


HUVUDGRUPPER = (
    "Boendeformer / insatser i boendet",
    "Individ- och/eller gruppinsatser",
    "Utbildningsinsatser / informationsinsatser",
    "Övriga insatser",
)


def grouped(cats: tuple[str, ...] = HUVUDGRUPPER, zeros: bool = False, region: str = "body") -> ChartSpec:
    """Mean per huvudgrupp, county vs Riket (SPEC §6.4)."""
    county = tuple(0.0 if zeros else 3.5 + 2.25 * ((i * 5) % 7) for i in range(len(cats)))
    riket = tuple(0.0 if zeros else 3.0 + 2.1 * ((i * 3) % 7) for i in range(len(cats)))
    return ChartSpec(
        region=region,
        kind="bar",
        categories=cats,
        series=(Series("Skåne län", county, "primary"), Series("Riket", riket, "cat_AB")),
        alt_text="Genomsnittligt antal insatser per huvudgrupp",
        value_format="decimal",
        key=f"grouped-{len(cats)}{'-zeros' if zeros else ''}",
    )


def status(
    cats: tuple[str, ...] = ("Slutförd", "Påbörjad", "Ej påbörjad"), zeros: bool = False, region: str = "left"
) -> ChartSpec:
    """Status distribution of the survey (SPEC §6.1)."""
    values = tuple(0.0 if zeros else float(v) for v in ((25, 3, 5) * 20)[: len(cats)])
    return ChartSpec(
        region=region,
        kind="column",
        categories=cats,
        series=(Series("Antal kommuner", values),),
        alt_text="Antal kommuner per status",
        orientation="vertical",
        value_format="count",
        axis_label="Antal kommuner",
        key=f"status-{len(cats)}{'-zeros' if zeros else ''}",
    )


def wish(region: str = "right") -> ChartSpec:
    """Wish to give insatser without decision: Ja / Nej / Vet ej shares (SPEC §6.8)."""
    return ChartSpec(
        region=region,
        kind="column",
        categories=("Ja", "Nej", "Vet ej"),
        series=(Series("Skåne län", (64.0, 20.0, 16.0)), Series("Riket", (58.0, 27.0, 15.0), "cat_AB")),
        alt_text="Andel som vill ge insatser utan biståndsbeslut",
        value_format="percent",
        caption="Skulle kommunen vilja ge insatser utan biståndsbeslut?",
        key="wish",
    )
