"""The seeded synthetic answer set (SPEC §9, issue 2 item 6, issue 7).

``generate(seed)`` returns a ``Survey`` (synthetic=True) in which Riket reproduces the
national appendix and Skåne län the headline figures and tables of the Skåne deck;
``build(seed)`` also returns the notes on what could not be reproduced. Same seed, same
survey. See docs/demo-data.md for the method and the list of figures not reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.catalog import Catalog
from reportgen.demo import area_answers as aa
from reportgen.demo.allocate import feasible_denominators
from reportgen.demo.dimension_plan import plan_dimension
from reportgen.demo.followups import assign_dimension, individuals, individuals_mask, trend
from reportgen.demo.offer_matrix import Block, rest_block, skane_block
from reportgen.demo.offer_plan import plan_area
from reportgen.demo.respondents import COMPLETED, choose_rows, unit_traits
from reportgen.demo.targets import (
    NATIONAL_ANSWERED,
    NATIONAL_COMPLETED,
    NATIONAL_FURTHER_PCT,
    NATIONAL_WISH_PCT,
    NationalInsats,
    SkaneArea,
    SkaneTargets,
    load_national,
    load_skane,
)
from reportgen.register import Register
from reportgen.survey import ANSWER_COLUMNS, DIMENSIONS, RESPONSE_COLUMNS, WISH_GROUP_COLUMNS, Survey

DEFAULT_SEED = 2021
#: Share of offered answers given as "Ja, en lokal variant" (for the rarest insatser; the
#: commonest, statutory ones are almost never a local variant), and of non-offered as "Vet ej".
LOCAL_SHARE = 0.2
UNKNOWN_SHARE = 0.04
#: Skurup (1264) is the demo data's example of a municipality that answered no area: the
#: issues, the docs and the profile tests use it. The generator gives Skurup the answers
#: of a Skåne unit that answered none (and that unit Skurup's), which leaves every county
#: and national figure as it was.
SILENT_EXAMPLE = "1264"


@dataclass(frozen=True)
class Generated:
    survey: Survey
    notes: tuple[str, ...]  # deviations from printed figures, one line each


def generate(seed: int = DEFAULT_SEED) -> Survey:
    return build(seed).survey


def build(
    seed: int = DEFAULT_SEED,
    catalog: Catalog | None = None,
    register: Register | None = None,
    national: dict[str, NationalInsats] | None = None,
    skane: SkaneTargets | None = None,
) -> Generated:
    catalog = catalog or Catalog.load()
    register = register or Register.load()
    national = national or load_national()
    skane = skane or load_skane()
    rng = np.random.default_rng(seed)
    traits = unit_traits(register.units, rng)
    responses, wishes, answers, notes = [], [], [], []
    for area in catalog.areas:
        result = _area(area, catalog, register, traits, national, skane.areas[area], skane.county_code, rng)
        responses.append(result[0])
        wishes.append(result[1])
        answers.append(result[2])
        notes.extend(result[3])
    frames = _with_silent_example(
        pd.concat(responses, ignore_index=True)[RESPONSE_COLUMNS],
        pd.concat(wishes, ignore_index=True)[WISH_GROUP_COLUMNS],
        pd.concat(answers, ignore_index=True)[[*ANSWER_COLUMNS, "area"]],
        register,
    )
    survey = Survey(catalog, register, *frames, synthetic=True)
    return Generated(survey, tuple(notes))


def _with_silent_example(
    responses: pd.DataFrame, wishes: pd.DataFrame, answers: pd.DataFrame, register: Register
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The three tables with SILENT_EXAMPLE's rows swapped with those of the first unit of
    its county that started no area (a no-op when it already started none)."""
    started = set(responses.loc[responses["status"] != "ej_paborjad", "respondent_id"])
    if SILENT_EXAMPLE not in started:
        return responses, wishes, answers
    county = register.units.at[SILENT_EXAMPLE, "county_code"]
    units = register.units.index[register.units["county_code"] == county]
    other = next(u for u in units if u not in started)
    swap = {SILENT_EXAMPLE: other, other: SILENT_EXAMPLE}
    return tuple(  # type: ignore[return-value]
        frame.assign(respondent_id=frame["respondent_id"].map(lambda u: swap.get(u, u)))
        for frame in (responses, wishes, answers)
    )


