"""Every page describes itself to search engines and share previews: its own description, in its
language; Open Graph and Twitter card tags; absolute canonical and hreflang URLs when the plan sets
site_url; JSON-LD that parses, with the municipality on the home page and breadcrumbs elsewhere."""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

import pytest

from generator.publish.build import build_site
from generator.labels import load_labels
from generator.languages import by_code, published_languages
from generator.load.plan import load_plan
from tests.plans import PLANS
from generator.load.plan import load_plan
from generator.render.page_meta import DESCRIPTION_LIMIT, cut_at_sentence
from tests.conftest import ROOT
from tests.html_tags import tags
from tests.plans import PLANS, PRODUCT_PLANS, page_paths

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
SITE_URL = "https://example.org/mihon/"


def _pages(site: Path, plan: str):
    """(language code, path below the language root, parsed tags, raw HTML) of every page."""
    for language in _languages(plan):
        for path in page_paths(plan):
            html = (site / language.url_prefix / path / "index.html").read_text(encoding="utf-8")
            yield language.code, path, tags(html), html


def _meta(page_tags, attribute: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag, attrs in page_tags:
        if tag == "meta" and attrs.get(attribute):
            found.setdefault(attrs[attribute], []).append(attrs.get("content") or "")
    return found


def _json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)]


def _page_json_ld(html: str) -> list[dict]:
    """The JSON-LD that describes the page itself: the municipality at home, breadcrumbs elsewhere.
    A page may carry more for its content (the open-data page's datasets), tested where they are made."""
    blocks = [item for data in _json_ld(html) for item in (data if isinstance(data, list) else [data])]
    return [data for data in blocks if data.get("@type") in ("GovernmentOrganization", "BreadcrumbList")]


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory):
    """The test plan with a site_url, built."""
    tmp = tmp_path_factory.mktemp("site-url")
    plan = tmp / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    root = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(root.replace("documents:", f"site_url: {SITE_URL}\ndocuments:", 1), encoding="utf-8")
    return build_site(plan, tmp / "site").out


