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
from tests.distribute.conftest import (
    COUNTY,
    ORGANISATION,
    SENDER_ADDRESS,
    SENDER_NAME,
    SmtpServer,
    build_fake_county,
    write_recipients,
    write_settings,
)


@pytest.fixture
def built(tmp_path: Path, register) -> tuple[Path, list[tuple[str, str]]]:
    out = tmp_path / "output"
    return out, build_fake_county(out, register)


def _distribute(out: Path, recipients: Path, *extra: str, settings: bool = True) -> int:
    """``reportgen distribute`` with the sender of ``write_settings`` (unless ``settings``
    is False: then none, unless ``extra`` gives one)."""
    config = ["--config", str(write_settings(out.parent / "reportgen.toml"))] if settings else []
    return main(["distribute", "--county", COUNTY, "--recipients", str(recipients), "--out", str(out), *config, *extra])


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


def test_eml_is_signed_by_the_configured_sender_and_its_id_is_from_their_domain(built, tmp_path):
    out, units = built
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    assert _distribute(out, recipients) == 0
    for path in sorted((out / "blekinge-lan" / "eml").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        (sender,) = message["From"].addresses
        assert (sender.display_name, sender.addr_spec) == (SENDER_NAME, SENDER_ADDRESS)
        body = message.get_body(("plain",)).get_content()
        assert body.rstrip().splitlines()[-3:] == ["Vänliga hälsningar", SENDER_NAME, ORGANISATION]
        message_id = message["Message-ID"]
        assert message_id.endswith("@fou.exempel.se>")
        assert message_id.rsplit("@", 1)[1].rstrip(">") == sender.domain == "fou.exempel.se"


def test_dry_run_without_a_sender_is_a_user_error_and_writes_nothing(built, tmp_path, capsys, monkeypatch):
    out, units = built
    for variable in ("REPORTGEN_SENDER_NAME", "REPORTGEN_SENDER_ADDRESS", "REPORTGEN_CONFIG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)  # no reportgen.toml here
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    assert _distribute(out, recipients, settings=False) == 2
    err = capsys.readouterr().err
    assert "no sender to sign the messages" in err and "REPORTGEN_SENDER_ADDRESS" in err
    assert not (out / "blekinge-lan" / "eml").exists()


def test_environment_overrides_the_settings_file_sender(built, tmp_path, monkeypatch):
    out, units = built
    monkeypatch.setenv("REPORTGEN_SENDER_ADDRESS", "lena@kommunforbund.example")
    monkeypatch.setenv("REPORTGEN_SENDER_NAME", "Lena Larsson")
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    assert _distribute(out, recipients) == 0
    path = next((out / "blekinge-lan" / "eml").glob("*.eml"))
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert str(message["From"]) == "Lena Larsson <lena@kommunforbund.example>"
    assert message["Message-ID"].endswith("@kommunforbund.example>")
    body = message.get_body(("plain",)).get_content()
    assert body.rstrip().splitlines()[-2:] == ["Lena Larsson", ORGANISATION]  # the file's organisation stays


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
    assert sample["From"].addresses[0].addr_spec == SENDER_ADDRESS  # the settings' sender, signed below
    assert sample["Message-ID"].endswith("@fou.exempel.se>")
    assert SENDER_NAME in sample.get_body(("plain",)).get_content()
    assert all(m.mail_from == "analys@example.se" for m in smtp_server.mailbox.messages)  # the envelope: [smtp] from
    log_text = (out / "blekinge-lan" / LOG_NAME).read_text(encoding="utf-8")
    assert "hemligt" not in log_text
    assert _distribute(out, recipients, "--send", "--smtp-config", str(config)) == 0
    assert len(smtp_server.mailbox.messages) == 5  # second run sends nothing


def test_without_a_sender_setting_the_smtp_from_signs(built, tmp_path, smtp_server, monkeypatch):
    out, units = built
    monkeypatch.chdir(tmp_path)
    recipients = tmp_path / "mottagare.csv"
    write_recipients(recipients, units)
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "x")
    config = str(smtp_server.config(tmp_path))
    assert _distribute(out, recipients, "--send", "--smtp-config", config, settings=False) == 0
    for m in smtp_server.mailbox.messages:
        message = email.message_from_bytes(m.content, policy=policy.default)
        assert str(message["From"]) == "Analys <analys@example.se>"
        assert message["Message-ID"].endswith("@example.se>")
        assert message.get_body(("plain",)).get_content().splitlines()[-2:] == ["Vänliga hälsningar", "Analys"]


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
        "--config",
        str(write_settings(tmp_path / "reportgen.toml")),  # the same sender as the resumed run's
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
