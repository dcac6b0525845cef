"""Links in the built sites of all four plans: every division mention is a link, and every link
inside the site (including those written in raw HTML, which MkDocs does not check) resolves."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.labels import load_labels
from generator.languages import published_languages
from generator.load.plan import load_plan
from tests.site_text import furigana_off
from tests.conftest import PLANS
from generator.model.walk import walk_models
from tests.html_tags import tags

# A name shown in its fallback language sits in a span marking its lang, inside the link.
_DIVISION_LINK = re.compile(r'<a class="kk-division" href="[^"]*">(?:<span lang="[^"]*">[^<]*</span>|[^<]*)</a>')


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def _target(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    target = (page.parent / path).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_link_inside_the_site_resolves(built_sites, name):
    site = built_sites(name)
    ids_of: dict[Path, set[str]] = {}
    broken = []
    for page in _pages(site):
        for tag, attrs in tags(page.read_text(encoding="utf-8")):
            href = attrs.get("href")
            if tag != "a" or not href:
                continue
            found = _target(page, href, site)
            if found is None:
                continue
            target, fragment = found
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no such page)")
                continue
            if fragment:
                if target not in ids_of:
                    ids_of[target] = {a["id"] for _, a in tags(target.read_text(encoding="utf-8")) if a.get("id")}
                if fragment not in ids_of[target]:
                    broken.append(f"{page.relative_to(site)}: {href} (no id {fragment!r})")
    assert not broken, "\n".join(broken[:20])


def _references(plan) -> int:
    """How many times the plan names a division as responsible (documents, items, projects, initiatives)."""
    return sum(len(getattr(item, "divisions", ()) or ()) for document in plan.documents
               for _, item in walk_models(document)) + sum(1 for d in plan.documents if d.division)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_division_mention_is_a_link_to_its_entry(built_sites, name):
    """A division's name shown on its own (in a table cell or a list of facts) is always a link to its
    entry on the divisions page; the links are counted, so a plan that names divisions must show some."""
    site = built_sites(name)
    plan = load_plan(PLANS[name]).plan
    languages = published_languages(plan.root.languages)
    prefixes = {language.url_prefix.rstrip("/") for language in languages if language.url_prefix}
    for language in languages:
        root = site / language.url_prefix
        names = {d.name.pick(language)[0]: d.id for d in plan.divisions}
        linked = 0
        for page in _pages(root):
            relative = page.relative_to(root)
            if not language.url_prefix and relative.parts[0] in prefixes or relative.parts[0] == "divisions":
                continue
            # As a reader sees the names: furigana's readings aside (<ruby>子育<rt>こそだ</rt></ruby>て).
            html = furigana_off(page.read_text(encoding="utf-8"))
            for link in _DIVISION_LINK.finditer(html):
                text = re.sub(r"<[^>]+>", "", link.group(0))
                ident = re.search(r'#([^"]+)"', link.group(0)).group(1)
                assert names.get(text) == ident, (page, link.group(0))
                linked += 1
            bare = _DIVISION_LINK.sub("", html)
            for division_name in names:
                assert f">{division_name}<" not in bare, f"{page}: {division_name} is named without a link"
        if _references(plan):
            assert linked >= 1, f"{name}/{language.code}: the plan names divisions but no page links to one"
