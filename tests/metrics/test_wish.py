from __future__ import annotations

import pytest

from reportgen.metrics.model import Wish


def test_wish_skane_ignores_not_started_units(metrics):
    # Bjuv ja (2.1, 2.2), Malmö nej, Lund vet ej; Landskrona's 2.1 has no responses row.
    assert metrics["skane-lan"].areas["äldre"].wish == Wish(
        3, {"ja": 1, "nej": 1, "vet_ej": 1}, (("2.1", "Boende", 1), ("2.2", "Individ", 1), ("2.3", "Övrigt", 0))
    )


def test_wish_riket_shares_over_non_blank(metrics):
    wish = metrics["riket"].areas["äldre"].wish
    assert wish.answered == 5  # Gotland left it blank
    assert wish.share("ja") == pytest.approx(0.4)
    assert wish.per_group == (("2.1", "Boende", 1), ("2.2", "Individ", 1), ("2.3", "Övrigt", 1))


def test_wish_nobody_answered(metrics):
    wish = metrics["gotlands-lan"].areas["äldre"].wish
    assert wish.answered == 0 and wish.share("ja") is None
