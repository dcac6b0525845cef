"""Load YAML while keeping the line and column of every key and value, within fixed bounds.

PyYAML's `safe_load` forgets positions and silently keeps the last of two
duplicate keys. We compose the node tree instead, build plain Python data from
it, and record where each key path came from, so that a validation error on
``sections[2].title.en`` can be reported at its exact line and column.

Every input gets an answer quickly and in bounded memory: a file is at most its role's
size, nests at most `MAX_DEPTH` levels and holds at most its role's number of values;
anchors and aliases (the "billion laughs" expansion) and tags are refused, and so are NaN
and infinity, which no plan figure can be. Numbers are decimal (yaml_numbers.py), and
characters that hide (characters.py) are refused wherever they stand, named, at their
line and column.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent

from ..characters import FORBIDDEN, character_name
from ..problems.errors import Location, ProblemCollector
from ..problems.keypath import KeyPath, format_key_path
from ..messages import Message
from .files import Refused, read_plan_file
from .syntax import (FULL_WIDTH_SPACE, comma_split_message, encoding_problem, is_digit_group,
                            key_layout_problem, plain_text_problem, syntax_problem, thousands_message)
from .numbers import NONDECIMAL_TAG, DecimalResolver, nondecimal_message, tag_contradicts

MAX_DEPTH = 40                # levels of mappings and lists; real plans nest about 12 deep


@dataclass(frozen=True)
class FileRole:
    """The bounds of one kind of plan file, and what an editor can do with a file beyond them."""

    max_bytes: int
    max_values: int   # keys, values and list items
    advice: str       # the catalogue's phrase: what to do with a file of this kind that is too big


# The largest real document is about 85 KB with under 2,000 values; a document can be split in two.
DOCUMENT = FileRole(512 * 1024, 25_000, "limit_advice.document")
# A glossary or the divisions are one file each and cannot be split: room for 10,000 defined terms.
LIST_FILE = FileRole(4 * 1024 * 1024, 200_000, "limit_advice.list_file")
# plan.yaml: the municipality and the home page; long texts belong in a document.
ROOT = FileRole(512 * 1024, 25_000, "limit_advice.root")
MAX_FILE_BYTES = DOCUMENT.max_bytes
MAX_VALUES = DOCUMENT.max_values
# Characters refused anywhere in a file are listed at most this often; the rest are counted.
MAX_CHARACTER_PROBLEMS = 20

# Explicit tags a plan may use; any other (`!!binary`, `!!set`, `!!python/…`) is refused.
_CORE_TAGS = {None, "!"} | {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
_REPORTED_TAG = "tag:keikaku,2026:reported"


class _Reported:
    """Stands in for a value that the loader has already reported, so validation stays quiet about it."""

    def __repr__(self) -> str:
        return "<already reported>"


REPORTED = _Reported()


class _LimitExceeded(Exception):
    def __init__(self, mark: yaml.Mark, message: Message):
        super().__init__(message.code)
        self.mark, self.message = mark, message


class _BoundedComposer(Composer):
    """PyYAML's composer that counts values and depth, and never expands an alias.

    An anchor or an alias is reported and the alias composed as a placeholder, so a
    file full of aliases costs no more than its own size.
    """

    def __init__(self, max_values: int = MAX_VALUES, advice: str = DOCUMENT.advice) -> None:
        super().__init__()
        self.max_values, self.advice = max_values, advice
        self.refused: list[tuple[yaml.Mark, Message]] = []
        self._depth = 0
        self._values = 0
        self._aliases: set[str] = set()

    def compose_node(self, parent, index):
        event = self.peek_event()
        self._values += 1
        if self._values > self.max_values:
            raise _LimitExceeded(event.start_mark, Message("too_many_values", {
                "max": f"{self.max_values:,}", "advice": Message(self.advice)}))
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

    class _Loader(_BoundedComposer, CParser, SafeConstructor, DecimalResolver):
        """libyaml's parser (ten times faster than PyYAML's own) under the bounded composer."""

        def __init__(self, stream: str, role: FileRole = DOCUMENT):
            CParser.__init__(self, stream)
            _BoundedComposer.__init__(self, role.max_values, role.advice)
            SafeConstructor.__init__(self)
            DecimalResolver.__init__(self)
else:  # pragma: no cover - PyYAML's wheels ship libyaml; its own parser words a few errors differently
    class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _BoundedComposer,
                  SafeConstructor, DecimalResolver):
        def __init__(self, stream: str, role: FileRole = DOCUMENT):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _BoundedComposer.__init__(self, role.max_values, role.advice)
            SafeConstructor.__init__(self)
            DecimalResolver.__init__(self)


@dataclass
class SourceMap:
    """Where each key path of one file was written."""

    file: str
    values: dict[KeyPath, Location] = field(default_factory=dict)
    keys: dict[KeyPath, Location] = field(default_factory=dict)
    text: str = field(default="", repr=False)  # the file's text: to find a place inside a value

    def locate_within(self, path: KeyPath, value: str, offset: int) -> Location:
        """The position of character `offset` of the text `value` written at `path` (a stray furigana brace).

        Found by looking for the value's line in the file from where the value starts: exact for plain,
        quoted and block texts alike; where the file writes that line otherwise (escapes, folding), the
        value's own position."""
        start = self.locate(path)
        line_start = value.rfind("\n", 0, offset) + 1
        line_end = value.find("\n", offset)
        piece = value[line_start:line_end if line_end != -1 else len(value)]
        lines = self.text.splitlines()
        for number in range(start.line, min(len(lines), start.line + value.count("\n") + 2) + 1):
            source = lines[number - 1]
            found = source.find(piece, start.column - 1 if number == start.line else 0)
            if found != -1:
                return Location(start.file, number, found + offset - line_start + 1)
        return start

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


