"""Load YAML while keeping the line and column of every key and value, within fixed bounds.

PyYAML's `safe_load` forgets positions and silently keeps the last of two
duplicate keys. We compose the node tree instead, build plain Python data from
it, and record where each key path came from, so that a validation error on
``sections[2].title.en`` can be reported at its exact line and column.

Every input gets an answer quickly and in bounded memory: a file is at most
`MAX_FILE_BYTES`, nests at most `MAX_DEPTH` levels and holds at most `MAX_VALUES`
values; anchors and aliases (the "billion laughs" expansion) and tags are refused,
and so are NaN and infinity, which no plan figure can be.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.resolver import Resolver

from .errors import Location, ProblemCollector
from .messages import Message
from .yaml_messages import (FULL_WIDTH_SPACE, is_digit_group, key_layout_problem, plain_text_problem, syntax_problem,
                            thousands_message)

KeyPath = tuple[str | int, ...]

MAX_FILE_BYTES = 512 * 1024   # the largest real document file is about 85 KB
MAX_DEPTH = 40                # levels of mappings and lists; real plans nest about 12 deep
MAX_VALUES = 25_000           # keys, values and list items in one file; real files hold under 2,000

# Explicit tags a plan may use; any other (`!!binary`, `!!set`, `!!python/…`) is refused.
_CORE_TAGS = {None, "!"} | {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
_REPORTED_TAG = "tag:keikaku,2026:reported"


class _Reported:
    """Stands in for a value that the loader has already reported, so validation stays quiet about it."""

    def __repr__(self) -> str:
        return "<already reported>"


REPORTED = _Reported()


class _Resolver(Resolver):
    """Without the timestamp resolver: dates stay text, as written."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}


class _LimitExceeded(Exception):
    def __init__(self, mark: yaml.Mark, message: Message):
        super().__init__(message.code)
        self.mark, self.message = mark, message