def _area(area, catalog, register, traits, national, target: SkaneArea, county_code, rng):
    insatser = list(catalog.area(area).index)
    notes: list[str] = []
    minimum_n, maximum_n = printed_n_bounds(target, national)
    plan = plan_area(area, insatser, national, target, NATIONAL_ANSWERED[area], minimum_n, maximum_n, rng)
    notes.extend(f"{area}: {note}" for note in plan.notes)
    silent = target.answered - plan.skane_rows
    if plan.national_responding != NATIONAL_ANSWERED[area] + silent:
        notes.append(
            f"{area}: Riket has {plan.national_responding - silent} units with answers, not {NATIONAL_ANSWERED[area]}"
        )
    units = register.units
    skane_units = list(units.index[units["county_code"] == county_code])
    other_units = list(units.index[units["county_code"] != county_code])
    s_rows = choose_rows(skane_units, traits, target.answered, target.completed, plan.skane_rows, rng)
    rest_n = plan.national_responding - target.answered
    rest_completed = min(NATIONAL_COMPLETED[area] - target.completed, rest_n)
    r_rows = choose_rows(other_units, traits, rest_n, rest_completed, rest_n, rng)

    s_off = [p.skane_offered for p in plan.insatser]
    s_ans = [p.skane_answered for p in plan.insatser]
    skane = skane_block(s_rows, traits, s_off, s_ans, target.min, target.max, rng)
    rest_off = [p.national_offered - p.skane_offered for p in plan.insatser]
    rest_ans = [p.national_answered - p.skane_answered for p in plan.insatser]
    popularity = np.array([p.national_offered / max(p.national_answered, 1) for p in plan.insatser])
    rest = rest_block(r_rows, traits, rest_off, rest_ans, popularity, rng)

    codes = {"skane": {}, "rest": {}}
    for dim in DIMENSIONS:
        dplan = plan_dimension(
            dim,
            insatser,
            dict(zip(insatser, s_off, strict=True)),
            {p.insats_id: p.national_offered for p in plan.insatser},
            {iid: national[iid].dimensions[dim] for iid in insatser},
            target.dimensions.get(dim),
            rng,
        )
        notes.extend(f"{area}: {c}" for c in dplan.conflicts)
        for key, block, counts in (("skane", skane, dplan.skane), ("rest", rest, dplan.rest)):
            size = traits.loc[list(block.rows.units), "size"].to_numpy()
            codes[key][dim] = assign_dimension(block.offered, [counts[i] for i in insatser], size, dim, rng)
    targets = {d: t.individuals_n for d, t in target.dimensions.items() if t.individuals_n}
    s_mask, error = individuals_mask(skane.offered, codes["skane"], targets, rng)
    if error:
        notes.append(f"{area}: Skåne's individuals totals missed by {error} pairs in all")
    r_mask, _ = individuals_mask(rest.offered, codes["rest"], {}, rng)
    frames = []
    for key, block, mask in (("skane", skane, s_mask), ("rest", rest, r_mask)):
        size = traits.loc[list(block.rows.units), "size"].to_numpy()
        codes[key]["individuals"] = individuals(block.offered, size, popularity, mask, rng)
        codes[key]["trend"] = trend(block.offered, rng)
        frames.append(_answer_frame(block, insatser, codes[key], area, popularity, rng))

    responses, wishes = _area_rows(area, catalog, units, traits, target, s_rows, r_rows, rng)
    return responses, wishes, pd.concat(frames, ignore_index=True), notes


