"""What a prose text (Markdown) may hold, so that every text renders, quickly, into a safe page.

Python-Markdown recurses once per level of nested lists or quotes (600 levels of `- ` overflow Python's
stack), and its link pattern scans to the end of a paragraph from every `[` (24 KB of `[` took 40 s).
Real plans nest lists two levels deep, and no paragraph of theirs holds a `[`. So a text is bounded in
length, in nesting and in brackets per paragraph, well above what any plan writes; each rule is checked
line by line in linear time. Links may only lead to http, https or mailto addresses, whether written
inline (`[text](address)`) or as a reference definition (`[id]: address`), wherever it stands.
"""

from __future__ import annotations

import re
from typing import Any

MAX_PROSE_LENGTH = 20_000     # characters; the longest real prose text is about 2,500
MAX_PROSE_DEPTH = 8           # levels of lists and quotes on one line; real plans use 2
MAX_BRACKETS_PER_PARAGRAPH = 100

# One container marker at the start of what is left of a line: a list item or a quote.
_CONTAINER = re.compile(r"[ \t]*(?:[-*+](?:[ \t]+|$)|\d{1,9}[.)](?:[ \t]+|$)|>[ \t]?)")
_INLINE_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"[ \t]*\[[^\]\n]*\]:[ \t]*<?([^\s>]*)")
_ALLOWED_LINK = re.compile(r"(https?://|mailto:)", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _depth(line: str) -> tuple[int, int]:
    """(levels of nesting, where the line's own text begins): markers, and indentation by fours."""
    indent = len(line) - len(line.lstrip(" \t"))
    levels, position = indent // 4, 0
    while (match := _CONTAINER.match(line, position)) is not None and match.end() > position:
        levels += 1
        position = match.end()
        if levels > MAX_PROSE_DEPTH:
            break
    return levels, position


def check_prose(text: str) -> tuple[str, dict[str, Any]] | None:
    """The first rule `text` breaks, as (catalogue code, parameters), or None."""
    for number, line in enumerate(text.split("\n"), start=1):
        levels, position = _depth(line)
        if levels > MAX_PROSE_DEPTH:
            return "prose_too_deep", {"max": MAX_PROSE_DEPTH, "line": number}
        reference = _REFERENCE.match(line, position)
        if reference is not None and not _ALLOWED_LINK.match(reference.group(1)):
            return "link_not_allowed", {"target": reference.group(1)}
    for match in _INLINE_TARGET.finditer(text):
        if not _ALLOWED_LINK.match(match.group(1)):
            return "link_not_allowed", {"target": match.group(1)}
    for paragraph in _PARAGRAPH_BREAK.split(text):
        if (count := paragraph.count("[")) > MAX_BRACKETS_PER_PARAGRAPH:
            return "prose_brackets", {"max": MAX_BRACKETS_PER_PARAGRAPH, "count": count}
    return None


__all__ = ["MAX_BRACKETS_PER_PARAGRAPH", "MAX_PROSE_DEPTH", "MAX_PROSE_LENGTH", "check_prose"]
