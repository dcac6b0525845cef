"""The language switch: it names the other language in words, and keeps the reader's place (#anchor)."""

from __future__ import annotations

import re

import pytest

from generator.labels import load_labels
from generator.languages import all_languages
from tests.plans import page_paths

pytestmark = pytest.mark.browser

ITEM = (page_paths("plan", "node") or [""])[0]
OTHER_NAME = {language.code: load_labels(language.code).language_name for language in all_languages()}


@pytest.fixture(scope="module")
def plan_url(built_sites, serve_site):
    return serve_site(built_sites("plan"))


def _last_section_id(site, path: str) -> str:
    """The id of the page's last section heading: far enough down that landing there means scrolling."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h[23] id="([^"]+)"', html)
    assert ids, f"{path} has no section headings"
    return ids[-1]


def _switch_to(page, lang: str):
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(f".md-select__link[hreflang={lang}]").click()
    page.wait_for_load_state("load")


def _in_view(page, anchor: str) -> bool:
    return page.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                    return r.top >= -2 && r.top < innerHeight; }""", anchor)


@pytest.mark.parametrize(("start", "target", "lang"), [(ITEM, f"en/{ITEM}", "en"), (f"en/{ITEM}", ITEM, "ja")])
def test_switch_keeps_the_anchor(page, built_sites, plan_url, start, target, lang):
    anchor = _last_section_id(built_sites("plan"), ITEM)
    page.goto(f"{plan_url}{start}#{anchor}")
    _switch_to(page, lang)
    assert page.url == f"{plan_url}{target}#{anchor}"
    assert page.locator("html").get_attribute("lang") == lang
    assert _in_view(page, anchor), "the other language's page opens at the same section"


def test_switch_follows_an_anchor_chosen_after_loading(page, built_sites, plan_url):
    anchor = _last_section_id(built_sites("plan"), ITEM)
    page.goto(plan_url + ITEM)
    page.locator(f'a.headerlink[href="#{anchor}"]').click()  # the reader follows a section's permalink
    _switch_to(page, "en")
    assert page.url == f"{plan_url}en/{ITEM}#{anchor}"


@pytest.mark.parametrize(("path", "other"), [(ITEM, "en"), (f"en/{ITEM}", "ja")])
def test_switch_shows_the_other_language_by_name(page, plan_url, path, other):
    page.goto(plan_url + path)
    button = page.locator(".md-header__option .md-select > button")
    # Its name, in its own lang; another language written in the same script (Easy Japanese beside
    # Japanese) may share that lang, so the name is found by its words.
    word = page.locator(f".md-header__option .md-select > button [lang={other}]", has_text=OTHER_NAME[other])
    assert word.count() >= 1 and word.first.is_visible()
    word = word.filter(has_text=re.compile(f"^{re.escape(OTHER_NAME[other])}$")).first
    assert word.inner_text() == OTHER_NAME[other]
    # Its accessible name holds the visible word (WCAG 2.5.3, label in name).
    name = button.evaluate("el => el.textContent.replace(/\\s+/g, ' ')")
    assert button.get_attribute("aria-label") is None
    assert OTHER_NAME[other] in name
