"""Full builds of the plan in plan/ (whatever city it holds) and the test plans: both languages, every page,
nothing fetched from elsewhere."""

from __future__ import annotations

import re
import shutil

import pytest

from generator.publish.build import build_site, run_mkdocs, write_sources
from generator.cli import main
from generator.problems.errors import BuildError
from generator.languages import default_language, published_languages
from generator.load.plan import load_plan
from generator.render.markdown_site import render_site
from tests.conftest import ROOT
from tests.html_tags import tags
from tests.plans import PLANS, PRODUCT_PLANS, SHIPPED_PLANS, page_paths


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_japanese_at_root_and_english_under_en(built_sites, plan):
    municipality = load_plan(PLANS[plan]).plan.root.municipality
    site = built_sites(plan)
    ja = (site / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in ja and municipality.ja in ja
    assert '<html lang="en"' in en and municipality.en in en


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_every_page_exists_in_every_published_language(built_sites, plan):
    site = built_sites(plan)
    languages = _published(plan)
    expected = {f"{path}index.html" for path in page_paths(plan)}
    for language in languages:
        root = site / language.url_prefix
        others = [site / other.url_prefix for other in languages if len(other.url_prefix) > len(language.url_prefix)]
        pages = {p.relative_to(root).as_posix() for p in root.rglob("index.html")
                 if not any(p.is_relative_to(other) for other in others)}
        assert pages == expected, language.code


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_pages_name_their_counterparts(built_sites, plan):
    site = built_sites(plan)
    path = page_paths(plan, "node")[-1]  # an item's page, two or more levels down
    up = "../" * path.count("/")
    page = (site / path / "index.html").read_text(encoding="utf-8")
    # A list, not a dict: Material's own alternate links (to each language's home page) must all have
    # been removed by main.html, not merely followed by ours with the same hreflang.
    alternates = [(attrs["hreflang"], attrs["href"]) for tag, attrs in tags(page)
                  if tag == "link" and "alternate" in (attrs.get("rel") or "").split() and attrs.get("hreflang")]
    expected = [(language.code, f"{up}{language.url_prefix}{path}") for language in _published(plan)]
    assert alternates == expected + [("x-default", f"{up}{default_language().url_prefix}{path}")]


def _published(plan: str):
    """The languages the plan publishes: the required ones and the optional ones its plan.yaml lists."""
    return published_languages(load_plan(PLANS[plan]).plan.root.languages)


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_nothing_is_loaded_from_another_host(built_sites, plan):
    site = built_sites(plan)
    for path in list(site.rglob("*.html")) + list(site.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".css":
            assert not re.search(r"@import\s+url\(\s*['\"]?https?:", text), path
            continue
        for tag, attrs in tags(text):
            loads = attrs.get("src") if tag in ("script", "img", "iframe") else \
                attrs.get("href") if tag == "link" and "alternate" not in (attrs.get("rel") or "") else None
            assert not (loads or "").startswith(("http:", "https:", "//")), f"{path}: <{tag}> loads {loads}"


def test_no_theme_credit_in_the_footer(built_sites):
    page = (built_sites("plan") / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in page


@pytest.mark.parametrize("plan", SHIPPED_PLANS)
def test_example_plans_build(built_sites, plan):
    site = built_sites(plan)
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()


def test_broken_internal_link_fails_the_build(tmp_path):
    loaded = load_plan(ROOT / "tests" / "data" / "minimal")
    rendered = render_site(loaded.plan)
    rendered[0].files["index.md"] += "\n[次のページ](strategy/no-such-page/index.md)\n"
    configs = write_sources(rendered, loaded.plan, tmp_path)
    with pytest.raises(BuildError, match="no-such-page"):
        run_mkdocs(configs["ja"])


def test_check_and_build_from_the_command_line(tmp_path, capsys):
    assert main(["check", "--plan", str(ROOT / "tests" / "data" / "minimal")]) == 0
    assert "OK (1 document)" in capsys.readouterr().out
    out = tmp_path / "site"
    assert main(["build", "--plan", str(ROOT / "tests" / "data" / "minimal"), "--out", str(out)]) == 0
    assert (out / "en" / "strategy" / "basic-goal-1" / "index.html").is_file()


def test_rebuild_replaces_the_site_without_leftovers(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    out = tmp_path / "site"
    build_site(plan, out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    build_site(plan, out)
    assert not (out / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan", "site"]


def test_site_url_gives_canonical_links_and_sitemaps(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    root = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(root.replace("documents:", "site_url: https://example.org/mihon/\ndocuments:"),
                                    encoding="utf-8")
    site = build_site(plan, tmp_path / "site").out
    page = (site / "en" / "strategy" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/mihon/en/strategy/">' in page
    assert "<loc>https://example.org/mihon/strategy/</loc>" in (site / "sitemap-ja.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/mihon/en/strategy/</loc>" in (site / "sitemap-en.xml").read_text(encoding="utf-8")
