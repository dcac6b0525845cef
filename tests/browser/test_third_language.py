"""A reader of the Easy Japanese site: search finds its own pages, and the switcher keeps the page."""

from __future__ import annotations

import pytest

from generator.publish.build import build_site
from generator.languages import by_code, published_languages
from tests.conftest import ROOT

from .conftest import search

pytestmark = pytest.mark.browser

EASY = by_code("ja-x-easy")


@pytest.fixture(scope="module")
def easy_url(tmp_path_factory, serve_site):
    site = build_site(ROOT / "tests" / "data" / "easy_japanese", tmp_path_factory.mktemp("easy-browser") / "site")
    return serve_site(site.out)


def test_easy_search_finds_its_own_text(page, easy_url):
    # けんこう is written only in the Easy Japanese summary of the strategy.
    assert f"/{EASY.url_prefix}strategy/" in search(page, easy_url, EASY.url_prefix, "けんこう")
    assert search(page, easy_url, "", "けんこう") == []


@pytest.mark.parametrize("target", published_languages([EASY.code]), ids=lambda language: language.code)
def test_switcher_leads_from_easy_japanese_to_the_same_page(page, easy_url, target):
    path = "strategy/basic-goal-1/"
    page.goto(easy_url + EASY.url_prefix + path)
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(f'.md-select__link[hreflang="{target.code}"]').click()
    page.wait_for_load_state("load")
    assert page.url == easy_url + target.url_prefix + path
    assert page.locator("html").get_attribute("lang") == target.html_lang
