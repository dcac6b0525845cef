"""Every SVG chart of every plan found (plan/, examples/, tests/data/, and a test plan with actuals and
tables) has a title and a description, and plots exactly the numbers of the table beside it."""

from __future__ import annotations

import re

import pytest

from generator.publish.build import build_site
from tests.conftest import PLANS, ROOT

_SVG = re.compile(r'<svg [^>]*id="chart_([^"]+)"[^>]*>(.*?)</svg>', re.S)
_POINT = re.compile(r'<(?:circle|rect|line) [^>]*?data-(?:row|kind)="([^"]+)"[^>]*?data-(?:column|value)="([^"]+)"'
                    r'(?:[^>]*?data-value="([^"]+)")?')
_TAGS = re.compile(r"<[^>]+>")


def _number(text: str) -> float:
    return float(re.sub(r"[^0-9.\-]", "", text))


def _table_after(html: str, start: int) -> list[list[str]]:
    table = re.search(r"<table[^>]*>(.*?)</table>", html[start:], re.S)
    assert table, "a chart must have its table beside it"
    body = re.search(r"<tbody>(.*?)</tbody>", table.group(1), re.S).group(1)
    return [[_TAGS.sub("", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def _kpi_numbers(html: str, ident: str) -> list[float]:
    row = re.search(rf'<tr id="{re.escape(ident)}">(.*?)</tr>', html, re.S).group(1)
    numbers = []
    for label in ("基準値|Baseline", "目標値|Target", "最新値|Latest actual"):
        cell = re.search(rf'<td data-label="(?:{label})">(.*?)</td>', row, re.S).group(1)
        numbers += [_number(v) for v in re.findall(r'<span class="kk-value">(.*?)</span>', cell)]
        earlier = re.search(r"(?:それ以前|Earlier): (.*?)</span>", cell)
        if earlier:
            numbers += [_number(v.split("(")[0]) for v in re.split(r", |、", _TAGS.sub("", earlier.group(1)))]
    return sorted(numbers)


@pytest.fixture(scope="module")
def sites(built_sites, tmp_path_factory):
    out = tmp_path_factory.mktemp("site-graded-charts") / "site"
    build_site(ROOT / "tests" / "data" / "progress" / "graded", out)
    return {**{name: built_sites(name) for name in PLANS}, "graded": out}


def test_every_chart_has_a_title_a_description_and_the_numbers_of_its_table(sites):
    charts = 0
    kinds = set()
    for name, site in sites.items():
        for page in sorted(site.rglob("*.html")):
            html = page.read_text(encoding="utf-8")
            for match in _SVG.finditer(html):
                ident, inner = match.group(1), match.group(2)
                title = re.search(r"<title id=[^>]*>(.+?)</title>", inner)
                desc = re.search(r"<desc id=[^>]*>(.+?)</desc>", inner)
                assert title and title.group(1).strip() and desc and desc.group(1).strip(), (page, ident)
                charts += 1
                points = _POINT.findall(inner)
                assert points, (page, ident)
                if points[0][0] in ("baseline", "actual", "target"):
                    kinds.add("kpi")
                    plotted = sorted(_number(value) for _, value, _ in points)
                    assert plotted == _kpi_numbers(html, ident), (page, ident)
                    continue
                kinds.add("bump" if "kk-chart-bump" in html[max(0, match.start() - 200):match.start()] else "bars")
                cells = _table_after(html, match.end())
                plotted = {(int(row), int(col)): _number(value) for row, col, value in points}
                shown = {(r, c): _number(text) for r, row in enumerate(cells) for c, text in enumerate(row)
                         if re.fullmatch(r"[\d,.]+", text)}
                assert plotted == shown, (page, ident)
    assert kinds == {"kpi", "bump", "bars"}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_chart_colour_has_3_to_1_contrast_on_white():
    from generator.render.charts import PALETTE
    for colour in PALETTE:
        assert (1.05) / (_luminance(colour) + 0.05) >= 3, colour


def test_axis_ticks_are_round_and_cover_the_data():
    from generator.render.charts import _ticks
    assert _ticks(210) == [0, 100, 200, 300]
    assert _ticks(433481) == [0, 200000, 400000, 600000]
    assert _ticks(8) == [0, 2, 4, 6, 8]
    for value in (0.7, 13, 99.9, 1633294):
        ticks = _ticks(value)
        assert ticks[0] == 0 and ticks[-1] >= value and len(ticks) <= 6
