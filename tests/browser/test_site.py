"""What a citizen does on the built Kashiwa site, in headless Chromium."""

from __future__ import annotations

import pytest

from .conftest import search

pytestmark = pytest.mark.browser

# Japanese words found inside longer text; the page a reader wants must be among the first results.
JAPANESE_QUERIES = [
    ("子育て", "/strategy-2021/basic-goal-1/", 1),
    ("子育て支援", "/strategy-2021/basic-goal-1/", 1),
    ("フレイル", "/strategy-2021/basic-goal-2/", 1),
    ("フレイル予防", "/strategy-2021/basic-goal-2/", 1),
    ("健康寿命", "/strategy-2021/basic-goal-2/", 1),
    ("手賀沼", "/strategy-2021/basic-goal-3/", 1),
    # The divisions page, which lists what each division does, may come first for these two.
    ("認定農業者数", "/strategy-2021/basic-goal-3/", 2),
    ("商工振興課", "/strategy-2021/basic-goal-3/", 2),
]

ENGLISH_QUERIES = [
    ("frailty", "/en/strategy-2021/basic-goal-2/", 1),
    ("healthy life expectancy", "/en/strategy-2021/basic-goal-2/", 1),
    ("childcare", "/en/strategy-2021/basic-goal-1/", 2),
    ("population", "/en/strategy-2021/ch2-population-vision/", 1),
]


@pytest.fixture(scope="module")
def kashiwa_url(built_sites, serve_site):
    return serve_site(built_sites("kashiwa"))


@pytest.mark.parametrize(("query", "expected", "within"), JAPANESE_QUERIES)
def test_japanese_search_finds_the_page(page, kashiwa_url, query, expected, within):
    results = search(page, kashiwa_url, "", query)
    assert expected in results[:within], f"{query}: {results[:5]}"


@pytest.mark.parametrize(("query", "expected", "within"), ENGLISH_QUERIES)
def test_english_search_finds_the_page(page, kashiwa_url, query, expected, within):
    results = search(page, kashiwa_url, "en/", query)
    assert expected in results[:within], f"{query}: {results[:5]}"
    assert all(path.startswith("/en/") for path in results), "the English index holds English pages only"


def test_japanese_query_finds_nothing_on_english_site(page, kashiwa_url):
    # One index per language: Japanese text is not searched from the English site.
    assert search(page, kashiwa_url, "en/", "フレイル予防") == []


@pytest.mark.parametrize(("start", "target"), [
    ("strategy-2021/basic-goal-2/", "en/strategy-2021/basic-goal-2/"),
    ("en/strategy-2021/basic-goal-3/", "strategy-2021/basic-goal-3/"),
    ("comprehensive-plan-ch4/cp-zones/", "en/comprehensive-plan-ch4/cp-zones/"),
    ("", "en/"),
])
def test_language_switcher_keeps_the_page(page, kashiwa_url, start, target):
    page.goto(kashiwa_url + start)
    page.locator(".md-header__option .md-select > button").hover()
    other = "en" if not start.startswith("en/") else "ja"
    page.locator(f".md-select__link[hreflang={other}]").click()
    page.wait_for_load_state("load")
    assert page.url == kashiwa_url + target
    assert page.locator("html").get_attribute("lang") == other


def test_language_switcher_works_from_the_keyboard(page, kashiwa_url):
    page.goto(kashiwa_url + "strategy-2021/basic-goal-1/")
    for _ in range(40):  # Tab through the page as a keyboard user does, to the English link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "en":
            break
    else:
        pytest.fail("the English link cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_url(kashiwa_url + "en/strategy-2021/basic-goal-1/")
    assert page.url == kashiwa_url + "en/strategy-2021/basic-goal-1/"


@pytest.mark.parametrize("path", ["", "strategy-2021/", "strategy-2021/basic-goal-1/", "glossary/",
                                  "en/", "en/strategy-2021/basic-goal-2/", "en/divisions/"])
def test_pages_load_without_errors_or_outside_requests(page, kashiwa_url, path):
    errors, outside = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("response", lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: not request.url.startswith(kashiwa_url)
            and not request.url.startswith("data:") and outside.append(request.url))
    page.goto(kashiwa_url + path)
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert outside == []


def test_phone_layout_shows_kpi_as_labelled_cards(browser, kashiwa_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    phone = context.new_page()
    phone.goto(kashiwa_url + "strategy-2021/basic-goal-1/")
    cell = phone.locator(".kk-indicators td").first
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert "基準値" in label
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page must not scroll sideways on a phone"
    context.close()


@pytest.mark.parametrize(("query", "expected"), [("子育て", "strategy-2021/basic-goal-1/"),
                                                 ("フレイル", "strategy-2021/basic-goal-2/")])
def test_reader_reaches_the_page_from_the_first_result(page, kashiwa_url, query, expected):
    search(page, kashiwa_url, "", query)
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    # The theme adds ?h=… to highlight the query on the page; the page itself is what counts.
    page.wait_for_url(lambda url: url.split("#")[0].split("?")[0] == kashiwa_url + expected)
    assert query in page.locator("article").inner_text()
