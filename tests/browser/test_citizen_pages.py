"""The pages for citizens (all indicators, open data, how progress is measured) in a real browser:
WCAG 2.1 AA by axe-core in both languages, on a desktop and at 390 px; and no page of any plan
scrolls sideways on a 390 px phone."""

from __future__ import annotations

import pytest

from generator.build import build_site
from generator.languages import published_languages
from tests.browser.test_accessibility import _violations
from tests.conftest import PLANS, ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NEW_PAGES = ["indicators/", "data/", "progress/"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": PHONE}


@pytest.fixture(scope="module")
def graded_url(tmp_path_factory, serve_site):
    """A test plan whose indicators carry actuals, so every status shows on the pages."""
    out = tmp_path_factory.mktemp("site-graded") / "site"
    build_site(ROOT / "tests" / "data" / "progress" / "graded", out)
    return serve_site(out)


def _open(browser, url: str, viewport: str):
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone")
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("prefix", [language.url_prefix for language in published_languages()])
@pytest.mark.parametrize("path", NEW_PAGES)
@pytest.mark.parametrize("plan", ["plan", "graded"])
def test_new_pages_meet_wcag_aa(browser, built_sites, serve_site, graded_url, plan, path, prefix, viewport):
    base = graded_url if plan == "graded" else serve_site(built_sites(plan))
    context, page = _open(browser, base + prefix + path, viewport)
    try:
        assert page.locator("h1").count() == 1
        assert _violations(page) == []
    finally:
        context.close()


def _all_pages(site):
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        yield "" if relative == "." else relative + "/"


@pytest.mark.parametrize("name", sorted(PLANS))
def test_no_page_is_wider_than_a_390px_phone(browser, built_sites, serve_site, name):
    site = built_sites(name)
    base = serve_site(site)
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    wide = []
    try:
        for path in _all_pages(site):
            if path.startswith("search/"):
                continue
            page.goto(base + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide.append(f"{path}: {width}px")
    finally:
        context.close()
    assert not wide, "pages scroll sideways at 390 px:\n" + "\n".join(wide)