def test_a_description_is_cut_after_the_last_whole_sentence_that_fits():
    japanese = "本市は人口が増えています。" * 5 + "しかし課題もあります。" * 20
    cut = cut_at_sentence(japanese)
    assert len(cut) <= DESCRIPTION_LIMIT and cut.endswith("。") and japanese.startswith(cut)
    english = "The city grows. " * 20
    assert cut_at_sentence(english).endswith("grows.") and len(cut_at_sentence(english)) <= DESCRIPTION_LIMIT
    assert cut_at_sentence("Short. Text.") == "Short. Text."
    long_sentence = "The city, " + "with many words in one sentence " * 10 + "ends here."
    cut = cut_at_sentence(long_sentence)
    assert cut.endswith("…") and len(cut) <= DESCRIPTION_LIMIT and long_sentence.startswith(cut[:-1])
    assert not cut[:-1].endswith(" ")


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_every_page_has_one_description_of_its_own_in_its_language(built_sites, plan):
    site = built_sites(plan)
    root = load_plan(PLANS[plan]).plan.root
    for lang, path, page_tags, _ in _pages(site, plan):
        descriptions = _meta(page_tags, "name").get("description", [])
        assert len(descriptions) == 1, f"{lang}/{path}: {descriptions}"
        (description,) = descriptions
        assert 0 < len(description) <= DESCRIPTION_LIMIT + 1, f"{lang}/{path}: {description}"
        site_wide = root.description.pick(by_code(lang))[0]
        assert (description == site_wide) == (path == ""), f"{lang}/{path} has the site-wide description"
        if by_code(lang).marks_runs_of is None:  # Japanese, or Easy Japanese (its fallback is Japanese)
            assert JAPANESE.search(description), f"{path}: {description}"
        else:  # English, perhaps quoting a Japanese name
            assert len(LATIN.findall(description)) > len(JAPANESE.findall(description)), f"{lang}/{path}: {description}"


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_every_page_has_open_graph_and_twitter_card_tags(built_sites, plan):
    site = built_sites(plan)
    for lang, path, page_tags, _ in _pages(site, plan):
        og, names = _meta(page_tags, "property"), _meta(page_tags, "name")
        where = f"{lang}/{path}"
        for key in ("og:title", "og:description", "og:type", "og:locale", "og:image", "og:site_name"):
            assert len(og.get(key, [])) == 1 and og[key][0], f"{where}: {key}"
        assert og["og:description"] == names["description"]
        assert og["og:type"] == ["website" if path == "" else "article"]
        assert og["og:locale"] == [by_code(lang).og_locale]
        assert sorted(og["og:locale:alternate"]) == sorted(
            other.og_locale for other in _languages(plan) if other.code != lang)
        assert names["twitter:card"] == ["summary_large_image"]
        assert "og:url" not in og, "without site_url there is no absolute URL to give"
        image = (site / by_code(lang).url_prefix / path / og["og:image"][0]).resolve()
        png = image.read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n"), where
        assert struct.unpack(">II", png[16:24]) == (1200, 630)


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_json_ld_names_the_municipality_at_home_and_the_way_down_elsewhere(built_sites, plan):
    site = built_sites(plan)
    root = load_plan(PLANS[plan]).plan.root
    for lang, path, _, html in _pages(site, plan):
        (data,) = _page_json_ld(html)
        assert data["@context"] == "https://schema.org"
        if path == "":
            assert data["@type"] == "GovernmentOrganization"
            assert data["name"] == root.municipality.pick(by_code(lang))[0]
            continue
        assert data["@type"] == "BreadcrumbList", f"{lang}/{path}"
        items = data["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[0]["name"] == load_labels(lang).home
        assert len(items) == path.count("/") + 1, f"{lang}/{path}: every level above the page, and the page"
        assert all(item["name"] for item in items), f"{lang}/{path}: a breadcrumb without a name"


def test_with_site_url_canonical_and_hreflang_are_absolute_and_point_to_each_other(site_with_url):
    canonical: dict[tuple[str, str], str] = {}
    alternates: dict[tuple[str, str], dict[str, str]] = {}
    for lang, path, page_tags, _ in _pages(site_with_url, "minimal"):
        links = [attrs for tag, attrs in page_tags if tag == "link"]
        (canonical[lang, path],) = [link["href"] for link in links if link.get("rel") == "canonical"]
        alternates[lang, path] = {link["hreflang"]: link["href"] for link in links
                                  if "alternate" in (link.get("rel") or "").split() and link.get("hreflang")}
        og = _meta(page_tags, "property")
        assert og["og:url"] == [canonical[lang, path]]
        assert og["og:image"][0].startswith(SITE_URL)
    for (lang, path), links in alternates.items():
        assert canonical[lang, path] == SITE_URL + by_code(lang).url_prefix + path
        assert set(links) == {language.code for language in _languages("minimal")} | {"x-default"}
        for other, href in links.items():
            target = by_code(other) if other != "x-default" else next(x for x in _languages("minimal") if x.default)
            assert href == canonical[target.code, path], f"{lang}/{path} → {other}"
            # …and the page it names names this page back.
            assert alternates[target.code, path][lang] == canonical[lang, path]


def test_with_site_url_breadcrumbs_and_the_organization_carry_absolute_urls(site_with_url):
    for lang, path, _, html in _pages(site_with_url, "minimal"):
        (data,) = _page_json_ld(html)
        if path == "":
            assert data["url"] == SITE_URL
        else:
            urls = [item["item"] for item in data["itemListElement"]]
            assert urls[0] == SITE_URL + by_code(lang).url_prefix
            assert urls[-1] == SITE_URL + by_code(lang).url_prefix + path


def _languages(plan: str):
    """The languages the plan publishes (the required ones and the optional ones its plan.yaml lists)."""
    return published_languages(load_plan(PLANS[plan]).plan.root.languages)
