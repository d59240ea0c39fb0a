"""Rendering time of the PDF deck with and without PDF/UA tagging (issue 9: ≤ 1.2×).

A synthetic deck shaped like a county deck (PERFORMANCE.md: ~170 slides, ~100 charts,
50 tables, 20 text slides). Five charts are drawn and their PDFs reused under a key
per chart slide, so the numbers measure the renderer and its post-pass (which places
each distinct chart once, as for a real deck), not Matplotlib.

    python benchmarks/bench_pdf.py [--runs 9]
    PYTHONPATH=. python benchmarks/bench_pdf.py --county "Skåne län" [--runs 9]

With ``--county`` it measures the real thing instead (issue 19): the CPU seconds of the
county deck's PDF stage (render, check, rename, as ``bench_batch.PdfStage``) and of
each municipality profile (``build_profile_deck`` with ``table_fits``, then
``write_profile``), min and median over the runs. ``PYTHONPATH=.`` in a checkout times
that checkout's code (else the installed one); run it for two checkouts to compare.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from matplotlib.figure import Figure

from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Paragraph, Section, Series, Slide, Table, TextBlock
from reportgen.figures.art import ChartArt
from reportgen.figures.layout import chart_box
from reportgen.render.pdf import render_pdf
from reportgen.theme import Theme, load_theme

AREAS = (
    "Äldreomsorg",
    "Funktionsnedsättning",
    "Socialpsykiatri",
    "Barn och unga",
    "Missbruk och beroende",
    "Ekonomiskt bistånd",
    "Våld i nära relationer",
)
MUNICIPALITIES = tuple(f"Kommun {c}{i}" for i in range(1, 8) for c in "ÅÄÖ")[:20]


def _chart_art(spec: ChartSpec, theme: Theme) -> ChartArt:
    box = chart_box(spec, theme)
    figure = Figure(figsize=(box.width, box.height))
    axes = figure.add_axes((0.3, 0.1, 0.65, 0.85))
    axes.barh(list(spec.categories), list(spec.series[0].values))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return ChartArt(spec.key, buffer.getvalue(), b"", box.width, box.height)


def build_deck(theme: Theme) -> tuple[Deck, dict[str, ChartArt]]:
    """170 slides: 7 sections of dividers, 100 chart slides, 50 table slides, text slides."""
    specs = [
        ChartSpec(
            region=region,
            kind="bar",
            categories=MUNICIPALITIES,
            series=(Series("Antal", tuple(float(i % 9 + 1) for i in range(20))),),
            alt_text=f"Stapeldiagram {n}: antal insatser per kommun.",
            caption="100 % = 723 insatser",
            key=f"chart-{n}",
        )
        for n, region in enumerate(("body", "right", "right_wide", "body", "right"))
    ]
    drawn = [_chart_art(spec, theme) for spec in specs]
    charts: dict[str, ChartArt] = {}

    def chart(n: int) -> ChartSpec:
        """A chart slide's own key, its drawing borrowed from one of the five."""
        spec = replace(specs[n % len(specs)], key=f"chart-{n}")
        charts[spec.key] = replace(drawn[n % len(specs)], key=spec.key)
        return spec

    table = Table(
        region="left",
        header=("Insats", "Kommuner", "Andel"),
        rows=tuple((f"Insats nr {i} för äldre med särskilda behov", str(i), f"{i * 3} %") for i in range(12)),
        widths=(0.6, 0.2, 0.2),
        align=("left", "right", "right"),
        caption="Vanligast i länet",
    )
    text = TextBlock(
        "body",
        tuple(Paragraph(f"Punkt {i}: kommunerna erbjuder fler insatser än förra året.", level=i % 2) for i in range(6)),
    )
    sections = []
    count = 0
    for number, area in enumerate(AREAS, start=1):
        slides = [Slide(kind="section", title=area, section_number=str(number))]
        for i in range(23):
            count += 1
            if count % 10 < 6:
                blocks: tuple = (chart(count),)
            elif count % 10 < 8:
                blocks = (table, chart(count))
            elif count % 10 < 9:
                blocks = (table, specs[1])  # a chart shown twice is placed once
            else:
                blocks = (text, KeyFigure("kf4", "44", "av 75 insatser"))
            slides.append(
                Slide(
                    kind="content",
                    title=f"{area}: bild {i + 1}",
                    blocks=blocks,
                    note="Andel av kommunerna.",
                    source="Kartläggning 2026",
                )
            )
        sections.append(Section(str(number), area, tuple(slides)))
    front = (Slide(kind="title", title="Kartläggning 2026"), Slide(kind="contents", title="Innehåll", blocks=(text,)))
    deck = Deck(
        "Kartläggning 2026",
        "Skåne län",
        "Skåne län",
        "november 2026",
        tuple(sections),
        front,
        demo_label="Syntetiska demodata – inte verkliga svar",
    )
    return deck, charts


