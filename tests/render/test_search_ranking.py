"""Guards for Keikaku's search worker against Material 9.8.2, and the plans' search queries.

site_overrides/assets/javascripts/search-worker.js points Material's search at
workers/search-ranking.js, which loads Material's own worker and reorders its results. They rely
on how Material starts its worker and on the messages it exchanges; if an upgrade changes either,
these fail before a reader gets a search that never answers.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from generator.languages import all_languages
from tests.plans import PLANS_WITH_SEARCH_QUERIES, page_paths, search_queries

ROOT = Path(__file__).resolve().parents[2]
THEME = Path(material.__file__).resolve().parent / "templates"
SCRIPTS = ROOT / "site_overrides" / "assets" / "javascripts"


def _material_worker() -> str:
    (worker,) = (THEME / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    return worker.read_text(encoding="utf-8")


def test_material_is_the_version_the_worker_was_written_for():
    assert version("mkdocs-material") == "9.8.2", "re-check search-worker.js and workers/search-ranking.js"


def test_the_bundle_starts_the_worker_named_in_its_config():
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert '<script id="__config" type="application/json">' in base
    assert '"search": "assets/javascripts/workers/search.' in base
    (bundle,) = (THEME / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert 'JSON.parse(Va.textContent)' in text and 'j("#__config")' in text
    assert re.search(r"\w+\(\w+\.search,\w+\)", text)  # setupSearchWorker(config.search, index$)
    assert "new Worker(e)" in text


def test_materials_worker_listens_and_answers_as_the_wrapper_expects():
    worker = _material_worker()
    # One message listener that answers each message with postMessage, in order.
    assert worker.count('addEventListener("message"') == 1
    assert 'postMessage(yield' in worker
    # SETUP (0) answers READY (1); QUERY (2) answers RESULT (3) with {items: [[item, …], …]}.
    assert re.search(r"case 0:return yield \w+\(\w+\.data\.config\),\w+=new \w+\(\w+\.data\),\{type:1\}", worker)
    assert re.search(r"case 2:[^}]*\{type:3,data:", worker)
    # It loads lunr's languages relative to its own URL, so the wrapper must live beside it.
    assert '"../lunr"' in worker
    ours = (SCRIPTS / "workers" / "search-ranking.js").read_text(encoding="utf-8")
    assert "var SETUP = 0, QUERY = 2, RESULT = 3;" in ours


def test_the_worker_is_chosen_before_the_bundle_starts():
    main = (ROOT / "site_overrides" / "main.html").read_text(encoding="utf-8")
    block = main[main.index("{% block scripts %}"):]
    assert block.index("search-worker.js") < block.index("super()")
    assert "assets/javascripts/workers/search-ranking.js" in block


@pytest.mark.parametrize("plan", PLANS_WITH_SEARCH_QUERIES)
def test_each_query_of_a_plan_wants_a_page_of_that_plan(plan):
    queries = search_queries(plan).queries
    pages = set(page_paths(plan))
    assert queries, f"{plan}: search_queries.yaml holds no query"
    for query in queries:
        assert query.page in pages, f"{plan}: {query.query!r} wants {query.page!r}, which is not a page of the plan"
        assert query.lang in {language.code for language in all_languages()}, f"{plan}: {query.query!r}: {query.lang}"
