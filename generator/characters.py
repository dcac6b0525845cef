"""Characters an editor cannot see, and how to name them.

A plan comes from anyone's pull request, and a reviewer reads it in GitHub's diff. Characters that
change how text is displayed without being seen (bidi overrides such as U+202E, control characters,
unpaired surrogates, tag characters) could make the diff say one thing and the site another, so they
are refused wherever they stand, named as Unicode names them. Characters that are invisible but
harmless inside a text (a zero-width space) are refused only when a text is made of nothing else.

Messages print what the editor wrote; `visible` writes every such character as `<U+202E>`, so that
no value can move the cursor, clear or retitle the editor's terminal, or reorder a line.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional formatting: embeddings, overrides, isolates and the implicit marks.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Refused in any text, key or comment: C0 controls but tab, line feed and carriage return; DEL and the
# C1 controls (U+0085 is a line break to YAML, not to an editor); bidi formatting; the line and paragraph
# separators (line breaks to YAML, not to an editor, so they would shift every line number below);
# surrogates (only an escape can make one); the byte-order mark inside a file; non-characters; tags.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "\u2028\u2029\ud800-\udfff\ufeff"
                       "\ufffe\uffff\U000e0000-\U000e007f]")
# Blank to the eye: spaces, and characters that draw nothing (fillers, zero-width characters, the blank
# Braille pattern). A text made only of these is empty.
INVISIBLE = ("\\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
             "\u2066-\u2069\u2800\u3164\ufeff\uffa0")
# At least one character that shows: the same class in Python, Rust (pydantic) and ECMA-262 (the schema).
SHOWS_PATTERN = f"[^{INVISIBLE}]"

_CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
    0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
    0x0D: "CARRIAGE RETURN",
}


def character_name(character: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and its Unicode name (controls have none there)."""
    code = ord(character)
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(code) or (
        "SURROGATE" if 0xD800 <= code <= 0xDFFF else "CONTROL CHARACTER" if unicodedata.category(character) == "Cc"
        else "UNNAMED CHARACTER")
    return f"U+{code:04X} {name}"


def first_forbidden(text: str) -> re.Match | None:
    return FORBIDDEN.search(text)


# Shown as <U+XXXX> in messages: controls, formatting and separators of every kind, and surrogates.
_NOT_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
                            "\u2028-\u202e\u2060-\u206f\u2800\u3164\ud800-\udfff\ufeff\uffa0\ufff9-\ufffb"
                            "\U000e0000-\U000e007f]")


def visible(text: str) -> str:
    """`text` with every character that would act rather than show written as `<U+XXXX>`."""
    return _NOT_PRINTABLE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


def shows_something(text: str) -> bool:
    return re.search(SHOWS_PATTERN, text) is not None


__all__ = ["FORBIDDEN", "SHOWS_PATTERN", "character_name", "first_forbidden", "shows_something", "visible"]
