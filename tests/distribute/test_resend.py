"""The resend decision as a table: log status × earlier delivery × --resend."""

from __future__ import annotations

import pytest

from reportgen.distribute.resend import decide


@pytest.mark.parametrize(
    ("previous", "delivered_before", "resend", "action", "says"),
    [
        (None, False, False, "send", ""),  # never tried
        ("failed", False, False, "send", ""),  # the server failed: try again
        ("refused", True, False, "send", ""),  # this content was refused, an older one arrived
        ("sent", True, False, "skip", "already delivered"),
        ("sent", True, True, "send", ""),
        (None, True, False, "hold", "earlier version"),  # changed files: only with --resend
        (None, True, True, "send", ""),
        ("sending", False, False, "hold", "cut off while sending"),  # killed mid-send: ask first
        ("uncertain", True, False, "hold", "cut off while sending"),
        ("sending", False, True, "send", ""),
    ],
)
def test_decision(previous, delivered_before, resend, action, says):
    decision = decide(previous, delivered_before, resend=resend)
    assert decision.action == action
    assert says in decision.reason and (decision.reason == "") == (action == "send")
