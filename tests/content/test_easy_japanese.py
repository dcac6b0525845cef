"""Easy Japanese (やさしい日本語), and any other language written in Japanese script beside Japanese: every
kanji word has its furigana, every reading on the pages is well formed, the plan keeps the coverage its
facts.yaml promises, and each fact's figures show on its pages in that language too."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from generator.labels import load_labels
from generator.languages import all_languages, default_language, fallback_chain, published_languages
from generator.load.plan import load_plan
from generator.model import Prose, Text
from generator.ruby import RUBY
from generator.model.walk import walk_models
from generator.prepare.coverage import translation_coverage
from generator.problems.keypath import format_key_path
from tests.plans import FACTS_FILE, PLANS, facts, shown
from tests.site_text import page_file, page_text

# Optional languages read as Japanese (their pages are lang="ja") that fall back to Japanese.
JAPANESE_SCRIPT = tuple(language for language in all_languages()
                        if not language.default and language.html_lang == default_language().html_lang
                        and default_language() in fallback_chain(language))
KANJI = re.compile(r"[\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _published(name: str):
    plan = load_plan(PLANS[name]).plan
    return plan, [language for language in published_languages(plan.root.languages) if language in JAPANESE_SCRIPT]


CASES = [pytest.param(name, language, id=f"{name}-{language.code}")
         for name in sorted(PLANS) for language in _published(name)[1]]


@pytest.mark.parametrize(("name", "language"), CASES)
def test_every_kanji_word_has_its_furigana(name, language):
    plan, _ = _published(name)
    missing = []
    for path, item in walk_models(plan):
        if not isinstance(item, (Text, Prose)) or (text := item.written(language.code)) is None:
            continue
        for run in KANJI.findall(RUBY.sub("", text)):
            missing.append(f"{format_key_path(path)}: 「{run}」 ({language.code}) "
                           f"— ふりがなを {{{run}|よみ}} と書いてください / write its reading as {{{run}|reading}}")
    assert not missing, f"{PLANS[name]}: kanji without furigana:\n" + "\n".join(missing)


class _Readings(HTMLParser):
    """Each <ruby> of a page: its base text and its readings; and any <rt> outside one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ruby: list[dict] | None = None
        self.in_rt = False
        self.found: list[dict] = []
        self.stray = 0

    def handle_starttag(self, tag, attrs):
        if tag == "ruby":
            self.ruby = {"base": "", "readings": []}
        elif tag == "rt":
            if self.ruby is None:
                self.stray += 1
            else:
                self.ruby["readings"].append("")
            self.in_rt = True

    def handle_endtag(self, tag):
        if tag == "rt":
            self.in_rt = False
        elif tag == "ruby" and self.ruby is not None:
            self.found.append(self.ruby)
            self.ruby = None

    def handle_data(self, data):
        if self.ruby is None:
            return
        if self.in_rt:
            self.ruby["readings"][-1] += data
        else:
            self.ruby["base"] += data


@pytest.mark.parametrize(("name", "language"), CASES)
def test_every_ruby_on_the_pages_has_a_base_and_one_reading(built_sites, name, language):
    site = built_sites(name) / language.url_prefix
    pages = sorted(site.rglob("index.html"))
    total = 0
    for page in pages:
        readings = _Readings()
        readings.feed(page.read_text(encoding="utf-8"))
        assert readings.stray == 0, f"{page}: <rt> outside a <ruby>"
        for ruby in readings.found:
            assert ruby["base"].strip() and len(ruby["readings"]) == 1 and ruby["readings"][0].strip(), (page, ruby)
        total += len(readings.found)
    assert pages and total, f"{site}: no furigana on any page"


def _coverage_cases():
    for name in sorted(PLANS):
        for code, least in facts(name).coverage.items():
            yield pytest.param(name, code, least, id=f"{name}-{code}")


@pytest.mark.parametrize(("name", "code", "least"), list(_coverage_cases()))
def test_the_plan_keeps_the_coverage_its_facts_promise(name, code, least):
    plan = load_plan(PLANS[name]).plan
    (coverage,) = [c for c in translation_coverage(plan, tuple(published_languages(plan.root.languages)))
                   if c.language.code == code] or [None]
    assert coverage is not None, f"{shown(PLANS[name] / FACTS_FILE)}: coverage of {code}, which the plan does not publish"
    assert 100 * coverage.translated >= least * coverage.total, (
        f"{shown(PLANS[name] / FACTS_FILE)}: {code} は {least}% 以上の約束ですが {coverage} です / "
        f"promises at least {least}% of texts in {code}, found {coverage}")


