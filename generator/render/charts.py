"""Charts as inline SVG, drawn when the site is built from the same data as the table beside them.

No script draws them in the browser. Each chart has a <title> and a <desc>; each plotted point
carries its number in `data-value`, so a test can compare the chart with its table. Colours come
from Paul Tol's colour-blind-safe palettes, picked so that every line and bar has at least 3:1
contrast against the white page; lines are labelled directly, so colour is never the only cue.
The table beside a chart stays the accessible version of it.
"""

from __future__ import annotations

import html
import math
from decimal import Decimal
from collections.abc import Callable

from ..labels import Labels
from ..model import Indicator, Period, Table
from .formatting import format_number, locale_of
from .safety import Safe

# Paul Tol's "muted" and "bright" schemes, keeping the colours with ≥ 3:1 contrast on white.
PALETTE = ("#332288", "#117733", "#882255", "#AA4499", "#CC6677", "#0072B2", "#D55E00", "#222255", "#225555")
FONT = 12


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _ticks(value: float) -> list[float]:
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


def _svg(chart_id: str, width: int, height: int, title: str, desc: str, body: list[str], kind: str) -> Safe:
    return Safe(
        f'<div class="kk-chart kk-chart-{kind}" role="region" aria-labelledby="{chart_id}_title" tabindex="0">'
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}" class="kk-svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}_title {chart_id}_desc" '
        f'font-size="{FONT}">'
        f'<title id="{chart_id}_title">{_e(title)}</title><desc id="{chart_id}_desc">{_e(desc)}</desc>'
        + "".join(body) + "</svg></div>")


def _numeric(cell) -> float | None:
    return float(cell) if isinstance(cell, (int, float)) and not isinstance(cell, bool) else None


def table_chart(table: Table, labels: Labels, text: Callable, period: Callable) -> Safe | None:
    """A bump chart for a ranking, bars by year for any other table; None when nothing is numeric."""
    order = sorted(range(len(table.columns)), key=lambda i: table.columns[i].western)  # left to right in time
    rows = [(index, row) for index, row in enumerate(table.rows) if any(_numeric(c) is not None for c in row.cells)]
    if not rows:
        return None
    if table.unit is not None and table.unit.value == "rank":
        return _bump_chart(table, rows, order, labels, text, period)
    return _bar_chart(table, rows, order, labels, text, period)


def _text_width(label: str) -> float:
    """Rough width of a label at FONT size: full-width characters are twice as wide as Latin ones."""
    return sum(FONT if ord(ch) > 0x2E80 else FONT * 0.58 for ch in label)


def _spread(wanted: list[tuple[float, int]], gap: float) -> dict[int, float]:
    """Label y positions, nudged down so that no two labels overlap."""
    placed: dict[int, float] = {}
    last = -math.inf
    for y, key in sorted(wanted):
        y = max(y, last + gap)
        placed[key] = y
        last = y
    return placed


