"""Browser tests: Debian's Chromium driven by Playwright, against a built site served on localhost.

`playwright install` is never run: the browser is /usr/bin/chromium. Without it these tests are
skipped on a developer's machine, and fail in CI (CI=true), where .ci/run installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KEIKAKU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    if os.environ.get("CI"):
        return  # in CI a missing browser must fail, not skip
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve_site():
    """site directory → base URL of a localhost server for it (one server per site)."""
    servers = {}

    def start(site: Path) -> str:
        if site not in servers:
            handler = functools.partial(_QuietHandler, directory=str(site))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers[site] = server
        return f"http://127.0.0.1:{servers[site].server_address[1]}/"

    yield start
    for server in servers.values():
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def search_page(browser):
    """One page for the searches of a whole run: a search on the site it last searched reuses its open
    search box and its loaded index (`search`), as a reader searching again would."""
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    yield page
    context.close()


_META = "document.querySelector('.md-search-result__meta')"
# What the theme shows while the box is empty, from the page's own configuration (its translations).
_PLACEHOLDER = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
_SETTLED = """() => new Promise(resolve => {
  const results = document.querySelector('.md-search-result');
  const done = () => { observer.disconnect(); resolve(true); };
  let timer = setTimeout(done, 700);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 700); });
  observer.observe(results, {childList: true, subtree: true, characterData: true});
})"""


def search(page, base_url: str, site_path: str, query: str) -> list[str]:
    """Type `query` into the site's search box; return the distinct result pages' paths, best first.

    A page whose search is already open on the same site, from the last search, is searched again as a
    reader would: the box emptied, the new query typed. Otherwise the page is opened and search started."""
    box = page.locator("input.md-search__input")
    opened = getattr(page, "_keikaku_search", None)
    if opened == (base_url + site_path, page.url) and box.is_visible():
        box.fill("")
        box.press("End")  # the theme queries on keyup: an empty box shows its first words again
        page.wait_for_function(f"() => {_META} && {_META}.textContent.trim() === {_PLACEHOLDER}", timeout=10000)
    else:
        page.goto(base_url + site_path)
        page.keyboard.press("/")
        box.wait_for(state="visible")
        # Wait until the search worker has loaded its index (the theme says "Initializing" until then).
        page.wait_for_function(f"() => {_META} && !/初期化|Initializing/.test({_META}.textContent)", timeout=20000)
    placeholder = page.locator(".md-search-result__meta").text_content()
    for _ in range(5):
        box.fill("")
        box.press_sequentially(query, delay=20)
        # Kana and kanji arrive as composed text, which fires no key events; the theme queries on
        # keyup, as after an IME commit, so end with a key press as a reader's keyboard would.
        box.press("End")
        try:
            page.wait_for_function(f"p => {_META}.textContent !== p", arg=placeholder, timeout=4000)
            break
        except Exception:  # a keystroke raced the worker: type again, as a reader would
            continue
    # Each keystroke is a query of its own and the list shows each answer in turn: read it once it has
    # stayed unchanged for a while, which is the answer to the whole query.
    page.evaluate(_SETTLED)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    paths = links.evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    page._keikaku_search = (base_url + site_path, page.url)
    return list(dict.fromkeys(paths))


# A phone as the issue measures one: 390 px wide, touch, high density.
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()