def measure(deck: Deck, charts: dict[str, ChartArt], path: Path, runs: int) -> dict[bool, list[float]]:
    """CPU seconds of this process per render, untagged and tagged runs interleaved.

    CPU time rather than wall time: CI machines are shared, and other processes'
    load would otherwise decide the ratio.
    """
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(runs):
        for tagged in (False, True):
            start = time.process_time()
            render_pdf(deck, charts, path, tagged=tagged)
            times[tagged].append(time.process_time() - start)
    return times


def county(name: str, runs: int) -> None:
    """CPU of the county's PDF stage and of one profile, charts drawn beforehand."""
    from reportgen.batch.checks import write_checked
    from reportgen.batch.context import shared_context
    from reportgen.batch.county import county_deck
    from reportgen.batch.municipality import DrawnProfile, draw_profile, write_profile
    from reportgen.figures.draw import draw_charts
    from reportgen.metrics.compute import compute_scope
    from reportgen.metrics.model import Scope
    from reportgen.metrics.profile import unit_profiles
    from reportgen.municipality.profile_deck import build_profile_deck
    from reportgen.render.pdf_layout import table_fits

    ctx = shared_context(None)
    c = ctx.survey.register.county(name)
    metrics = compute_scope(ctx.survey, Scope(c.name, c.code, c.slug), tables=ctx.tables, national=ctx.national)
    deck = county_deck(ctx, metrics)
    charts = draw_charts(deck.charts, png=False)
    profiles = unit_profiles(ctx.tables, metrics, ctx.national)
    drawn = [draw_profile(ctx, p) for p in profiles]  # the charts, drawn once
    stage, build, write = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for run in range(runs + 1):  # the first run warms up
            start = time.process_time()
            write_checked(out / "deck.pdf", lambda p: render_pdf(deck, charts, p))
            seconds = time.process_time() - start
            built = written = 0.0
            for profile, old in zip(profiles, drawn, strict=True):
                start = time.process_time()
                model = build_profile_deck(
                    profile,
                    date_text=ctx.date_text,
                    synthetic=ctx.survey.synthetic,
                    fits=table_fits,
                    imprint=ctx.imprint,
                )
                middle = time.process_time()
                write_profile(DrawnProfile(old.respondent_id, old.name, model, old.charts), out / "profile.pdf")
                built, written = built + middle - start, written + time.process_time() - middle
            if run:
                stage.append(seconds)
                build.append(built / len(profiles) * 1000)
                write.append(written / len(profiles) * 1000)
    total = [b + w for b, w in zip(build, write, strict=True)]
    print(f"{name}: CPU over {runs} runs, min / median")
    print(f"PDF stage (render, check, rename)  {min(stage):.3f} / {statistics.median(stage):.3f} s")
    for label, values in (("profile deck", build), ("profile PDF", write), ("profile, both", total)):
        print(f"{label:35}{min(values):.1f} / {statistics.median(values):.1f} ms ({len(profiles)} units)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--county", help="time this county's real deck and profiles instead")
    args = parser.parse_args()
    if args.county:
        county(args.county, args.runs)
        return
    theme = load_theme()
    deck, charts = build_deck(theme)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.pdf"
        render_pdf(deck, charts, path)  # warm-up: fonts, imports
        times = measure(deck, charts, path, args.runs)
        size = path.stat().st_size
    print(f"{len(deck.slides)} pages, {len(charts)} distinct charts, CPU seconds over {args.runs} runs each")
    print(f"{'':10}{'median':>8}{'best':>8}")
    for label, tagged in (("untagged", False), ("tagged", True)):
        print(f"{label:10}{statistics.median(times[tagged]):8.3f}{min(times[tagged]):8.3f}")
    by_median = statistics.median(times[True]) / statistics.median(times[False])
    by_best = min(times[True]) / min(times[False])
    # The best run is the one least disturbed by other processes on a shared machine.
    print(f"ratio     {by_median:8.2f}{by_best:8.2f}   (target <= 1.20; tagged file {size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
