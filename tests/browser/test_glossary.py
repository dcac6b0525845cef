"""The glossary on a phone: an index by kana row or letter whose links reach their headings, and
terms linked where a page first mentions them, their definition shown on hover and on focus."""

from __future__ import annotations

import pytest

from generator.load.plan import load_plan
from tests.plans import PLANS, PRODUCT_PLANS, languages, page_paths

from .axe import violations as _violations

pytestmark = pytest.mark.browser

WITH_GLOSSARY = [(name, language.url_prefix) for name in PRODUCT_PLANS if page_paths(name, "glossary")
                 for language in languages(name)]


@pytest.mark.parametrize(("plan", "lang"), WITH_GLOSSARY)
def test_the_index_reaches_every_group_and_every_term_is_listed_once(phone, built_sites, serve_site, plan, lang):
    glossary = page_paths(plan, "glossary")[0]
    phone.goto(serve_site(built_sites(plan)) + lang + glossary)
    index = phone.locator("nav.kk-glossary-index a")
    headings = phone.locator("article h2[id^='group_']")
    assert index.count() == headings.count() > 0, "one index link per group heading"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert _violations(phone) == []
    for i in range(index.count()):
        link = index.nth(i)
        target = link.get_attribute("href")
        link.click()
        heading = phone.locator(f"article h2[id='{target[1:]}']")
        phone.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect();"
                                " return r.top >= 0 && r.top < innerHeight / 2; }", arg=target[1:])
        assert heading.inner_text().strip().startswith(link.inner_text().strip())
    rows = phone.locator("article tbody tr[id]").evaluate_all("rows => rows.map(r => r.id)")
    assert sorted(rows) == sorted(term.id for term in load_plan(PLANS[plan]).plan.glossary)


def _first_page_with_a_term(site, plan: str, lang: str) -> str | None:
    """The first page, in navigation order, whose built HTML links a glossary term."""
    for path in page_paths(plan):
        if 'class="kk-term"' in (site / lang / path / "index.html").read_text(encoding="utf-8"):
            return path
    return None


@pytest.mark.parametrize(("plan", "lang"), WITH_GLOSSARY)
def test_a_term_links_to_its_entry_with_its_definition_on_hover_and_focus(phone, built_sites, serve_site,
                                                                           plan, lang):
    site = built_sites(plan)
    path = _first_page_with_a_term(site, plan, lang)
    if path is None:
        pytest.skip(f"no page of {plan} mentions a term that has a definition")
    phone.goto(serve_site(site) + lang + path)
    link = phone.locator("a.kk-term").first
    definition = link.get_attribute("title")
    assert definition
    tip = phone.locator("[role=tooltip]#kk-term-tip")
    link.focus()
    assert tip.is_visible() and tip.inner_text() == definition
    assert link.get_attribute("aria-describedby") == "kk-term-tip"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the tooltip stays on a phone's screen"
    phone.keyboard.press("Escape")
    assert not tip.is_visible(), "Escape dismisses the definition"
    phone.mouse.move(0, 0)  # from wherever the last test left the pointer, so that hovering is a move onto the term
    link.hover()
    assert tip.is_visible() and tip.inner_text() == definition
    assert _violations(phone) == []
    ident = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    phone.wait_for_load_state("load")
    assert phone.url.endswith(f"/glossary/#{ident}")
    assert phone.locator(f"tr[id='{ident}']").count() == 1
    for level in range(1, 7):
        assert phone.locator(f"h{level} a.kk-term").count() == 0
