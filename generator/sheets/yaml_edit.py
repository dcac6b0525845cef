"""Write imported values into the plan's YAML as an editor would: only the lines that carry them change.

ruamel.yaml reads each file round trip (comments, key order, quoting, flow style kept), with the
indentation the file uses (detected from its lines). A new actual goes in as one flow line beside the
others, in year order; a new evaluation as a block, where the model's field order puts it. The edit is
then carried over to the editor's own text: ruamel's output before and after the edit differ only where
the values went in, and those lines are put into the original file, so that anything ruamel would have
written differently elsewhere (a long line folded by another tool, an explicit `null`) stays as the
editor had it. ruamel attaches a comment on its own line to what precedes it, so a value appended after
that would land below the comment that introduces the next key; each inserted block is moved up to sit
right after the content it follows. The result must read back as exactly the intended data, and every
comment of the file must still be there; otherwise nothing is written.
"""
from __future__ import annotations

import difflib
import io
from collections import Counter
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import Period
from .changes import Change

# (mapping indent, sequence indent, sequence dash offset): the layouts plans are written in.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0))
_ID_LISTS = ("children", "targets", "kpis", "activity_targets", "achievement_targets", "projects", "initiatives")


class LayoutNotKept(Exception):
    """The file cannot be written back in its own layout: the editor is told, and nothing is written."""


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the editor wrote on one
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _detected_indent(text: str) -> tuple[int, int, int]:
    """The (mapping, sequence, offset) most of the file's nested blocks use: a key's block below it, and a
    list's dashes below their key."""
    mappings: Counter = Counter()
    offsets: Counter = Counter()
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, below in zip(lines, lines[1:]):
        if not line.rstrip().endswith(":") or line.lstrip().startswith("- "):
            continue
        indent, deeper = len(line) - len(line.lstrip()), len(below) - len(below.lstrip())
        if below.lstrip().startswith("- "):
            offsets[deeper - indent] += 1
        elif deeper > indent:
            mappings[deeper - indent] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    offset = offsets.most_common(1)[0][0] if offsets else 2
    return mapping, offset + 2, offset


def load_round_trip(text: str) -> tuple[YAML, Any, str]:
    """The file's data, the ruamel settings closest to its layout, and the file as ruamel writes it back with
    them (the same text, for most files)."""
    detected = _detected_indent(text)
    best: tuple[int, YAML, Any, str] | None = None
    for indent in (detected, *[indent for indent in _INDENTS if indent != detected]):
        yaml = _yaml(indent)
        data = yaml.load(text)
        dumped = _dump(yaml, data)
        if dumped == text:
            return yaml, data, dumped
        differing = sum(1 for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            a=text.splitlines(), b=dumped.splitlines(), autojunk=False).get_opcodes() if tag != "equal"
            for _ in range(max(i2 - i1, j2 - j1)))
        if best is None or differing < best[0]:
            best = (differing, yaml, data, dumped)
        if indent == detected and differing * 20 < len(text.splitlines()):
            break  # close enough: the few lines ruamel writes otherwise are kept as they are
    assert best is not None
    return best[1], best[2], best[3]


def _carry_over(original: list[str], before: list[str], after: list[str]) -> list[str]:
    """`original` with the edit that turned `before` into `after` (ruamel's output without and with the new
    values); LayoutNotKept when an edit touches a line that ruamel writes otherwise than the original."""
    if before == original:
        return list(after)
    same: dict[int, int] = {}  # line of `before` → the same line of `original`
    for tag, i1, i2, j1, _j2 in difflib.SequenceMatcher(a=before, b=original, autojunk=False).get_opcodes():
        if tag == "equal":
            same.update({i1 + k: j1 + k for k in range(i2 - i1)})
    result = list(original)
    edits = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(edits):
        if tag == "equal":
            continue
        if i1 == i2:  # lines inserted between before[i1 - 1] and before[i1]: both must be where they were
            if i1 > 0 and i1 - 1 not in same or i1 < len(before) and i1 not in same:
                raise LayoutNotKept
            at = same[i1 - 1] + 1 if i1 > 0 else 0
            if i1 < len(before) and same[i1] != at:
                raise LayoutNotKept
            result[at:at] = after[j1:j2]
        else:  # lines replaced: each must be in the original, one after another
            if any(i1 + k not in same or same[i1 + k] != same[i1] + k for k in range(i2 - i1)):
                raise LayoutNotKept
            result[same[i1]:same[i1] + (i2 - i1)] = after[j1:j2]
    return result


def index_ids(data: Any) -> dict[str, CommentedMap]:
    """id → its mapping, for every entry of the hierarchy's lists that has one."""
    found: dict[str, CommentedMap] = {}
    stack = [data]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        for key in _ID_LISTS:
            entries = node.get(key)
            if isinstance(entries, list):
                for entry in entries:
                    if isinstance(entry, dict):
                        if isinstance(entry.get("id"), str):
                            found.setdefault(entry["id"], entry)
                        stack.append(entry)
    return found


def _period_map(period: Period) -> CommentedMap:
    value = CommentedMap([("fiscal_year" if period.is_fiscal else "year", period.western)])
    value.fa.set_flow_style()
    return value


def _is_period(value: Any, period: Period) -> bool:
    key = "fiscal_year" if period.is_fiscal else "year"
    return isinstance(value, dict) and value.get(key) == period.western and len(value) == 1 + ("note" in value)


