"""Every English text of every plan follows the style guide's spelling and avoids its banned literalisms,
and every editors' note is marked in both languages.

The rules are in docs-dev/STYLE_GUIDE.md; the word lists are data, in english_style.yaml beside this file.
Only text values are read (the string under an `en:` or `ja:` key), straight from the YAML, so keys,
ids and enum values such as `kind: programme` are never taken for prose.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import PLANS, ROOT
from tests.plans import shown
from tests.plans import facts

STYLE = yaml.safe_load((Path(__file__).parent / "english_style.yaml").read_text(encoding="utf-8"))
ISE_ENDINGS = "e|es|ed|ing|er|ers|ation|ations|ational"
MARKER = STYLE["editors_note"]
ONE_LANGUAGE_NOTE = "editors' note in one language only"


@dataclass(frozen=True)
class Rule:
    banned: str
    """The word or phrase as the word list spells it (the key of `pending`)."""
    pattern: re.Pattern[str]
    instead: str
    """What to write instead; empty for -ise words, where it is the word found with -iz-."""

    def advice(self, found: str) -> str:
        if self.instead:
            return self.instead
        stem = len(self.banned) - len("ise")
        return found[:stem] + "iz" + found[stem + 2:]


def _rules(style: dict) -> list[Rule]:
    rules = [Rule(f"{stem}ise", re.compile(rf"\b{stem}is(?:{ISE_ENDINGS})\b", re.IGNORECASE), "")
             for stem in style["ise_stems"]]
    for section in ("spellings", "literalisms"):
        for banned, instead in style[section].items():
            words = r"\s+".join(re.escape(word) for word in banned.split())
            rules.append(Rule(banned, re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE), instead))
    for name, pattern in (style.get("patterns") or {}).items():
        rules.append(Rule(name, re.compile(pattern["regex"], re.IGNORECASE), pattern["instead"]))
    return rules


RULES = _rules(STYLE)


def texts(text: str) -> list[tuple[int, dict[str, str]]]:
    """(line, {language: text}) of every mapping of one YAML file that holds an `en:` string, at any depth."""
    def walk(node):
        if isinstance(node, yaml.MappingNode):
            strings = {key.value: value for key, value in node.value if isinstance(value, yaml.ScalarNode)}
            if "en" in strings:
                yield strings["en"].start_mark.line + 1, {lang: value.value for lang, value in strings.items()}
            for key, value in node.value:
                if not isinstance(value, yaml.ScalarNode):
                    yield from walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    return list(walk(root)) if root is not None else []


def english_texts(text: str) -> list[tuple[int, str]]:
    """(line, text) of every string under an `en:` key of one YAML file, at any depth."""
    return [(line, values["en"]) for line, values in texts(text)]


def violations(text: str, where: str = "") -> list[tuple[str, str]]:
    """(banned word of the rule, message) for every rule a YAML file's English breaks."""
    found = []
    for line, values in texts(text):
        english = values["en"]
        for rule in RULES:
            for match in rule.pattern.finditer(english):
                found.append((rule.banned, f"{where}:{line}: {match.group()!r}: write {rule.advice(match.group())}"))
        if "ja" in values and values["ja"].count(MARKER["ja"]) != english.count(MARKER["en"]):
            found.append((ONE_LANGUAGE_NOTE, f"{where}:{line}: mark an editors' addition in both languages, "
                                             f"{MARKER['ja']}…） and {MARKER['en']} …)"))
    return found


@pytest.mark.parametrize("name", sorted(PLANS))
def test_english_follows_the_style_guide(name):
    # What is still to fix is content of the plan: `english_style_pending` in its facts.yaml.
    pending = set(facts(name).english_style_pending)
    found = []
    for path in sorted(PLANS[name].rglob("*.yaml")):
        found += violations(path.read_text(encoding="utf-8"), shown(path))
    new = [message for banned, message in found if banned not in pending]
    fixed = sorted(pending - {banned for banned, _ in found})
    assert new == [], "English that breaks docs-dev/STYLE_GUIDE.md:\n" + "\n".join(new)
    where = shown(PLANS[name] / "facts.yaml")
    assert fixed == [], f"fixed in {name}: remove from `english_style_pending` in {where}: {fixed}"


