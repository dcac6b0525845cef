"""What went wrong in a YAML file, said where the mistake is and in the editor's terms.

PyYAML/libyaml report where the parser *noticed* a problem, which can be far below the mistake (an
unclosed quote on line 628 is noticed on line 664). Their errors also carry the position where the
broken construct began (`context_mark`); we point there and name the other position too. Tabs and
full-width spaces (全角スペース), which an editor cannot see, are named as such, and a number
written with a thousands separator (`5,000`), which YAML silently splits in two, is recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..messages import Message

FULL_WIDTH_SPACE = "\u3000"
_STRUCTURE = re.compile(r"-(\s|$)|[^\s:'\"]+:(\s|$)")


@dataclass(frozen=True)
class YamlProblem:
    line: int      # 1-based, as editors count
    column: int
    message: Message   # its code in the catalogues (generator/messages/) and its parameters
    code: str


def _invisible(lines: list[str], number: int, column: int) -> YamlProblem | None:
    """A tab or a full-width space in the indentation (or after a colon) of line `number` (0-based)."""
    if not 0 <= number < len(lines):
        return None
    line = lines[number]
    indent = len(line) - len(line.lstrip(" \t" + FULL_WIDTH_SPACE))
    tab = line.find("\t", 0, max(indent, column + 1))
    if tab >= 0:
        return YamlProblem(number + 1, tab + 1, Message("yaml_tab"), "yaml_tab")
    # Only where YAML structure is meant (a key or a list item follows): Japanese prose may well begin
    # a paragraph with a full-width space.
    wide = line.find(FULL_WIDTH_SPACE, 0, indent) if _STRUCTURE.match(line, indent) else -1
    if wide < 0:
        after_colon = re.search(":" + FULL_WIDTH_SPACE, line)
        wide = after_colon.start() + 1 if after_colon else -1
    if wide >= 0:
        return YamlProblem(number + 1, wide + 1, Message("full_width_space"), "full_width_space")
    return None


# A key at the start of a line (after any `- `), as an editor writes one: ASCII word characters.
_KEY_AT_START = r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*)"
_FULL_WIDTH_COLON = re.compile(_KEY_AT_START + r"\s*(：)")
_FULL_WIDTH_DASH = re.compile(r"^(\s*)([－ー−‐―])[ \u3000]")
_FULL_WIDTH_BRACKET = re.compile(_KEY_AT_START + r":[ \u3000]+([｛［])")
_NO_SPACE_AFTER_COLON = re.compile(_KEY_AT_START + r":([^\s/])")
_OPENING_QUOTE = re.compile(r"^\s*(?:-\s+)?(?:[^\s\"'#{}\[\],][^:#]*:\s+)?([\"'])")


def _full_width_punctuation(lines: list[str], numbers: list[int]) -> YamlProblem | None:
    """A full-width colon, dash or bracket where YAML structure is meant: `direction：increase`, `－ item`."""
    for number in numbers:
        if not 0 <= number < len(lines):
            continue
        line = lines[number]
        if match := _FULL_WIDTH_COLON.match(line):
            return YamlProblem(number + 1, match.start(3) + 1, Message("full_width_colon", {
                "key": match.group(2), "character": "：", "write": ":"}), "full_width_punctuation")
        if match := _FULL_WIDTH_DASH.match(line):
            return YamlProblem(number + 1, match.start(2) + 1, Message("full_width_dash", {
                "character": match.group(2)}), "full_width_punctuation")
        if match := _FULL_WIDTH_BRACKET.match(line):
            half = {"｛": "{", "［": "["}[match.group(3)]
            return YamlProblem(number + 1, match.start(3) + 1, Message("full_width_bracket", {
                "key": match.group(2), "character": match.group(3), "write": half}), "full_width_punctuation")
    return None


def _no_space_after_colon(lines: list[str], numbers: list[int]) -> YamlProblem | None:
    """`value:39.3`: without a space after the colon, YAML reads the whole line as one text."""
    for number in numbers:
        if 0 <= number < len(lines) and (match := _NO_SPACE_AFTER_COLON.match(lines[number])):
            rest = lines[number][match.end(2) + 1:].strip()
            return YamlProblem(number + 1, match.end(2) + 1, Message("no_space_after_colon", {
                "found": f"{match.group(2)}:{rest}", "write": f"{match.group(2)}: {rest}"}), "no_space_after_colon")
    return None


def _quote_left_open(lines: list[str], noticed: yaml.Mark, problem: str, parses) -> YamlProblem | None:
    """A quote opened on a line above and closed only by a later quote: the parser stops far below it.

    Each line above the one noticed whose value begins with a quote that the line does not close is a
    candidate; the nearest one is the mistake when closing it there lets the parser get further."""
    noticed_line = noticed.line
    for number in range(min(noticed_line, len(lines) - 1), -1, -1):
        match = _OPENING_QUOTE.match(lines[number])
        if match is None:
            continue
        quote = match.group(1)
        rest = lines[number][match.end(1):]
        closed = rest.replace("\\\\", "").replace('\\"', "").count('"') if quote == '"' else (
            rest.replace("''", "").count("'"))
        if closed:
            continue
        trial = lines[:number] + [lines[number].rstrip() + quote] + lines[number + 1:]
        stops = parses("\n".join(trial) + "\n")
        if stops is None or stops[0] > noticed_line:
            return YamlProblem(number + 1, match.start(1) + 1, Message("unclosed_quote_line", {
                "quote": quote, "noticed_line": noticed_line + 1, "noticed_column": noticed.column + 1,
                "problem": problem}), "unclosed_quote")
        return None
    return None


def syntax_problem(exc: yaml.YAMLError, text: str, parses=lambda text: (0, 0)) -> YamlProblem:
    """One problem for a YAML error, placed where the mistake began.

    `parses(text)` tells where a changed text stops parsing (None when it parses): to test a guess."""
    lines = text.splitlines()
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml counts this position in bytes of UTF-8, not in characters.
        before = text.encode("utf-8")[:exc.position].decode("utf-8", "ignore")
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        return YamlProblem(line, column, Message("control_character", {
            "character": character, "code_point": f"U+{character:04X}"}), "control_character")
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return YamlProblem(1, 1, Message("yaml_syntax", {"problem": str(exc), "where": ""}), "yaml_syntax")
    noticed, began = exc.problem_mark, exc.context_mark
    # Where the parser stopped, where the broken construct began, and the line before: a full-width
    # indent makes the parser stop on the next line.
    places = [(noticed.line, noticed.column), (noticed.line - 1, 0)]
    if began is not None:
        places.insert(1, (began.line, began.column))
    for number, column in places:
        invisible = _invisible(lines, number, column)
        if invisible is not None:
            return invisible
    began_line = [began.line] if began is not None else []
    nearby = list(dict.fromkeys([noticed.line, *began_line, noticed.line - 1, noticed.line - 2]))
    named = _full_width_punctuation(lines, nearby) or _no_space_after_colon(lines, nearby)
    if named is not None:
        return named
    params = {"problem": exc.problem, "context": exc.context, "noticed_line": noticed.line + 1,
              "noticed_column": noticed.column + 1}
    context = exc.context or ""
    kind = _syntax_kind(f"{exc.problem or ''} | {context}")
    if kind == "yaml_syntax.escape":  # inside a quoted text that is closed: the mistake is where it was noticed
        return YamlProblem(noticed.line + 1, noticed.column + 1, Message(kind, params | {"where": ""}), "yaml_syntax")
    if began is not None and "quoted scalar" in context:
        quote = lines[began.line][began.column] if began.line < len(lines) else "'"
        return YamlProblem(began.line + 1, began.column + 1, Message("unclosed_quote", params | {"quote": quote}),
                           "unclosed_quote")
    if "quoted scalar" not in context and (left_open := _quote_left_open(lines, noticed, exc.problem, parses)):
        return left_open
    if began is not None and "flow sequence" in context or began is not None and "flow mapping" in context:
        opening, closing, what = ("[", "]", "list") if "sequence" in context else ("{", "}", "mapping")
        return YamlProblem(began.line + 1, began.column + 1, Message("unclosed_bracket", params | {
            "opening": opening, "closing": closing, "what": Message(f"bracket.{what}")}), "unclosed_bracket")
    where = (Message("syntax.where", {"context": context, "line": began.line + 1, "column": began.column + 1})
             if began is not None and context else "")
    return YamlProblem(noticed.line + 1, noticed.column + 1,
                       Message(kind, params | {"where": where}), "yaml_syntax")


# The parser's own (English) words for the mistakes editors make most, and the catalogue message that says
# what to do instead; any other syntax error gets a general message (in English, with the parser's words).
_SYNTAX_KINDS = (
    (re.compile(r"mapping values are not allowed|could not find expected ':'"), "yaml_syntax.colon"),
    (re.compile(r"expected <block end>|did not find expected key|did not find expected '-'"), "yaml_syntax.indentation"),
    (re.compile(r"that cannot start any token"), "yaml_syntax.reserved_start"),  # a value beginning with @ or `
    (re.compile(r"unknown escape character|invalid Unicode character escape code"), "yaml_syntax.escape"),  # "C:\Users"
    (re.compile(r"expected a single document"), "yaml_syntax.documents"),  # a second document after ---
)


def _syntax_kind(words: str) -> str:
    """The catalogue code for the parser's words (its problem and context)."""
    return next((code for pattern, code in _SYNTAX_KINDS if pattern.search(words)), "yaml_syntax")


