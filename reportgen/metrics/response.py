"""Answered / completed per area (SPEC §5): responding = påbörjad or slutförd; a unit
with no responses row is *ej påbörjad*."""

from __future__ import annotations

from reportgen.metrics.model import Response
from reportgen.metrics.offer import answering_units
from reportgen.metrics.scope import AreaTables
from reportgen.survey import RESPONDING


def response(tables: AreaTables) -> Response:
    found = tables.units["status"].value_counts()
    answered = sum(int(found.get(status, 0)) for status in RESPONDING)
    respondents = len(tables.units)
    return Response(
        respondents=respondents,
        answered=answered,
        completed=int(found.get("slutford", 0)),
        not_started=respondents - answered,
        with_answers=answering_units(tables),
    )
