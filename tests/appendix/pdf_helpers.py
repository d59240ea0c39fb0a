"""Reading a rendered PDF as a reader and a checker would (poppler tools, pikepdf)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf

from tests.render.test_pdf_sample import qpdf_check, struct_elements  # noqa: F401  (shared with the deck's tests)


def pdftotext(path: Path, *options: str, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", *options, *pages, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def words(text: str) -> str:
    return " ".join(text.split())


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def word_boxes(path: Path, page: int | None = None) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points from the top-left, per pdftotext -bbox."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    html = subprocess.run(
        ["pdftotext", "-bbox", *pages, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pattern = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    return [(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in pattern.finditer(html)]


def kids(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    k = element.get("/K")
    items = list(k) if isinstance(k, pikepdf.Array) else [k]
    return [i for i in items if isinstance(i, pikepdf.Dictionary) and i.get("/Type") == "/StructElem"]


#: Operators that put marks on the page (PDF 32000-1 §8.5.3, §9.4.2, §8.8).
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Tj", "TJ", "'", '"', "Do", "sh"}


def unmarked_painting(page: pikepdf.Page) -> list[str]:
    """Painting operators outside every BDC/BMC … EMC (PDF/UA-1 §7.1: tag or artifact)."""
    depth, found = 0, []
    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator)
        if op in ("BDC", "BMC"):
            depth += 1
        elif op == "EMC":
            depth -= 1
        elif op in PAINTING and depth == 0:
            found.append(op)
    return found


def page_fill(path: Path, margin: float) -> list[float]:
    """Per page, how far down its text reaches, as a share of the text frame between the
    top and bottom ``margin`` (the running footer below the frame is not counted)."""
    with pikepdf.open(path) as pdf:
        heights = [float(page.mediabox[3]) for page in pdf.pages]
    fills = []
    for number, height in enumerate(heights, start=1):
        bottoms = [y1 for _, _, _, _, y1 in word_boxes(path, page=number) if y1 <= height - margin + 1]
        fills.append((max(bottoms) - margin) / (height - 2 * margin) if bottoms else 0.0)
    return fills
