"""Every page of every plan, in every language, as a reader sees it on a phone (390 px): WCAG 2.1 AA and
tap targets of at least 24 × 24 px by axe-core, nothing wider than the screen, one first-level heading,
and no error, failed request or request to another host. On a desktop (1280 px), the same on a page of
every kind: the home page, each document with its first item, the glossary, the divisions, the pages for
citizens (all indicators, progress, open data) and the page with the most tables.

Each page is visited once per screen, for all of these checks together: one test per plan and screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.conftest import ROOT
from tests.plans import PLANS, languages, page_paths, page_with_most_tables, sample_pages

from .axe import violations

pytestmark = pytest.mark.browser

SCREENS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
# A plan whose indicators carry actuals, so that every status and its chart show on the pages.
GRADED = ROOT / "tests" / "data" / "progress" / "graded"
AUDITED = sorted(PLANS) + ["graded"]


@dataclass
class Visit:
    """What one visit to a page found."""

    width: int = 0
    first_level_headings: int = 0
    violations: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def _pages(site) -> list[str]:
    """Every page of every language of the built site, relative to the site's root."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        path = "" if relative == "." else relative + "/"
        if not path.startswith("search/") and not path.split("/")[0] == "assets":
            paths.append(path)
    return paths


def _desktop_pages(site, plan: str) -> list[str]:
    """A page of every kind, in every language (on a phone, every page is visited)."""
    if plan not in PLANS:  # the graded plan: its pages for citizens, where every status shows
        return [path for path in _pages(site) if path.rstrip("/").rsplit("/", 1)[-1] in ("indicators", "progress", "data", "")]
    kinds = sample_pages(plan) + page_paths(plan, "indicators", "progress", "open_data")
    paths = [language.url_prefix + path for language in languages(plan) for path in dict.fromkeys(kinds)]
    return list(dict.fromkeys(paths + [page_with_most_tables(site, plan, language.url_prefix)
                                       for language in languages(plan)]))


def _visit_all(browser, site, base: str, screen: str, paths: list[str]) -> dict[str, Visit]:
    """Each of `paths` of `site` visited once on `screen`, with what each visit found."""
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    current: list[Visit] = []
    page.on("console", lambda message: message.type == "error" and current[-1].errors.append(message.text))
    page.on("pageerror", lambda exc: current[-1].errors.append(str(exc)))
    page.on("response", lambda response: response.status >= 400
            and current[-1].errors.append(f"{response.status} {response.url}"))
    page.on("request", lambda request: not request.url.startswith(base)
            and not request.url.startswith("data:") and current[-1].outside.append(request.url))
    results = {}
    try:
        for path in paths:
            current.append(Visit())
            page.goto(base + path, wait_until="load")
            visit = current[-1]
            visit.width = page.evaluate("document.documentElement.scrollWidth")
            visit.first_level_headings = page.locator("article h1").count()
            visit.violations = violations(page)
            results[path] = visit
    finally:
        context.close()
    return results


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("plan", AUDITED)
def test_every_page_as_a_reader_sees_it(browser, built_sites, serve_site, tmp_path_factory, plan, screen):
    if plan == "graded":
        from generator.publish.build import build_site
        site = build_site(GRADED, tmp_path_factory.mktemp("site-graded") / "site").out
    else:
        site = built_sites(plan)
    paths = _pages(site) if screen == "phone" else _desktop_pages(site, plan)
    visits = _visit_all(browser, site, serve_site(site), screen, paths)
    assert len(visits) >= (len(page_paths(plan)) if plan in PLANS and screen == "phone" else 3)
    width = SCREENS[screen]["viewport"]["width"]
    problems = {
        "axe-core (WCAG 2.1 AA, target size)": {path: v.violations for path, v in visits.items() if v.violations},
        f"wider than the screen ({width} px)": {path: v.width for path, v in visits.items() if v.width > width},
        "errors and failed requests": {path: v.errors for path, v in visits.items() if v.errors},
        "requests to other hosts": {path: v.outside for path, v in visits.items() if v.outside},
        "not one first-level heading": {path: v.first_level_headings for path, v in visits.items()
                                        if v.first_level_headings != 1},
    }
    assert {check: found for check, found in problems.items() if found} == {}
