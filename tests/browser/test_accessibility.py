"""WCAG 2.1 AA (what JIS X 8341-3:2016 asks of municipal sites), checked by axe-core in Chromium.

axe-core finds what a machine can: contrast, names of controls, table headers, language of the
page and its parts, landmarks. The rest (reading order, clear English) is for people to review.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ["", "strategy-2021/", "strategy-2021/basic-goal-2/", "comprehensive-plan-ch4/cp-policy-promotion/",
         "glossary/", "divisions/", "en/", "en/strategy-2021/basic-goal-3/", "en/glossary/"]


def _violations(page) -> list[str]:
    page.evaluate(AXE_SCRIPT)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


@pytest.fixture(scope="module")
def kashiwa_url(built_sites, serve_site):
    return serve_site(built_sites("kashiwa"))


@pytest.mark.parametrize("path", PAGES)
def test_desktop_page_meets_wcag_aa(page, kashiwa_url, path):
    page.goto(kashiwa_url + path)
    assert _violations(page) == []


@pytest.mark.parametrize("path", ["strategy-2021/basic-goal-1/", "en/strategy-2021/basic-goal-1/"])
def test_phone_page_meets_wcag_aa(browser, kashiwa_url, path):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(kashiwa_url + path)
    assert _violations(phone) == []
    context.close()


@pytest.mark.parametrize("plan, path", [("musashino", "long-term-plan-administration/basic-measure-5/"),
                                        ("narashino", "en/reform-outline/key-project-1/"),
                                        ("kashiwara", "en/policy-promotion-2020/")])
def test_tables_of_other_plans_meet_wcag_aa(page, built_sites, serve_site, plan, path):
    page.goto(serve_site(built_sites(plan)) + path)
    assert _violations(page) == []
