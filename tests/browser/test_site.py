"""What a citizen does on the built site of the plan in plan/ (whatever city it holds), in headless Chromium.

Searches for this plan's own words are content: they live in the plan's facts.yaml
(tests/browser/test_search_facts.py). These tests find their pages and words in the plan itself.
"""

from __future__ import annotations

import pytest

from generator.load.plan import load_plan
from tests.plans import PLANS, page_paths

from .conftest import search

pytestmark = pytest.mark.browser

ITEM = page_paths("plan", "node")[0] if page_paths("plan", "node") else ""
LAST_ITEM = page_paths("plan", "node")[-1] if page_paths("plan", "node") else ""


@pytest.fixture(scope="module")
def plan_url(built_sites, serve_site):
    return serve_site(built_sites("plan"))


@pytest.mark.parametrize(("start", "target"), [(LAST_ITEM, f"en/{LAST_ITEM}"), (f"en/{ITEM}", ITEM), ("", "en/")])
def test_language_switcher_keeps_the_page(page, plan_url, start, target):
    page.goto(plan_url + start)
    page.locator(".md-header__option .md-select > button").hover()
    other = "en" if not start.startswith("en/") else "ja"
    page.locator(f".md-select__link[hreflang={other}]").click()
    page.wait_for_load_state("load")
    assert page.url == plan_url + target
    assert page.locator("html").get_attribute("lang") == other


def test_language_switcher_works_from_the_keyboard(page, plan_url):
    page.goto(plan_url + ITEM)
    for _ in range(40):  # Tab through the page as a keyboard user does, to the English link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "en":
            break
    else:
        pytest.fail("the English link cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_url(plan_url + f"en/{ITEM}")
    assert page.url == plan_url + f"en/{ITEM}"


@pytest.mark.parametrize("plan", ["plan", "minimal"])
def test_phone_layout_shows_indicators_as_labelled_cards(browser, built_sites, serve_site, plan):
    site = built_sites(plan)
    with_indicators = [path for path in page_paths(plan, "node")
                       if "kk-indicators" in (site / path / "index.html").read_text(encoding="utf-8")]
    if not with_indicators:
        pytest.skip(f"no page of {PLANS[plan]} has a table of targets or KPIs")
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    phone = context.new_page()
    phone.goto(serve_site(site) + with_indicators[0])
    cell = phone.locator(".kk-indicators td").first
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert "基準値" in label
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page must not scroll sideways on a phone"
    context.close()


def _item_titles(plan: str) -> list[tuple[str, str]]:
    """(Japanese title, page) of the plan's top-level items: words a reader would search for."""
    loaded = load_plan(PLANS[plan]).plan
    return [(node.title.ja, f"{document.id}/{node.id}/") for document in loaded.documents for node in document.children]


@pytest.mark.parametrize("plan", ["plan", "minimal"])
def test_reader_reaches_an_item_from_the_search_results(page, built_sites, serve_site, plan):
    # The item's whole title: its page is among the first results (the document's page, whose text
    # names every item, may rank above it), and a click there leads to it.
    title, expected = _item_titles(plan)[0]
    base = serve_site(built_sites(plan))
    results = search(page, base, "", title)
    assert f"/{expected}" in results[:3], f"{title}: {results[:5]}"
    # Click the result itself: a page may appear several times (once per section), so its place among the
    # distinct pages is not its place among the links.
    links = page.locator(".md-search-result__item > .md-search-result__link")
    place = links.evaluate_all("(els, path) => els.findIndex(e => new URL(e.href).pathname === path)",
                               f"/{expected}")
    links.nth(place).click()
    # The theme adds ?h=… to highlight the query on the page; the page itself is what counts.
    page.wait_for_url(lambda url: url.split("#")[0].split("?")[0] == base + expected)
    assert title in page.locator("article").inner_text()


def test_japanese_query_finds_nothing_on_english_site(page, built_sites, serve_site):
    # One index per language: Japanese text is not searched from the English site.
    base = serve_site(built_sites("minimal"))
    assert search(page, base, "", "子育て")  # the word is on the Japanese site…
    assert search(page, base, "en/", "子育て") == []  # …and not found from the English one