def _insert_key(mapping: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """Put `key` where the model's field order puts it: after the last key that comes before it."""
    position = 0
    for index, existing in enumerate(mapping):
        if existing in order and order.index(existing) < order.index(key):
            position = index + 1
    mapping.insert(position, key, value)


def _list_of(mapping: CommentedMap, key: str, order: list[str]) -> CommentedSeq:
    entries = mapping.get(key)
    if not isinstance(entries, list) or (isinstance(entries, list) and not entries and key in mapping):
        fresh = CommentedSeq()
        if key in mapping:
            mapping[key] = fresh
        else:
            _insert_key(mapping, key, fresh, order)
        return fresh
    return entries


def _set_actual(mapping: CommentedMap, change: Change, order: list[str]) -> bool:
    actuals = _list_of(mapping, "actuals", order)
    for entry in actuals:
        if isinstance(entry, dict) and _is_period(entry.get("period"), change.period):
            if entry.get("value") == change.actual and entry.get("unit") == change.row.unit:
                return False
            entry["value"] = change.actual
            return True
    period = _period_map(change.period)
    new = CommentedMap([("value", change.actual), ("unit", change.row.unit), ("period", period)])
    sibling = next((entry for entry in reversed(actuals) if isinstance(entry, CommentedMap)), None)
    if sibling is not None and not sibling.fa.flow_style():  # written as blocks: so is the new one
        new.fa.set_block_style()
        if isinstance(sibling.get("period"), CommentedMap) and not sibling["period"].fa.flow_style():
            period.fa.set_block_style()
    else:
        new.fa.set_flow_style()
    later = next((index for index, entry in enumerate(actuals) if isinstance(entry, dict)
                  and isinstance(entry.get("period"), dict)
                  and (entry["period"].get("fiscal_year") or entry["period"].get("year") or 0) > change.period.western),
                 len(actuals))
    actuals.insert(later, new)
    return True


def _comment_map(change: Change) -> CommentedMap:
    return CommentedMap([(change.lang, change.comment)])


def _set_evaluation(mapping: CommentedMap, change: Change, order: list[str], default_scale: str | None) -> bool:
    evaluations = _list_of(mapping, "evaluations", order)
    scale = change.row.scale.id if change.row.scale is not None and change.row.scale.id != default_scale else None
    for entry in evaluations:
        if isinstance(entry, dict) and _is_period(entry.get("period"), change.period):
            changed = False
            if entry.get("grade") != change.grade:
                entry["grade"], changed = change.grade, True
            if (entry.get("scale") or None) != scale:
                if scale is None:
                    del entry["scale"]
                else:
                    _insert_key(entry, "scale", scale, ["period", "scale", "grade", "comment", "review"])
                changed = True
            old = entry.get("comment")
            if change.comment is not None and not (isinstance(old, dict) and old.get(change.lang) == change.comment):
                # A changed comment replaces the old one whole: a translation of the old words would mislead.
                if "comment" in entry:
                    entry["comment"] = _comment_map(change)
                else:
                    _insert_key(entry, "comment", _comment_map(change), ["period", "scale", "grade", "comment", "review"])
                changed = True
            return changed
    new = CommentedMap([("period", _period_map(change.period))])
    if scale is not None:
        new["scale"] = scale
    new["grade"] = change.grade
    if change.comment is not None:
        new["comment"] = _comment_map(change)
    later = next((index for index, entry in enumerate(evaluations) if isinstance(entry, dict)
                  and isinstance(entry.get("period"), dict)
                  and (entry["period"].get("fiscal_year") or entry["period"].get("year") or 0) > change.period.western),
                 len(evaluations))
    evaluations.insert(later, new)
    return True


def _is_aside(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _settle_inserted(old: list[str], new: list[str]) -> list[str]:
    """Each inserted block moved up over the comments and blank lines ruamel left above it, so that a comment
    that introduced the next key still does."""
    lines = list(new)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, _i1, _i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag != "insert":
            continue
        start = j1
        while start > 0 and _is_aside(lines[start - 1]):
            start -= 1
        if start < j1:
            block = lines[j1:j2]
            del lines[j1:j2]
            lines[start:start] = block
    return lines


def _plain(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    return data


def edit_document(text: str, changes: list[Change], orders: dict[str, list[str]],
                  default_scale: str | None) -> tuple[str, int]:
    """`text` with the changes written in, and how many values changed; LayoutNotKept when its layout would not
    survive. `orders`: for each item id, the field order of its model."""
    yaml, data, before = load_round_trip(text)
    ids = index_ids(data)
    count = 0
    for change in changes:
        mapping = ids[change.row.item.ident]
        order = orders[change.row.item.ident]
        if change.actual is not None:
            count += _set_actual(mapping, change, order)
        if change.grade is not None:
            count += _set_evaluation(mapping, change, order, default_scale)
    if not count:
        return text, 0
    original = text.splitlines(keepends=True)
    carried = _carry_over(original, before.splitlines(keepends=True), _dump(yaml, data).splitlines(keepends=True))
    lines = _settle_inserted(original, carried)
    result = "".join(lines)
    # The guard: the same data as intended, and not one comment lost.
    if _plain(_yaml((2, 4, 2)).load(result)) != _plain(data):
        raise LayoutNotKept
    comments = Counter(line.strip() for line in text.splitlines() if line.strip().startswith("#"))
    if comments - Counter(line.strip() for line in result.splitlines() if line.strip().startswith("#")):
        raise LayoutNotKept
    return result, count


__all__ = ["LayoutNotKept", "edit_document", "index_ids", "load_round_trip"]
