"""Where a problem is, in the editor's terms: 「基本目標1 > KPI「子育て支援満足度」」, not `children[0].kpis[3]`.

The place is read from the file's data along the problem's key path: each item of the hierarchy by
its level and number (or its title), each indicator, project or table by its name. What follows the
last named item stays a key path (`target.value`), which the editor finds in that item.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..labels import load_labels
from ..messages import Message, PlanText, render
from .keypath import KeyPath

# List key in a document → (phrase of the catalogue, the item's field that names it).
NAMED_LISTS = {
    "kpis": ("place.kpi", "name"),
    "targets": ("place.target", "name"),
    "projects": ("place.project", "name"),
    "tables": ("place.table", "title"),
    "initiatives": ("place.initiative", "title"),
    "guiding_plans": ("place.guiding_plan", "name"),
    "activity_targets": ("place.activity_target", "text"),
    "achievement_targets": ("place.achievement_target", "text"),
    "evaluation_scales": ("place.scale", "name"),
}
# An entry of a file that is a list (divisions.yaml, glossary.yaml), by the field that names it.
LIST_FILE_ENTRIES = (("term", "place.term"), ("name", "place.division"))


@dataclass(frozen=True)
class NodeName:
    """An item of the hierarchy as the site heads it (基本目標1 / Basic goal 1, labels from templates/labels/),
    or by its title where its level is shown by a number alone (a chapter's "1")."""

    level: str
    number: str
    title: PlanText | None
    index: int

    def render_in(self, lang: str) -> str:
        template = _level_labels(lang).get(self.level)
        if template and template.replace("{number}", "").strip() and self.number:
            return template.format(number=self.number).strip()
        if self.title is not None:
            return render(Message("place.titled", {"title": self.title}), lang)
        return render(Message("place.item_number", {"n": self.index + 1}), lang)


def _level_labels(lang: str) -> Mapping[str, str]:
    """The levels' headings (基本目標{number}) of `lang`, or of the first language along its fallback chain that
    has them: a message may be shown in a registered language before its labels are written."""
    try:
        return load_labels(lang).data.get("levels") or {}
    except KeyError:  # no language along the chain has a labels file
        return {}


def _text(value: Any) -> PlanText | None:
    if isinstance(value, dict) and all(isinstance(text, str) for text in value.values()) and value:
        return PlanText(value)
    if isinstance(value, str) and value.strip():
        return PlanText({"": value})
    return None


def _node_step(node: dict, index: int) -> NodeName:
    level, number = node.get("level"), node.get("number")
    return NodeName(level if isinstance(level, str) else "", str(number) if isinstance(number, (str, int)) else "",
                    _text(node.get("title")), index)


def _named_step(phrase: str, item: Any, field: str, index: int) -> Message:
    name = _text(item.get(field)) if isinstance(item, dict) else None
    return Message(phrase, {"name": name}) if name else Message(f"{phrase}_number", {"n": index + 1})


def place_of(data: Any, path: KeyPath) -> tuple[tuple[Message | NodeName, ...], KeyPath]:
    """(steps naming the items along `path`, the rest of the path after the last named item)."""
    steps: list[Message | NodeName] = []
    rest_from = 0
    current = data
    index = 0
    if isinstance(current, list) and path and isinstance(path[0], int) and 0 <= path[0] < len(current):
        entry = current[path[0]]
        for field, phrase in LIST_FILE_ENTRIES:
            if isinstance(entry, dict) and field in entry:
                steps.append(_named_step(phrase, entry, field, path[0]))
                break
        else:
            steps.append(Message("place.entry_number", {"n": path[0] + 1}))
        current, index, rest_from = entry, 1, 1
    while index < len(path):
        key = path[index]
        following = path[index + 1] if index + 1 < len(path) else None
        if not isinstance(current, dict) or not isinstance(following, int):
            break
        items = current.get(key)
        if not isinstance(items, list) or not 0 <= following < len(items):
            break
        item = items[following]
        if key == "children":
            steps.append(_node_step(item, following) if isinstance(item, dict) else
                         Message("place.item_number", {"n": following + 1}))
        elif key in NAMED_LISTS:
            phrase, field = NAMED_LISTS[key]
            steps.append(_named_step(phrase, item, field, following))
        else:
            break
        current = item
        index += 2
        rest_from = index
    return tuple(steps), tuple(path[rest_from:])
