"""Swedish alt texts built from each chart's data (SPEC §8c, ACCESSIBILITY.md).

An alt text says what the chart shows and what it tells, with the key figures a sighted
reader takes from it: the range and the reference means of a ranked bar chart, the
largest category of a stacked chart, every value of a short chart. It never names a
file. The ``subject`` passed in names the area, scope and dimension, so two charts of a
deck never share a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen import numbers as fmt

#: Charts with at most this many values have every value read out.
READ_ALL = 8


def value_text(value: float, value_format: str) -> str:
    """A chart's value in running text, by ChartSpec.value_format ("64 %", "4,5", "12")."""
    if value_format == "percent":
        return fmt.percent(value, spaced=True)
    if value_format == "decimal":
        return fmt.decimal(value)
    return fmt.integer(value)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def listing(categories: Sequence[str], values: Sequence[float], value_format: str) -> str:
    """ "Ja 60 %, Nej 28 % och Vet ej 12 %"."""
    parts = [f"{c} {value_text(v, value_format)}" for c, v in zip(categories, values, strict=True)]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " och " + parts[-1]


def ranked(
    subject: str,
    labels: Sequence[str],
    values: Sequence[float],
    references: Sequence[tuple[str, float]],
    value_format: str = "count",
) -> str:
    """A bar per unit sorted by value, with mean lines: range (who is highest, lowest) and means."""
    text = [_sentence(f"Liggande stapeldiagram: {subject}, {len(values)} staplar sorterade från högst till lägst")]
    if values:
        hi = max(range(len(values)), key=lambda i: values[i])
        lo = min(range(len(values)), key=lambda i: values[i])
        text.append(
            f"Värdena sträcker sig från {value_text(values[lo], value_format)} ({labels[lo]}) "
            f"till {value_text(values[hi], value_format)} ({labels[hi]})."
        )
    if references:
        means = " och ".join(f"{value_text(v, value_format)} för {label.lower()}" for label, v in references)
        text.append(f"Medelvärdet är {means}.")
    return " ".join(text)


def grouped(
    subject: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    value_format: str = "count",
) -> str:
    """Side-by-side bars: every value when the chart is short, otherwise the extremes of the first series."""
    text = [_sentence(f"Stapeldiagram: {subject}")]
    if not categories:
        return text[0]
    first_name, first = series[0]
    if len(categories) <= READ_ALL:
        for name, values in series:
            text.append(f"{name}: {listing(categories, values, value_format)}.")
    else:
        hi = max(range(len(first)), key=lambda i: first[i])
        lo = min(range(len(first)), key=lambda i: first[i])
        text.append(
            f"{first_name}: högst {categories[hi]} ({value_text(first[hi], value_format)}), "
            f"lägst {categories[lo]} ({value_text(first[lo], value_format)})."
        )
    hi = max(range(len(first)), key=lambda i: first[i])
    text.append(f"Störst är {categories[hi]} ({first_name.lower()}: {value_text(first[hi], value_format)}).")
    return " ".join(text)


def stacked(
    subject: str,
    rows: Sequence[str],
    parts: Sequence[str],
    shares: Sequence[Sequence[float]],
    summary_rows: Sequence[int] = (),
) -> str:
    """100 % stacked bars (``shares[row][part]`` in percent points).

    Names the largest part of each summary row (Länet, Riket) and, over the other rows,
    the spread of the part that is largest overall.
    """
    text = [_sentence(f"Liggande 100-procentsstaplar: {subject}, uppdelat på {_or(parts)}")]
    if not rows:
        return text[0]
    summaries = list(summary_rows) or ([0] if len(rows) == 1 else [])
    for r in summaries:
        big = max(range(len(parts)), key=lambda p: shares[r][p])
        text.append(
            f"{rows[r]}: störst är {parts[big].lower()} ({value_text(shares[r][big], 'percent')}); "
            f"{listing([p.lower() for p in parts], shares[r], 'percent')}."
        )
    others = [r for r in range(len(rows)) if r not in summaries]
    if others and len(others) <= READ_ALL:
        for r in others:
            big = max(range(len(parts)), key=lambda p: shares[r][p])
            text.append(f"{rows[r]}: störst är {parts[big].lower()} ({value_text(shares[r][big], 'percent')}).")
    elif others:
        totals = [sum(shares[r][p] for r in others) for p in range(len(parts))]
        big = max(range(len(parts)), key=lambda p: totals[p])
        hi = max(others, key=lambda r: shares[r][big])
        lo = min(others, key=lambda r: shares[r][big])
        text.append(
            f"Andelen {parts[big].lower()} varierar mellan {value_text(shares[lo][big], 'percent')} ({rows[lo]}) "
            f"och {value_text(shares[hi][big], 'percent')} ({rows[hi]}) bland {len(others)} staplar."
        )
    return " ".join(text)


def distribution(subject: str, categories: Sequence[str], shares: Sequence[float], total: int) -> str:
    """One distribution in percent points over a known 100 %."""
    big = max(range(len(categories)), key=lambda i: shares[i])
    return " ".join(
        [
            _sentence(f"Stapeldiagram: {subject}, 100 % = {fmt.integer(total)}"),
            f"Vanligast är {_lower_first(categories[big])} ({value_text(shares[big], 'percent')}).",
            f"Fördelning: {listing(categories, shares, 'percent')}.",
        ]
    )


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Fler än 500" → "fler än 500" ("1–20" stays)."""
    return label[:1].lower() + label[1:]


def _or(parts: Sequence[str]) -> str:
    lowered = [p.lower() for p in parts]
    return lowered[0] if len(lowered) == 1 else ", ".join(lowered[:-1]) + " och " + lowered[-1]
