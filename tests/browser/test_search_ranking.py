"""Search puts the right page first, on any plan: typed into the search box of the built site, in Chromium.

The names a reader searches for (an indicator's, a project's, an item's title) come from the plan itself;
their page is the one that shows them. Listing pages (home, indicators, divisions, glossary…), which name
every topic, come after it. Every result shows a title, and a Japanese word cut into pieces by the
search never shows a one-character piece as a word "not in search".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.languages import Language
from generator.load.plan import load_plan
from generator.prepare.progress import plan_indicators
from generator.page_kinds import PAGE_KINDS
from generator.render.pages import plan_pages, walk_pages
from tests.plans import PLANS, PRODUCT_PLANS, languages

from .conftest import search

pytestmark = pytest.mark.browser

# What the results show besides the pages: the titles of results, and the words marked "not in search".
_SHOWN = """() => ({
  titles: [...document.querySelectorAll('.md-search-result__article')]
    .map(a => (a.querySelector('h1, h2')?.textContent || '').trim()),
  missing: [...document.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent),
})"""


@dataclass(frozen=True)
class Name:
    kind: str      # indicator | project | item
    text: object   # the plan's Text
    page: str      # the page that shows it, relative to a language root


def _page_showing(site: Path, pages: list[str], anchor: str) -> str:
    """The item page whose HTML has an element with this id (an indicator's row, a project's)."""
    for path in pages:
        if f'id="{anchor}"' in (site / path / "index.html").read_text(encoding="utf-8"):
            return path
    raise AssertionError(f"no item page shows #{anchor}")


def _names(plan: str, site: Path, language: Language) -> list[Name]:
    """The first indicator, the first project and the first item of the plan whose page is its own."""
    loaded = load_plan(PLANS[plan]).plan
    pages = list(walk_pages(plan_pages(loaded)))
    items = [page for page in pages if page.kind == "node"]
    paths = [page.path.removesuffix("index.md") for page in items]
    document_titles = [document.title.pick(language)[0] for document in loaded.documents]
    names = []
    indicator = next(iter(plan_indicators(loaded)), None)
    if indicator is not None:
        names.append(Name("indicator", indicator.indicator.name, _page_showing(site, paths, indicator.indicator.id)))
    project = next((project for page in items for project in page.subject.projects), None)
    if project is not None:
        names.append(Name("project", project.name, _page_showing(site, paths, project.id)))
    # An item named like its whole document (a chapter holding the strategy itself) is not asked for.
    item = next((page for page in items
                 if not any(page.subject.title.pick(language)[0] in title for title in document_titles)), None)
    if item is not None:
        names.append(Name("item", item.subject.title, item.path.removesuffix("index.md")))
    return names


def _listing_pages(plan: str) -> set[str]:
    loaded = load_plan(PLANS[plan]).plan
    return {page.path.removesuffix("index.md") for page in walk_pages(plan_pages(loaded)) if PAGE_KINDS[page.kind].search_boost is not None}


CASES = [pytest.param(plan, language, id=f"{plan}-{language.code}")
         for plan in PRODUCT_PLANS for language in languages(plan)]


@pytest.mark.parametrize(("plan", "language"), CASES)
def test_a_name_finds_its_own_page_first_and_listing_pages_after_it(search_page, built_sites, serve_site, plan,
                                                                    language: Language):
    page = search_page
    site = built_sites(plan)
    names = _names(plan, site, language)
    if not names:
        pytest.skip(f"{PLANS[plan]} has no item page")
    base = serve_site(site)
    listings = {f"/{language.url_prefix}{path}" for path in _listing_pages(plan)}
    for name in names:
        query = name.text.pick(language)[0]
        results = search(page, base, language.url_prefix, query)
        wanted = f"/{language.url_prefix}{name.page}"
        assert results and results[0] == wanted, f"{name.kind} {query!r}: {results[:5]}"
        listed = [path for path in results if path in listings]
        assert all(results.index(path) > results.index(wanted) for path in listed), f"{query!r}: {results[:5]}"
        shown = page.evaluate(_SHOWN)
        assert shown["titles"] and all(shown["titles"]), f"{query!r}: a result without a title: {shown['titles']}"
        typed = set(re.split(r"\s+", query))
        pieces = [word for word in shown["missing"] if len(word) == 1 and word not in typed]
        assert pieces == [], f"{query!r}: one-character pieces shown as not in search: {pieces}"


# A hyphen between two letters, as in a romanised name (Kashiwa-no-ha).
_LETTERS_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _hyphenated_term(plan: str, language: Language) -> str | None:
    """A glossary term of the plan, as shown in this language, with a hyphen between letters (Kashiwa-no-ha)."""
    loaded = load_plan(PLANS[plan]).plan
    terms = [entry.term.pick(language)[0] for entry in loaded.glossary]
    return next((term for term in terms if _LETTERS_HYPHEN.search(term)), None)


@pytest.mark.parametrize(("plan", "language"), CASES)
def test_a_hyphenated_name_typed_without_its_hyphens_finds_the_pages_that_show_it(search_page, built_sites, serve_site,
                                                                                  plan, language: Language):
    page = search_page
    term = _hyphenated_term(plan, language)
    if term is None:
        pytest.skip(f"{PLANS[plan]} has no glossary term with a hyphen in {language.code}")
    site = built_sites(plan)
    query = _LETTERS_HYPHEN.sub("", term)  # Kashiwa-no-ha → Kashiwanoha
    results = search(page, serve_site(site), language.url_prefix, query)
    assert f"/{language.url_prefix}glossary/" in results, f"{query!r}: {results[:5]}"
    first = (site / results[0].lstrip("/") / "index.html").read_text(encoding="utf-8")
    assert term in first, f"{query!r}: the first result, {results[0]}, does not show {term!r}"
