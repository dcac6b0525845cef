"""Searches a reader makes on a plan's site, from the plan's facts.yaml: content, checked when present."""

from __future__ import annotations

import pytest

from generator.languages import by_code
from tests.plans import PLANS_WITH_FACTS, facts

from .conftest import search

pytestmark = pytest.mark.browser

CASES = [pytest.param(name, case, id=f"{name}-{case.lang}-{case.query}")
         for name in PLANS_WITH_FACTS for case in facts(name).searches]


@pytest.mark.parametrize(("plan", "case"), CASES)
def test_search_finds_the_page(search_page, built_sites, serve_site, plan, case):
    prefix = by_code(case.lang).url_prefix
    results = search(search_page, serve_site(built_sites(plan)), prefix, case.query)
    if case.page is None:
        assert results == [], f"{case.query}: expected no results, found {results[:5]}"
        return
    expected = f"/{prefix}{case.page}"
    assert expected in results[:case.within], f"{case.query}: {results[:5]}"
    assert all(path.startswith(f"/{prefix}") for path in results), "each language's index holds its own pages only"
