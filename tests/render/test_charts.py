"""Every SVG chart of every plan found (plan/, examples/, tests/data/, and a test plan with actuals and
tables) has a title and a description, and plots exactly the numbers of the table beside it."""

from __future__ import annotations

import re

import pytest

from generator.publish.build import build_site
from tests.conftest import PLANS, ROOT

_FIGURE = re.compile(r'<figure class="kk-figure kk-chart kk-chart-(\w+)" data-chart="(\w+):([^"]+)">(.*?)</figure>', re.S)
_SVG = re.compile(r'<svg ([^>]*)>(.*?)</svg>', re.S)
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
            for match in _FIGURE.finditer(html):
                kind, subject, ident, inner = match.groups()
                caption = re.search(r'<figcaption class="kk-figure-title">(.+?)</figcaption>', inner)
                assert caption and caption.group(1).strip(), (page, ident)  # a title the reader sees
                points = []
                for attributes, body in _SVG.findall(inner):
                    # Scaled to its container: a viewBox, and no width of its own that could overflow a phone.
                    assert "viewBox=" in attributes and not re.search(r'\swidth="', attributes), (page, ident)
                    title = re.search(r"<title id=[^>]*>(.+?)</title>", body)
                    desc = re.search(r"<desc id=[^>]*>(.+?)</desc>", body)
                    assert title and title.group(1).strip() and desc and desc.group(1).strip(), (page, ident)
                    points += _POINT.findall(body)
                    charts += 1
                assert points, (page, ident)
                kinds.add(kind)
                if subject == "indicator":
                    # Beside its item: in the table row right after the indicator's own row.
                    before = html[:match.start()]
                    assert before.rstrip().endswith('<tr class="kk-chart-row"><td colspan="5">'), (page, ident)
                    row = before.rfind(f'<tr id="{ident}">')
                    assert row >= 0 and before[row:].count("</tr>") == 1, (page, ident)
                    plotted = sorted(_number(value) for _, value, _ in points)
                    assert plotted == _kpi_numbers(html, ident), (page, ident)
                    continue
                cells = _table_after(html, match.end())
                plotted = {(int(row), int(col)): _number(value) for row, col, value in points}
                shown = {(r, c): _number(text) for r, row in enumerate(cells) for c, text in enumerate(row)
                         if re.fullmatch(r"[\d,.]+", text)}
                assert plotted == shown, (page, ident)
    assert charts and kinds == {"kpi", "bump", "bars"}


def test_no_chart_puts_two_units_on_one_axis():
    from generator.labels import load_labels
    from generator.model import Indicator
    from generator.render.kpi_chart import kpi_chart
    indicator = Indicator.model_validate({
        "id": "mixed", "name": {"ja": "混在", "en": "Mixed"}, "direction": "increase",
        "baseline": {"value": 500, "unit": "people", "period": {"fiscal_year": 2019}},
        "target": {"value": 12, "unit": "percent", "period": {"fiscal_year": 2025}},
        "actuals": [{"value": 10, "unit": "percent", "period": {"fiscal_year": 2022}}]})
    labels = load_labels("en")
    assert kpi_chart(indicator, labels, lambda text: text.en, str, None) is None
    same = indicator.model_copy(update={"baseline": indicator.baseline.model_copy(update={"value": 8, "unit": indicator.target.unit})})
    assert kpi_chart(same, labels, lambda text: text.en, str, None) is not None


def test_descriptions_follow_the_languages_plural_rules():
    from generator.labels import load_labels
    from generator.render.charts import plural
    en = load_labels("en").chart_kpi_desc
    assert "1 actual value," in plural(en, 1, "en_US").format(count=1)
    assert "3 actual values," in plural(en, 3, "en_US").format(count=3)
    assert "{count}件" in plural(load_labels("ja").chart_kpi_desc, 1, "ja_JP")


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
