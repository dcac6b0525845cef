"""Pages are found by document and item ids, so a copied or revalidated model still finds its page."""

from __future__ import annotations

from generator.model import Plan
from generator.load.plan import load_plan
from generator.render.pages import PageIndex, plan_pages, walk_pages
from tests.conftest import ROOT


def test_a_copied_or_revalidated_plan_finds_the_same_pages():
    plan = load_plan(ROOT / "tests" / "data" / "minimal").plan
    pages = plan_pages(plan)
    index = PageIndex(plan, pages)
    revalidated = Plan.model_validate(plan.model_dump(by_alias=True))
    for other in (plan.model_copy(deep=True), revalidated):
        for document, copy in zip(plan.documents, other.documents):
            assert copy is not document
            assert index[copy] is index[document]
            assert index[copy].path == f"{document.id}/index.md"
            for node, node_copy in zip(document.children, copy.children):
                assert index[node_copy] is index[node]
                assert index[node_copy].path == f"{document.id}/{node.id}/index.md"
    item_pages = [page for page in walk_pages(pages) if page.kind == "node"]
    assert item_pages and all(index[page.subject] is page for page in item_pages)
