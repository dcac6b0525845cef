"""Pages on paper, in Chromium's print layout: every table fits the printable width with all its
columns, the screen's chrome (header, navigation, search, language switch) is gone, and every
printed sheet carries the site's name, the page's address and its date in its margins."""

from __future__ import annotations

import io
import re
import shutil

import pytest

from generator.publish.build import build_site
from generator.load.plan import load_plan
from tests.plans import PLANS, PRODUCT_PLANS, SHIPPED_PLANS, languages, page_paths, sample_pages

pytestmark = pytest.mark.browser

ALL_PLANS = list(dict.fromkeys(PRODUCT_PLANS + SHIPPED_PLANS))
# A4 portrait less the print stylesheet's side margins (12 mm each): 186 mm at 96 px per inch.
PRINTABLE_WIDTH = round(186 / 25.4 * 96)
SCREEN_CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".kk-lang-switch", ".md-footer",
                 ".kk-scroll-hint"]

WIDEST_CELL = """() => Math.max(0, ...Array.from(document.querySelectorAll('table, th, td'),
  el => el.getBoundingClientRect().right))"""
VISIBLE_CHROME = """selectors => selectors.flatMap(s => Array.from(document.querySelectorAll(s)))
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .map(el => el.className)"""


@pytest.fixture(scope="module")
def paper(browser):
    context = browser.new_context(viewport={"width": PRINTABLE_WIDTH, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize(("plan", "lang"), [(plan, language.url_prefix) for plan in ALL_PLANS
                                            for language in languages(plan)])
def test_on_paper_every_table_keeps_all_its_columns_and_the_screen_chrome_is_gone(
        paper, built_sites, serve_site, plan, lang):
    base = serve_site(built_sites(plan))
    problems = []
    for path in page_paths(plan):
        paper.goto(base + lang + path)
        width = paper.evaluate("document.documentElement.clientWidth")
        right = paper.evaluate(WIDEST_CELL)
        if right > width + 0.5:
            problems.append(f"{lang}{path}: a table reaches {right:.0f} px on a {width} px wide page")
        if (scroll := paper.evaluate("document.documentElement.scrollWidth")) > width:
            problems.append(f"{lang}{path}: the page is {scroll} px wide on paper {width} px wide")
        if chrome := paper.evaluate(VISIBLE_CHROME, SCREEN_CHROME):
            problems.append(f"{lang}{path}: printed, although it is for the screen: {chrome}")
    assert problems == []


def _pdf_pages(page) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [re.sub(r"\s+", "", sheet.extract_text()) for sheet in reader.pages]


@pytest.mark.parametrize(("plan", "language"), [(plan, language) for plan in PRODUCT_PLANS for language in languages(plan)],
                         ids=lambda value: getattr(value, "code", value))
def test_every_printed_sheet_shows_the_site_name_the_address_and_the_date(page, built_sites, serve_site,
                                                                          plan, language):
    site_name = load_plan(PLANS[plan]).plan.root.site_title.pick(language)[0]
    base = serve_site(built_sites(plan))
    for path in sample_pages(plan):
        url = base + language.url_prefix + path
        page.goto(url)
        updated = page.locator(".kk-updated")
        date = updated.inner_text() if updated.count() else None
        sheets = _pdf_pages(page)
        assert sheets, url
        # Text in a script without a font on this machine prints as empty boxes, which no PDF reader
        # can read back; what can be read back must be on every sheet.
        wanted = [text for text in (url, site_name, date) if text and text.isascii()]
        assert url in wanted
        for number, sheet in enumerate(sheets, start=1):
            missing = [text for text in wanted if re.sub(r"\s+", "", text) not in sheet]
            assert missing == [], f"{url}: sheet {number} of {len(sheets)} lacks {missing}"


def test_a_plan_without_git_history_prints_the_day_it_is_printed(page, serve_site, tmp_path):
    """Outside git no page knows its last-updated date; the printout then says when it was printed."""
    plan = shutil.copytree(PLANS["minimal"], tmp_path / "plan")  # a copy outside any git checkout
    site = tmp_path / "site"
    build_site(plan, site)
    english = next(language for language in languages("minimal") if language.code == "en")  # readable in a PDF here
    url = serve_site(site) + english.url_prefix
    page.goto(url)
    assert page.locator(".kk-updated").count() == 0
    today = page.evaluate("new Intl.DateTimeFormat(document.documentElement.lang, {dateStyle: 'long'}).format(new Date())")
    label = page.locator("#kk-print-page").get_attribute("data-printed-label")
    for sheet in _pdf_pages(page):
        assert re.sub(r"\s+", "", f"{label}: {today}") in sheet
        assert url in sheet
