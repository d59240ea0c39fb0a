"""Answered / completed per area (SPEC §5): responding = påbörjad or slutförd; a unit
with no responses row is *ej påbörjad*."""

from __future__ import annotations

from reportgen.metrics.model import Response
from reportgen.metrics.scope import AreaTables
from reportgen.survey import RESPONDING


def response(tables: AreaTables) -> Response:
    status = tables.units["status"]
    answered = int(status.isin(RESPONDING).sum())
    return Response(
        respondents=len(status),
        answered=answered,
        completed=int((status == "slutford").sum()),
        not_started=len(status) - answered,
    )
