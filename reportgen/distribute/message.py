"""One Swedish e-mail per municipality, with its profile and bundle attached.

The Message-ID is derived from the municipality and the bundle's checksum, so the same
content always has the same id: the delivery log and a recipient can both recognise a
message sent twice. Its domain is the sender's (RFC 5322 §3.6.4: the right-hand side
names the host that made it), and the message is signed with the sender's name and
organisation from the settings (issue 18).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, parseaddr
from pathlib import Path

from reportgen.distribute.recipients import Recipient
from reportgen.settings import Sender, Settings, SettingsError

SURVEY_YEAR = "2021"


@dataclass(frozen=True)
class Delivery:
    """What one municipality is sent."""

    respondent_id: str
    municipality: str
    county: str
    recipient: Recipient
    profile: Path
    bundle: Path
    profile_sha256: str
    bundle_sha256: str
    bundle_too_large: bool

    @property
    def content_id(self) -> str:
        """Identity of the content: a new build with other files is a new delivery."""
        return hashlib.sha256(f"{self.profile_sha256}:{self.bundle_sha256}".encode()).hexdigest()

    def message_id(self, domain: str) -> str:
        """The message's id under the sender's ``domain``."""
        return f"<reportgen.{self.respondent_id}.{self.content_id[:20]}@{domain}>"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"


def message_sender(settings: Settings, smtp_from: str = "") -> Sender:
    """Who sends and signs: the settings' ``[sender]``; without an address there, the
    SMTP settings' ``from`` ("Analysgruppen <analys@exempel.se>"). A message nobody
    signs is refused (issue 18: every message ends with a name)."""
    sender = settings.sender
    if sender is None and smtp_from:
        name, address = parseaddr(smtp_from)
        if "@" in address:
            sender = Sender(name or settings.sender_name, address, settings.organisation)
    if sender is None or not (sender.name or sender.organisation):
        raise SettingsError(
            "no sender to sign the messages: set "
            f"{settings.where('sender', 'name')} and {settings.where('sender', 'address')} (docs/settings.md)"
        )
    return sender


def signature(sender: Sender) -> list[str]:
    """The closing lines: the greeting, then the sender's name and organisation."""
    return ["Vänliga hälsningar", *(line for line in (sender.name, sender.organisation) if line)]


def body_text(d: Delivery, sender: Sender) -> str:
    greeting = f"Hej {d.recipient.contact}," if d.recipient.contact else "Hej,"
    lines = [
        greeting,
        "",
        f"här kommer resultaten för {d.municipality} från kartläggningen av socialtjänstens insatser "
        f"({SURVEY_YEAR}), sammanställda för {d.county}.",
        "",
        "Bifogat:",
        f"- {d.profile.name}: en kort profil över var {d.municipality} står i förhållande till länet och riket "
        "inom varje verksamhetsområde.",
    ]
    if d.bundle_too_large:
        lines.append(
            f"- Paketet {d.bundle.name} ({_mb(d.bundle.stat().st_size)}) är för stort för e-post och skickas "
            "inte med; kontakta oss så delar vi det på annat sätt."
        )
    else:
        lines.append(
            f"- {d.bundle.name}: ett paket med profilen, kommunens egna svar (Excel), länets "
            "analysrapport (PDF) och arbetsboken med alla insatser kommun för kommun (Excel)."
        )
    lines += [
        "",
        "Läs gärna avsnittet om hur resultaten ska tolkas i analysrapporten: svaren ger ingen fullständig "
        "bild av utbudet och passar bäst som underlag för dialog.",
        "",
        "Kontrollsummor (SHA-256) för att se att filerna kommit fram oskadda:",
        f"  {d.profile.name}: {d.profile_sha256}",
        f"  {d.bundle.name}: {d.bundle_sha256}",
        "",
        *signature(sender),
    ]
    return "\n".join(lines) + "\n"


def compose(d: Delivery, sender: Sender) -> EmailMessage:
    """The message to one municipality from ``sender``, signed by them."""
    msg = EmailMessage()
    msg["Subject"] = (
        f"Kartläggning av socialtjänstens insatser {SURVEY_YEAR}: resultat för {d.municipality}, {d.county}"
    )
    msg["From"] = formataddr((sender.name or sender.organisation, sender.address))
    msg["To"] = ", ".join(
        formataddr((d.recipient.contact, a)) if i == 0 and d.recipient.contact else a
        for i, a in enumerate(d.recipient.to)
    )
    if d.recipient.cc:
        msg["Cc"] = ", ".join(d.recipient.cc)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = d.message_id(sender.domain)
    msg["Content-Language"] = "sv-SE"
    msg.set_content(body_text(d, sender))
    msg.add_attachment(d.profile.read_bytes(), maintype="application", subtype="pdf", filename=d.profile.name)
    if not d.bundle_too_large:
        msg.add_attachment(d.bundle.read_bytes(), maintype="application", subtype="zip", filename=d.bundle.name)
    return msg
