"""Ten most / least common (SPEC §5): tie rules at the cut and in the hand-built survey."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from reportgen.metrics.ranking import least_common, most_common

# 13 insatser: offered and answered chosen so counts tie and shares tie at the cut.
OFFERED = [5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 0]
ANSWERED = [10, 5, 10, 8, 4, 8, 5, 6, 3, 6, 10, 4, 0]


@pytest.fixture
def table() -> pd.DataFrame:
    ids = [f"I{i:02d}" for i in range(13)]
    return pd.DataFrame(
        {
            "insats": [f"Insats {i}" for i in range(13)],
            "offered": OFFERED,
            "answered": ANSWERED,
            "share": [o / a if a else math.nan for o, a in zip(OFFERED, ANSWERED, strict=True)],
            "order": range(13),
        },
        index=pd.Index(ids, name="insats_id"),
    )


def test_most_common_ties_by_higher_share_then_catalog_order(table):
    ranked = [r.insats_id for r in most_common(table)]
    # 5: I01 (1.0) before I00, I02 (0.5, catalog order); 4: I04 1.0, I06 0.8, I03, I05 0.5;
    # 3: I08 1.0, I11 0.75, then I07 and I09 tie at 0.5 — the cut keeps I07 (catalog order).
    assert ranked == ["I01", "I00", "I02", "I04", "I06", "I03", "I05", "I08", "I11", "I07"]


def test_least_common_excludes_offered_by_nobody_and_ties_by_lower_share(table):
    ranked = [r.insats_id for r in least_common(table)]
    # I12 (offered 0) never appears; 3: I10 0.3, I07 0.5, I09 0.5, I11 0.75, I08 1.0;
    # 4: I03 0.5, I05 0.5, I06 0.8, I04 1.0; 5: I00 (0.5) is the tenth.
    assert ranked == ["I10", "I07", "I09", "I11", "I08", "I03", "I05", "I06", "I04", "I00"]


def test_row_values(table):
    first = most_common(table)[0]
    assert (first.insats_id, first.insats, first.offered, first.answered, first.share) == ("I01", "Insats 1", 5, 5, 1.0)


def test_skane_top_and_bottom(metrics):
    area = metrics["skane-lan"].areas["äldre"]
    # 001 3/3; 002 2/2 beats 003, 004, 005, 007 (2/3, catalog order); 006 1/3; offered 0 excluded.
    assert [r.insats_id for r in area.top10] == ["ALD001", "ALD002", "ALD003", "ALD004", "ALD005", "ALD007", "ALD006"]
    assert [r.insats_id for r in area.bottom10] == [
        "ALD006",
        "ALD003",
        "ALD004",
        "ALD005",
        "ALD007",
        "ALD002",
        "ALD001",
    ]
    assert area.top10[2].insats == "Avlösning*"
    assert [r.insats for r in area.top10[3:5]] == ["Samtalsstöd", "Samtalsstöd*"]
    assert (area.bottom10[0].offered, area.bottom10[0].answered) == (1, 3)
    assert area.bottom10[0].share == pytest.approx(1 / 3)


def test_same_name_for_two_target_groups_kept_apart(metrics):
    vnr = metrics["riket"].areas["våld i nära relationer"]
    assert [(r.insats_id, r.insats) for r in vnr.top10] == [("VNR001", "Skyddat boende"), ("VNR003", "Behandling**")]
    assert [r.insats_id for r in vnr.bottom10] == ["VNR001", "VNR003"]


def test_single_unit_county(metrics):
    area = metrics["gotlands-lan"].areas["äldre"]
    assert [r.insats_id for r in area.top10] == ["ALD001", "ALD002", "ALD008"]
    assert [r.insats_id for r in area.bottom10] == ["ALD001", "ALD002", "ALD008"]