# Longest first, so that a compound with its own rendering is taken out before the term it holds.
TERMS = sorted(((term, re.compile(rule["regex"], re.IGNORECASE)) for term, rule in STYLE["terms"].items()),
               key=lambda item: -len(item[0]))


def term_violations(pairs, where: str = "") -> list[str]:
    """A message for each (line, Japanese, English) whose Japanese holds a listed term and whose English
    does not use its one rendering."""
    found = []
    for line, japanese, english in pairs:
        rest = unicodedata.normalize("NFKC", japanese)
        for term, rendering in TERMS:
            if term in rest:
                rest = rest.replace(term, "\u3000")  # taken out: a shorter term inside it is not read again
                if not rendering.search(english):
                    found.append(f"{where}:{line}: 「{term}」 is \"{STYLE['terms'][term]['en']}\" "
                                 f"(docs-dev/STYLE_GUIDE.md, Term list); found {english[:120]!r}")
    return found


def _label_pairs(japanese, english, path=""):
    """(key path, Japanese, English) of every label both label files hold as text."""
    if isinstance(japanese, dict) and isinstance(english, dict):
        for key in japanese.keys() & english.keys():
            yield from _label_pairs(japanese[key], english[key], f"{path}.{key}" if path else str(key))
    elif isinstance(japanese, str) and isinstance(english, str):
        yield path, japanese, english


@pytest.mark.parametrize("name", sorted(PLANS))
def test_each_listed_term_has_its_one_english_rendering(name):
    found = []
    for path in sorted(PLANS[name].rglob("*.yaml")):
        pairs = [(line, values["ja"], values["en"]) for line, values in texts(path.read_text(encoding="utf-8"))
                 if "ja" in values]
        found += term_violations(pairs, shown(path))
    assert found == [], "\n".join(found)


def test_the_labels_use_the_same_renderings():
    labels = ROOT / "templates" / "labels"
    japanese, english = (yaml.safe_load((labels / f"{code}.yaml").read_text(encoding="utf-8")) for code in ("ja", "en"))
    found = term_violations(list(_label_pairs(japanese, english)), "templates/labels/en.yaml")
    assert found == [], "\n".join(found)


def test_a_compound_is_read_before_the_term_it_holds():
    assert term_violations([(1, "市民活動を支援", "support for civic activities")]) == []
    assert len(term_violations([(1, "市民の声", "the voice of citizens")])) == 1
    assert term_violations([(1, "ＩＣＴの活用", "using ICT")]) == []


@pytest.mark.parametrize("name", sorted(PLANS))
def test_pending_names_only_known_rules(name):
    known = {rule.banned for rule in RULES} | {ONE_LANGUAGE_NOTE}
    assert set(facts(name).english_style_pending) <= known


def test_the_check_reads_english_values_only():
    sample = (
        "kind: programme\n"
        "organisation: {ja: 組織, en: The organisation of the Centre}\n"
        "body:\n"
        "  ja: 安心して暮らせる\n"
        "  en: |\n"
        "    Residents can live with peace of\n"
        "    mind near Tega-numa from 1 October.\n"
    )
    banned = sorted(banned for banned, _ in violations(sample))
    assert banned == ["Tega-numa", "centre", "day before month", "organise", "with peace of mind"]


def test_the_check_leaves_american_and_ordinary_words_alone():
    sample = (
        "en: The organization's program at the center will prioritize exercise, analyses of aging and"
        " otherwise revise the organism, wise advertising and rising crises from October 1 in 12 Octobers.\n"
    )
    assert violations(sample) == []


def test_an_editors_note_needs_both_languages():
    one = "definition: {ja: 沼です。（編集者注：東部にあります。）, en: A lake.}\n"
    both = "definition: {ja: 沼です。（編集者注：東部にあります。）, en: \"A lake. (Editors' note: in the east.)\"}\n"
    assert [banned for banned, _ in violations(one)] == [ONE_LANGUAGE_NOTE]
    assert violations(both) == []
