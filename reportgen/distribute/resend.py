"""Whether a message goes out, from what the delivery log says (issue 6, SPEC §8).

A pure function of the log's last status for this exact content, whether an earlier
version of the municipality's files was delivered, and ``--resend``: nothing is ever
sent twice by accident, and changed content is not sent without being asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Action = Literal["send", "skip", "hold"]


@dataclass(frozen=True)
class Decision:
    action: Action  # send; skip (already done, not a problem); hold (needs the user's word)
    reason: str = ""  # what the summary says when not sending


ALREADY_DELIVERED = Decision("skip", "already delivered")
EARLIER_VERSION = Decision(
    "hold", "not sent: an earlier version of these files was delivered; use --resend to send the new one"
)
CUT_OFF = Decision("hold", "uncertain: an earlier run was cut off while sending; check the mailbox, then use --resend")
SEND = Decision("send")


def decide(previous: str | None, delivered_before: bool, *, resend: bool) -> Decision:
    """``previous``: the log's last status for this municipality and message (None: never
    tried); ``delivered_before``: some other version of its files was logged as sent."""
    if resend:
        return SEND
    if previous == "sent":
        return ALREADY_DELIVERED
    if previous is None and delivered_before:
        return EARLIER_VERSION
    if previous in ("sending", "uncertain"):
        return CUT_OFF
    return SEND
