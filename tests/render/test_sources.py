"""A document's source: the official document it was transcribed from, linked when its address is given."""

from __future__ import annotations

import re

from generator.load.plan import load_plan
from generator.render.markdown_site import render_site
from tests.conftest import ROOT


def test_source_url_is_a_link_in_every_language():
    plan = load_plan(ROOT / "tests" / "data" / "progress" / "graded").plan
    url = plan.documents[0].source.url
    for language in render_site(plan):
        page = language.files["comprehensive-plan/index.md"]
        source = page[page.index('{ #comprehensive-plan_source }'):]
        assert re.search(rf'<dd><a href="{re.escape(url)}">{re.escape(url)}</a></dd>', source), language.lang
