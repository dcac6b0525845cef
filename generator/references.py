"""Checks that span files: unique ids, and references to divisions that exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .errors import Location, ProblemCollector
from .languages import reserved_url_segments
from .messages import Message
from .model import Division, Document, GlossaryTerm, Indicator, Initiative, Node, Project, Table
from .yaml_source import KeyPath, LoadedFile, format_key_path

# Top-level URL segments the site uses itself; a document id may not take one.
RESERVED_IDS = reserved_url_segments() | {"assets", "search", "glossary", "divisions", "sources", "data", "404",
                                           "accessibility",
                                           "progress", "indicators"}


def walk(obj: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, BaseModel]]:
    """Every model inside `obj` with its key path, in document order."""
    if isinstance(obj, BaseModel):
        yield path, obj
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, (list, tuple)):
        for index, item in enumerate(obj):
            yield from walk(item, path + (index,))


def check_references(documents: list[tuple[Document, LoadedFile]], divisions: list[Division],
                     glossary: list[GlossaryTerm], optional_files: dict[str, LoadedFile],
                     problems: ProblemCollector, *, check_divisions: bool = True) -> None:
    ids: dict[tuple[str, str], Location] = {}

    def claim(kind: str, ident: str, where: Location, path: KeyPath, data: Any, namespace: str | None = None) -> None:
        # Items, projects, indicators and tables share a namespace: they become anchors on the same pages.
        slot = (namespace or kind, ident)
        first = ids.get(slot)
        if first is not None:
            problems.add(where, format_key_path(path), Message("duplicate_id", {
                "kind": Message(f"kind.{kind}"), "id": ident, "first": str(first)}), data=data, path=path)
        else:
            ids[slot] = where

    division_ids = sorted(d.id for d in divisions)
    known = division_ids or Message("divisions.none")

    def check_division(ref: str, where: Location, path: KeyPath, data: Any) -> None:
        if check_divisions and ref not in division_ids:
            near = difflib.get_close_matches(ref, division_ids, n=1)
            hint = Message("hint.did_you_mean", {"near": near[0]}) if near else Message("hint.none")
            problems.add(where, format_key_path(path), Message("unknown_division", {
                "ref": ref, "hint": hint, "known": known}), data=data, path=path)

    for name, kind in (("divisions.yaml", Division), ("glossary.yaml", GlossaryTerm)):
        loaded = optional_files.get(name)
        items = divisions if kind is Division else glossary
        for index, item in enumerate(items):
            path = (index, "id")
            claim(kind.__name__.lower(), item.id, loaded.source_map.locate(path), path, loaded.data)

    for document, loaded in documents:
        smap, data = loaded.source_map, loaded.data
        if document.id in RESERVED_IDS:
            problems.add(smap.locate(("id",)), "id", Message("reserved_id", {
                "id": document.id, "reserved": sorted(RESERVED_IDS)}))
        claim("document", document.id, smap.locate(("id",)), ("id",), data)
        if document.division:
            check_division(document.division, smap.locate(("division",)), ("division",), data)
        for path, item in walk(document):
            if isinstance(item, (Node, Project, Indicator, Table)):
                kind = {Node: "item", Project: "project", Indicator: "indicator", Table: "table"}[type(item)]
                claim(kind, item.id, smap.locate(path + ("id",)), path + ("id",), data, "content")
            if isinstance(item, (Node, Project, Initiative, Indicator)):
                for ref_index, ref in enumerate(item.divisions):
                    ref_path = path + ("divisions", ref_index)
                    check_division(ref, smap.locate(ref_path), ref_path, data)
            if isinstance(item, Node) and path and len(path) > 2 and item.page and not _parent_is_page(document, path):
                problems.add(smap.locate(path + ("page",)), format_key_path(path + ("page",)),
                             Message("page_nesting"), data=data, path=path + ("page",))


def _parent_is_page(document: Document, path: KeyPath) -> bool:
    """Whether the node two steps up `path` (its parent node) has a page of its own."""
    parent_path = path[:-2]
    if len(parent_path) == 2:  # ('children', i): a top-level node, always a page
        return True
    node: Any = document
    for part in parent_path:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return bool(getattr(node, "page", False)) and _parent_is_page(document, parent_path)
