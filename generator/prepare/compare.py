"""What changed in a plan's meaning: two validated plans compared item by item.

The comparison works on the models, not the YAML, so reordered keys, comments and
reformatting change nothing. Items with ids (documents, hierarchy items, indicators,
projects, tables, divisions, terms) are matched by id, so an item is "moved" when its
parent changes and "added" or "removed" otherwise. Inside an item, numbers keep their
unit and period, lists of actuals are matched by period, table cells by row and year.
The result is language-neutral data; `plan_diff_markdown` words it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..model import (Document, Evaluation, Measurement, Node, Period, Plan, Prose, Quantity, Remark, Table, Target, Text,
                     Unit)
from ..model.walk import walk_items

# Fields holding items with their own ids: compared as items, not as part of their parent.
_ITEM_LISTS = {Node: ("targets", "kpis", "activity_targets", "achievement_targets", "projects", "tables", "children"),
               Document: ("children",)}
# Fields that only say where the content lives, not what it means.
_NOT_CONTENT = {"documents"}


@dataclass(frozen=True)
class ItemRef:
    """An item as a reader names it: what it is (`kind`, e.g. a level or "kpis"), its number, title and id."""

    kind: str
    id: str
    title: Text
    number: str | None = None


@dataclass(frozen=True)
class Segment:
    """One step of the path to a changed value: a field, a period, a label (e.g. 男性) or a position."""

    kind: str
    value: Any


@dataclass(frozen=True)
class Amount:
    """A number (or a mark such as `-`, or nothing) with its unit, as a table cell or a quantity holds it."""

    value: int | float | str | None
    unit: Unit | None = None
    decimals: int | None = None


@dataclass(frozen=True)
class ItemChange:
    item: ItemRef
    old_parent: ItemRef | None
    new_parent: ItemRef | None


@dataclass(frozen=True)
class ValueChange:
    """A changed number (`Amount`s), text (`Text`/`Prose`) or other value (period, flag, ids…) of an item."""

    item: ItemRef
    path: tuple[Segment, ...]
    old: Any
    new: Any


@dataclass(frozen=True)
class Named:
    """A grade or a scale as a reviewer reads it: its label (達成), not the id the YAML keeps."""

    ident: str
    label: Text | None  # None when neither plan names it (the check reports that)


@dataclass
class PlanDiff:
    added: list[ItemChange] = field(default_factory=list)
    removed: list[ItemChange] = field(default_factory=list)
    moved: list[ItemChange] = field(default_factory=list)
    numbers: list[ValueChange] = field(default_factory=list)
    texts: list[ValueChange] = field(default_factory=list)
    others: list[ValueChange] = field(default_factory=list)

    # How each grade id reads, from the old plan's scales, then the new one's: (scale id or None, grade id) → label.
    grade_labels: dict[tuple[str | None, str], Text] = field(default_factory=dict, repr=False, compare=False)
    scale_names: dict[str, Text] = field(default_factory=dict, repr=False, compare=False)

    def is_empty(self) -> bool:
        return not any((self.added, self.removed, self.moved, self.numbers, self.texts, self.others))


@dataclass(frozen=True)
class _Entry:
    ref: ItemRef
    parent: ItemRef | None
    content: BaseModel


def _index(plan: Plan) -> dict[tuple[str, str], _Entry]:
    """Every item with an id, in reading order, keyed by (category, id)."""
    entries: dict[tuple[str, str], _Entry] = {}
    root = ItemRef("plan", "plan.yaml", plan.root.site_title)
    entries[("plan", root.id)] = _Entry(root, None, plan.root)

    refs: dict[str, ItemRef] = {}
    for document in plan.documents:  # each document before its items, in reading order
        refs[document.id] = ItemRef("document", document.id, document.title)
        entries[("document", document.id)] = _Entry(refs[document.id], root, document)
        for place in walk_items(document):
            node = place.node
            ref = refs[node.id] = ItemRef(node.level.value, node.id, node.title, node.number)
            entries[("item", node.id)] = _Entry(ref, refs[place.ancestors[-1].id] if place.ancestors else refs[document.id],
                                                node)
            for slot in ("targets", "kpis"):
                for indicator in getattr(node, slot):
                    entries[("indicator", indicator.id)] = _Entry(ItemRef(slot, indicator.id, indicator.name), ref,
                                                                  indicator)
            for slot in ("activity_targets", "achievement_targets"):
                for target in getattr(node, slot):
                    entries[("target", target.id)] = _Entry(ItemRef(slot, target.id, target.text), ref, target)
            for project in node.projects:
                entries[("project", project.id)] = _Entry(ItemRef("project", project.id, project.name), ref, project)
            for table in node.tables:
                entries[("table", table.id)] = _Entry(ItemRef("table", table.id, table.title), ref, table)
    for division in plan.divisions:
        entries[("division", division.id)] = _Entry(ItemRef("division", division.id, division.name), None, division)
    for term in plan.glossary:
        entries[("term", term.id)] = _Entry(ItemRef("term", term.id, term.term), None, term)
    return entries


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    result = PlanDiff()
    for plan in (old, new):
        for position, scale in enumerate(plan.root.evaluation_scales):
            for key in (scale.id, None) if position == 0 else (scale.id,):  # no scale named: the first one
                result.grade_labels.update({(key, grade.id): grade.label for grade in scale.grades})
            result.scale_names[scale.id] = scale.name
    before, after = _index(old), _index(new)
    for key, entry in after.items():
        previous = before.get(key)
        if previous is None:
            result.added.append(ItemChange(entry.ref, None, entry.parent))
            # What a new indicator or table commits to (its baseline, target, cells) is what a reviewer checks.
            numbers = PlanDiff()
            _compare(None, entry.content, (), entry.ref, numbers)
            result.numbers.extend(numbers.numbers)
            continue
        if _where(previous) != _where(entry):
            result.moved.append(ItemChange(entry.ref, previous.parent, entry.parent))
        _compare(previous.content, entry.content, (), entry.ref, result)
    for key, entry in before.items():
        if key not in after:
            result.removed.append(ItemChange(entry.ref, entry.parent, None))
    return result


def _where(entry: _Entry) -> tuple:
    parent = entry.parent
    return (entry.ref.kind if entry.ref.kind in ("targets", "kpis") else None,
            None if parent is None else (parent.kind, parent.id))


def _record(result: PlanDiff, item: ItemRef, path: tuple[Segment, ...], old: Any, new: Any) -> None:
    change = ValueChange(item, path, old, new)
    if isinstance(old, Amount) or isinstance(new, Amount):
        result.numbers.append(change)
    elif isinstance(old, (Text, Prose, Remark)) or isinstance(new, (Text, Prose, Remark)):
        result.texts.append(change)
    else:
        result.others.append(change)


def _compare(old: Any, new: Any, path: tuple[Segment, ...], item: ItemRef, result: PlanDiff) -> None:
    if old == new:
        return
    if isinstance(old, (Text, Prose, Remark, Period)) or isinstance(new, (Text, Prose, Remark, Period)):
        _record(result, item, path, old, new)  # a period is one value: 令和元年度 → 令和2年度
    elif isinstance(old, (Measurement, Target)) or isinstance(new, (Measurement, Target)):
        _compare_measured(old, new, path, item, result)
    elif isinstance(old, Table) and isinstance(new, Table):
        _compare_table(old, new, path, item, result)
    elif isinstance(old, Evaluation) or isinstance(new, Evaluation):
        _compare_evaluation(old, new, path, item, result)
    elif (old is None and isinstance(new, BaseModel)) or (new is None and isinstance(old, BaseModel)):
        present = new if old is None else old
        skip = _ITEM_LISTS.get(type(present), ()) + tuple(_NOT_CONTENT)
        for name in type(present).model_fields:  # an added or removed part: its texts, numbers and lists
            value = getattr(present, name)
            if name not in skip and isinstance(value, (BaseModel, list)):
                empty = [] if isinstance(value, list) else None
                _compare(getattr(old, name, empty), getattr(new, name, empty), path + (Segment("field", name),),
                         item, result)
    elif isinstance(old, BaseModel) and isinstance(new, BaseModel) and type(old) is type(new):
        skip = _ITEM_LISTS.get(type(old), ()) + tuple(_NOT_CONTENT)
        for name in type(old).model_fields:
            if name not in skip:
                _compare(getattr(old, name), getattr(new, name), path + (Segment("field", name),), item, result)
    elif isinstance(old, dict) and isinstance(new, dict):  # e.g. a progress rule's grades, by grade
        for key in list(new) + [key for key in old if key not in new]:
            _compare(old.get(key), new.get(key), path + (Segment("key", key),), item, result)
    elif isinstance(old, list) and isinstance(new, list) and _keyed(old + new):
        _compare_keyed(old, new, path, item, result)
    else:
        _record(result, item, path, old, new)


def _compare_evaluation(old: Evaluation | None, new: Evaluation | None, path: tuple[Segment, ...], item: ItemRef,
                        result: PlanDiff) -> None:
    """A year's evaluation is known by its year (the path says it): its grade, scale, comment and review."""
    for name in ("grade", "scale", "comment", "review"):
        before, after = getattr(old, name, None), getattr(new, name, None)
        if name == "review":
            _compare(before, after, path + (Segment("field", name),), item, result)
        elif name in ("grade", "scale") and before != after:
            named = _grade if name == "grade" else _scale
            result.others.append(ValueChange(item, path + (Segment("field", name),), named(old, result),
                                             named(new, result)))
        elif before != after:
            _record(result, item, path + (Segment("field", name),), before, after)


