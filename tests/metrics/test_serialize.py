from __future__ import annotations

import json

from reportgen.metrics.serialize import ranking_frame, scope_json, summary_frame


def test_scope_json_figures(metrics):
    payload = scope_json(metrics["skane-lan"], ["äldre"])
    assert (payload["county"], payload["slug"], list(payload["areas"])) == ("Skåne län", "skane-lan", ["äldre"])
    area = payload["areas"]["äldre"]
    assert {k: area[k] for k in ("answered", "completed", "respondents", "offered_min", "offered_max")} == {
        "answered": 3,
        "completed": 2,
        "respondents": 4,
        "offered_min": 5,
        "offered_max": 6,
    }
    assert (area["offered_mean"], area["further_share"]) == (4.6667, 0.5)
    assert area["top10"][1] == {"insats_id": "ALD002", "insats": "Hemtjänst", "offered": 2, "answered": 2, "share": 1.0}
    assert area["dimensions"]["form"]["total"]["shares"] == {"A": 0.5385, "AB": 0.2308, "B": 0.2308}
    assert area["wish"]["per_group"][0] == {"huvudgrupp_id": "2.1", "huvudgrupp": "Boende", "respondents": 1}
    json.dumps(payload, allow_nan=False)


def test_undefined_figures_are_null(metrics):
    area = scope_json(metrics["uppsala-lan"])["areas"]["våld i nära relationer"]
    assert (area["offered_mean"], area["offered_min"], area["further_share"]) == (None, None, None)
    assert area["minmax_from_completed"] is False
    json.dumps(area, allow_nan=False)


def test_summary_and_ranking_frames(metrics):
    summary = summary_frame(metrics["uppsala-lan"])
    assert summary["area"].tolist() == ["äldre", "våld i nära relationer"]
    assert str(summary["offered_min"].dtype) == "Int64"
    assert summary.loc[0, ["offered_min", "offered_max", "minmax_from_completed"]].tolist() == [1, 2, False]
    top = ranking_frame(metrics["gotlands-lan"], "top10", ["äldre"])
    assert top[["rank", "insats_id"]].values.tolist() == [[1, "ALD001"], [2, "ALD002"], [3, "ALD008"]]
