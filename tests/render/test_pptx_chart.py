"""Native PowerPoint charts (``--charts editable``) read back with python-pptx.

A small deck with one chart of every kind and direction the deck builder makes —
ranked bars with mean lines, grouped bars, 100 % bars with Länet and Riket, columns,
grouped columns, three panels on one scale — is written in editable mode once per
module; each test reads what an analyst would find in PowerPoint.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from reportgen.deck.model import ChartSpec, Deck, ReferenceLine, Section, Series, Slide
from reportgen.figures.bar_plan import plan_chart
from reportgen.figures.layout import chart_box
from reportgen.figures.prepare import chart_context
from reportgen.render.geometry import chart_regions
from reportgen.render.pptx import render_pptx
from reportgen.render.pptx_chart import CHART_TYPES, WRITERS
from reportgen.render.pptx_chart_data import native_form
from reportgen.render.pptx_chart_xml import WORKBOOK_CREATED
from reportgen.theme import load_theme
from tests.figures import samples as S

THEME = load_theme()
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _panel(category: str, shares: tuple[float, ...], scale: float) -> ChartSpec:
    return ChartSpec(
        region={"A": "col1", "AB": "col2", "B": "col3"}[category],
        kind="column",
        orientation="vertical",
        categories=("1–20", "21–100", "101–500", "Fler än 500", "Vet ej"),
        series=(Series(f"Kategori {category}", shares, f"cat_{category}"),),
        alt_text=f"Stapeldiagram: antal individer, kategori {category}.",
        value_format="percent",
        legend=False,
        caption="100 % = 200 insatser",
        key=f"individer/{category}",
        value_max=scale,
    )


RANKED = replace(
    S.ranked(12),
    reference_lines=(
        ReferenceLine("Länet: 50", 50.4, "scope_county", name="Länet (snitt)"),
        ReferenceLine("Riket: 47", 47.2, "scope_national", name="Riket (snitt)"),
    ),
)
STACKED = replace(S.stacked(31), caption="", small_base=(3,), small_base_label="Streckad stapel: färre än 5 svar")
PANELS = (
    _panel("A", (12.0, 29.0, 30.0, 25.0, 4.0), 44.0),
    _panel("AB", (11.0, 25.0, 32.0, 23.0, 9.0), 44.0),
    _panel("B", (5.0, 28.0, 23.0, 44.0, 0.0), 44.0),
)
CHARTS: tuple[tuple[ChartSpec, ...], ...] = (
    (RANKED,),
    (S.grouped(),),
    (STACKED,),
    (S.status(region="body"),),
    (S.wish(),),
    PANELS,
    (replace(S.stacked(6, region="right"), orientation="vertical", key="stacked-vertical"),),
)


def _deck() -> Deck:
    slides = tuple(
        Slide(kind="content", title=f"Diagram {n}", blocks=specs, source="Källa", key=f"diagram-{n}")
        for n, specs in enumerate(CHARTS, start=1)
    )
    return Deck(
        title="Diagram", subtitle="", county="Skåne län", date_text="", sections=(Section("1", "Diagram", slides),)
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("native") / "diagram.pptx"
    render_pptx(_deck(), {}, path, chart_mode="editable")
    return path


@pytest.fixture(scope="module")
def frames(written: Path) -> list[list]:
    prs = Presentation(str(written))
    return [[shape for shape in slide.shapes if shape.has_chart] for slide in prs.slides]


def _values(chart) -> list[tuple[float | None, ...]]:
    return [tuple(series.values) for series in chart.plots[0].series]


def test_every_chart_is_native_with_the_kind_and_direction_of_its_spec(frames):
    for specs, shapes in zip(CHARTS, frames, strict=True):
        assert len(shapes) == len(specs)
        assert not [s for s in shapes if s.shape_type == 13]  # no pictures
        for spec, shape in zip(specs, shapes, strict=True):
            kind = spec.chart_kind
            assert shape.chart.chart_type == CHART_TYPES[(kind.grouping, spec.direction)], spec.key


def test_every_kind_has_a_native_writer():
    assert set(WRITERS) == {"bar", "column", "stacked100"}
    assert CHART_TYPES[("clustered", "horizontal")] == XL_CHART_TYPE.BAR_CLUSTERED
    assert CHART_TYPES[("percent_stacked", "horizontal")] == XL_CHART_TYPE.BAR_STACKED_100
    assert CHART_TYPES[("clustered", "vertical")] == XL_CHART_TYPE.COLUMN_CLUSTERED


def test_data_read_back_is_the_specs_with_mean_lines_as_rows(frames):
    chart = frames[0][0].chart
    assert tuple(chart.plots[0].categories) == (*RANKED.categories, "Länet (snitt)", "Riket (snitt)")
    assert _values(chart) == [(*RANKED.series[0].values, 50.4, 47.2)]
    stacked = frames[2][0].chart
    assert tuple(stacked.plots[0].categories) == STACKED.categories
    assert _values(stacked) == [s.values for s in STACKED.series]
    assert [s.name for s in stacked.plots[0].series] == [s.name for s in STACKED.series]


def _fill(point_or_series) -> str:
    return str(point_or_series.format.fill.fore_color.rgb)


def test_colours_come_from_the_theme_keys_and_mean_rows_wear_their_scopes(frames):
    chart = frames[0][0].chart
    series = chart.plots[0].series[0]
    n = len(RANKED.categories)
    assert _fill(series) == THEME.color("scope_unit").lstrip("#")
    assert _fill(series.points[n]) == THEME.color("scope_county").lstrip("#")
    assert _fill(series.points[n + 1]) == THEME.color("scope_national").lstrip("#")
    grouped = frames[1][0].chart.plots[0].series
    assert [_fill(s) for s in grouped] == [THEME.color("primary").lstrip("#"), THEME.color("cat_AB").lstrip("#")]


def test_lanet_and_riket_bars_are_outlined_in_100_percent_charts(frames):
    chart = frames[2][0].chart
    for series in chart.plots[0].series:
        ser = series._element
        lines = [
            (pt, pt.find(f"{C}spPr/{{http://schemas.openxmlformats.org/drawingml/2006/main}}ln"))
            for pt in ser.findall(f"{C}dPt")
        ]
        outlined = sorted(int(pt.find(f"{C}idx").get("val")) for pt, ln in lines if ln is not None)
        assert outlined == list(STACKED.highlight)


def _plan(spec: ChartSpec):
    form_spec = native_form(spec).spec
    box = chart_box(spec, THEME)
    return plan_chart(form_spec, chart_context(form_spec, THEME), (box.width, box.height))


def test_bars_on_a_small_base_are_hatched_with_their_figures_on_their_own_colour(frames):
    chart = frames[2][0].chart
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for j, series in enumerate(chart.plots[0].series):
        ser = series._element
        hatched = [pt for pt in ser.findall(f"{C}dPt") if pt.find(f".//{A}pattFill") is not None]
        assert [int(pt.find(f"{C}idx").get("val")) for pt in hatched] == [3]
        assert hatched[0].find(f".//{A}pattFill").get("prst") == "wdUpDiag"
        colour = THEME.color(STACKED.series[j].color).lstrip("#")
        assert hatched[0].find(f".//{A}pattFill/{A}bgClr/{A}srgbClr").get("val") == colour
        boxed = [d for d in ser.findall(f"{C}dLbls/{C}dLbl") if d.find(f"{C}spPr") is not None]
        if boxed:  # a segment too small for its figure has no label to box
            assert [int(d.find(f"{C}idx").get("val")) for d in boxed] == [3]
            assert boxed[0].find(f"{C}spPr//{A}srgbClr").get("val") == colour
            assert boxed[0].find(f"{C}showVal").get("val") == "1"


def test_value_axis_is_fixed_from_the_spec_and_panels_share_one_scale(frames):
    maxima = [shape.chart.value_axis.maximum_scale for shape in frames[5]]
    plan = _plan(PANELS[0])
    assert maxima == [plan.bars.value_end] * 3
    assert plan.bars.value_end >= 44.0  # the spec's shared value_max
    for shape in frames[5]:
        assert shape.chart.value_axis.minimum_scale == 0.0
    assert frames[2][0].chart.value_axis.maximum_scale == 1.0  # 100 % = 1 on a percent-stacked axis


def test_small_shares_have_their_labels_deleted_as_the_plan_says(frames):
    plan = _plan(STACKED)
    chart = frames[2][0].chart
    n = len(STACKED.categories)
    for j, series in enumerate(chart.plots[0].series):
        deleted = sorted(
            int(d.find(f"{C}idx").get("val"))
            for d in series._element.findall(f"{C}dLbls/{C}dLbl")
            if d.find(f"{C}delete") is not None
        )
        planned = [s.category for s in plan.bars.segments[j * n : (j + 1) * n] if not s.shown]
        assert deleted == planned
    label_size = chart.plots[0].series[0].data_labels.font.size.pt
    assert label_size >= 7.0


def test_the_chart_fills_the_picture_box_with_the_alt_text_of_its_spec(frames):
    for specs, shapes in zip(CHARTS, frames, strict=True):
        for spec, shape in zip(specs, shapes, strict=True):
            _, box = chart_regions(spec, THEME)
            assert (Emu(shape.left).inches, Emu(shape.top).inches) == pytest.approx((box.x, box.y), abs=1e-3)
            assert (Emu(shape.width).inches, Emu(shape.height).inches) == pytest.approx(
                (box.width, box.height), abs=1e-3
            )
            c_nv_pr = shape._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0]
            assert c_nv_pr.get("descr") == spec.alt_text
            assert c_nv_pr.get("name").startswith("Diagram: ")


def test_axis_ids_are_positive_and_each_axis_crosses_one_that_exists(written: Path):
    with zipfile.ZipFile(written) as z:
        charts = [n for n in z.namelist() if n.startswith("ppt/charts/chart")]
        assert len(charts) == sum(len(specs) for specs in CHARTS)
        for name in charts:
            root = etree.fromstring(z.read(name))
            ids = [int(a.get("val")) for a in root.iter(f"{C}axId")]
            assert ids and min(ids) > 0
            axes = {int(ax.find(f"{C}axId").get("val")) for ax in root.iter(f"{C}catAx", f"{C}valAx")}
            assert {int(c.get("val")) for c in root.iter(f"{C}crossAx")} <= axes
            assert root.find(f"{C}lang").get("val") == "sv-SE"


def test_embedded_workbook_holds_the_data_and_is_written_the_same_every_time(written: Path, tmp_path: Path):
    with zipfile.ZipFile(written) as z:
        blob = z.read("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(blob)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == RANKED.series[0].name
    assert [r[0] for r in rows[1:]] == [*RANKED.categories, "Länet (snitt)", "Riket (snitt)"]
    assert [r[1] for r in rows[1:]] == [*RANKED.series[0].values, 50.4, 47.2]
    props = openpyxl.load_workbook(io.BytesIO(blob)).properties
    assert props.created.year == WORKBOOK_CREATED.year
    again = tmp_path / "again.pptx"
    render_pptx(_deck(), {}, again, chart_mode="editable")
    with zipfile.ZipFile(again) as z:
        assert z.read("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx") == blob


def test_pictures_stay_the_default(tmp_path: Path):
    from reportgen.figures.draw import draw_charts

    deck = _deck()
    path = tmp_path / "pictures.pptx"
    render_pptx(deck, draw_charts(deck.charts), path)
    prs = Presentation(str(path))
    assert not [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert len([s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]) == len(deck.charts)


@pytest.mark.skipif(shutil.which("openxml-audit") is None, reason="openxml-audit is not installed")
def test_openxml_audit_finds_no_errors(written: Path):
    out = subprocess.run(["openxml-audit", str(written), "-o", "json"], capture_output=True, text=True, timeout=120)
    report = json.loads(out.stdout)
    assert report[0]["error_count"] == 0, report[0]["errors"][:5]


def test_the_theme_sets_the_default_and_refuses_an_unknown_mode(tmp_path: Path):
    from reportgen.errors import ReportgenError
    from reportgen.paths import LAYOUTS_DIR

    assert THEME.pptx_charts == "pictures"
    text = (LAYOUTS_DIR / "theme.yaml").read_text(encoding="utf-8")
    editable = tmp_path / "editable.yaml"
    editable.write_text(text.replace("  charts: pictures", "  charts: editable"), encoding="utf-8")
    assert load_theme(editable).pptx_charts == "editable"
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace("  charts: pictures", "  charts: native"), encoding="utf-8")
    with pytest.raises(ReportgenError, match=r"pptx: charts: found 'native'; expected one of pictures, editable"):
        load_theme(wrong)


def test_a_build_asked_for_other_charts_is_not_taken_as_finished(tmp_path: Path):
    from types import SimpleNamespace

    from reportgen.batch.county import BuildOptions, _stamp
    from reportgen.metrics.model import Scope

    ctx, scope = SimpleNamespace(fingerprint="f"), Scope("Skåne län", "12", "skane-lan")
    pictures = _stamp(ctx, scope, BuildOptions(tmp_path))  # the theme's default
    assert pictures == _stamp(ctx, scope, BuildOptions(tmp_path, charts="pictures"))
    assert pictures != _stamp(ctx, scope, BuildOptions(tmp_path, charts="editable"))