def _bump_chart(table, rows, order, labels, text, period) -> Safe:
    ranks = [_numeric(c) for _, row in rows for c in row.cells if _numeric(c) is not None]
    worst = int(max(ranks))
    latest = order[-1]
    on_right = [(i, row) for i, row in rows if _numeric(row.cells[latest]) is not None]
    on_left = [(i, row) for i, row in rows if _numeric(row.cells[latest]) is None]
    left = 20 + max([_text_width(text(row.label)) for _, row in on_left] or [0])
    right = 20 + max([_text_width(text(row.label)) for _, row in on_right] or [0])
    top, step_y = 40, 22
    step_x = 60
    width = int(left + right + step_x * (len(order) - 1))
    height = top + step_y * (worst - 1) + 40
    x = {col: left + step_x * position for position, col in enumerate(order)}

    def y(rank: float) -> float:
        return top + (rank - 1) * step_y

    body = ['<g class="kk-axis" fill="#333333">']
    for col in order:
        body.append(f'<text x="{x[col]}" y="{top - 18}" text-anchor="middle">{_e(period(table.columns[col]))}</text>')
        body.append(f'<line x1="{x[col]}" x2="{x[col]}" y1="{top - 8}" y2="{y(worst) + 8}" stroke="#dddddd"/>')
    body.append("</g>")
    earliest = order[0]
    first_value = {i: next(_numeric(row.cells[c]) for c in order if _numeric(row.cells[c]) is not None)
                   for i, row in on_left}
    left_y = _spread([(y(first_value[i]), i) for i, _ in on_left], FONT + 2)
    right_y = _spread([(y(_numeric(row.cells[latest])), i) for i, row in on_right], FONT + 2)
    height = max(height, int(max([*left_y.values(), *right_y.values(), 0])) + 20)
    for series, (index, row) in enumerate(rows):
        colour = PALETTE[series % len(PALETTE)]
        label = text(row.label)
        path, pen_down = [], False
        points = []
        for col in order:
            value = _numeric(row.cells[col])
            if value is None:
                pen_down = False
                continue
            path.append(f'{"L" if pen_down else "M"}{x[col]},{y(value):g}')
            pen_down = True
            points.append(f'<circle cx="{x[col]}" cy="{y(value):g}" r="4" fill="{colour}" data-row="{index}" '
                          f'data-column="{col}" data-value="{format_number(value, locale_of(labels))}"/>')
        body.append(f'<g class="kk-series" stroke="{colour}"><title>{_e(label)}</title>')
        body.append(f'<path d="{" ".join(path)}" fill="none" stroke-width="2.5"/>')
        body.extend(points)
        if index in right_y:
            body.append(f'<text x="{x[latest] + 10}" y="{right_y[index] + 4:g}" fill="{colour}" '
                        f'stroke="none">{_e(label)}</text>')
        else:
            first = next(col for col in order if _numeric(row.cells[col]) is not None)
            if first != earliest:  # a row that starts later: a dotted leader from its label to its first point
                body.append(f'<path d="M{x[earliest] - 6},{left_y[index]:g} L{x[first]},{y(first_value[index]):g}" '
                            f'fill="none" stroke-width="1" stroke-dasharray="2 3"/>')
            body.append(f'<text x="{x[earliest] - 10}" y="{left_y[index] + 4:g}" fill="{colour}" '
                        f'stroke="none" text-anchor="end">{_e(label)}</text>')
        body.append("</g>")
    desc = labels.chart_bump_desc.format(rows=len(rows), start=period(table.columns[earliest]),
                                         end=period(table.columns[latest]))
    return _svg(f"chart_{table.id}", width, height, text(table.title), desc, body, "bump")


def _bar_chart(table, rows, order, labels, text, period) -> Safe:
    values = [_numeric(c) for _, row in rows for c in row.cells if _numeric(c) is not None]
    ticks = _ticks(max(values))
    top_value = ticks[-1]
    left, top, plot_h, group_w = 70, 20, 220, max(24 * len(rows) + 20, 60)
    width = left + group_w * len(order) + 20
    bar_w = (group_w - 20) / len(rows)
    legend_top = top + plot_h + 40
    height = legend_top + 20 * len(rows) + 10

    def y(value: float) -> float:
        return top + plot_h - value / top_value * plot_h

    unit = labels.unit_names[table.unit.value] if table.unit else ""
    body = ['<g class="kk-axis" fill="#333333">']
    for value in ticks:
        body.append(f'<line x1="{left}" x2="{width - 10}" y1="{y(value):g}" y2="{y(value):g}" stroke="#dddddd"/>')
        body.append(f'<text x="{left - 6}" y="{y(value) + 4:g}" text-anchor="end">{_e(format_number(value, locale_of(labels)))}</text>')
    body.append(f'<text x="4" y="{top - 6}">{_e(unit)}</text>')
    for position, col in enumerate(order):
        body.append(f'<text x="{left + group_w * position + group_w / 2:g}" y="{top + plot_h + 18}" '
                    f'text-anchor="middle">{_e(period(table.columns[col]))}</text>')
    body.append(f'<line x1="{left}" x2="{width - 10}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#333333"/>')
    body.append("</g>")
    for series, (index, row) in enumerate(rows):
        colour = PALETTE[series % len(PALETTE)]
        body.append(f'<g class="kk-series" fill="{colour}"><title>{_e(text(row.label))}</title>')
        for position, col in enumerate(order):
            value = _numeric(row.cells[col])
            if value is None:
                continue
            bx = left + group_w * position + 10 + bar_w * series
            body.append(f'<rect x="{bx:g}" y="{min(y(value), y(0)):g}" width="{bar_w - 2:g}" '
                        f'height="{abs(y(0) - y(value)):g}" '
                        f'data-row="{index}" data-column="{col}" data-value="{format_number(value, locale_of(labels))}"/>')
        ly = legend_top + 20 * series
        body.append(f'<rect x="{left}" y="{ly - 10}" width="12" height="12"/>'
                    f'<text x="{left + 18}" y="{ly}" fill="#333333">{_e(text(row.label))}</text></g>')
    desc = labels.chart_bar_desc.format(rows=len(rows), start=period(table.columns[order[0]]),
                                        end=period(table.columns[order[-1]]), unit=unit)
    return _svg(f"chart_{table.id}", max(width, 360), height, text(table.title), desc, body, "bars")