_GROUP = re.compile(r"\d{3}(\.\d+)?")
_LEADING = re.compile(r"[-+]?\d{1,3}")


def is_digit_group(previous: yaml.Node, node: yaml.Node) -> bool:
    """`node` is the `000` that YAML split off `5,000`: three digits right after a comma after a number."""
    return (isinstance(previous, yaml.ScalarNode) and isinstance(node, yaml.ScalarNode)
            and not previous.style and not node.style  # plain scalars: style None (PyYAML) or "" (libyaml)
            and bool(_LEADING.fullmatch(previous.value) or _GROUP.fullmatch(previous.value))
            and bool(_GROUP.fullmatch(node.value))
            and node.start_mark.line == previous.end_mark.line
            and node.start_mark.column == previous.end_mark.column + 1)  # only the comma between them


def thousands_message(written: str) -> Message:
    return Message("thousands_split", {"found": written, "write": written.replace(",", "")})


def comma_split_message(key: str, written: str) -> Message:
    """`ja: 34,000人から変更` inside `{…}`: the comma ended the text; quotes keep it whole."""
    return Message("comma_in_flow_text", {"key": key, "found": written, "write": f'{key}: "{written}"'})


def encoding_problem(data: bytes, exc: UnicodeDecodeError) -> YamlProblem:
    """The first byte that is not UTF-8, at its line and column; a file saved as Shift_JIS is named as such."""
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    line = data.count(b"\n", 0, exc.start) + 1
    column = len(data[line_start:exc.start].decode("utf-8", "replace")) + 1
    try:
        data.decode("cp932")
    except UnicodeDecodeError:
        code = "encoding"
    else:
        code = "encoding_shift_jis"
    return YamlProblem(line, column, Message(code, {"byte": f"{exc.object[exc.start]:#04x}"}), "encoding")


def plain_text_problem(text: str) -> tuple[Message, str] | None:
    """`title:　x` is one text, not a key and a value: the colon is followed by a full-width space."""
    if ":" + FULL_WIDTH_SPACE in text:
        key = text.split(":" + FULL_WIDTH_SPACE, 1)[0]
        return Message("full_width_space_after_key", {"key": key}), "full_width_space"
    return None


def key_layout_problem(key: str) -> tuple[Message, str] | None:
    """A key that begins or ends with a tab or a full-width space: invisible indentation mistakes."""
    stripped = key.strip(" \t" + FULL_WIDTH_SPACE)
    if stripped == key:
        return None
    if "\t" in key:
        return Message("yaml_tab_in_key", {"key": stripped}), "yaml_tab"
    return Message("full_width_space_in_key", {"key": stripped}), "full_width_space"
