"""The glossary's index: terms grouped by kana row (from their reading) or by letter, as each language's labels say."""

from __future__ import annotations

import pytest

from generator.labels import load_labels
from generator.languages import all_languages
from generator.model import GlossaryTerm
from generator.render.glossary_index import glossary_groups


def _term(ident: str, ja: str, en: str, reading: str | None = None) -> GlossaryTerm:
    data = {"id": ident, "term": {"ja": ja, "en": en}}
    if reading:
        data["reading"] = reading
    return GlossaryTerm.model_validate(data)


TERMS = [
    _term("kpi", "重要業績評価指標", "key performance indicator", "じゅうようぎょうせきひょうかしひょう"),
    _term("ict", "ICT", "ICT", "アイシーティー"),  # a reading in katakana sorts as hiragana
    _term("kashiwa", "柏市", "Kashiwa City", "かしわし"),
    _term("gakudo", "学童クラブ", "after-school club", "がくどうくらぶ"),  # voiced: か row
    _term("unread", "未読語", "2040 vision"),  # no reading; English starts with a digit
]


def _groups(code: str) -> dict[str, list[str]]:
    labels = load_labels(code)
    groups = glossary_groups(TERMS, labels, lambda text: text.pick(next(
        language for language in all_languages() if language.code == code))[0])
    return {group.label: [term.id for term in group.terms] for group in groups}


def test_japanese_terms_go_under_the_kana_row_of_their_reading():
    groups = _groups("ja")
    assert groups["あ"] == ["ict"]
    assert groups["か"] == ["gakudo", "kashiwa"]  # as a dictionary orders them: がくどう before かしわ
    assert groups["さ"] == ["kpi"]
    assert groups["その他"] == ["unread"], "a term without a reading is listed, under その他"
    assert list(groups)[:10] == ["あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"]


def test_english_terms_go_under_their_first_letter():
    groups = _groups("en")
    assert groups["A"] == ["gakudo"]
    assert groups["I"] == ["ict"]
    assert groups["K"] == ["kashiwa", "kpi"]
    assert groups["Other"] == ["unread"]
    assert list(groups)[:26] == [chr(code) for code in range(ord("A"), ord("Z") + 1)]


@pytest.mark.parametrize("language", all_languages(), ids=lambda language: language.code)
def test_every_term_is_listed_once(language):
    labels = load_labels(language.code)
    groups = glossary_groups(TERMS, labels, lambda text: text.pick(language)[0])
    listed = [term.id for group in groups for term in group.terms]
    assert sorted(listed) == sorted(term.id for term in TERMS)
    assert len({group.anchor for group in groups}) == len(groups)


def test_a_reading_is_kana_only():
    with pytest.raises(ValueError):
        _term("x", "柏", "Kashiwa", "kashiwa")
