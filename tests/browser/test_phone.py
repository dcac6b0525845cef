"""Every page of every shipped plan on a phone 390 px wide: nothing wider than the screen, wide tables
that scroll with their row labels held in place and say that they scroll, and no axe violation
(WCAG 2.1 AA, and tap targets of at least 24 × 24 px)."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.plans import SHIPPED_PLANS, languages, page_paths

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# target-size is WCAG 2.2's 2.5.8 (24 × 24 px), which axe tags wcag22aa: asked for by name.
AXE_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
  .then(r => axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})
  .then(t => r.violations.concat(t.violations)))"""


def _violations(page) -> list[str]:
    # Colours are measured as they settle: a hovered row's background fades in, and mid-fade it is lighter.
    page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")
    page.evaluate(AXE_SCRIPT)
    violations = page.evaluate(AXE_RUN, WCAG_AA)
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in violations]


@pytest.mark.parametrize(("plan", "lang"), [(plan, language.url_prefix) for plan in ["plan"] + SHIPPED_PLANS
                                            for language in languages(plan)])
def test_no_page_is_wider_than_a_phone_and_none_has_an_axe_violation(phone, built_sites, serve_site, plan, lang):
    base = serve_site(built_sites(plan))
    problems = []
    for path in page_paths(plan):
        phone.goto(base + lang + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            problems.append(f"{lang}{path}: {width} px wide")
        problems += [f"{lang}{path}: {violation}" for violation in _violations(phone)]
    assert problems == []


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
