"""The chart of one indicator: baseline, then its actuals, against the target (a dashed line).

Drawn only when every value is one number in the target's unit: a chart never puts two units on one
axis (500 people and 12 % on one line would mean nothing); the table row says why it is not compared.
"""

from __future__ import annotations

from collections.abc import Callable

from ..labels import Labels
from ..model import Indicator, Period
from .charts import GRID, INK, PALETTE, e, figure, plural, svg, text_width, ticks
from .formatting import format_number, locale_of
from .safety import Safe


def _points(indicator: Indicator) -> list[tuple[str, Period, float]] | None:
    target = indicator.target
    unit = target.unit
    points = []
    for kind, measurement in ([("baseline", indicator.baseline)] if indicator.baseline is not None else []) + \
            [("actual", actual) for actual in sorted(indicator.actuals, key=lambda a: a.period.western)]:
        if measurement.value is None or measurement.unit != unit or measurement.period is None:
            return None
        points.append((kind, measurement.period, float(measurement.value)))
    return points


def _period_of(year: int, points, target_period: Period | None) -> Period:
    return next((p for _, p, _ in points if p.western == year), target_period)


def _labelled_years(years: list[int], x: Callable, label: Callable) -> list[int]:
    """The years to write under the axis without overlap: the first, the last, then any that fit between
    (the table has every year)."""
    kept: list[tuple[float, float]] = []
    chosen = []
    for year in [years[0], years[-1], *years[1:-1]]:
        half = text_width(label(year)) / 2 + 4
        centre = x(year) + (half if year == years[0] else -half if year == years[-1] else 0)
        if all(abs(centre - other) >= half + other_half for other, other_half in kept):
            kept.append((centre, half))
            chosen.append(year)
    return sorted(set(chosen))


def kpi_chart(indicator: Indicator, labels: Labels, text: Callable, period: Callable,
              plan_end: Period | None) -> Safe | None:
    """Baseline → actuals → target of one indicator, when it has actuals and one unit throughout."""
    if not indicator.actuals or indicator.target is None or indicator.target.value is None:
        return None
    points = _points(indicator)
    if points is None:
        return None
    locale = locale_of(labels)
    target_period = indicator.target.period or plan_end
    target = float(indicator.target.value)
    years = [p.western for _, p, _ in points] + ([target_period.western] if target_period else [])
    first, last = min(years), max(max(years), min(years) + 1)
    left, right, top, plot_w, plot_h = 56, 24, 20, 240, 130
    width, height = left + plot_w + right, top + plot_h + 30
    scale = ticks(max([v for *_, v in points] + [target]))
    top_value = scale[-1]

    def x(year: int) -> float:
        return left + (year - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return top + plot_h - value / top_value * plot_h

    body = [f'<g class="kk-axis" fill="{INK}">']
    for value in scale:
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):g}" y2="{y(value):g}" stroke="{GRID}"/>')
        body.append(f'<text x="{left - 6}" y="{y(value) + 4:g}" text-anchor="end">{e(format_number(value, locale))}</text>')
    for year in _labelled_years(sorted(set(years)), x, lambda year: period(_period_of(year, points, target_period))):
        anchor = "start" if year == first else "end" if year == last else "middle"
        body.append(f'<text x="{x(year):g}" y="{top + plot_h + 18}" text-anchor="{anchor}">'
                    f'{e(period(_period_of(year, points, target_period)))}</text>')
    body.append("</g>")
    colour = PALETTE[5]
    line = " ".join(f'{"M" if i == 0 else "L"}{x(p.western):g},{y(v):g}' for i, (_, p, v) in enumerate(points))
    body.append(f'<path d="{line}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    for kind, p, value in points:
        number = e(format_number(value, locale))
        shape = (f'<rect x="{x(p.western) - 4:g}" y="{y(value) - 4:g}" width="8" height="8" fill="#ffffff" '
                 f'stroke="{colour}" stroke-width="2"' if kind == "baseline" else
                 f'<circle cx="{x(p.western):g}" cy="{y(value):g}" r="4.5" fill="{colour}"')
        body.append(f'{shape} data-kind="{kind}" data-value="{number}"><title>'
                    f'{e(labels.baseline + " " if kind == "baseline" else "")}{e(period(p))}: {number}'
                    f'</title></{"rect" if kind == "baseline" else "circle"}>')
    _, last_period, last_value = points[-1]
    body.append(f'<text x="{x(last_period.western):g}" y="{y(last_value) - 9:g}" text-anchor="middle" '
                f'fill="{INK}" font-weight="bold">{e(format_number(last_value, locale))}</text>')
    body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(target):g}" y2="{y(target):g}" stroke="{PALETTE[6]}" '
                f'stroke-width="2" stroke-dasharray="6 4" data-kind="target" data-value="{e(format_number(target, locale))}"/>')
    body.append(f'<text x="{left + plot_w}" y="{y(target) - 6:g}" text-anchor="end" fill="{PALETTE[6]}">'
                f'{e(labels.target)} {e(format_number(target, locale))}</text>')
    count = len(indicator.actuals)
    desc = plural(labels.chart_kpi_desc, count, locale).format(count=format_number(count, locale))
    name = text(indicator.name)
    return figure("kpi", "indicator:" + indicator.id, labels.chart_caption.format(title=name),
                  svg(f"chart_{indicator.id}", width, height, name, desc, body))


__all__ = ["kpi_chart"]