def _grade(evaluation: Evaluation | None, result: PlanDiff) -> Named | None:
    if evaluation is None:
        return None
    return Named(evaluation.grade, result.grade_labels.get((evaluation.scale, evaluation.grade)))


def _scale(evaluation: Evaluation | None, result: PlanDiff) -> Named | None:
    if evaluation is None or evaluation.scale is None:
        return None
    return Named(evaluation.scale, result.scale_names.get(evaluation.scale))


def _keyed(values: list) -> bool:
    """Lists of models are compared element by element; lists of ids or periods as one value."""
    return bool(values) and all(isinstance(value, BaseModel) and not isinstance(value, Period) for value in values)


def _key(value: BaseModel, position: int) -> Segment:
    if isinstance(value, Measurement) and value.period is not None:
        return Segment("period", value.period)  # a yearly actual is known by its year
    if isinstance(value, Evaluation):
        return Segment("period", value.period)  # and so is a yearly evaluation
    label = getattr(value, "label", None)
    if isinstance(label, Text):
        return Segment("label", label)
    return Segment("position", position + 1)


def _compare_keyed(old: list, new: list, path: tuple[Segment, ...], item: ItemRef, result: PlanDiff) -> None:
    before = {_key(value, i): value for i, value in enumerate(old)}
    after = {_key(value, i): value for i, value in enumerate(new)}
    if any(key.kind == "position" for key in (*before, *after)):
        _compare_sequence(old, new, path, item, result)
        return
    for key in list(after) + [key for key in before if key not in after]:
        _compare(before.get(key), after.get(key), path + (key,), item, result)


