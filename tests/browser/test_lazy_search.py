"""The search index and the search worker load when the reader opens search, not on every page
view (site_overrides/assets/javascripts/lazy-search.js), and search still answers."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"


@pytest.fixture(scope="module")
def site_url(built_sites, serve_site):
    return serve_site(built_sites("plan"))  # the plan in plan/, whatever city it holds


@pytest.mark.parametrize("path", ["", "en/"])
def test_a_page_view_does_not_fetch_the_search_index_or_start_the_search_worker(page, site_url, path):
    fetched, workers = [], []
    page.on("request", lambda request: fetched.append(request.url))
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    assert not [url for url in fetched if INDEX in url]
    assert not workers
    assert not [url for url in fetched if "/workers/" in url or "/lunr/" in url]
    assert [url for url in fetched if "bundle" in url]  # the page did load Material's scripts


@pytest.mark.parametrize("open_search", ["click", "keyboard"])
def test_opening_search_loads_the_index_and_finds_the_page_title(page, site_url, open_search):
    fetched, workers = [], []
    page.on("request", lambda request: fetched.append(request.url))
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site_url + "en/", wait_until="networkidle")
    word = max(page.locator("h1").first.text_content().split(), key=len).strip(",.:;()")
    box = page.locator("input.md-search__input")
    if open_search == "click":
        box.click()
    else:
        page.keyboard.press("/")
    box.wait_for(state="visible")
    box.press_sequentially(word, delay=20)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=20000)
    assert [url for url in fetched if INDEX in url]
    assert [url for url in workers if "/workers/" in url]  # the search worker, started on opening
    assert word.lower() in page.locator(".md-search-result__list").text_content().lower()


def test_a_page_opened_from_a_search_result_highlights_at_once(page, site_url):
    page.goto(site_url + "en/", wait_until="networkidle")
    word = max(page.locator("h1").first.text_content().split(), key=len).strip(",.:;()")
    with page.expect_request(lambda request: INDEX in request.url):
        page.goto(site_url + "en/?h=" + word)
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=20000)
