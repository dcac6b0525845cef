"""Every site states its accessibility policy, in every language, linked from the home page."""

from __future__ import annotations

import pytest

from generator.labels import load_labels
from generator.languages import published_languages
from generator.load.plan import load_plan
from tests.plans import PLANS
from tests.html_tags import tags
from tests.plans import PRODUCT_PLANS


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_the_policy_page_states_the_target_and_the_tests_in_every_language(built_sites, plan):
    site = built_sites(plan)
    for language in _languages(plan):
        root = site / language.url_prefix
        policy = (root / "accessibility" / "index.html").read_text(encoding="utf-8")
        labels = load_labels(language.code)
        assert f"<title>{labels.accessibility_page}" in policy
        for standard in ("JIS X 8341-3:2016", "WCAG 2.1", "axe-core"):
            assert standard in policy, f"{language.code}: {standard}"
        home = (root / "index.html").read_text(encoding="utf-8")
        links = [attrs.get("href") for tag, attrs in tags(home.split('<div class="md-content"', 1)[1]) if tag == "a"]
        assert "accessibility/" in links, f"{language.code}: the home page links to the policy"


def _languages(plan: str):
    """The languages the plan publishes (the required ones and the optional ones its plan.yaml lists)."""
    return published_languages(load_plan(PLANS[plan]).plan.root.languages)
