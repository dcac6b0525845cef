"""Wide tables on a phone 390 px wide scroll with their row labels held in place, and say that they
scroll. (Every page's width and axe-core's checks on a phone: test_pages.py.)"""

from __future__ import annotations

import pytest

from tests.plans import SHIPPED_PLANS, page_paths

pytestmark = pytest.mark.browser


def _widest_table_page(site, plan: str) -> str | None:
    pages = [path for path in page_paths(plan) if "kk-data" in (site / path / "index.html").read_text(encoding="utf-8")]
    return max(pages, key=lambda path: (site / path / "index.html").read_text(encoding="utf-8").count("<td"), default=None)


@pytest.mark.parametrize("plan", ["plan"] + SHIPPED_PLANS)
def test_a_wide_table_scrolls_with_its_row_labels_held_and_says_so(phone, built_sites, serve_site, plan):
    site = built_sites(plan)
    path = _widest_table_page(site, plan)
    if path is None:
        pytest.skip(f"{plan} has no table by year")
    phone.goto(serve_site(site) + path)
    wraps = phone.locator(".kk-data.kk-table-wrap")
    wide = [i for i in range(wraps.count()) if wraps.nth(i).evaluate("el => el.scrollWidth > el.clientWidth")]
    if not wide:
        pytest.skip(f"every table by year of {plan} fits a phone")
    wrap = wraps.nth(wide[0])
    wrap.scroll_into_view_if_needed()
    hint = wrap.locator("xpath=preceding-sibling::*[1][contains(@class, 'kk-scroll-hint')]")
    assert hint.is_visible(), "a wide table says that it scrolls sideways"
    label = wrap.locator("tbody th[scope=row]").first
    before = label.bounding_box()
    wrap.evaluate("el => el.scrollBy(200, 0)")
    phone.wait_for_timeout(100)
    assert wrap.evaluate("el => el.scrollLeft") > 0
    after = label.bounding_box()
    assert abs(after["x"] - before["x"]) <= 2, "the row labels stay in place while the table scrolls"
    # The figures read at body size, or close to it.
    body = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    cell = wrap.locator("td").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert cell >= 0.9 * body, f"table text {cell} px, body {body} px"
