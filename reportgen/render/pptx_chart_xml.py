"""Chart XML that python-pptx's chart API does not reach, and its one known quirk.

- python-pptx's chart templates number the axes with negative ids; the schema types
  ``c:axId`` and ``c:crossAx`` as unsigned, so ``openxml-audit`` reports six errors per
  chart (VALIDATION.md). :func:`renumber_axes` makes them 1, 2, ….
- A point's data label is deleted with ``<c:dLbl><c:idx/><c:delete val="1"/></c:dLbl>``
  (the segments of 100 % bars too small for their share), or given a background (the
  figures in hatched segments of bars on a small base).
- The plot area, legend and title are placed where the Matplotlib plan puts them
  (``c:manualLayout``), so the native chart has the picture's geometry.
- Category labels must all show (``c:tickLblSkip`` 1): PowerPoint otherwise skips every
  other one when 30 municipalities share an axis.
- The chart's text says it is Swedish (``c:lang`` and every run's ``lang``).
- The embedded workbook carries the deck's build time (the run's one time, SPEC §10),
  so the same deck gives the same bytes (XlsxWriter would stamp the current time).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from contextlib import contextmanager
from typing import Any

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.oxml.ns import qn
from pptx.util import lazyproperty
from xlsxwriter import Workbook

#: The embedded workbooks' creation date when the deck carries no build time.
WORKBOOK_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_AXES = ("c:catAx", "c:valAx", "c:dateAx", "c:serAx")


class _FixedDateWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's category workbook, with a given creation date and sheet name."""

    def __init__(self, chart_data: CategoryChartData, created: dt.datetime) -> None:
        super().__init__(chart_data)
        self._created = created

    @contextmanager
    def _open_worksheet(self, xlsx_file: io.BytesIO) -> Any:
        workbook = Workbook(xlsx_file, {"in_memory": True})
        workbook.set_properties({"created": self._created.astimezone(dt.UTC).replace(tzinfo=None)})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class ChartData(CategoryChartData):
    """``CategoryChartData`` whose workbook is written reproducibly, dated ``created``."""

    def __init__(self, number_format: str = "General", created: dt.datetime = WORKBOOK_CREATED) -> None:
        super().__init__(number_format)
        self._created = created

    @lazyproperty
    def _workbook_writer(self) -> CategoryWorkbookWriter:
        return _FixedDateWorkbookWriter(self, self._created)


def renumber_axes(chart: Chart) -> None:
    """Give the chart's axes the ids 1, 2, … (python-pptx writes negative ones)."""
    space = chart._chartSpace
    ids: dict[str, str] = {}
    for element in space.iter(qn("c:axId")):
        ids.setdefault(element.get("val"), str(len(ids) + 1))
    for tag in ("c:axId", "c:crossAx"):
        for element in space.iter(qn(tag)):
            element.set("val", ids.get(element.get("val"), element.get("val")))


def delete_point_labels(series_element: etree._Element, points: list[int]) -> None:
    """Hide the data labels of ``points`` of one ``c:ser`` (which must have ``c:dLbls``)."""
    d_lbls = series_element.find(qn("c:dLbls"))
    if d_lbls is None or not points:
        return
    for idx in sorted(points):
        label = etree.Element(qn("c:dLbl"))
        etree.SubElement(label, qn("c:idx")).set("val", str(idx))
        etree.SubElement(label, qn("c:delete")).set("val", "1")
        _insert_label(d_lbls, label, idx)


#: What a point's own ``c:dLbl`` repeats of its series' ``c:dLbls`` (the schema's order).
_LABEL_PARTS = (
    "c:numFmt",
    "c:txPr",
    "c:dLblPos",
    "c:showLegendKey",
    "c:showVal",
    "c:showCatName",
    "c:showSerName",
    "c:showPercent",
    "c:showBubbleSize",
)


def box_point_labels(series_element: etree._Element, points: list[int], fill: str) -> None:
    """Give the data labels of ``points`` a background of ``fill`` (hex), so a hatched
    segment's lines do not cross its figure. A point's own ``c:dLbl`` replaces the
    series' settings for it, so it repeats them."""
    d_lbls = series_element.find(qn("c:dLbls"))
    if d_lbls is None or not points:
        return
    deleted = {int(d.find(qn("c:idx")).get("val")) for d in d_lbls.findall(qn("c:dLbl"))}
    for idx in sorted(set(points) - deleted, reverse=True):
        label = etree.Element(qn("c:dLbl"))
        etree.SubElement(label, qn("c:idx")).set("val", str(idx))
        for tag in _LABEL_PARTS:
            part = d_lbls.find(qn(tag))
            if part is not None:
                label.append(copy.deepcopy(part))
            if tag == "c:numFmt":
                sp_pr = etree.SubElement(label, qn("c:spPr"))
                solid = etree.SubElement(sp_pr, qn("a:solidFill"))
                etree.SubElement(solid, qn("a:srgbClr")).set("val", fill.lstrip("#").upper())
        _insert_label(d_lbls, label, idx)


