"""Facts taken by hand from the source documents appear on the built pages where a reader would look.

The facts live beside each plan, in its `facts.yaml` (content, not test code): a city that replaces
plan/ with its own plan brings its own facts, or none, and these tests follow.
"""

from __future__ import annotations

import pytest

from tests.plans import FACTS_FILE, PLANS, PLANS_WITH_FACTS, facts
from tests.site_text import page_file, page_text


def _cases():
    for name in PLANS_WITH_FACTS:
        for index, fact in enumerate(facts(name).facts):
            yield pytest.param(name, fact, id=f"{name}-{index}")


@pytest.mark.parametrize("name", PLANS_WITH_FACTS)
def test_facts_file_is_well_formed_and_not_empty(name):
    loaded = facts(name)  # validated: an unknown key or a missing field fails here
    assert loaded.facts or loaded.searches, f"{PLANS[name] / FACTS_FILE} holds no facts"


@pytest.mark.parametrize(("plan", "fact"), list(_cases()))
def test_fact_is_on_its_page(built_sites, plan, fact):
    site = built_sites(plan)
    ja = page_text(page_file(site, "ja", fact.page).read_text(encoding="utf-8"))
    assert fact.ja in ja, f"{fact.ja!r} is not on the Japanese page {fact.page or '(home)'}"
    en = page_text(page_file(site, "en", fact.page).read_text(encoding="utf-8"))
    for text in fact.en:
        assert text in en, f"{text!r} is not on the English page en/{fact.page}"
