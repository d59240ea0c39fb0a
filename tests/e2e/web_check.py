"""Checkers nobody here wrote, for the web edition: Debian's headless Chromium driven by
Selenium, axe-core injected into it, and the Nu Html Checker on Java.

``scripts/install.sh`` installs all of them (the npm ones into ``.cache/web-check``).
They are required, never skipped: a missing one fails the test with what to run.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / ".cache" / "web-check" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
# VALIDATION.md: without the networking flags Chromium keeps trying hosts this machine
# cannot reach; --no-sandbox because CI runs as root.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
INSTALL = "run `bash scripts/install.sh`"


def require(path: str | Path, what: str) -> Path:
    found = Path(path) if Path(path).exists() else None
    if found is None and shutil.which(str(path)):
        found = Path(shutil.which(str(path)))  # type: ignore[arg-type]
    if found is None:
        pytest.fail(f"{what} is missing ({path}): {INSTALL}", pytrace=False)
    return found


def start_chromium(profile: Path) -> Any:
    """A headless Chromium with a fresh profile, driven through Debian's chromedriver
    (given by path, so Selenium never tries to download a driver)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(require(CHROMIUM, "Debian's chromium"))
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    service = Service(str(require(CHROMEDRIVER, "Debian's chromium-driver")))
    return webdriver.Chrome(service=service, options=options)


def axe_violations(driver: Any, axe_source: str) -> list[str]:
    """axe-core's violations of the WCAG 2.1 A and AA rules on the loaded page."""
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' +
                v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; '))))
          .catch(e => done(['axe failed: ' + e]));
        """,
        list(WCAG_TAGS),
    )
    return list(result)


def set_viewport(driver: Any, width: int, scale: float, height: int = 800) -> None:
    """The page as a window ``width`` CSS pixels wide; ``scale`` 2 on a 640-pixel
    window is how a 1280-pixel window shows the page at 200 % zoom."""
    metrics = {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


LAYOUT_JS = """
const doc = document.documentElement;
const frames = [...document.querySelectorAll('.table-frame, .chart-frame')];
const overflowing = frames.filter(f => f.scrollWidth > f.clientWidth + 1);
const svgText = [...document.querySelectorAll('svg text')]
  .map(t => t.getBoundingClientRect().height).filter(h => h > 0);
const pageText = [...document.querySelectorAll('main p, main li, main td, main th, main figcaption')]
  .map(e => parseFloat(getComputedStyle(e).fontSize));
return {
  scrollWidth: doc.scrollWidth,
  clientWidth: doc.clientWidth,
  unfocusable: overflowing.filter(f => f.tabIndex < 0).map(f => f.className),
  minSvgText: svgText.length ? Math.min(...svgText) : null,
  minPageText: Math.min(...pageText),
};
"""


def layout(driver: Any) -> dict[str, Any]:
    """What a reader at the current viewport meets: does the page scroll sideways, are the
    frames that do focusable, how small are chart and page text (CSS pixels)."""
    return dict(driver.execute_script(LAYOUT_JS))


def screenshot(driver: Any, path: Path, width: int) -> None:
    """The whole page as PNG (capped at 6,000 CSS pixels high)."""
    height = min(int(driver.execute_script("return document.documentElement.scrollHeight")), 6000)
    clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
    options = {"format": "png", "captureBeyondViewport": True, "clip": clip}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", options)
    path.write_bytes(base64.b64decode(shot["data"]))


def start_vnu(files: Sequence[Path]) -> subprocess.Popen[str]:
    """The Nu Html Checker on ``files``, started in the background (it runs beside the
    browser on the second core); errors only."""
    java = require("java", "Java (default-jre-headless)")
    jar = require(VNU, "the Nu Html Checker (npm vnu-jar)")
    return subprocess.Popen(
        [str(java), "-jar", str(jar), "--errors-only", "--also-check-css", *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
