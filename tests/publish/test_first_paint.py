"""Nothing but the stylesheets holds up a page's first paint: every script is deferred, and still runs
in the order the theme needs (Keikaku's two start-up scripts before Material's bundle)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PLANS
from tests.html_tags import tags
from tests.publish.test_material_guard import _material

_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


def test_materials_bundle_tag_is_the_one_main_html_defers():
    # main.html adds `defer` by replacing this exact opening in the theme's scripts block.
    scripts = _material("base.html").split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    assert re.search(r"<script src=\"{{ 'assets/javascripts/bundle\.[0-9a-f]+\.min\.js' \| url }}\"></script>", scripts)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_script_of_every_page_is_deferred_and_runs_in_order(built_sites, name):
    site = built_sites(name)
    for page in sorted(site.rglob("*.html")):
        scripts = [attrs for tag, attrs in tags(page.read_text(encoding="utf-8"))
                   if tag == "script" and attrs.get("src")]
        blocking = [attrs["src"] for attrs in scripts if "defer" not in attrs and "async" not in attrs]
        assert blocking == [], f"{page.relative_to(site)}: scripts that block the first paint: {blocking}"
        sources = [attrs["src"] for attrs in scripts]
        bundle = next(i for i, src in enumerate(sources) if _BUNDLE.search(src))
        before = {src.rsplit("/", 1)[1] for src in sources[:bundle]}
        assert {"lazy-search.js", "search-worker.js"} <= before, f"{page.relative_to(site)}: {sources}"