def _compare_sequence(old: list, new: list, path: tuple[Segment, ...], item: ItemRef, result: PlanDiff) -> None:
    """Elements known only by position (notes, points…): aligned, so one removed note is not every note changed."""
    def same(values: list) -> list[str]:  # models holding lists cannot be hashed; their JSON can
        return [value.model_dump_json() for value in values]

    matcher = difflib.SequenceMatcher(a=same(old), b=same(new), autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        for offset in range(max(old_end - old_start, new_end - new_start)):
            i, j = old_start + offset, new_start + offset
            position = (j if j < new_end else i) + 1
            _compare(old[i] if i < old_end else None, new[j] if j < new_end else None,
                     path + (Segment("position", position),), item, result)


def _amount(quantity: Quantity | None) -> Amount | None:
    return None if quantity is None else Amount(quantity.value, quantity.unit, quantity.decimals)


def _compare_measured(old: Measurement | Target | None, new: Measurement | Target | None,
                      path: tuple[Segment, ...], item: ItemRef, result: PlanDiff) -> None:
    """Numbers keep their period and unit; the other fields (period, note, text…) compare as usual."""
    period = (new.period if new is not None and new.period is not None
              else old.period if old is not None else None)
    at = path if period is None or (path and path[-1].kind == "period") else path + (Segment("period", period),)
    before = {_key(q, i): q for i, q in enumerate(old.quantities())} if old is not None else {}
    after = {_key(q, i): q for i, q in enumerate(new.quantities())} if new is not None else {}
    for key in list(after) + [key for key in before if key not in after]:
        old_amount, new_amount = _amount(before.get(key)), _amount(after.get(key))
        if old_amount != new_amount:
            where = at + (key,) if len(before) > 1 or len(after) > 1 or key.kind == "label" else at
            _record(result, item, where, old_amount, new_amount)
    if old is None or new is None:
        return  # an added or removed measurement is its numbers
    for name in type(new).model_fields:
        if name not in ("value", "unit", "values"):
            _compare(getattr(old, name), getattr(new, name), path + (Segment("field", name),), item, result)


def _compare_table(old: Table, new: Table, path: tuple[Segment, ...], item: ItemRef, result: PlanDiff) -> None:
    for name in Table.model_fields:
        if name != "rows":
            _compare(getattr(old, name), getattr(new, name), path + (Segment("field", name),), item, result)
    rows_before = {row.label: row for row in old.rows}
    rows_after = {row.label: row for row in new.rows}
    for label in list(rows_after) + [label for label in rows_before if label not in rows_after]:
        row_path = path + (Segment("label", label),)
        old_row, new_row = rows_before.get(label), rows_after.get(label)
        old_cells = dict(zip(old.columns, old_row.cells)) if old_row else {}
        new_cells = dict(zip(new.columns, new_row.cells)) if new_row else {}
        for column in list(new_cells) + [column for column in old_cells if column not in new_cells]:
            before = Amount(old_cells[column], old.unit) if column in old_cells else None
            after = Amount(new_cells[column], new.unit) if column in new_cells else None
            if before != after:
                _record(result, item, row_path + (Segment("period", column),), before, after)
        if old_row and new_row:
            _compare(old_row.note, new_row.note, row_path + (Segment("field", "note"),), item, result)


__all__ = ["Amount", "ItemChange", "ItemRef", "PlanDiff", "Segment", "ValueChange", "diff_plans"]
