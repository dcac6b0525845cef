"""Furigana in any text: `{柏市|かしわし}` is 柏市 read かしわし, shown as ruby above it.

One short markup, so that an editor on GitHub's web page can write it: braces around the base text and
its reading, split by `|`. The page shows `<ruby>柏市<rt>かしわし</rt></ruby>`; everything else that is
plain text (a page's title and description, the navigation, CSV and JSON cells, the share image, search
results) shows the base text alone. A brace that opens no reading, or closes none, is an error at its
line and column: a literal brace is written full-width (｛｝).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Callable, Iterator

# One reading: base and reading on one line, neither empty, neither holding a brace or a bar.
RUBY = re.compile(r"\{([^{}|\n]+)\|([^{}|\n]+)\}")
# The same rule for the JSON Schema, which editors' tools check as they type: braces only around base|reading.
BALANCED_PATTERN = r"^(?:[^{}]|\{[^{}|\n]+\|[^{}|\n]+\})*$"
_BRACE = re.compile(r"[{}]")
_SHOWN = 12  # characters of the text quoted in a message, from the brace on


def has_ruby(text: str) -> bool:
    return "{" in text and RUBY.search(text) is not None


def plain(text: str) -> str:
    """The text without its readings: what a reader sees with furigana off."""
    return RUBY.sub(r"\1", text) if "{" in text else text


def each_text(value: Any, convert: Callable[[str], Any]) -> Any:
    """`value` (JSON-like data: mappings, lists, strings) with `convert` applied to each string in it."""
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, Mapping):
        return {key: each_text(item, convert) for key, item in value.items()}
    if isinstance(value, list):
        return [each_text(item, convert) for item in value]
    return value


def parts(text: str) -> Iterator[tuple[str, str | None]]:
    """The text as (text, None) and (base, reading) pieces, in order."""
    position = 0
    for match in RUBY.finditer(text):
        if match.start() > position:
            yield text[position:match.start()], None
        yield match.group(1), match.group(2)
        position = match.end()
    if position < len(text):
        yield text[position:], None


def ruby_problem(text: str) -> tuple[str, dict[str, Any]] | None:
    """The first brace of `text` that is not part of a `{base|reading}`, as (catalogue code, parameters).

    `offset` is the brace's index in the text: the loader turns it into a line and column of the file."""
    if "{" not in text and "}" not in text:
        return None
    # Each well-formed reading blanked out (same length, so offsets hold): any brace left is a problem.
    rest = RUBY.sub(lambda match: " " * len(match.group()), text)
    for brace in _BRACE.finditer(rest):
        at = brace.start()
        shown = text[at:at + _SHOWN].split("\n")[0]
        if brace.group() == "}":
            return "ruby_stray_close", {"offset": at, "fragment": shown}
        closing = rest.find("}", at)
        inner = rest[at + 1:closing] if closing != -1 and "\n" not in rest[at:closing] else None
        if inner is None or "{" in inner:
            return "ruby_unclosed", {"offset": at, "fragment": shown}
        # `{柏市}`, `{柏市|}`, `{|かしわし}`, `{柏|市|し}`: braces around something else than base|reading
        return "ruby_format", {"offset": at, "fragment": text[at:closing + 1]}
    return None


__all__ = ["BALANCED_PATTERN", "RUBY", "each_text", "has_ruby", "parts", "plain", "ruby_problem"]
