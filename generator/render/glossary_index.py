"""The glossary's index: its terms in groups by their first sound or letter, as the labels define them.

Each language's labels (`glossary_index` in templates/labels/<lang>.yaml) say which key orders the
terms (`reading`: the term's kana reading; `term`: the term as written in that language) and which
initial characters make up each group, the first being its heading (あいうえお…: the あ row; A). A term whose key is missing or
starts with no group's character goes into the `other` group, last.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

from ..labels import Labels

# Katakana → hiragana (the same sound, 0x60 code points apart), so a reading in either script sorts as one.
_KATAKANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}
# As a Japanese dictionary orders words: small kana as large ones, and voiced marks (゛゜) set aside
# until two words differ by them alone (がくどう before かしわ).
_SMALL = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_MARKS = str.maketrans("", "", "\u3099\u309a")


@dataclass
class GlossaryGroup:
    """One heading of the glossary: its label, the anchor of its heading, and its terms in order."""

    label: str
    anchor: str
    terms: list[Any] = field(default_factory=list)


def sort_key(text: str) -> str:
    """Hiragana for katakana, lower case for capitals: the form in which keys are compared and grouped."""
    return text.translate(_KATAKANA).casefold()


def _dictionary_order(key: str) -> tuple[str, str]:
    return unicodedata.normalize("NFD", key).translate(_MARKS).translate(_SMALL), key


def glossary_groups(terms: list[Any], labels: Labels, text_of: Callable[[Any], str]) -> list[GlossaryGroup]:
    """Every group the labels define, in their order (empty ones too, for a complete index), then `other`
    when a term falls in no group. Within a group terms are ordered by their key, then as written."""
    index = labels.glossary_index
    groups = [GlossaryGroup(chars[0], f"group_{number}") for number, chars in enumerate(index["groups"], start=1)]
    starts = {sort_key(char): group for group, chars in zip(groups, index["groups"]) for char in chars}
    other = GlossaryGroup(index["other"], "group_other")

    def key(term: Any) -> str:
        return sort_key(term.reading or "") if index["sort_by"] == "reading" else sort_key(text_of(term.term))

    for term in sorted(terms, key=lambda term: (_dictionary_order(key(term)), sort_key(text_of(term.term)))):
        first = key(term)[:1]
        starts.get(first, other).terms.append(term)
    return groups + ([other] if other.terms else [])


__all__ = ["GlossaryGroup", "glossary_groups", "sort_key"]