def printed_n_bounds(target: SkaneArea, national: dict[str, NationalInsats]) -> tuple[dict, dict]:
    """Per insats in a printed top-5 table: Skåne offered ≥ its printed n, and ≤ n plus the
    offering units Riket can leave without an answer to that follow-up (G − least F)."""
    low: dict[str, int] = {}
    high: dict[str, int] = {}
    for dim, table in target.dimensions.items():
        for rows in table.top5.values():
            for row in rows:
                given = national[row.insats_id].given.count
                ratio = national[row.insats_id].dimensions[dim]
                options = (
                    feasible_denominators(ratio.count, ratio.pct, ratio.count, given) if ratio.pct is not None else []
                )
                spare = given - options[0] if options else given
                low[row.insats_id] = max(low.get(row.insats_id, 0), row.n)
                high[row.insats_id] = min(high.get(row.insats_id, given), row.n + spare)
    return low, high


def _answer_frame(block: Block, insatser: list[str], codes: dict, area: str, popularity, rng) -> pd.DataFrame:
    r, c = np.nonzero(block.answered)
    offered = block.offered[r, c]
    value = np.where(
        offered,
        np.where(rng.random(len(r)) < LOCAL_SHARE * (1 - popularity[c]) + 0.01, "lokal", "ja"),
        np.where(rng.random(len(r)) < UNKNOWN_SHARE, "vet_ej", "nej"),
    )
    frame = pd.DataFrame(
        {
            "respondent_id": np.array(block.rows.units, dtype=object)[r],
            "insats_id": np.array(insatser, dtype=object)[c],
            "offered": value,
        }
    )
    for column in ("beslut", "regi", "form", "individuals", "trend"):
        frame[column] = pd.Series(codes[column][r, c], dtype=object).replace("", None).astype("str")
    frame["area"] = area
    return frame


def _area_rows(area, catalog, units, traits, target, s_rows, r_rows, rng):
    """One responses row per unit (ej påbörjad where it did not answer) and the wish groups."""
    groups = list(catalog.huvudgrupper(area)["huvudgrupp_id"])
    s_size = traits.loc[list(s_rows.units), "size"].to_numpy()
    r_size = traits.loc[list(r_rows.units), "size"].to_numpy()
    answering = sum(role != "silent" for role in s_rows.roles)
    d_s, y_s = aa.skane_further(target.further_pct, target.completed, answering)
    rest_completed = sum(role == COMPLETED for role in r_rows.roles)
    d_r, y_r = aa.national_further(NATIONAL_FURTHER_PCT[area], d_s, y_s, len(r_rows.units), rest_completed)
    further = np.concatenate(
        [
            aa.pick_answers(list(s_rows.roles), s_size, d_s, y_s, rng),
            aa.pick_answers(list(r_rows.roles), r_size, d_r, y_r, rng),
        ]
    )
    w_s = target.wish_answered or target.completed
    wish_pct = NATIONAL_WISH_PCT[area]
    yes_s = round(w_s * np.clip(wish_pct / 100 + rng.normal(scale=0.08), 0, 1))
    w_r = rest_completed
    w_r, yes_r = aa.national_further(wish_pct, w_s, yes_s, len(r_rows.units), w_r)
    wish = np.concatenate(
        [aa.wish_codes(list(s_rows.roles), w_s, yes_s, rng), aa.wish_codes(list(r_rows.roles), w_r, yes_r, rng)]
    )
    ids = [*s_rows.units, *r_rows.units]
    status = [*s_rows.status, *r_rows.status]
    responding = pd.DataFrame({"respondent_id": ids, "area": area, "status": status, "further": further, "wish": wish})
    silent = set(units.index) - set(ids)
    idle = pd.DataFrame(
        {"respondent_id": sorted(silent), "area": area, "status": "ej_paborjad", "further": "", "wish": ""}
    )
    frame = pd.concat([responding, idle], ignore_index=True)
    for column in ("further", "wish"):
        frame[column] = frame[column].astype(object).replace("", None).astype("str")
    chosen = [
        (rid, area, group)
        for rid, code in zip(ids, wish, strict=True)
        if code == "ja"
        for group in aa.wish_groups(groups, rng)
    ]
    wishes = pd.DataFrame(chosen, columns=WISH_GROUP_COLUMNS)
    return frame, wishes
