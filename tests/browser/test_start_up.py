"""What the theme's start-up does to a page a reader is already looking at, and how its text is set.

Keikaku's tables come wrapped at build time (class kk-grid), so Material's script, which wraps tables
without a class, leaves them where they are: moving a table after the first paint makes the browser
style and lay it out a second time, which on a phone delays everything the reader does next.
"""

from __future__ import annotations

import pytest

from generator.languages import by_code
from tests.plans import SHIPPED_PLANS, page_paths, page_with_most_tables

pytestmark = pytest.mark.browser

# Records every table taken out of the page (as a move does) from the first byte on.
_WATCH_TABLES = """
window.__movedTables = [];
new MutationObserver(records => {
  for (const record of records) for (const node of record.removedNodes)
    if (node.nodeType === 1 && (node.matches('table') || node.querySelector('table')))
      window.__movedTables.push(node.outerHTML.slice(0, 80));
}).observe(document, {childList: true, subtree: true});
"""



@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("plan", ["minimal"] + SHIPPED_PLANS)
def test_the_theme_moves_no_table_and_each_keeps_the_theme_look(browser, built_sites, serve_site, plan, lang):
    site = built_sites(plan)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(_WATCH_TABLES)
    page.goto(serve_site(site) + page_with_most_tables(site, plan, lang), wait_until="load")
    page.wait_for_function("document.documentElement.classList.contains('js')")  # the theme has started
    tables = page.evaluate("""() => [...document.querySelectorAll('article table')].map(t => ({
        cls: t.className, wrapped: t.parentElement.classList.contains('md-typeset__table'),
        doubly: !!t.parentElement.parentElement.closest('.md-typeset__table'),
        border: getComputedStyle(t).borderTopStyle, cellPadding: getComputedStyle(t.querySelector('td, th')).paddingLeft}))""")
    moved = page.evaluate("window.__movedTables")
    page.close()
    assert tables, "the page with the most tables has none"
    assert moved == [], f"the theme moved tables after the page was built: {moved}"
    for table in tables:
        assert table["cls"] == "kk-grid" and table["wrapped"] and not table["doubly"], table
        assert table["border"] == "solid" and table["cellPadding"] != "0px", table


@pytest.mark.parametrize("lang", ["", "en/"])
def test_japanese_text_is_set_in_the_japanese_system_fonts(page, built_sites, serve_site, lang):
    site = built_sites("minimal")
    # An English page quoting Japanese (the glossary gives each term's Japanese), or any Japanese page.
    path = next(p for p in page_paths("minimal")
                if lang == "" or 'lang="ja"' in (site / lang / p / "index.html").read_text(encoding="utf-8")
                .split("<article", 1)[-1])
    page.goto(serve_site(site) + lang + path)
    japanese = by_code("ja").font_family
    families = page.evaluate("""() => {
        const run = document.querySelector('article [lang="ja"]') || document.querySelector('article h1');
        return {body: getComputedStyle(document.body).fontFamily, run: getComputedStyle(run).fontFamily};
    }""")
    first = japanese.split(",")[0].strip()
    if lang == "":
        assert families["body"].startswith(first), families
    else:
        assert not families["body"].startswith(first), families  # English keeps the theme's Latin fonts
        assert families["run"].startswith(first), families  # and a Japanese name in it gets Japanese ones
