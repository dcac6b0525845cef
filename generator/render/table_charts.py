"""Charts of a table by year, as small multiples: one small chart per row, under the row's name.

A ranking (24 items over 10 years, in Musashino's survey) drawn as one chart is 24 crossing lines that
only colour tells apart, and too wide for a phone. Here each item has a chart of its own, its line dark
with a dot and its rank at every year, over the other items' lines in light grey for context: followable
in greyscale, at 390 px (two charts a row), and printed. Bars likewise, one small chart per row, each bar
with its number above it, so that no legend and no colour is needed. Rows without figures get no chart.
"""

from __future__ import annotations

from collections.abc import Callable

from ..labels import Labels
from ..model import Table
from .charts import CONTEXT, GRID, INK, PALETTE, e, figure, numeric, plural, svg, text_width, ticks
from .formatting import format_number, locale_of
from .safety import Safe

SMALL = 11  # font size of the small charts' labels


def table_chart(table: Table, labels: Labels, text: Callable, period: Callable) -> Safe | None:
    """The small multiples of a table; None when no row has a figure."""
    order = sorted(range(len(table.columns)), key=lambda i: table.columns[i].western)  # left to right in time
    rows = [(index, row) for index, row in enumerate(table.rows) if any(numeric(c) is not None for c in row.cells)]
    if not rows:
        return None
    title = text(table.title)
    caption = labels.chart_caption.format(title=title)
    start, end = period(table.columns[order[0]]), period(table.columns[order[-1]])
    if table.unit is not None and table.unit.value == "rank":
        panels = [_rank_panel(table, rows, index, row, order, labels, text, period) for index, row in rows]
        note = labels.chart_rank_note.format(rows=len(rows), start=start, end=end)
        kind = "bump"
    else:
        panels = [_bar_panel(table, rows, index, row, order, labels, text, period) for index, row in rows]
        note = labels.chart_bars_note.format(rows=len(rows), start=start, end=end,
                                             unit=labels.unit_names[table.unit.value] if table.unit else "")
        kind = "bars"
    items = "".join(f'<li><p class="kk-multiple-title" aria-hidden="true">{e(text(row.label))}</p>{panel}</li>'
                    for (index, row), panel in zip(rows, panels))
    return figure(kind, "table:" + table.id, caption, f'<ul class="kk-multiples kk-multiples-{kind}">{items}</ul>', note)


def _value_text(value: float, labels: Labels) -> str:
    return format_number(value, locale_of(labels))


def _rank_panel(table, rows, index, row, order, labels, text, period) -> str:
    ranks = [numeric(c) for _, other in rows for c in other.cells if numeric(c) is not None]
    worst = max(2, int(max(ranks)))
    left, right, top = 26, 28, 10
    plot_w = 150
    step_y = max(4.0, min(12.0, 120 / (worst - 1)))
    plot_h = step_y * (worst - 1)
    width, height = int(left + plot_w + right), int(top + plot_h + 26)
    x = {col: left + (plot_w * position / max(1, len(order) - 1)) for position, col in enumerate(order)}

    def y(rank: float) -> float:
        return top + (rank - 1) * step_y

    def path_of(cells) -> str:
        path, pen_down = [], False
        for col in order:
            value = numeric(cells[col])
            if value is None:
                pen_down = False
                continue
            path.append(f'{"L" if pen_down else "M"}{x[col]:g},{y(value):g}')
            pen_down = True
        return " ".join(path)

    body = [f'<g fill="{INK}" font-size="{SMALL}">']
    for rank in sorted({1, worst}):
        body.append(f'<text x="{left - 8}" y="{y(rank) + 4:g}" text-anchor="end">{rank}</text>')
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(rank):g}" y2="{y(rank):g}" stroke="{GRID}"/>')
    body.append(f'<text x="{left}" y="{height - 4}">{e(period(table.columns[order[0]]))}</text>')
    body.append(f'<text x="{left + plot_w}" y="{height - 4}" text-anchor="end">{e(period(table.columns[order[-1]]))}</text>')
    body.append("</g>")
    body.append(f'<g fill="none" stroke="{CONTEXT}" stroke-width="1" aria-hidden="true">')
    body.extend(f'<path d="{path_of(other.cells)}"/>' for other_index, other in rows if other_index != index)
    body.append("</g>")
    colour = PALETTE[0]
    body.append(f'<g class="kk-series"><path d="{path_of(row.cells)}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    shown = [(col, numeric(row.cells[col])) for col in order if numeric(row.cells[col]) is not None]
    for col, value in shown:
        body.append(f'<circle cx="{x[col]:g}" cy="{y(value):g}" r="3" fill="{colour}" data-row="{index}" '
                    f'data-column="{col}" data-value="{_value_text(value, labels)}"/>')
    last_col, last = shown[-1]
    body.append(f'<text x="{x[last_col] + 6:g}" y="{y(last) + 4:g}" fill="{colour}" font-size="{SMALL}" '
                f'font-weight="bold">{_value_text(last, labels)}</text></g>')
    first_col, first = shown[0]
    desc = labels.chart_rank_panel_desc.format(
        first=_value_text(first, labels), start=period(table.columns[first_col]),
        last=_value_text(last, labels), end=period(table.columns[last_col]))
    return svg(f"chart_{table.id}_{index}", width, height, text(row.label), desc, body)


def _bar_panel(table, rows, index, row, order, labels, text, period) -> str:
    values = [numeric(row.cells[col]) for col in order if numeric(row.cells[col]) is not None]
    scale = ticks(max(max(values), 0))
    top_value = scale[-1]
    label_w = max(text_width(period(table.columns[col]), SMALL) for col in order)
    number_w = max(text_width(_value_text(v, labels), SMALL) for v in values)
    group_w = max(label_w, number_w) + 10
    left, top, plot_h = 8, 20, 120
    width = int(left * 2 + group_w * len(order))
    height = top + plot_h + 24

    def y(value: float) -> float:
        return top + plot_h - max(value, 0) / top_value * plot_h

    colour = PALETTE[5]
    body = [f'<g fill="{INK}" font-size="{SMALL}">',
            f'<line x1="{left}" x2="{width - left}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{INK}"/>']
    for position, col in enumerate(order):
        centre = left + group_w * position + group_w / 2
        body.append(f'<text x="{centre:g}" y="{top + plot_h + 16}" text-anchor="middle">'
                    f'{e(period(table.columns[col]))}</text>')
    body.append("</g>")
    body.append(f'<g class="kk-series" fill="{colour}">')
    for position, col in enumerate(order):
        value = numeric(row.cells[col])
        if value is None:
            continue
        centre = left + group_w * position + group_w / 2
        bar_w = min(28, group_w - 12)
        body.append(f'<rect x="{centre - bar_w / 2:g}" y="{y(value):g}" width="{bar_w:g}" '
                    f'height="{top + plot_h - y(value):g}" data-row="{index}" data-column="{col}" '
                    f'data-value="{_value_text(value, labels)}"/>')
        body.append(f'<text x="{centre:g}" y="{y(value) - 4:g}" text-anchor="middle" fill="{INK}" '
                    f'font-size="{SMALL}">{_value_text(value, labels)}</text>')
    body.append("</g>")
    unit = labels.unit_names[table.unit.value] if table.unit else ""
    desc = plural(labels.chart_bar_panel_desc, len(values), locale_of(labels)).format(count=len(values), unit=unit,
                                              start=period(table.columns[order[0]]),
                                              end=period(table.columns[order[-1]]))
    return svg(f"chart_{table.id}_{index}", width, height, text(row.label), desc, body)


__all__ = ["table_chart"]
