"""Facts taken by hand from the source documents appear on the built pages where a reader would look.

The facts live beside each plan, in its `facts.yaml` (content, not test code): a city that replaces
plan/ with its own plan brings its own facts, or none, and these tests follow.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from generator.messages import Message, render
from tests.plans import FACTS_FILE, PLANS, PLANS_WITH_FACTS, Fact, facts, shown
from tests.site_text import page_file, page_text

_WORD = re.compile(r"[^\s、。，．()（）「」『』:：]+")


def _nearest(text: str, page: str) -> str:
    """What the page holds that is most like `text` (a changed figure: "36,000" for "34,000"), or ""."""
    words = {word.rstrip(".,;") for word in _WORD.findall(page)}
    near = difflib.get_close_matches(text, words, n=1, cutoff=0.6)
    return near[0] if near else ""


def missing_facts(site: Path, fact: Fact, facts_file: Path) -> list[str]:
    """The fact's texts that its pages no longer show, each as a message in Japanese and in English that
    names the fact's line in facts.yaml, the page, and what to change (the page's nearest text, if any)."""
    where = f"{shown(facts_file)}:{fact.line}"
    messages = []
    for lang, prefix, texts in (("ja", "", [fact.ja]), ("en", "en/", fact.en)):
        page = page_text(page_file(site, lang, fact.page).read_text(encoding="utf-8"))
        for text in texts:
            if text in page:
                continue
            near = _nearest(text, page)
            for language in ("ja", "en"):
                params = {"where": where, "text": text, "page": prefix + fact.page,
                          "language": Message(f"facts.language.{lang}"),
                          "near": Message("facts.near", {"near": near}) if near else ""}
                messages.append(render(Message("facts.missing", params), language))
    return messages


def _cases():
    for name in PLANS_WITH_FACTS:
        for index, fact in enumerate(facts(name).facts):
            yield pytest.param(name, fact, id=f"{name}-{index}")


@pytest.mark.parametrize("name", PLANS_WITH_FACTS)
def test_facts_file_is_well_formed_and_not_empty(name):
    loaded = facts(name)  # validated: an unknown key or a missing field fails here
    assert loaded.facts or loaded.searches, f"{PLANS[name] / FACTS_FILE} holds no facts"


@pytest.mark.parametrize(("plan", "fact"), list(_cases()))
def test_fact_is_on_its_page(built_sites, plan, fact):
    missing = missing_facts(built_sites(plan), fact, PLANS[plan] / FACTS_FILE)
    assert not missing, "\n" + "\n".join(missing)


def test_a_deliberate_change_gets_a_message_that_names_the_facts_line_in_both_languages(tmp_path):
    # An editor raises a target, 34,000 → 36,000 (the editors' guide's own example), and a fact pins 34,000.
    import shutil

    from generator.publish.build import build_site
    from tests.conftest import ROOT
    from tests.plans import read_facts
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    (plan / FACTS_FILE).write_text(
        "facts:\n"
        "  - {page: \"strategy/basic-goal-1/\", ja: \"33,832人\", en: [\"33,832\"]}\n"
        "  - {page: \"strategy/basic-goal-1/\", ja: \"34,000人\", en: [\"34,000\"]}\n", encoding="utf-8")
    strategy = plan / "strategy.yaml"
    strategy.write_text(strategy.read_text(encoding="utf-8").replace(
        "target: {value: 34000, unit: people}", "target: {value: 36000, unit: people}"), encoding="utf-8")
    site = build_site(plan, tmp_path / "site").out
    unchanged, changed = read_facts(plan / FACTS_FILE).facts
    assert missing_facts(site, unchanged, plan / FACTS_FILE) == []
    where = f"{plan / FACTS_FILE}:3"
    assert missing_facts(site, changed, plan / FACTS_FILE) == [
        f"{where}: 日本語のページ strategy/basic-goal-1/ に「34,000人」がありません。facts.yaml のこの行は、このページに"
        "この文字があることを確かめています（ページには今「36,000人」とあります）。計画を意図して変えたのなら、この行を"
        "ページの今の内容に書き換えるか、行を消してください。意図しない変更なら、計画を元に戻してください。",
        f'{where}: the Japanese page strategy/basic-goal-1/ no longer shows "34,000人", which this line of facts.yaml '
        'says it must (the page now shows "36,000人"). If you changed the plan on purpose, write on this line what '
        "the page says now, or delete the line; otherwise, put back what the plan said.",
        f"{where}: 英語のページ en/strategy/basic-goal-1/ に「34,000」がありません。facts.yaml のこの行は、このページに"
        "この文字があることを確かめています（ページには今「36,000」とあります）。計画を意図して変えたのなら、この行を"
        "ページの今の内容に書き換えるか、行を消してください。意図しない変更なら、計画を元に戻してください。",
        f'{where}: the English page en/strategy/basic-goal-1/ no longer shows "34,000", which this line of facts.yaml '
        'says it must (the page now shows "36,000"). If you changed the plan on purpose, write on this line what '
        "the page says now, or delete the line; otherwise, put back what the plan said.",
    ]
