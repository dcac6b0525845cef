"""The site's pages, the same in every language: what each page shows and where it lives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Node, Plan
from ..page_kinds import PAGE_KINDS, SITE_PAGES
from ..model.walk import ItemPlace, walk_items
from ..prepare.progress import plan_indicators


@dataclass
class PageSpec:
    """One page of the site; `path` is the Markdown file relative to the docs root."""

    kind: str  # home | document | node | indicators | glossary | divisions | open_data | progress | accessibility
    path: str
    subject: Any = None
    children: list[PageSpec] = field(default_factory=list)
    key: PageKey | None = None  # (document id, item id or None) for the pages of documents and items


PageKey = tuple[str, str | None]


def _node_pages(node: Node, document_id: str, parent_dir: str) -> PageSpec:
    directory = f"{parent_dir}{node.id}/"
    page = PageSpec("node", f"{directory}index.md", node, key=(document_id, node.id))
    for child in node.children:
        if child.page:
            page.children.append(_node_pages(child, document_id, directory))
    return page


def plan_pages(plan: Plan) -> list[PageSpec]:
    """Every page, in navigation order: home, each document with its item pages, then the site's pages
    (generator/page_kinds.py) that the plan has: all indicators, glossary, divisions, open data, progress,
    the accessibility policy."""
    pages = [PageSpec("home", "index.md", plan)]
    for document in plan.documents:
        doc_page = PageSpec("document", f"{document.id}/index.md", document, key=(document.id, None))
        doc_page.children = [_node_pages(node, document.id, f"{document.id}/") for node in document.children]
        pages.append(doc_page)
    has = {"indicators": any(True for _ in plan_indicators(plan)), "glossary": bool(plan.glossary),
           "divisions": bool(plan.divisions)}
    for name in SITE_PAGES:
        kind = PAGE_KINDS[name]
        if kind.needs is None or has[kind.needs]:
            pages.append(PageSpec(name, f"{kind.segment}/index.md", plan))
    return pages


def walk_pages(pages: list[PageSpec]):
    for page in pages:
        yield page
        yield from walk_pages(page.children)


class PageIndex:
    """The page of each document and item that has one, found by ids (never by object identity, which a
    copied or revalidated model would not keep), so templates can link to the page that shows an item."""

    def __init__(self, plan: Plan, pages: list[PageSpec]) -> None:
        self._pages = {page.key: page for page in walk_pages(pages) if page.key is not None}
        # Item ids are unique across the plan (references.py checks), so an item names its document.
        self._document_of = {place.node.id: place.document.id for place in walk_items(plan)}

    def key(self, subject: Document | Node) -> PageKey:
        if isinstance(subject, Document):
            return (subject.id, None)
        return (self._document_of[subject.id], subject.id)

    def get(self, subject: Document | Node) -> PageSpec | None:
        return self._pages.get(self.key(subject))

    def showing(self, place: ItemPlace) -> PageSpec:
        """The page that shows an item: its own, or that of the nearest item above with one, or its document's."""
        for item in (place.node, *reversed(place.ancestors)):
            if (page := self.get(item)) is not None:
                return page
        return self[place.document]

    def __getitem__(self, subject: Document | Node) -> PageSpec:
        return self._pages[self.key(subject)]