def _insert_label(d_lbls: etree._Element, label: etree._Element, idx: int) -> None:
    """``c:dLbl`` elements come first in ``c:dLbls``, in index order."""
    for existing in d_lbls.findall(qn("c:dLbl")):
        if int(existing.find(qn("c:idx")).get("val")) > idx:
            existing.addprevious(label)
            return
    others = [child for child in d_lbls if child.tag != qn("c:dLbl")]
    if others:
        others[0].addprevious(label)
    else:
        d_lbls.append(label)


def manual_layout(
    parent: etree._Element,
    x: float,
    y: float,
    w: float | None = None,
    h: float | None = None,
    *,
    inner: bool = False,
) -> None:
    """Place ``parent`` (plot area, legend, title) at fractions of the chart's size.

    ``inner`` places the plot area's inner box (the axes' rectangle, without tick
    labels), as Matplotlib's axes are placed.
    """
    layout = parent.find(qn("c:layout"))
    if layout is None:
        layout = etree.Element(qn("c:layout"))
        _insert_layout(parent, layout)
    for child in list(layout):
        layout.remove(child)
    box = etree.SubElement(layout, qn("c:manualLayout"))
    if inner:
        etree.SubElement(box, qn("c:layoutTarget")).set("val", "inner")
    etree.SubElement(box, qn("c:xMode")).set("val", "edge")
    etree.SubElement(box, qn("c:yMode")).set("val", "edge")
    for tag, value in (("c:x", x), ("c:y", y), ("c:w", w), ("c:h", h)):
        if value is not None:
            etree.SubElement(box, qn(tag)).set("val", f"{min(max(value, 0.0), 1.0):.6f}")


def _insert_layout(parent: etree._Element, layout: etree._Element) -> None:
    """``c:layout`` goes first in a plot area, after ``c:tx`` in a title, after
    ``c:legendPos``/``c:legendEntry`` in a legend."""
    if parent.tag == qn("c:legend"):
        anchors = parent.findall(qn("c:legendPos")) + parent.findall(qn("c:legendEntry"))
        if anchors:
            anchors[-1].addnext(layout)
            return
    elif parent.tag == qn("c:title") and parent.find(qn("c:tx")) is not None:
        parent.find(qn("c:tx")).addnext(layout)
        return
    parent.insert(0, layout)


def show_every_category(chart: Chart) -> None:
    """Every category keeps its label: no automatic skipping."""
    for axis in chart._chartSpace.iter(qn("c:catAx")):
        for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
            element = axis.find(qn(tag))
            if element is None:
                element = etree.Element(qn(tag))
                # Both sit before c:noMultiLvlLbl, the last element a category axis has here.
                anchor = axis.find(qn("c:noMultiLvlLbl"))
                if anchor is not None:
                    anchor.addprevious(element)
                else:
                    axis.append(element)
            element.set("val", "1")


def set_chart_language(chart: Chart, lang: str) -> None:
    """``c:lang`` (right after ``c:date1904``) and ``lang`` on every run property."""
    space = chart._chartSpace
    element = space.find(qn("c:lang"))
    if element is None:
        element = etree.Element(qn("c:lang"))
        date1904 = space.find(qn("c:date1904"))
        if date1904 is not None:
            date1904.addnext(element)
        else:
            space.insert(0, element)
    element.set("val", lang)
    for tag in ("a:defRPr", "a:rPr", "a:endParaRPr"):
        for run in space.iter(qn(tag)):
            run.set("lang", lang)


def cross_at_maximum(axis_element: etree._Element) -> None:
    """Let ``axis_element`` cross its perpendicular axis at that axis' maximum: a value
    axis stays below bars whose category axis runs top-down (``orientation maxMin``)."""
    crosses = axis_element.find(qn("c:crosses"))
    if crosses is None:
        crosses = etree.Element(qn("c:crosses"))
        axis_element.find(qn("c:crossAx")).addnext(crosses)
    crosses.set("val", "max")


def rotate_tick_labels(axis_element: etree._Element, degrees: int) -> None:
    """Turn an axis' tick labels (``c:txPr`` body rotation, in 60 000ths of a degree)."""
    tx_pr = axis_element.find(qn("c:txPr"))
    if tx_pr is None:
        return
    body = tx_pr.find(qn("a:bodyPr"))
    body.set("rot", str(degrees * 60000))
    body.set("vert", "horz")


def axis_elements(chart: Chart) -> list[etree._Element]:
    plot_area = chart._chartSpace.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    return [child for child in plot_area if child.tag in {qn(t) for t in _AXES}]
