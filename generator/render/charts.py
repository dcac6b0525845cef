"""Charts as inline SVG, drawn when the site is built from the same data as the table beside them.

No script draws them in the browser. Each chart is a <figure> with a visible title, placed beside the
item it belongs to; each SVG has a <title> and a <desc>, and scales to its container (a viewBox, no fixed
width), drawn at the size of a phone's column so that its text stays readable there. Each plotted point
carries its number in `data-value`, so a test can compare the chart with its table. Colour is never the
only cue: one item per small chart (dark against the others in grey), numbers written beside bars and
points, shapes told apart (a hollow square for the baseline, dots for actuals, a dashed line for the
target). The table beside a chart stays the accessible version of it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from decimal import Decimal

from .safety import Safe

# Paul Tol's "muted" and "bright" schemes, keeping the colours with ≥ 3:1 contrast on white.
PALETTE = ("#332288", "#117733", "#882255", "#AA4499", "#CC6677", "#0072B2", "#D55E00", "#222255", "#225555")
INK, GRID, CONTEXT = "#333333", "#dddddd", "#c4c4c4"  # axis text, grid lines, the other items of a small chart
FONT = 12


def e(text: str) -> str:
    return html.escape(text, quote=True)


def ticks(value: float) -> list[float]:
    """Round axis ticks from 0 to at least `value`: four or five steps of 1, 2 or 5 × 10^n.

    Worked out in decimal: a figure as small as 5e-324 would underflow to 0 in floating point."""
    if not value > 0 or not math.isfinite(value):
        return [0.0, 1.0]
    exact = Decimal(repr(value))
    raw = exact / 4
    magnitude = Decimal(1).scaleb(raw.adjusted())
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    count = max(1, math.ceil(exact / step))
    return [float(step * i) for i in range(count + 1)]


_ticks = ticks  # the name the tests know


def text_width(label: str, size: float = FONT) -> float:
    """Rough width of a label: full-width characters are twice as wide as Latin ones."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.58 for ch in label)


def svg(chart_id: str, width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    """One SVG, as wide as its container up to the width it was drawn at (never wider: no sideways scroll)."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" id="{e(chart_id)}" class="kk-svg" viewBox="0 0 {width} {height}" '
            f'style="max-width:{width}px" role="img" aria-labelledby="{e(chart_id)}_title {e(chart_id)}_desc" '
            f'font-size="{FONT}"><title id="{e(chart_id)}_title">{e(title)}</title>'
            f'<desc id="{e(chart_id)}_desc">{e(desc)}</desc>' + "".join(body) + "</svg>")


def figure(kind: str, subject: str, caption: str, inner: str, note: str | None = None) -> Safe:
    """The chart's figure: its visible title (and how to read it), then its SVG or SVGs."""
    parts = [f'<figure class="kk-figure kk-chart kk-chart-{kind}" data-chart="{e(subject)}">',
             f'<figcaption class="kk-figure-title">{e(caption)}</figcaption>']
    if note:
        parts.append(f'<p class="kk-chart-note">{e(note)}</p>')
    parts.append(inner)
    parts.append("</figure>")
    return Safe("".join(parts))


def numeric(cell) -> float | None:
    return float(cell) if isinstance(cell, (int, float)) and not isinstance(cell, bool) else None


def plural(forms, count: int, locale: str) -> str:
    """The form of a label for `count` by the language's plural rules (CLDR, through Babel): a label is one
    string (Japanese has one form) or a mapping of CLDR categories (one, other…) to strings."""
    if isinstance(forms, str):
        return forms
    from babel import Locale
    category = Locale.parse(locale).plural_form(count)
    return forms.get(category, forms["other"])


__all__ = ["FONT", "PALETTE", "e", "figure", "numeric", "plural", "svg", "text_width", "ticks"]
