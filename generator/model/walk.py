"""The one walk over a plan: every item of every document, in the order a reader meets them.

Every traversal that needs the hierarchy (indicators and their divisions, tables, projects, the pages
that show each item, the home page's counts, the plan diff's index) reads this walk instead of
recursing on its own; `walk_models` is the walk over every model object, for what looks at all texts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .content import Node
from .plan import Document, Plan


@dataclass(frozen=True)
class ItemPlace:
    """One item of the hierarchy and where it stands: its document, and the items above it, top first."""

    document: Document
    node: Node
    ancestors: tuple[Node, ...]

    @property
    def goal(self) -> Node:
        """The document's top-level item this one is part of (its own page's goal, measure area…)."""
        return self.ancestors[0] if self.ancestors else self.node

    @property
    def inherited_divisions(self) -> tuple[str, ...]:
        """The responsible divisions of the item: its own, else those of the nearest item above that names some."""
        for item in (self.node, *reversed(self.ancestors)):
            if item.divisions:
                return tuple(item.divisions)
        return ()


def walk_items(source: Plan | Document) -> Iterator[ItemPlace]:
    """Every item of the plan (or of one document), depth first, in document order."""
    documents = source.documents if isinstance(source, Plan) else [source]
    for document in documents:
        stack: list[tuple[Node, tuple[Node, ...]]] = [(node, ()) for node in reversed(document.children)]
        while stack:  # iterative: a plan may nest as deep as its files allow
            node, ancestors = stack.pop()
            yield ItemPlace(document, node, ancestors)
            below = ancestors + (node,)
            stack.extend((child, below) for child in reversed(node.children))


def walk_models(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, BaseModel]]:
    """Every model inside `obj` with its key path, in document order."""
    if isinstance(obj, BaseModel):
        yield path, obj
        for name in type(obj).model_fields:
            yield from walk_models(getattr(obj, name), path + (name,))
    elif isinstance(obj, (list, tuple)):
        for index, item in enumerate(obj):
            yield from walk_models(item, path + (index,))


__all__ = ["ItemPlace", "walk_items", "walk_models"]
