"""A built county folder (dummy files, real manifest) and a real STARTTLS SMTP server."""

from __future__ import annotations

import socket
import ssl
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from reportgen.batch.manifest import write_manifest
from reportgen.batch.naming import MUNICIPALITY_DIR, bundle_name, profile_name
from reportgen.register import Register

COUNTY = "Blekinge län"  # five municipalities: small enough to send quickly


@pytest.fixture(scope="session")
def register() -> Register:
    return Register.load()


def build_fake_county(out: Path, register: Register, county_name: str = COUNTY) -> list[tuple[str, str]]:
    county = register.county(county_name)
    folder = out / county.slug
    units = [(u.respondent_id, u.name) for u in register.units_of(county.code).itertuples(index=False)]
    (folder / MUNICIPALITY_DIR).mkdir(parents=True)
    (folder / f"{county.slug}-analysrapport.pdf").write_bytes(b"%PDF-1.7 deck")
    for code, name in units:
        (folder / MUNICIPALITY_DIR / profile_name(code, name)).write_bytes(f"%PDF-1.7 profil {name}".encode())
        with zipfile.ZipFile(folder / MUNICIPALITY_DIR / bundle_name(code, name), "w") as archive:
            archive.writestr("profil.pdf", f"profil {name}")
    write_manifest(folder)
    return units


#: The sender of the settings file ``write_settings`` writes (docs/settings.md).
SENDER_NAME = "Anna Analytiker"
SENDER_ADDRESS = "anna.analytiker@fou.exempel.se"
ORGANISATION = "Region Exempel, FoU Välfärd"


def write_settings(path: Path) -> Path:
    """A reportgen.toml naming the organisation and the sender who signs the messages."""
    path.write_text(
        f'[publisher]\norganisation = "{ORGANISATION}"\n\n'
        f'[sender]\nname = "{SENDER_NAME}"\naddress = "{SENDER_ADDRESS}"\n',
        encoding="utf-8",
    )
    return path


def write_recipients(path: Path, units: list[tuple[str, str]], *, refused: str | None = None) -> None:
    lines = ["kommunkod;e-post;kopia;kontaktperson"]
    for code, name in units:
        slug = code.replace("-", "")
        lines.append(f"{code};socialchef{slug}@example.se;;Kontakt {name}")
    if refused:
        lines[1] = lines[1].replace("socialchef", refused + "+", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Mailbox:
    messages: list[Envelope] = field(default_factory=list)
    refuse_prefix: str = "refuse"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith(self.refuse_prefix):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    cafile: Path
    mailbox: Mailbox

    def config(self, folder: Path, rate: float = 6000) -> Path:
        path = folder / "smtp.toml"
        path.write_text(
            f'[smtp]\nhost = "{self.host}"\nport = {self.port}\nuser = "analys"\n'
            f'from = "Analys <analys@example.se>"\ncafile = "{self.cafile}"\nrate_per_minute = {rate}\n',
            encoding="utf-8",
        )
        return path


@pytest.fixture
def smtp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    certs = tmp_path_factory.mktemp("certs")
    cert, key = certs / "cert.pem", certs / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=context,
        require_starttls=True,
        auth_require_tls=True,
        authenticator=_accept_any,
    )
    controller.start()
    try:
        yield SmtpServer("localhost", port, cert, mailbox)
    finally:
        controller.stop()


def _accept_any(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    from aiosmtpd.smtp import AuthResult

    return AuthResult(success=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
