"""The result appendix (issue 2 item 7) on the hand-built survey."""

from __future__ import annotations

import pandas as pd

from reportgen.metrics.appendix import APPENDIX_COLUMNS, appendix_table
from reportgen.metrics.scope import RIKET, scope_for

NA = pd.NA


def _row(frame: pd.DataFrame, insats_id: str) -> list:
    row = frame.set_index("insats_id").loc[insats_id]
    return [None if pd.isna(v) else v for v in row.iloc[3:].tolist()]


def test_columns_and_dtypes(survey):
    frame = appendix_table(survey, RIKET)
    assert list(frame.columns) == APPENDIX_COLUMNS == [
        "area", "huvudgrupp", "insats_id", "insats", "given", "given_pct", "digital", "digital_pct",
        "private", "private_pct", "without_decision", "without_decision_pct",
    ]  # fmt: skip
    assert list(frame["insats_id"]) == [*(f"ALD{i:03d}" for i in range(1, 13)), "VNR001", "VNR002", "VNR003"]
    for column in ("given", "digital", "private", "without_decision"):
        assert frame[column].dtype == "int64"
        assert str(frame[f"{column}_pct"].dtype) == "Int64"
    assert frame["area"].iloc[0] == "äldre" and frame["huvudgrupp"].iloc[0] == "Boende"
    assert frame["insats"].tolist()[-1] == "Behandling**"


def test_riket_rows(survey):
    frame = appendix_table(survey, RIKET)
    # ALD002: given by Bjuv, Malmö, Gotland, Enköping of 5 answering (Lund blank) = 80 %;
    # form Bjuv AB, Malmö AB, Gotland B (Enköping blank) → 3 of 3; regi A, AB, A → 1 of 3;
    # beslut B, AB, AB → 3 of 3.
    assert _row(frame, "ALD002") == [4, 80, 3, 100, 1, 33, 3, 100]
    # ALD004: Bjuv (lokal), Malmö, Enköping of 6; form A, A, AB; regi B, A, A; beslut A, B, B.
    assert _row(frame, "ALD004") == [3, 50, 1, 33, 1, 33, 2, 67]


def test_county_rows_and_blanks(survey):
    frame = appendix_table(survey, scope_for(survey, "Skåne län"))
    assert _row(frame, "ALD001") == [3, 100, 1, 33, 0, 0, 0, 0]
    # ALD003: regi answered only by Lund (Bjuv blank) → 0 of 1.
    assert _row(frame, "ALD003") == [2, 67, 2, 100, 0, 0, 2, 100]
    # ALD009: answered by all three, offered by none: 0 %, follow-ups blank.
    assert _row(frame, "ALD009") == [0, 0, 0, None, 0, None, 0, None]
    # ALD011: nobody answered at all.
    assert _row(frame, "ALD011") == [0, None, 0, None, 0, None, 0, None]


def test_csv_blank_where_no_one_answered(survey):
    text = appendix_table(survey, scope_for(survey, "Skåne län")).to_csv(index=False, lineterminator="\n")
    assert "äldre,Övrigt,ALD011,Fixartjänst,0,,0,,0,,0,\n" in text
