"""The open-data page at 1280 px, in every language of every plan: its table of files fits the column,
so no column (the file, its description, format or size) is hidden behind a sideways scroll."""

from __future__ import annotations

import pytest

from tests.plans import PLANS, languages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_the_table_of_files_fits_at_1280_px(browser, built_sites, serve_site, plan):
    site = built_sites(plan)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for language in languages(plan):
            page.goto(serve_site(site) + language.url_prefix + "data/")
            widths = page.evaluate("""() => [...document.querySelectorAll('article table')].map(
                table => [table.scrollWidth, table.closest('.md-typeset__scrollwrap, article').clientWidth])""")
            assert widths, f"{plan}/{language.code}: no table of files"
            for table, column in widths:
                assert table <= column + 1, f"{plan}/{language.code}: a {table} px table in a {column} px column"
    finally:
        context.close()