def kpi_chart(indicator: Indicator, labels: Labels, text: Callable, period: Callable,
              plan_end: Period | None) -> Safe | None:
    """Baseline → actuals → target of one indicator, when it has actuals and single numbers throughout."""
    if not indicator.actuals or indicator.target is None or indicator.target.value is None:
        return None
    points: list[tuple[str, Period | None, float]] = []
    if indicator.baseline is not None:
        if indicator.baseline.value is None:
            return None
        points.append(("baseline", indicator.baseline.period, float(indicator.baseline.value)))
    for actual in sorted(indicator.actuals, key=lambda a: a.period.western):  # type: ignore[union-attr]
        if actual.value is None:
            return None
        points.append(("actual", actual.period, float(actual.value)))
    target_period = indicator.target.period or plan_end
    target = float(indicator.target.value)
    years = [p.western for _, p, _ in points if p is not None] + ([target_period.western] if target_period else [])
    first, last = min(years), max(max(years), min(years) + 1)
    left, right, top, plot_w, plot_h = 56, 24, 20, 250, 130
    width, height = left + plot_w + right, top + plot_h + 30
    ticks = _ticks(max(v for *_, v in points + [("target", None, target)]))
    top_value = ticks[-1]

    def x(year: int) -> float:
        return left + (year - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return top + plot_h - value / top_value * plot_h

    body = ['<g class="kk-axis" fill="#333333">']
    for value in ticks:
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):g}" y2="{y(value):g}" stroke="#dddddd"/>')
        body.append(f'<text x="{left - 6}" y="{y(value) + 4:g}" text-anchor="end">{_e(format_number(value, locale_of(labels)))}</text>')
    for year in sorted(set(years)):
        period_of = next((p for _, p, _ in points if p is not None and p.western == year), target_period)
        body.append(f'<text x="{x(year):g}" y="{top + plot_h + 18}" text-anchor="middle">'
                    f'{_e(period(period_of))}</text>')
    body.append("</g>")
    line = " ".join(f'{"M" if i == 0 else "L"}{x(p.western):g},{y(v):g}'
                    for i, (_, p, v) in enumerate(pt for pt in points if pt[1] is not None))
    body.append(f'<path d="{line}" fill="none" stroke="{PALETTE[5]}" stroke-width="2.5"/>')
    for kind, p, value in points:
        if p is None:
            continue
        shape = (f'<rect x="{x(p.western) - 4:g}" y="{y(value) - 4:g}" width="8" height="8" fill="#ffffff" '
                 f'stroke="{PALETTE[5]}" stroke-width="2"' if kind == "baseline" else
                 f'<circle cx="{x(p.western):g}" cy="{y(value):g}" r="4.5" fill="{PALETTE[5]}"')
        body.append(f'{shape} data-kind="{kind}" data-value="{format_number(value, locale_of(labels))}"><title>'
                    f'{_e(labels.baseline + " " if kind == "baseline" else "")}{_e(period(p))}: {_e(format_number(value, locale_of(labels)))}'
                    f'</title></{"rect" if kind == "baseline" else "circle"}>')
    body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(target):g}" y2="{y(target):g}" stroke="{PALETTE[6]}" '
                f'stroke-width="2" stroke-dasharray="6 4" data-kind="target" data-value="{format_number(target, locale_of(labels))}"/>')
    body.append(f'<text x="{left + plot_w}" y="{y(target) - 6:g}" text-anchor="end" fill="{PALETTE[6]}">'
                f'{_e(labels.target)} {_e(format_number(target, locale_of(labels)))}</text>')
    desc = labels.chart_kpi_desc.format(count=len(indicator.actuals))
    return _svg(f"chart_{indicator.id}", width, height, text(indicator.name), desc, body, "kpi")


__all__ = ["PALETTE", "kpi_chart", "table_chart"]