# A figure as a fact writes it (33,832 / 45.3 / 2025), and an era year, which Easy Japanese writes Western.
_FIGURE = re.compile(r"(令和|平成)?(\d[\d,.]*\d|\d)")
_ERA_START = {"令和": 2018, "平成": 1988}


def _figures(text: str) -> list[tuple[str, ...]]:
    """Each figure of `text`, as the forms a page may show it in."""
    found = []
    for era, figure in _FIGURE.findall(text):
        found.append((figure, str(_ERA_START[era] + int(figure))) if era and figure.isdigit() else (figure,))
    return found


def _fact_cases():
    for name in sorted(PLANS):
        languages = _published(name)[1]
        for index, fact in enumerate(facts(name).facts):
            for language in languages:
                if _figures(fact.ja):
                    yield pytest.param(name, fact, language, id=f"{name}-{index}-{language.code}")


@pytest.mark.parametrize(("name", "fact", "language"), list(_fact_cases()))
def test_each_figure_of_a_fact_shows_on_its_page_in_easy_japanese_too(built_sites, name, fact, language):
    page = page_file(built_sites(name), language.url_prefix.rstrip("/"), fact.page)
    text = page_text(page.read_text(encoding="utf-8")).replace(" ", "")
    missing = [forms[0] for forms in _figures(fact.ja) if not any(form in text for form in forms)]
    assert not missing, (f"{shown(PLANS[name] / FACTS_FILE)}:{fact.line}: {missing} ({fact.ja}) が "
                         f"{language.url_prefix}{fact.page} にありません / not on the {language.name} page")


@pytest.mark.parametrize("language", JAPANESE_SCRIPT, ids=lambda language: language.code)
def test_every_kanji_word_of_the_labels_has_its_furigana(language):
    from generator.labels import TEMPLATES_DIR, labels_catalogue

    missing = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif isinstance(value, str):
            missing.extend(f"{path}: 「{run}」" for run in KANJI.findall(RUBY.sub("", value)))

    walk(labels_catalogue(TEMPLATES_DIR).words(language.code), "")
    assert not missing, f"templates/labels/{language.code}.yaml: kanji without furigana:\n" + "\n".join(missing)


@pytest.mark.parametrize(("name", "language"), CASES)
def test_plain_text_holds_the_base_text_and_no_reading(built_sites, name, language):
    """Titles, descriptions, JSON-LD, CSV, JSON, sitemaps and the search index: the base text alone."""
    site = built_sites(name)
    plan, _ = _published(name)
    # Readings that appear nowhere in the plan's plain texts: found in plain output, they leaked.
    plain_texts = " ".join([item.get(code) or "" for _, item in walk_models(plan) if isinstance(item, (Text, Prose))
                            for code in (language.code, default_language().code)]
                           + [json.dumps(load_labels(language.code).data, ensure_ascii=False)])
    readings = {match.group(2) for _, item in walk_models(plan) if isinstance(item, (Text, Prose))
                for match in RUBY.finditer(item.written(language.code) or "")
                if len(match.group(2)) >= 3 and match.group(2) not in plain_texts}
    assert readings, f"{name}: no reading to look for"
    checked = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".csv", ".json", ".xml", ".txt") or path.name.endswith(".schema.json"):
            continue  # (a schema documents the markup, with an example)
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".html":
            head, _, body = text.partition("</head>")
            assert "<ruby" not in head and not RUBY.search(head), path
            assert not RUBY.search(body), path  # every reading on the page is ruby markup, none raw
            continue
        assert not RUBY.search(text), path
        # (plan.json also holds each glossary term's reading, as a field of its own)
        if path.name == "search_index.json":
            text = " ".join(doc["title"] + " " + doc["text"] for doc in json.loads(text)["docs"])
        if path.name == "search_index.json" or path.suffix == ".csv":
            leaked = sorted(reading for reading in readings if reading in text)
            assert not leaked, f"{path}: readings in plain text: {leaked[:5]}"
        checked += 1
    assert checked
