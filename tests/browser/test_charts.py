"""Every chart page of every plan, on a phone (390 px) and at 1280 px: no chart is wider than its column
(nothing scrolls sideways), each has a title a reader sees beside it and an SVG <title> and <desc>, and
axe-core finds no violation. (That each chart plots the numbers of its table: tests/render/test_charts.py.)"""

from __future__ import annotations

import pytest

from tests.browser.axe import violations
from tests.browser.conftest import PHONE
from tests.conftest import ROOT
from tests.plans import PLANS

pytestmark = pytest.mark.browser

GRADED = ROOT / "tests" / "data" / "progress" / "graded"
SCREENS = {"phone": PHONE, "desktop": {"viewport": {"width": 1280, "height": 900}}}

_GEOMETRY = """() => [...document.querySelectorAll('figure.kk-chart')].map(figure => {
  const column = figure.parentElement.getBoundingClientRect().width;
  const caption = figure.querySelector(':scope > figcaption');
  const box = caption ? caption.getBoundingClientRect() : null;
  return {
    subject: figure.dataset.chart,
    width: figure.getBoundingClientRect().width, column,
    overflow: figure.scrollWidth - figure.clientWidth,
    svgs: [...figure.querySelectorAll('svg')].map(svg => ({
      width: svg.getBoundingClientRect().width,
      title: (svg.querySelector(':scope > title') || {}).textContent || '',
      desc: (svg.querySelector(':scope > desc') || {}).textContent || '',
    })),
    caption: caption ? caption.innerText.trim() : '',
    captionShown: !!box && box.width > 0 && box.height > 0 && getComputedStyle(caption).visibility === 'visible',
  };
})"""


def _chart_pages(site) -> list[str]:
    pages = []
    for html in sorted(site.rglob("index.html")):
        if 'class="kk-figure kk-chart' in html.read_text(encoding="utf-8"):
            relative = html.parent.relative_to(site).as_posix()
            pages.append("" if relative == "." else relative + "/")
    return pages


@pytest.fixture(scope="module")
def chart_sites(built_sites, tmp_path_factory):
    from generator.publish.build import build_site
    sites = {name: built_sites(name) for name in PLANS}
    sites["graded"] = build_site(GRADED, tmp_path_factory.mktemp("charts-graded") / "site").out
    return {name: site for name, site in sites.items() if _chart_pages(site)}


def test_the_plans_have_charts_to_check(chart_sites):
    assert {"musashino", "graded"} <= set(chart_sites)


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_chart_fits_its_column_has_a_visible_title_and_passes_axe(browser, chart_sites, serve_site, screen):
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    problems: dict[str, list] = {}
    try:
        for name, site in chart_sites.items():
            base = serve_site(site)
            for path in _chart_pages(site):
                page.goto(base + path, wait_until="load")
                found = []
                for chart in page.evaluate(_GEOMETRY):
                    where = chart["subject"]
                    if chart["width"] > chart["column"] + 1 or chart["overflow"] > 1:
                        found.append(f"{where}: {chart['width']:.0f} px in a {chart['column']:.0f} px column")
                    if not (chart["caption"] and chart["captionShown"]):
                        found.append(f"{where}: no visible title")
                    for svg in chart["svgs"]:
                        if svg["width"] > chart["width"] + 1:
                            found.append(f"{where}: an SVG wider than its figure")
                        if not (svg["title"].strip() and svg["desc"].strip()):
                            found.append(f"{where}: an SVG without <title> or <desc>")
                    if not chart["svgs"]:
                        found.append(f"{where}: no SVG")
                found += violations(page)
                if found:
                    problems[f"{name}/{path}"] = found
    finally:
        context.close()
    assert problems == {}