@dataclass
class _Reading:
    """What building one file's data needs besides its nodes: the loader, the source text, where things are."""

    loader: Any
    text: str
    smap: SourceMap
    problems: ProblemCollector
    found: list[tuple[Location, KeyPath, Message, str | None]] = field(default_factory=list)

    def add(self, node: yaml.Node, path: KeyPath, message: Message, code: str | None = None) -> None:
        """A problem at `node`; it is reported once the data is built, so that it can name its item."""
        self.found.append((_location(self.smap.file, node.start_mark), path, message, code))

    def report(self, data: Any) -> None:
        for where, path, message, code in self.found:
            self.problems.add(where, format_key_path(path), message, code, data=data, path=path)


def _escaped_character(node: yaml.Node, value: str, path: KeyPath, reading: _Reading) -> bool:
    """A refused character that a text holds only through a backslash escape in double quotes (an ESCAPE
    or a RIGHT-TO-LEFT OVERRIDE written as an escape): named at the text. One written as itself was
    refused before parsing, with its exact column."""
    found = FORBIDDEN.search(value)
    if found is None:
        return False
    reading.add(node, path, Message("escaped_character", {"character": character_name(found.group())}),
                "hidden_character")
    return True


def _build(node: yaml.Node, path: KeyPath, reading: _Reading) -> Any:
    smap, loader = reading.smap, reading.loader
    smap.values[path] = _location(smap.file, node.start_mark)
    if node.tag not in (_REPORTED_TAG, NONDECIMAL_TAG) and node.tag is not None and tag_contradicts(node):
        reading.add(node, path, Message("yaml_tag_mismatch", {
            "tag": node.tag.replace("tag:yaml.org,2002:", "!!"),
            "found": node.value if isinstance(node, yaml.ScalarNode) else Message(
                "found.mapping" if isinstance(node, yaml.MappingNode) else "found.list")}), "yaml_tag")
        return REPORTED
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, reading)
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        nodes = list(node.value)
        while nodes:
            item, groups = nodes.pop(0), []
            while nodes and is_digit_group(groups[-1] if groups else item, nodes[0]):
                groups.append(nodes.pop(0))  # `[1,000]` reads as [1, 0]
            item_path = path + (len(items),)
            items.append(_thousands([item, *groups], item_path, reading) if groups
                         else _build(item, item_path, reading))
        return items
    if node.tag == _REPORTED_TAG:
        return REPORTED
    if node.tag == NONDECIMAL_TAG:
        reading.add(node, path, nondecimal_message(node.value), "number_not_decimal")
        return REPORTED
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        reading.add(node, path, Message("number_too_long", {
            "max": f"{sys.get_int_max_str_digits():,}", "length": f"{len(node.value):,}"}))
        return REPORTED
    if isinstance(value, str) and _escaped_character(node, value, path, reading):
        return REPORTED
    if isinstance(value, str) and not node.style and (layout := plain_text_problem(value)) is not None:
        reading.add(node, path, *layout)
        return REPORTED
    if isinstance(value, float) and not math.isfinite(value):
        reading.add(node, path, Message("yaml_not_finite", {"value": node.value}))
        return REPORTED
    return value


