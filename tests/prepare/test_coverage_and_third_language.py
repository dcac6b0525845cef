"""A plan that publishes a third, optional language (Easy Japanese) besides the two required ones.

tests/data/easy_japanese/ lists `languages: [ja-x-easy]` in plan.yaml and gives Easy Japanese for a
few texts only: every other text shows its fallback (Japanese), marked with that language's lang.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from generator.publish.build import build_site
from generator.languages import by_code, published_languages
from generator.load.plan import load_plan
from tests.site_text import furigana_off
from tests.conftest import ROOT
from tests.html_tags import tags

PLAN = ROOT / "tests" / "data" / "easy_japanese"
EASY = by_code("ja-x-easy")
LANGUAGES = published_languages([EASY.code])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(PLAN, tmp_path_factory.mktemp("easy") / "site")


def _page(site, language, path: str = "") -> str:
    return (site.out / language.url_prefix / path / "index.html").read_text(encoding="utf-8")


def test_every_page_exists_in_every_published_language(site):
    root = site.out
    pages = {p.parent.relative_to(root).as_posix() for p in root.rglob("index.html")
             if not any(p.is_relative_to(root / other.url_prefix) for other in LANGUAGES if other.url_prefix)}
    assert len(pages) >= 4
    for language in LANGUAGES:
        for path in pages:
            assert (root / language.url_prefix / path / "index.html").is_file(), (language.code, path)


def test_easy_pages_show_their_own_text_and_mark_the_fallback(site):
    page = _page(site, EASY, "strategy")
    assert f'<html lang="{EASY.html_lang}"' in page
    seen = furigana_off(page)
    assert "みほん市を 元気に する 計画" in seen                 # its own title
    assert "子どもを 育てる ことと、けんこうの ための <strong>計画</strong>です。" in seen  # its own prose
    # A KPI without Easy Japanese shows the Japanese name, marked as Japanese.
    node = _page(site, EASY, "strategy/basic-goal-1")
    fallback = by_code(EASY.fallback)
    assert f'<span lang="{fallback.html_lang}">地域子育て支援拠点利用者の利用人数</span>' in node
    # Labels come from the language's own labels file.
    assert "目標の 数" in node and "はじめの 数（基準値）" in node
    # The Japanese and English sites are untouched by the third language.
    assert "地域子育て支援拠点利用者の利用人数" in _page(site, by_code("ja"), "strategy/basic-goal-1")
    assert "みほん" not in _page(site, by_code("ja")).split("<h1", 1)[1]


def _resolve(page_url: str, href: str) -> str:
    """The site path a relative link on the page at `page_url` leads to."""
    return urljoin("http://site" + page_url, href).removeprefix("http://site")


def test_every_page_names_all_its_counterparts(site):
    path = "strategy/basic-goal-1/"
    for language in LANGUAGES:
        here = f"/{language.url_prefix}{path}"
        alternates = [(attrs["hreflang"], _resolve(here, attrs["href"])) for tag, attrs in tags(_page(site, language, path))
                      if tag == "link" and "alternate" in (attrs.get("rel") or "").split() and attrs.get("hreflang")]
        expected = [(other.code, f"/{other.url_prefix}{path}") for other in LANGUAGES]
        expected.append(("x-default", f"/{path}"))
        assert alternates == expected, language.code


def test_switcher_leads_to_the_same_page_in_each_language(site):
    path = "strategy/basic-goal-1/"
    for language in LANGUAGES:
        here = f"/{language.url_prefix}{path}"
        links = [(attrs.get("hreflang"), attrs.get("lang"), _resolve(here, attrs["href"]), "aria-current" in attrs)
                 for tag, attrs in tags(_page(site, language, path))
                 if tag == "a" and "md-select__link" in (attrs.get("class") or "")]
        assert links == [(other.code, other.html_lang, f"/{other.url_prefix}{path}", other == language)
                         for other in LANGUAGES], language.code


def test_each_language_has_its_own_search_index(site):
    for language in LANGUAGES:
        index = json.loads((site.out / language.url_prefix / "search" / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [language.search_lang]
        assert index["config"]["separator"] == language.search_separator
        text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
        assert ("みほん市を 元気に する 計画" in text) == (language == EASY), language.code


def test_build_reports_translation_coverage(site):
    coverage = {entry.language.code: entry for entry in site.coverage}
    assert list(coverage) == [language.code for language in LANGUAGES]
    for language in LANGUAGES:
        if language.required:
            assert coverage[language.code].translated == coverage[language.code].total
    easy = coverage[EASY.code]
    written = sum(text.count(f"{EASY.code}:") for text in (path.read_text("utf-8") for path in PLAN.glob("*.yaml")))
    assert easy.translated == written == 7
    assert 0 < easy.translated < easy.total


def test_optional_language_is_not_published_unless_the_plan_lists_it(tmp_path):
    plan = load_plan(ROOT / "tests" / "data" / "minimal").plan
    assert plan.root.languages == []
    assert published_languages(plan.root.languages) == published_languages()
    assert EASY not in published_languages(plan.root.languages)
