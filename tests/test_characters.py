"""Characters that hide are named as Unicode names them, and a message never lets one act on a terminal."""

from __future__ import annotations

import re

import pytest

from generator.characters import FORBIDDEN, SHOWS_PATTERN, character_name, shows_something, visible
from generator.messages import Message, PlanText, render


@pytest.mark.parametrize(("character", "name"), [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\x1b", "U+001B ESCAPE"), ("\x00", "U+0000 NULL"),
    ("\u200b", "U+200B ZERO WIDTH SPACE"), ("\x85", "U+0085 NEXT LINE"), ("\ud800", "U+D800 SURROGATE"),
    ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"), ("\x9b", "U+009B CONTROL CHARACTER"),
])
def test_a_character_is_named_by_its_code_point_and_name(character, name):
    assert character_name(character) == name


def test_what_is_refused_anywhere_and_what_only_alone():
    for character in "\x00\x07\x1b\x7f\x85\u202a\u202e\u2066\u2069\u200e\u2028\ufeff\ud800\U000e0001":
        assert FORBIDDEN.search(character), character_name(character)
    # Fine inside a text (a line break, a tab, a zero-width joiner in an emoji, a variation selector for a kanji).
    for character in "\n\t\u200d\ufe0f\U000e0100 あ":
        assert not FORBIDDEN.search(character), character_name(character)
    for blank in ("", "  ", "\u200b", "\u3164", "\u2800", "\u115f\u1160", "\u200d \u2060", "\u3000"):
        assert not shows_something(blank), repr(blank)
    assert shows_something("\u200bあ") and shows_something("x")


def test_the_pattern_of_a_text_that_shows_is_read_alike_by_every_engine():
    # Python (here), Rust (pydantic: the model) and ECMA-262 with the u flag (JSON Schema tools, via regress).
    import regress
    from pydantic import TypeAdapter, ValidationError

    from generator.model.common import NonEmpty
    ecma = regress.Regex(SHOWS_PATTERN, "u")
    for text in ("", " ", "\u200b", "\u3164", "\u2800", "\u200d\u2060", "x", "\u200bあ", "\u3000計画"):
        python = re.search(SHOWS_PATTERN, text) is not None
        try:
            TypeAdapter(NonEmpty).validate_python(text)
            rust = True
        except ValidationError:
            rust = False
        assert python == rust == (ecma.find(text) is not None), repr(text)


def test_a_message_never_carries_a_character_that_acts():
    hostile = "a\x1b]0;pwned\x07b\x1b[2Jc\u202ed\nnext\re\u200bf"
    shown = render(Message("found.text", {"value": hostile}), "en")
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u200b]", shown)
    assert shown == "'a<U+001B>]0;pwned<U+0007>b<U+001B>[2Jc<U+202E>d<U+000A>next<U+000D>e<U+200B>f'"
    assert render(PlanText({"ja": "目標\u202e1", "en": "Goal\u202e1"}), "ja") == "目標<U+202E>1"
    assert visible("普通の文章です。Plain text.") == "普通の文章です。Plain text."
