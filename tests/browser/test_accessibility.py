"""WCAG 2.1 AA (what JIS X 8341-3:2016 asks of municipal sites), checked by axe-core in Chromium.

axe-core finds what a machine can: contrast, names of controls, table headers, language of the
page and its parts, landmarks. The rest (reading order, clear English) is for people to review.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.plans import SHIPPED_PLANS, page_paths, page_with_most_tables, sample_pages

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A page of every kind of the plan in plan/, in both languages.
PAGES = sample_pages("plan") + [f"en/{path}" for path in sample_pages("plan")]
ITEMS = page_paths("plan", "node")[:1]


def _violations(page) -> list[str]:
    page.evaluate(AXE_SCRIPT)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


@pytest.fixture(scope="module")
def plan_url(built_sites, serve_site):
    return serve_site(built_sites("plan"))


@pytest.mark.parametrize("path", PAGES)
def test_desktop_page_meets_wcag_aa(page, plan_url, path):
    page.goto(plan_url + path)
    assert _violations(page) == []


@pytest.mark.parametrize("path", ITEMS + [f"en/{path}" for path in ITEMS])
def test_phone_page_meets_wcag_aa(browser, plan_url, path):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(plan_url + path)
    assert _violations(phone) == []
    context.close()



# The test plan's and each shipped example plan's page with the most tables (by year, budgets, rankings):
# their tables differ from the default plan's.
@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("plan", ["minimal"] + SHIPPED_PLANS)
def test_tables_of_other_plans_meet_wcag_aa(page, built_sites, serve_site, plan, lang):
    site = built_sites(plan)
    page.goto(serve_site(site) + page_with_most_tables(site, plan, lang))
    assert _violations(page) == []