def _split_by_comma(previous: yaml.Node, key_node: yaml.Node, value_node: yaml.Node) -> bool:
    """`{ja: 34,000人から変更}`: in `{…}` a comma ends a text, so the rest became a key without a value."""
    return (isinstance(previous, yaml.ScalarNode) and isinstance(key_node, yaml.ScalarNode)
            and not previous.style and not key_node.style
            and isinstance(value_node, yaml.ScalarNode) and value_node.value == "" and not value_node.style
            and key_node.start_mark.line == previous.end_mark.line
            and key_node.start_mark.index - previous.end_mark.index <= 2)


def _build_mapping(node: yaml.MappingNode, path: KeyPath, reading: _Reading) -> dict[Any, Any]:
    smap, loader = reading.smap, reading.loader
    result: dict[Any, Any] = {}
    first_seen: dict[Any, yaml.Node] = {}
    entries = list(node.value)
    while entries:
        key_node, value_node = entries.pop(0)
        if key_node.tag == _REPORTED_TAG:
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            reading.add(key_node, path, Message("yaml_key"))
            continue
        if key_node.tag not in (NONDECIMAL_TAG, None) and tag_contradicts(key_node):
            reading.add(key_node, path, Message("yaml_tag_mismatch", {
                "tag": key_node.tag.replace("tag:yaml.org,2002:", "!!"), "found": key_node.value}), "yaml_tag")
            continue
        try:
            key = key_node.value if key_node.tag == NONDECIMAL_TAG else loader.construct_object(key_node)
        except ValueError:  # an integer of more than 4,300 digits
            key = key_node.value
        if not isinstance(key, str):  # `1:` or `~:`
            reading.add(key_node, path, Message("key_not_text", {
                "found": key_node.value, "reads_as": Message(_READS_AS.get(type(key), "reads_as.value"))}))
            continue
        if _escaped_character(key_node, key, path, reading):
            continue
        if (layout := key_layout_problem(key)) is not None:
            reading.add(key_node, path, *layout)
            key = key.strip(" \t" + FULL_WIDTH_SPACE)
        if key in first_seen:
            first = first_seen[key].start_mark.line + 1
            reading.add(key_node, path + (key,), Message("duplicate_key", {"key": key, "first": first}))
            continue
        first_seen[key] = key_node
        smap.keys[path + (key,)] = _location(smap.file, key_node.start_mark)
        # In a flow mapping, `{value: 5,000}` reads as `value: 5` and a key `000`: put them together again.
        groups = [value_node]
        while entries and is_digit_group(groups[-1], entries[0][0]) and entries[0][1].value in ("", None):
            groups.append(entries.pop(0)[0])
        if len(groups) > 1:
            result[key] = _thousands(groups, path + (key,), reading)
            continue
        # `{ja: 34,000人から変更}`: the same split inside a text, which quotes would keep whole.
        while entries and _split_by_comma(groups[-1], *entries[0]):
            groups.append(entries.pop(0)[0])
        if len(groups) > 1:
            written = reading.text[groups[0].start_mark.index:groups[-1].end_mark.index]
            smap.values[path + (key,)] = _location(smap.file, groups[0].start_mark)
            reading.add(groups[0], path + (key,), comma_split_message(key, written), "comma_in_text")
            result[key] = REPORTED
            continue
        result[key] = _build(value_node, path + (key,), reading)
    return result


def _thousands(nodes: list[yaml.Node], path: KeyPath, reading: _Reading) -> Any:
    reading.smap.values[path] = _location(reading.smap.file, nodes[0].start_mark)
    reading.add(nodes[0], path, thousands_message(",".join(node.value for node in nodes)), "thousands_separator")
    return REPORTED


def _compose(text: str, role: FileRole) -> tuple[_BoundedComposer, yaml.Node | None]:
    loader = _Loader(text, role)
    try:
        return loader, loader.get_single_node()
    except BaseException:
        loader.dispose()
        raise


def _line_starts(text: str) -> list[int]:
    """Where each line begins, counting line breaks as YAML and editors do (LF, CR LF, CR)."""
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
    return starts


