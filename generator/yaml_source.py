"""Load YAML while keeping the line and column of every key and value.

PyYAML's `safe_load` forgets positions and silently keeps the last of two
duplicate keys. We compose the node tree instead, build plain Python data from
it, and record where each key path came from, so that a validation error on
``sections[2].title.en`` can be reported at its exact line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, ProblemCollector

KeyPath = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates stay text, as written."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def _describe_scalar(node: yaml.Node) -> str:
    return repr(node.value) if isinstance(node, yaml.ScalarNode) else type(node).__name__


def _build(node: yaml.Node, path: KeyPath, loader: _Loader, smap: SourceMap,
           problems: ProblemCollector) -> Any:
    smap.values[path] = _location(smap.file, node.start_mark)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.add(_location(smap.file, key_node.start_mark), format_key_path(path),
                             "a key must be a plain word (expected `name:`, found a list or mapping)",
                             "yaml_key")
                continue
            key = loader.construct_object(key_node)
            if key in first_seen:
                first = first_seen[key].start_mark.line + 1
                problems.add(_location(smap.file, key_node.start_mark), format_key_path(path + (key,)),
                             f"duplicate key '{key}' (expected each key once in a mapping, "
                             f"found it again; the first is on line {first})", "duplicate_key")
                continue
            first_seen[key] = key_node
            smap.keys[path + (key,)] = _location(smap.file, key_node.start_mark)
            result[key] = _build(value_node, path + (key,), loader, smap, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), loader, smap, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def format_key_path(path: KeyPath) -> str:
    """``('sections', 0, 'title')`` → ``sections[0].title``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def load_yaml_file(path: Path, display: str, problems: ProblemCollector) -> LoadedFile | None:
    """Read one YAML file; syntax errors and duplicate keys go to `problems`."""
    smap = SourceMap(display)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add(Location(display), "", "file not found (expected a YAML file at this path)", "file_missing")
        return None
    except UnicodeDecodeError as exc:
        problems.add(Location(display), "", f"file is not UTF-8 text (expected UTF-8, found byte {exc.object[exc.start]:#04x} at offset {exc.start})", "encoding")
        return None
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _location(display, mark) if mark else Location(display)
        what = exc.problem or "invalid YAML"
        context = f" {exc.context}" if exc.context else ""
        problems.add(where, "", f"YAML syntax error: {what}{context}", "yaml_syntax")
        loader.dispose()
        return None
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        problems.add(Location(display), "", f"YAML syntax error: {exc}", "yaml_syntax")
        return None
    if root is None:
        loader.dispose()
        problems.add(Location(display, 1, 1), "", "file is empty (expected a YAML mapping)", "empty_file")
        return None
    try:
        data = _build(root, (), loader, smap, problems)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        problems.add(_location(display, mark) if mark else Location(display), "",
                     f"YAML value error: {exc.problem}", "yaml_syntax")
        return None
    finally:
        loader.dispose()
    return LoadedFile(path, display, data, smap)
