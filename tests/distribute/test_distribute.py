"""Distribution end to end against a real SMTP server on localhost (issue 11)."""

from __future__ import annotations

import email
import os
import signal
import subprocess
import sys
import time
from email import policy
from pathlib import Path

import pytest

from reportgen.cli import main
from reportgen.distribute.log import LOG_NAME
from tests.distribute.conftest import COUNTY, SmtpServer, build_fake_county, write_recipients


@pytest.fixture
def built(tmp_path: Path, register) -> tuple[Path, list[tuple[str, str]]]:
    out = tmp_path / "output"
    return out, build_fake_county(out, register)


def _distribute(out: Path, recipients: Path, *extra: str) -> int:
    return main(["distribute", "--county", COUNTY, "--recipients", str(recipients), "--out", str(out), *extra])


def _log_statuses(out: Path) -> list[str]:
    path = out / "blekinge-lan" / LOG_NAME
    return [line.split(",")[6] for line in path.read_text(encoding="utf-8").splitlines()[1:]] if path.exists() else []


def test_eml_files_parse_with_attachments_intact(built, tmp_path):
    out, units = built
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    assert _distribute(out, recipients) == 0
    emls = sorted((out / "blekinge-lan" / "eml").glob("*.eml"))
    assert len(emls) == len(units) == 5
    first = email.message_from_bytes(emls[0].read_bytes(), policy=policy.default)
    code, name = units[0]
    assert name in first["Subject"] and "Blekinge län" in first["Subject"]
    attachments = {a.get_filename(): a.get_content() for a in first.iter_attachments()}
    folder = out / "blekinge-lan" / "kommuner"
    assert attachments == {p.name: p.read_bytes() for p in folder.glob(f"{code}-*")}
    body = first.get_body(("plain",)).get_content()
    assert "Kontrollsummor (SHA-256)" in body and "här kommer resultaten" in body


def test_send_once_then_nothing(built, tmp_path, smtp_server: SmtpServer, monkeypatch):
    out, units = built
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "hemligt")
    config = smtp_server.config(tmp_path)
    assert _distribute(out, recipients, "--send", "--smtp-config", str(config)) == 0
    assert len(smtp_server.mailbox.messages) == 5
    received = {
        email.message_from_bytes(m.content, policy=policy.default)["Subject"] for m in smtp_server.mailbox.messages
    }
    assert all(any(name in s for s in received) for _, name in units)
    sample = email.message_from_bytes(smtp_server.mailbox.messages[0].content, policy=policy.default)
    assert len(list(sample.iter_attachments())) == 2
    log_text = (out / "blekinge-lan" / LOG_NAME).read_text(encoding="utf-8")
    assert "hemligt" not in log_text
    assert _distribute(out, recipients, "--send", "--smtp-config", str(config)) == 0
    assert len(smtp_server.mailbox.messages) == 5  # second run sends nothing


def test_refused_address_others_delivered_exit_nonzero(built, tmp_path, smtp_server, monkeypatch):
    out, units = built
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units, refused="refuse")
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "x")
    assert _distribute(out, recipients, "--send", "--smtp-config", str(smtp_server.config(tmp_path))) == 1
    assert len(smtp_server.mailbox.messages) == 4
    assert _log_statuses(out).count("refused") == 1


def test_killed_run_resumes_and_delivers_each_once(built, tmp_path, smtp_server, monkeypatch):
    out, units = built
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    config = smtp_server.config(tmp_path, rate=120)  # one message every 0.5 s: time to kill halfway
    env = {**os.environ, "REPORTGEN_SMTP_PASSWORD": "x"}
    command = [
        sys.executable,
        "-m",
        "reportgen.cli",
        "distribute",
        "--county",
        COUNTY,
        "--recipients",
        str(recipients),
        "--out",
        str(out),
        "--send",
        "--smtp-config",
        str(config),
    ]
    process = subprocess.Popen(
        command, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while _log_statuses(out).count("sent") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    delivered_before = len(smtp_server.mailbox.messages)
    assert 2 <= delivered_before < 5
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "x")
    assert _distribute(out, recipients, "--send", "--smtp-config", str(smtp_server.config(tmp_path))) == 0
    ids = [
        email.message_from_bytes(m.content, policy=policy.default)["Message-ID"] for m in smtp_server.mailbox.messages
    ]
    assert len(ids) == 5 and len(set(ids)) == 5


def test_bad_recipients_report_all_three_and_write_nothing(built, tmp_path, capsys):
    out, units = built
    lines = ["kommunkod;e-post"]
    lines.append("9999;a@example.se")  # unknown code
    lines.append(f"{units[0][0]};inte-en-adress")  # malformed
    lines += [f"{code};ok{code}@example.se" for code, _ in units[1:-1]]  # the last one is missing
    recipients = tmp_path / "mottagare.csv"
    recipients.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _distribute(out, recipients) == 2
    err = capsys.readouterr().err
    assert "9999" in err and "unknown municipality code" in err
    assert "inte-en-adress" in err and "malformed" in err
    assert f"no recipient for {units[-1][1]}" in err
    assert not (out / "blekinge-lan" / "eml").exists()


def test_changed_bundle_is_not_resent_without_asking(built, tmp_path, smtp_server, monkeypatch):
    from reportgen.batch.manifest import write_manifest

    out, units = built
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "x")
    config = str(smtp_server.config(tmp_path))
    assert _distribute(out, recipients, "--send", "--smtp-config", config) == 0
    bundle = next((out / "blekinge-lan" / "kommuner").glob("*-paket.zip"))
    bundle.write_bytes(bundle.read_bytes() + b"\0")  # a rebuild with other content
    write_manifest(out / "blekinge-lan")
    assert _distribute(out, recipients, "--send", "--smtp-config", config) == 1
    assert len(smtp_server.mailbox.messages) == 5
    assert _distribute(out, recipients, "--send", "--resend", "--smtp-config", config) == 0
    assert len(smtp_server.mailbox.messages) == 10


def test_bad_smtp_settings_are_user_errors(built, tmp_path, capsys):
    out, units = built
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    config = tmp_path / "smtp.toml"
    config.write_text('[smtp]\nhost = "localhost"\nport = "tjugofem"\nfrom = "a@example.se"\n', encoding="utf-8")
    assert _distribute(out, recipients, "--send", "--smtp-config", str(config)) == 2
    assert "port must be a whole number" in capsys.readouterr().err