def _refuse_hidden_characters(text: str, display: str, problems: ProblemCollector) -> bool:
    """Every character that hides, named at its line and column; True when there was one."""
    found = [match for match in FORBIDDEN.finditer(text) if not (match.start() == 0 and match.group() == "\ufeff")]
    if not found:
        return False
    starts = _line_starts(text)
    for match in found[:MAX_CHARACTER_PROBLEMS]:
        line = bisect.bisect_right(starts, match.start())
        column = match.start() - starts[line - 1] + 1
        problems.add(Location(display, line, column), "", Message("hidden_character", {
            "character": character_name(match.group())}), "hidden_character")
    if len(found) > MAX_CHARACTER_PROBLEMS:
        rest = found[MAX_CHARACTER_PROBLEMS]
        line = bisect.bisect_right(starts, rest.start())
        problems.add(Location(display, line, rest.start() - starts[line - 1] + 1), "", Message(
            "hidden_character_more", {"count": len(found) - MAX_CHARACTER_PROBLEMS}), "hidden_character")
    return True


def load_yaml_text(text: str, display: str, problems: ProblemCollector, role: FileRole = DOCUMENT,
                   path: Path | None = None) -> LoadedFile | None:
    """Parse one file's text; syntax errors, duplicate keys, hidden characters and values beyond the bounds
    go to `problems`."""
    smap = SourceMap(display, text=text)
    if _refuse_hidden_characters(text, display, problems):
        return None
    try:
        loader, root = _compose(text, role)
    except _LimitExceeded as exc:
        problems.add(_location(display, exc.mark), "", exc.message)
        return None
    except yaml.YAMLError as exc:
        found = syntax_problem(exc, text, lambda changed: _parses(changed, role))
        problems.add(Location(display, found.line, found.column), "", found.message, found.code)
        return None
    if root is None:
        loader.dispose()
        problems.add(Location(display, 1, 1), "", Message("empty_file"))
        return None
    reading = _Reading(loader, text, smap, problems)
    try:
        data = _build(root, (), reading)
        reading.report(data)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        problems.add(_location(display, mark) if mark else Location(display), "",
                     Message("yaml_value", {"what": exc.problem}), "yaml_syntax")
        return None
    finally:
        _report_refused(loader.refused, smap, problems)
        loader.dispose()
    return LoadedFile(path or Path(display), display, data, smap)


def _parses(text: str, role: FileRole) -> tuple[int, int] | None:
    """Where parsing `text` fails (0-based line, column), or None when it parses: to test a guess at a mistake."""
    try:
        loader, _ = _compose(text, role)
    except _LimitExceeded:
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        return (mark.line, mark.column) if mark is not None else (0, 0)
    except yaml.YAMLError:
        return (0, 0)
    loader.dispose()
    return None


def decode_plan_text(data: bytes, display: str, problems: ProblemCollector) -> str | None:
    """The file's text, or a problem at the line and column of its first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        found = encoding_problem(data, exc)
        problems.add(Location(display, found.line, found.column), "", found.message, found.code)
        return None


_MISSING = Message("file_missing")


def load_plan_file(directory: Path, relative: str, display: str, problems: ProblemCollector,
                   role: FileRole = DOCUMENT, named_at: tuple[Location, str] | None = None,
                   missing: Message | None = _MISSING) -> LoadedFile | None:
    """Read and parse `relative` below the plan `directory`, a regular file only (plan_files.py).

    A refusal to read (a link, a device, a name too long) or a missing file (`missing`; None: an optional
    file, absent without a word) is reported where the file is named (`named_at`: the place and key path
    in plan.yaml), or at the file itself."""
    data = read_plan_file(directory, relative, role.max_bytes, Message(role.advice))
    if data is None and missing is None:
        return None
    if data is None or isinstance(data, Refused):
        where, key = (Location(display), "") if named_at is None or getattr(data, "of_contents", False) else named_at
        problems.add(where, key, data.message if isinstance(data, Refused) else missing)
        return None
    text = decode_plan_text(data, display, problems)
    if text is None:
        return None
    return load_yaml_text(text, display, problems, role, directory / relative)


def load_yaml_file(path: Path, display: str, problems: ProblemCollector, role: FileRole = DOCUMENT) -> LoadedFile | None:
    """Read one YAML file (a regular file, within its role's bounds) and parse it."""
    return load_plan_file(Path(path).parent, Path(path).name, display, problems, role)


def _report_refused(refused: list[tuple[yaml.Mark, Message]], smap: SourceMap, problems: ProblemCollector) -> None:
    """Anchors, aliases and tags, each with the key path of the value it stands on."""
    paths = {}
    for path, location in smap.values.items():
        paths.setdefault(location, path)
    for mark, message in refused:
        where = _location(smap.file, mark)
        problems.add(where, format_key_path(paths.get(where, ())), message)
