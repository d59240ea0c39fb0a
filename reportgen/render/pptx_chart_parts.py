"""Chart parts added to one presentation under names numbered as they come.

python-pptx's ``add_chart`` finds a free part name for the chart and for its workbook
by listing every part of the package, twice per chart: over a deck of 140 charts that
is quadratic and cost about a fifth of the PowerPoint stage (profiled on the Skåne
deck). One counter per presentation gives the same names (``chart1.xml``,
``Microsoft_Excel_Sheet1.xlsx``, …) at once; the parts, relationships and graphic
frame are the ones ``add_chart`` makes.
"""

from __future__ import annotations

import datetime as dt
import re

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.presentation import Presentation
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.util import Length

from reportgen.render.pptx_chart_xml import WORKBOOK_CREATED

_NUMBER = re.compile(r"(\d+)\.\w+$")


class ChartParts:
    """Adds native charts to the slides of one presentation."""

    def __init__(self, prs: Presentation, created: dt.datetime = WORKBOOK_CREATED) -> None:
        self.created = created  # the build time, for the charts' embedded workbooks
        self._package = prs.part.package
        used = [
            int(match.group(1))
            for part in self._package.iter_parts()
            if str(part.partname).startswith(("/ppt/charts/chart", "/ppt/embeddings/Microsoft_Excel_Sheet"))
            and (match := _NUMBER.search(str(part.partname)))
        ]
        self._next = max(used, default=0) + 1

    def add_chart(
        self,
        slide: Slide,
        chart_type: XL_CHART_TYPE,
        x: Length,
        y: Length,
        cx: Length,
        cy: Length,
        chart_data: CategoryChartData,
    ) -> GraphicFrame:
        """What ``slide.shapes.add_chart`` does, with the next free number."""
        n, self._next = self._next, self._next + 1
        chart_part = ChartPart.load(
            PackURI(ChartPart.partname_template % n), CT.DML_CHART, self._package, chart_data.xml_bytes(chart_type)
        )
        chart_part.chart_workbook.xlsx_part = EmbeddedXlsxPart(
            PackURI(EmbeddedXlsxPart.partname_template % n),
            EmbeddedXlsxPart.content_type,
            self._package,
            chart_data.xlsx_blob,
        )
        rel_id = slide.part.relate_to(chart_part, RT.CHART)
        shapes = slide.shapes
        frame = shapes._add_chart_graphicFrame(rel_id, x, y, cx, cy)
        shapes._recalculate_extents()
        return shapes._shape_factory(frame)  # type: ignore[return-value]
