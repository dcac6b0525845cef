"""The site's pages, the same in every language: what each page shows and where it lives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Node, Plan
from ..progress import plan_indicators


@dataclass
class PageSpec:
    """One page of the site; `path` is the Markdown file relative to the docs root."""

    kind: str  # home | document | node | indicators | glossary | divisions | open_data | progress | accessibility
    path: str
    subject: Any = None
    children: list[PageSpec] = field(default_factory=list)


def _node_pages(node: Node, parent_dir: str) -> PageSpec:
    directory = f"{parent_dir}{node.id}/"
    page = PageSpec("node", f"{directory}index.md", node)
    for child in node.children:
        if child.page:
            page.children.append(_node_pages(child, directory))
    return page


def plan_pages(plan: Plan) -> list[PageSpec]:
    """Every page, in navigation order: home, each document with its item pages, glossary, divisions."""
    pages = [PageSpec("home", "index.md", plan)]
    for document in plan.documents:
        doc_page = PageSpec("document", f"{document.id}/index.md", document)
        doc_page.children = [_node_pages(node, f"{document.id}/") for node in document.children]
        pages.append(doc_page)
    has_indicators = any(True for _ in plan_indicators(plan))
    if has_indicators:
        pages.append(PageSpec("indicators", "indicators/index.md", plan))
    if plan.glossary:
        pages.append(PageSpec("glossary", "glossary/index.md", plan))
    if plan.divisions:
        pages.append(PageSpec("divisions", "divisions/index.md", plan))
    pages.append(PageSpec("open_data", "data/index.md", plan))
    if has_indicators:
        pages.append(PageSpec("progress", "progress/index.md", plan))
    pages.append(PageSpec("accessibility", "accessibility/index.md", plan))  # the site's policy, in every plan
    return pages


def walk_pages(pages: list[PageSpec]):
    for page in pages:
        yield page
        yield from walk_pages(page.children)


def page_index(pages: list[PageSpec]) -> dict[int, PageSpec]:
    """id(node or document) → its page, so templates can link to the page that shows an item."""
    return {id(page.subject): page for page in walk_pages(pages) if page.kind in ("document", "node")}
