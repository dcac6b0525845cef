"""Checks that span files: unique ids, and references to divisions that exist."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from ..problems.errors import Location, ProblemCollector
from ..page_kinds import reserved_ids
from ..messages import Message
from ..model import Division
from ..model.common import SLUG_PATTERN
from ..problems.keypath import KeyPath, format_key_path
from .yaml_reader import LoadedFile

# Top-level URL segments the site uses itself (its pages, the theme's, the other languages'); a document id
# may not take one.
RESERVED_IDS = reserved_ids()


# The lists of a document whose entries carry an id, and what each entry is. Items, projects, indicators and
# tables share one namespace: they become anchors on the same pages.
_ID_LISTS = {"children": "item", "projects": "project", "targets": "indicator", "kpis": "indicator", "tables": "table",
             "initiatives": "initiative", "activity_targets": "qualitative_target",
             "achievement_targets": "qualitative_target"}
# The lists of an item, in the order of the model's fields (so the first of two ids is the one read first).
_ITEM_LISTS = ("targets", "kpis", "activity_targets", "achievement_targets", "projects", "initiatives", "tables",
               "children")


def _raw_entries(node: dict, path: KeyPath, parent_is_page: bool) -> Iterator[tuple[KeyPath, str, dict, bool]]:
    """(key path, list key, entry, whether its parent has a page) for every entry below `node`, read from the
    file's data as written, so that references are checked in a file that also has type errors."""
    for key in _ITEM_LISTS:
        entries = node.get(key)
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            entry_path = path + (key, index)
            yield entry_path, key, entry, parent_is_page
            if key == "children":
                # A top-level item always has a page; one below has one when it says so and its parent has one.
                own_page = len(path) == 0 or (entry.get("page") is True and parent_is_page)
                yield from _raw_entries(entry, entry_path, own_page)


def _is_id(value: Any) -> bool:
    """Whether `value` is written as an id; one that is not is reported by validation, once."""
    return isinstance(value, str) and re.fullmatch(SLUG_PATTERN, value) is not None


def check_references(document_files: list[LoadedFile], divisions: list[Division], optional_files: dict[str, LoadedFile],
                     problems: ProblemCollector, *, check_divisions: bool = True) -> None:
    """Unique ids across the plan and known divisions, in every document file that was read, valid or not."""
    ids: dict[tuple[str, str], Location] = {}

    def claim(kind: str, ident: Any, where: Location, path: KeyPath, data: Any, namespace: str | None = None) -> None:
        if not _is_id(ident):
            return  # not an id at all: validation says so
        slot = (namespace or kind, ident)
        first = ids.get(slot)
        if first is not None:
            problems.add(where, format_key_path(path), Message("duplicate_id", {
                "kind": Message(f"kind.{kind}"), "id": ident, "first": str(first)}), data=data, path=path)
        else:
            ids[slot] = where

    division_ids = sorted(d.id for d in divisions)
    known = division_ids or Message("divisions.none")

    def check_division(ref: Any, where: Location, path: KeyPath, data: Any) -> None:
        if check_divisions and _is_id(ref) and ref not in division_ids:
            near = difflib.get_close_matches(ref, division_ids, n=1)
            hint = Message("hint.did_you_mean", {"near": near[0]}) if near else Message("hint.none")
            problems.add(where, format_key_path(path), Message("unknown_division", {
                "ref": ref, "hint": hint, "known": known}), data=data, path=path)

    for name, kind in (("divisions.yaml", "division"), ("glossary.yaml", "glossaryterm")):
        loaded = optional_files.get(name)
        if loaded is None or not isinstance(loaded.data, list):
            continue
        for index, entry in enumerate(loaded.data):
            if isinstance(entry, dict):
                path = (index, "id")
                claim(kind, entry.get("id"), loaded.source_map.locate(path), path, loaded.data)

    for loaded in document_files:
        smap, data = loaded.source_map, loaded.data
        if not isinstance(data, dict):
            continue
        ident = data.get("id")
        if isinstance(ident, str) and ident in RESERVED_IDS:
            problems.add(smap.locate(("id",)), "id", Message("reserved_id", {
                "id": ident, "reserved": sorted(RESERVED_IDS)}))
        claim("document", ident, smap.locate(("id",)), ("id",), data)
        if isinstance(data.get("division"), str):
            check_division(data["division"], smap.locate(("division",)), ("division",), data)
        for path, key, entry, parent_is_page in _raw_entries(data, (), True):
            if key in _ID_LISTS:
                claim(_ID_LISTS[key], entry.get("id"), smap.locate(path + ("id",)), path + ("id",), data, "content")
            refs = entry.get("divisions")
            if key != "tables" and isinstance(refs, list):
                for ref_index, ref in enumerate(refs):
                    ref_path = path + ("divisions", ref_index)
                    check_division(ref, smap.locate(ref_path), ref_path, data)
            if key == "children" and len(path) > 2 and entry.get("page") is True and not parent_is_page:
                problems.add(smap.locate(path + ("page",)), format_key_path(path + ("page",)),
                             Message("page_nesting"), data=data, path=path + ("page",))
