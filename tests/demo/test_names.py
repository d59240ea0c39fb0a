"""Printed Skåne names resolve to catalog ids; the acceptance comparison uses the same rules."""

from __future__ import annotations

import pytest

from reportgen.catalog import Catalog
from reportgen.demo.names import UnmatchedName, insats_id_of, name_key, same_name, split_mark


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_split_mark_and_key() -> None:
    assert split_mark("Stödprogram*") == ("Stödprogram", "*")
    assert split_mark("Caring Dads \\*\\*") == ("Caring Dads", "**")
    assert name_key("Växelvård/ korttidsboende") == name_key("Växelvård/korttidsboende") == "vaxelvardkorttidsboende"
    anhoriga = "Träffpunkter, mötesplatser, café och liknande (anhöriga)"
    assert name_key(anhoriga) == "traffpunktermotesplatsercafeochliknande"


@pytest.mark.parametrize(
    ("area", "printed", "expected"),
    [
        pytest.param("äldre", "Växelvård/ korttidsboende", "ALD020", id="spacing"),
        pytest.param("äldre", "Vårdhund/ vårddjur för personer i särskilt boende", "ALD021", id="alias-varddjur"),
        pytest.param("barn och unga", "Hem för vård eller boende (HVB-hem)", "BOU082", id="alias-hvb-hem"),
        pytest.param("barn och unga", "Umgängeskontaktperson", "BOU113", id="display-name-corrects-typo"),
        pytest.param("missbruk och beroende", "Al-Anon-inspirerade stödprogram*", "MOB047", id="display-al-anon"),
        pytest.param("funktionshinder", "Särskilt boende, gruppboende, vuxna", "FUN006", id="alias"),
        pytest.param("äldre", "Träffpunkter, mötesplatser, café och liknande*", "ALD037", id="mark-picks-anhoriga"),
        pytest.param("äldre", "Träffpunkter, mötesplatser, café och liknande", "ALD026", id="no-mark-person"),
        pytest.param("våld i nära relationer", "Råd och stöd från socialsekreteraren**", "VNR025", id="two-marks"),
        pytest.param("våld i nära relationer", "Råd och stöd från socialsekreteraren", "VNR015", id="same-name-person"),
    ],
)
def test_insats_id_of(catalog: Catalog, area: str, printed: str, expected: str) -> None:
    assert insats_id_of(catalog, area, printed) == expected


def test_unknown_name_raises(catalog: Catalog) -> None:
    with pytest.raises(UnmatchedName):
        insats_id_of(catalog, "äldre", "Rymdresor för seniorer")


def test_same_name_ignores_spacing_punctuation_and_aliases(catalog: Catalog) -> None:
    assert same_name("Växelvård/ korttidsboende", "Växelvård/korttidsboende", "äldre")
    # The deck's names equal the catalog's printed labels where the appendix had a typo.
    assert same_name("Umgängeskontaktperson", catalog.label("BOU113"), "barn och unga")
    assert same_name("Vårdhund/ vårddjur för personer i särskilt boende", catalog.label("ALD021"), "äldre")
    assert same_name("Hem för vård eller boende (HVB-hem)", catalog.label("MOB004"), "missbruk och beroende")
    assert same_name("Haschavänjningsprogrammet (HAP)", catalog.label("MOB019"), "missbruk och beroende")
    assert same_name("Avlösning i hemmet*", "Avlösning i hemmet*", "äldre")
    assert not same_name("Avlösning i hemmet", "Avlösning i hemmet*", "äldre")
    assert not same_name("Hemtjänst", "Tillsyn", "äldre")
