"""Progress at a glance without JavaScript, in both languages, on a phone: a count on the home page leads
to the list of items in that status; an item of the list leads to the item, with its bar and trend."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

GRADED = ROOT / "tests" / "data" / "progress" / "graded"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    from generator.publish.build import build_site
    return build_site(GRADED, tmp_path_factory.mktemp("lists-graded") / "site").out


@pytest.mark.parametrize(("prefix", "status"), [("", "達成"), ("en/", "Achieved")])
def test_from_a_home_count_to_the_list_and_on_to_the_item_without_javascript(browser, graded, serve_site, prefix,
                                                                             status):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(serve_site(graded) + prefix)
        count = page.locator("ul.kk-status-counts a", has_text=status).first
        number = int(count.locator("strong").inner_text())
        assert number > 0
        count.click()
        assert page.url.endswith("#status_achieved")
        section = page.locator("#status_achieved")
        assert section.is_visible() and section.evaluate("h => h.getBoundingClientRect().top") < 844
        links = page.locator("#status_achieved + ul.kk-item-list > li > a")
        assert links.count() == number
        target = links.first.get_attribute("href").split("#")[1]
        links.first.click()
        row = page.locator(f"tr[id='{target}']")
        assert row.is_visible()
        assert row.locator(".kk-bar-fill").count() == 1 and row.locator(".kk-trend").is_visible()
        assert row.locator(".kk-progress-text").inner_text().strip()
    finally:
        context.close()
