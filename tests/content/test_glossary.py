"""One English name per Japanese term, used consistently, across every plan.

The glossaries (glossary.yaml) and division lists (divisions.yaml) of all plans together are the
project's terminology: a Japanese term has one English name everywhere, and wherever a text's
Japanese names a place, programme, plan, organisation or division, its English uses that name.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest

from generator.model import Prose, Text
from generator.load.plan import load_plan
from generator.model.walk import walk_models
from tests.conftest import PLANS

LOADED = {name: load_plan(path).plan for name, path in PLANS.items()}


def _names(plan):
    for term in plan.glossary:
        yield term.term.ja, term.term.en, term.kind.value
    for division in plan.divisions:
        yield division.name.ja, division.name.en, "division"


def test_one_english_name_per_japanese_term():
    # Read in NFKC form: a term typed full-width (ＩＣＴ) is the same term as ICT.
    english = defaultdict(set)
    for name, plan in LOADED.items():
        for ja, en, _ in _names(plan):
            english[unicodedata.normalize("NFKC", ja)].add(en)
    assert {ja: names for ja, names in english.items() if len(names) > 1} == {}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_texts_use_the_glossary_names(name):
    plan = LOADED[name]
    # Generic words (kind "term") are translated to fit the sentence; proper names are not.
    # Names of one or two characters (市, 国) occur inside too many compounds to check this way.
    names = [(ja, en) for ja, en, kind in _names(plan) if kind != "term" and len(ja) >= 3]
    pairs = [(item.ja, item.en) for document in plan.documents
             for _, item in walk_models(document) if isinstance(item, (Text, Prose))]
    misses = []
    for ja, en in names:
        longer = [other for other, _ in names if ja in other and other != ja]
        for text_ja, text_en in pairs:
            if ja in text_ja and not any(other in text_ja for other in longer) and en.lower() not in text_en.lower():
                misses.append(f"{ja} → {en}: {text_en[:80]}")
    assert misses == []
