"""The tagged PDF's structure (PDF/UA-1, SPEC §8c): proven on a built deck."""

from __future__ import annotations

from pathlib import Path

import pdfua
import pikepdf
import pytest

from reportgen.deck.model import ChartSpec
from reportgen.render.pdf import render_pdf
from reportgen.render.pdf_tagging import ContentRef, Tagger
from tests.render.test_pdf_sample import mcids, sample_charts, sample_deck, struct_elements, unmarked_painting


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tagged") / "deck.pdf"
    render_pdf(sample_deck(), sample_charts(), path)
    return path


@pytest.fixture(scope="module")
def pdf(built):
    with pikepdf.open(built) as document:
        yield document


def _roles(pdf: pikepdf.Pdf) -> list[str]:
    return [str(e.S) for e in struct_elements(pdf)]


def _marked_sequences(page: pikepdf.Page) -> dict[int, list[str]]:
    """Operators inside each MCID's marked-content sequence (nested ones included)."""
    inside: dict[int, list[str]] = {}
    stack: list[int | None] = []
    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator)
        if op in ("BDC", "BMC"):
            props = instruction.operands[-1] if op == "BDC" else None
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            stack.append(None if mcid is None else int(mcid))
            continue
        if op == "EMC":
            stack.pop()
            continue
        for open_mcid in stack:
            if open_mcid is not None:
                inside.setdefault(open_mcid, []).append(f"{op} {instruction.operands[0]}" if op == "Do" else op)
    return inside


def test_nothing_is_painted_outside_marked_content(pdf):
    for number, page in enumerate(pdf.pages, start=1):
        assert unmarked_painting(page) == [], f"page {number}"


def test_untagged_page_content_is_seen_by_the_scan(tmp_path):
    """The scan above would find unmarked painting: an untagged render has plenty."""
    path = tmp_path / "plain.pdf"
    render_pdf(sample_deck(), sample_charts(), path, tagged=False)
    with pikepdf.open(path) as plain:
        assert {"Tj", "f*", "S", "Do"} <= set(unmarked_painting(plain.pages[3]))


def test_document_sections_and_headings(pdf):
    document = pdf.Root.StructTreeRoot.K
    assert document.S == "/Document"
    roles = _roles(pdf)
    assert roles.count("/Sect") == 2
    assert roles.count("/H1") == 3  # deck title and two section dividers
    headings = [e for e in struct_elements(pdf) if str(e.S) in ("/H1", "/H2")]
    assert all(mcids(h) for h in headings)  # none empty
    assert {"/P", "/Table", "/TR", "/TH", "/TD", "/Figure", "/L", "/LI", "/LBody"} <= set(roles)


def test_every_chart_is_a_figure_with_alt_and_its_form_drawn_inside(pdf):
    specs = [b for s in sample_deck().slides for b in s.blocks if isinstance(b, ChartSpec)]
    figures = [e for e in struct_elements(pdf) if e.S == "/Figure"]
    assert [str(f.Alt) for f in figures] == [s.alt_text for s in specs]
    for figure in figures:
        assert str(figure.Alt).strip()
        page = pikepdf.Page(figure.Pg)
        (mcid,) = mcids(figure)
        drawn = [op for op in _marked_sequences(page)[mcid] if op.startswith("Do ")]
        assert len(drawn) == 1
        xobject = page.Resources.XObject[drawn[0].split()[1]]
        assert xobject.Subtype == "/Form"
        assert len(figure.A.BBox) == 4


def test_table_header_cells_have_column_scope(pdf):
    tables = [e for e in struct_elements(pdf) if e.S == "/Table"]
    assert len(tables) == 1
    rows = list(tables[0].K)
    assert len(rows) == 9 and all(r.S == "/TR" for r in rows)
    header = list(rows[0].K)
    assert [c.S for c in header] == ["/TH"] * 3
    assert all(c.A.Scope == "/Column" for c in header)
    assert all(c.S == "/TD" for r in rows[1:] for c in r.K)


def test_parent_tree_maps_every_mcid_back_to_its_element(pdf):
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for element in struct_elements(pdf):
        for mcid in mcids(element):
            key = int(pikepdf.Page(element.Pg).obj.StructParents)
            assert by_key[key][mcid].objgen == element.objgen


def test_page_numbers_and_backgrounds_are_artifacts(pdf):
    divider = pdf.pages[2]
    artifacts = 0
    depth_role: list[str] = []
    for instruction in pikepdf.parse_content_stream(divider):
        op = str(instruction.operator)
        if op in ("BDC", "BMC"):
            depth_role.append(str(instruction.operands[0]))
        elif op == "EMC":
            depth_role.pop()
        elif op in ("f", "f*", "Tj", "TJ") and depth_role == ["/Artifact"]:
            artifacts += 1
    assert artifacts == 2  # the full-page background and the page number


def test_pdfua_checker_has_no_findings_and_skips_nothing(built):
    report = pdfua.validate(str(built))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []
    assert [o.skipped_reason for o in report.skipped] == []
    assert report.exit_code == 0


class _Canvas:
    """Collects what the tagger writes."""

    def __init__(self) -> None:
        self.code: list[str] = []

    def addLiteral(self, text: str) -> None:
        self.code.append(text)


def test_tagger_numbers_mcids_per_page_and_nests_groups():
    canvas = _Canvas()
    tagger = Tagger(canvas)  # type: ignore[arg-type]
    tagger.start_page()
    with tagger.group("Sect") as sect:
        with tagger.content("H1"):
            pass
        with tagger.artifact("Pagination"):
            pass
    tagger.start_page()
    with tagger.content("Figure", alt="Diagram", attributes={"BBox": (0, 0, 1, 1)}) as figure:
        pass
    assert canvas.code == [
        "/H1 <</MCID 0>> BDC",
        "EMC",
        "/Artifact <</Type /Pagination>> BDC",
        "EMC",
        "/Figure <</MCID 0>> BDC",
        "EMC",
    ]
    assert tagger.root.kids == [sect, figure]
    assert sect.kids[0].kids == [ContentRef(0, 0)]
    assert figure.kids == [ContentRef(1, 0)] and figure.alt == "Diagram"


def test_tagger_refuses_a_page_with_open_marked_content():
    tagger = Tagger(_Canvas())  # type: ignore[arg-type]
    tagger.start_page()
    tagger.begin_content("P")
    with pytest.raises(RuntimeError, match="left open"):
        tagger.start_page()


def test_disabled_tagger_writes_and_records_nothing():
    canvas = _Canvas()
    tagger = Tagger(canvas, enabled=False)  # type: ignore[arg-type]
    tagger.start_page()
    with tagger.group("Sect"), tagger.content("P"), tagger.artifact():
        pass
    assert canvas.code == [] and tagger.root.kids == []
