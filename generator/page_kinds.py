"""The kinds of page a site has: one record each, as languages have theirs (generator/languages.py).

A record says which template renders the page, where it lives, which label titles it, how search
weighs it, and whether a plan has one. The pages of the site are made from these records (render/pages.py),
and the ids a document may not take follow from them: a document's pages live under its id, which must
not be a page's own address.
"""

from __future__ import annotations

from dataclasses import dataclass

from .languages import reserved_url_segments


@dataclass(frozen=True)
class PageKind:
    """One kind of page."""

    name: str                  # the page's kind, as templates and tests name it
    template: str              # in templates/
    segment: str | None        # the page's address below a language's root, for a page of the whole site
    title_label: str | None    # the label that titles it (None: the document's or item's own title)
    search_boost: float | None  # below 1: a listing, which search puts after the pages about a topic
    needs: str | None = None   # what the plan must have for the page to exist: indicators, glossary, divisions


# Listing pages name every topic; they would crowd the pages about a topic out of search results. A boost
# below 1 lowers their score and marks them as listings for Keikaku's search worker
# (site_overrides/assets/javascripts/workers/search-ranking.js), which puts them after item pages.
LISTING = 0.2

PAGE_KINDS = {kind.name: kind for kind in (
    PageKind("home", "home.j2.md", "", "home", LISTING),
    PageKind("document", "document.j2.md", None, None, None),
    PageKind("node", "node.j2.md", None, None, None),
    PageKind("indicators", "indicators.j2.md", "indicators", "indicators_page", LISTING, needs="indicators"),
    PageKind("glossary", "glossary.j2.md", "glossary", "glossary", LISTING, needs="glossary"),
    PageKind("divisions", "divisions.j2.md", "divisions", "divisions", LISTING, needs="divisions"),
    PageKind("open_data", "open_data.j2.md", "data", "open_data_page", LISTING),
    PageKind("progress", "progress.j2.md", "progress", "progress_page", LISTING, needs="indicators"),
    PageKind("history", "history.j2.md", "history", "history_page", LISTING),
    PageKind("accessibility", "accessibility.j2.md", "accessibility", "accessibility_page", LISTING),
)}
# The site's pages for the whole plan, in navigation order after the documents.
SITE_PAGES = ("indicators", "glossary", "divisions", "open_data", "progress", "history", "accessibility")
# Addresses the theme and the build take besides the pages: its assets, the search index, the 404 page.
ENGINE_SEGMENTS = frozenset({"assets", "search", "404"})


def reserved_ids() -> frozenset[str]:
    """The ids a document may not take: its pages would live where a page of the site, the theme's files
    or another language's site already are."""
    pages = {kind.segment for kind in PAGE_KINDS.values() if kind.segment}
    return frozenset(pages | ENGINE_SEGMENTS | reserved_url_segments())


__all__ = ["PAGE_KINDS", "PageKind", "SITE_PAGES", "reserved_ids"]
