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

from .messages import Message

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


def syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    """One problem for a YAML error, placed where the mistake began."""
    lines = text.splitlines()
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[:exc.position]
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
    (re.compile(r"unknown escape character"), "yaml_syntax.escape"),  # "C:\Users" in double quotes
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
