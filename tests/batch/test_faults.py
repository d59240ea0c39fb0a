"""Runs that survive faults (issue 6): a killed batch leaves no broken file under a
final name and a re-run finishes it; a failing county does not stop the others."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportgen.atomic import TEMP_PREFIX
from reportgen.batch.checks import check_file
from reportgen.batch.manifest import verify_manifest

pytestmark = pytest.mark.slow

FIRST, SECOND = "gotlands-lan", "blekinge-lan"


def _build(out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "reportgen.cli",
        "build",
        "--county",
        "Gotlands län",
        "--county",
        "Blekinge län",
        "--out",
        str(out),
        *extra,
    ]


def _final_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(TEMP_PREFIX)]


def test_killed_batch_leaves_no_broken_file_and_rerun_completes(tmp_path: Path) -> None:
    out = tmp_path / "output"
    process = subprocess.Popen(
        _build(out, "--jobs", "1"), start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    # Wait until the first county is finished and the second has begun writing files.
    while time.monotonic() < deadline:
        second = out / SECOND
        if (out / FIRST / "manifest.csv").exists() and second.exists() and any(second.rglob("*.pptx")):
            break
        time.sleep(0.05)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the batch did not get far enough to be interrupted")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not (out / SECOND / "manifest.csv").exists(), "the second county finished before the kill"
    for path in _final_files(out):
        check_file(path)  # every file under a final name opens
    rerun = subprocess.run(_build(out), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "skipped  Gotlands län" in rerun.stderr
    assert "built  Blekinge län" in rerun.stderr
    for county in (FIRST, SECOND):
        assert verify_manifest(out / county) == []
    assert not [p for p in out.rglob(f"{TEMP_PREFIX}*")], "temporary files left behind"
    third = subprocess.run(_build(out), capture_output=True, text=True, timeout=600)
    assert third.returncode == 0 and third.stderr.count("skipped  ") == 2


def test_failing_county_does_not_stop_the_others(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / FIRST).write_text("a file where the county folder should be", encoding="utf-8")
    result = subprocess.run(
        _build(out, "--jobs", "2", "--no-municipality-files", "--formats", "pdf"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1
    assert "FAILED  Gotlands län" in result.stderr
    assert "built  Blekinge län" in result.stderr
    assert verify_manifest(out / SECOND) == []