class _BoundedComposer(Composer):
    """PyYAML's composer that counts values and depth, and never expands an alias.

    An anchor or an alias is reported and the alias composed as a placeholder, so a
    file full of aliases costs no more than its own size.
    """

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[tuple[yaml.Mark, Message]] = []
        self._depth = 0
        self._values = 0
        self._aliases: set[str] = set()

    def compose_node(self, parent, index):
        event = self.peek_event()
        self._values += 1
        if self._values > MAX_VALUES:
            raise _LimitExceeded(event.start_mark, Message("too_many_values", {"max": f"{MAX_VALUES:,}"}))
        if isinstance(event, AliasEvent):
            self.get_event()
            if event.anchor not in self._aliases:  # the first use of each name is enough to find them all
                self._aliases.add(event.anchor)
                self.refused.append((event.start_mark, Message("yaml_alias", {"name": event.anchor})))
            return yaml.ScalarNode(_REPORTED_TAG, "", event.start_mark, event.end_mark)
        if event.anchor is not None:
            self.refused.append((event.start_mark, Message("yaml_anchor", {"name": event.anchor})))
            event.anchor = None
        if event.tag not in _CORE_TAGS:
            self.refused.append((event.start_mark,
                                 Message("yaml_tag", {"tag": event.tag.replace("tag:yaml.org,2002:", "!!")})))
            event.tag = None
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LimitExceeded(event.start_mark, Message("too_deep", {"max": MAX_DEPTH}))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _Loader(_BoundedComposer, CParser, SafeConstructor, _Resolver):
        """libyaml's parser (ten times faster than PyYAML's own) under the bounded composer."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            _BoundedComposer.__init__(self)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)
else:  # pragma: no cover - PyYAML's wheels ship libyaml; its own parser words a few errors differently
    class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _BoundedComposer,
                  SafeConstructor, _Resolver):
        def __init__(self, stream: str):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _BoundedComposer.__init__(self)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)


@dataclass
class SourceMap:
    """Where each key path of one file was written."""

    file: str
    values: dict[KeyPath, Location] = field(default_factory=dict)
    keys: dict[KeyPath, Location] = field(default_factory=dict)

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The position of `path`, or of its nearest written ancestor."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Location(self.file, 1, 1))


@dataclass
class LoadedFile:
    """One YAML file: its data and where every part of it was written."""

    path: Path
    display: str
    data: Any
    source_map: SourceMap


def _location(file: str, mark: yaml.Mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


_READS_AS = {int: "reads_as.number", float: "reads_as.number", bool: "reads_as.bool", type(None): "reads_as.nothing"}


def _build(node: yaml.Node, path: KeyPath, loader: _Loader, smap: SourceMap,
           problems: ProblemCollector) -> Any:
    smap.values[path] = _location(smap.file, node.start_mark)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        entries = list(node.value)
        while entries:
            key_node, value_node = entries.pop(0)
            if key_node.tag == _REPORTED_TAG:
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                problems.add(_location(smap.file, key_node.start_mark), format_key_path(path), Message("yaml_key"))
                continue
            key = loader.construct_object(key_node)
            if not isinstance(key, str):  # `1:`, `~:` or `yes:` (YAML reads yes, no, on, off as true or false)
                problems.add(_location(smap.file, key_node.start_mark), format_key_path(path), Message("key_not_text", {
                    "found": key_node.value, "reads_as": Message(_READS_AS.get(type(key), "reads_as.value"))}))
                continue
            if isinstance(key, str) and (layout := key_layout_problem(key)) is not None:
                problems.add(_location(smap.file, key_node.start_mark), format_key_path(path), *layout)
                key = key.strip(" \t" + FULL_WIDTH_SPACE)
            if key in first_seen:
                first = first_seen[key].start_mark.line + 1
                problems.add(_location(smap.file, key_node.start_mark), format_key_path(path + (key,)),
                             Message("duplicate_key", {"key": key, "first": first}))
                continue
            first_seen[key] = key_node
            smap.keys[path + (key,)] = _location(smap.file, key_node.start_mark)
            # In a flow mapping, `{value: 5,000}` reads as `value: 5` and a key `000`: put them together again.
            groups = [value_node]
            while entries and is_digit_group(groups[-1], entries[0][0]) and entries[0][1].value in ("", None):
                groups.append(entries.pop(0)[0])
            if len(groups) > 1:
                result[key] = _thousands(groups, path + (key,), smap, problems)
                continue
            result[key] = _build(value_node, path + (key,), loader, smap, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        nodes = list(node.value)
        while nodes:
            item, groups = nodes.pop(0), []
            while nodes and is_digit_group(groups[-1] if groups else item, nodes[0]):
                groups.append(nodes.pop(0))  # `[1,000]` reads as [1, 0]
            item_path = path + (len(items),)
            items.append(_thousands([item, *groups], item_path, smap, problems) if groups
                         else _build(item, item_path, loader, smap, problems))
        return items
    if node.tag == _REPORTED_TAG:
        return REPORTED
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        problems.add(_location(smap.file, node.start_mark), format_key_path(path), Message("number_too_long", {
            "max": f"{sys.get_int_max_str_digits():,}", "length": f"{len(node.value):,}"}))
        return REPORTED
    if isinstance(value, str) and not node.style and (layout := plain_text_problem(value)) is not None:
        problems.add(_location(smap.file, node.start_mark), format_key_path(path), *layout)
        return REPORTED
    if isinstance(value, float) and not math.isfinite(value):
        problems.add(_location(smap.file, node.start_mark), format_key_path(path),
                     Message("yaml_not_finite", {"value": node.value}))
        return REPORTED
    return value


def _thousands(nodes: list[yaml.Node], path: KeyPath, smap: SourceMap, problems: ProblemCollector) -> Any:
    smap.values[path] = _location(smap.file, nodes[0].start_mark)
    problems.add(smap.values[path], format_key_path(path), thousands_message(",".join(node.value for node in nodes)),
                 "thousands_separator")
    return REPORTED


def format_key_path(path: KeyPath) -> str:
    """``('sections', 0, 'title')`` → ``sections[0].title``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _compose(text: str) -> tuple[_BoundedComposer, yaml.Node | None]:
    loader = _Loader(text)
    try:
        return loader, loader.get_single_node()
    except BaseException:
        loader.dispose()
        raise


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB" if size >= 1024 * 1024 else f"{math.ceil(size / 1024)} KiB"


def load_yaml_file(path: Path, display: str, problems: ProblemCollector) -> LoadedFile | None:
    """Read one YAML file; syntax errors, duplicate keys and inputs beyond the bounds go to `problems`."""
    smap = SourceMap(display)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.add(Location(display), "", Message("file_too_large", {
                "max": _size(MAX_FILE_BYTES), "size": _size(size)}))
            return None
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        problems.add(Location(display), "", Message("file_missing"))
        return None
    except UnicodeDecodeError as exc:
        problems.add(Location(display), "", Message("encoding", {
            "byte": f"{exc.object[exc.start]:#04x}", "offset": exc.start}))
        return None
    try:
        loader, root = _compose(text)
    except _LimitExceeded as exc:
        problems.add(_location(display, exc.mark), "", exc.message)
        return None
    except yaml.YAMLError as exc:
        found = syntax_problem(exc, text)
        problems.add(Location(display, found.line, found.column), "", found.message, found.code)
        return None
    if root is None:
        loader.dispose()
        problems.add(Location(display, 1, 1), "", Message("empty_file"))
        return None
    try:
        data = _build(root, (), loader, smap, problems)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        problems.add(_location(display, mark) if mark else Location(display), "",
                     Message("yaml_value", {"what": exc.problem}), "yaml_syntax")
        return None
    finally:
        _report_refused(loader.refused, smap, problems)
        loader.dispose()
    return LoadedFile(path, display, data, smap)


def _report_refused(refused: list[tuple[yaml.Mark, Message]], smap: SourceMap, problems: ProblemCollector) -> None:
    """Anchors, aliases and tags, each with the key path of the value it stands on."""
    paths = {}
    for path, location in smap.values.items():
        paths.setdefault(location, path)
    for mark, message in refused:
        where = _location(smap.file, mark)
        problems.add(where, format_key_path(paths.get(where, ())), message)
