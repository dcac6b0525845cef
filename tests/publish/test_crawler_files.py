"""What crawlers and share previews get: with a site address, a sitemap per language listing every page
with its date and its other languages, a sitemap index and a robots.txt naming it; without one, no
sitemap at all (never an empty one) and no link without a host. And the same commit builds the same
bytes whatever the machine's clock says."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from generator.languages import published_languages
from generator.load.plan import load_plan
from generator.publish.build import build_site
from tests.conftest import ROOT
from tests.plans import PLANS, PRODUCT_PLANS, page_paths

SITE_URL = "https://example.org/mihon/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _languages(plan: str):
    return published_languages(load_plan(PLANS[plan]).plan.root.languages)


@pytest.fixture(scope="module")
def site_from_command_line(tmp_path_factory):
    """The test plan built as the publish workflow builds it: its address given on the command line."""
    out = tmp_path_factory.mktemp("crawler") / "site"
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--plan", str(PLANS["minimal"]), "--out",
                           str(out), "--site-url", SITE_URL], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    return out


def test_the_sitemap_index_names_one_sitemap_per_language_and_robots_names_the_index(site_from_command_line):
    site = site_from_command_line
    index = ElementTree.parse(site / "sitemap.xml").getroot()
    assert index.tag == f"{SM}sitemapindex"
    named = [entry.find(f"{SM}loc").text for entry in index]
    assert named == [f"{SITE_URL}sitemap-{language.code}.xml" for language in _languages("minimal")]
    for url in named:
        assert (site / url.removeprefix(SITE_URL)).is_file()
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots and f"Sitemap: {SITE_URL}sitemap.xml" in robots
    # MkDocs' own sitemaps (build date as every lastmod) are gone from every language's site.
    assert not list(site.glob("*/sitemap.xml*")) and not (site / "sitemap.xml.gz").exists()


def test_each_sitemap_lists_every_page_of_its_language_with_its_date_and_its_other_languages(site_from_command_line):
    site = site_from_command_line
    languages = _languages("minimal")
    for language in languages:
        root = ElementTree.parse(site / f"sitemap-{language.code}.xml").getroot()
        assert root.tag == f"{SM}urlset"
        entries = {url.find(f"{SM}loc").text: url for url in root}
        expected = {SITE_URL + language.url_prefix + path for path in page_paths("minimal")}
        assert set(entries) == expected
        for loc, url in entries.items():
            assert [child.tag for child in url][:2] in ([f"{SM}loc", f"{SM}lastmod"], [f"{SM}loc", f"{XHTML}link"])
            html = (site / loc.removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")
            shown = re.search(r'class="kk-updated">[^<]*<time datetime="([0-9-]+)"', html)
            lastmod = url.find(f"{SM}lastmod")
            # The sitemap's date is the one the page shows: the commit's, never the build's.
            assert (lastmod.text if lastmod is not None else None) == (shown.group(1) if shown else None), loc
            links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
            path = loc.removeprefix(SITE_URL + language.url_prefix)
            assert links == {**{other.code: SITE_URL + other.url_prefix + path for other in languages},
                             "x-default": SITE_URL + path}


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_without_an_address_there_is_no_sitemap_and_no_link_without_a_host(built_sites, plan):
    site = built_sites(plan)
    assert not list(site.rglob("sitemap*.xml*")), "a sitemap needs absolute URLs: none is written without an address"
    assert (site / "robots.txt").read_text(encoding="utf-8").splitlines() == ["User-agent: *", "Allow: /"]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        hostless = re.findall(r'(?:href|src|content)="(//[^"]*)"', html)
        assert not hostless, f"{page.relative_to(site)}: {hostless[:3]}"


def test_a_site_address_that_is_not_one_is_refused_on_the_command_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--plan", str(PLANS["minimal"]), "--out",
                           str(tmp_path / "site"), "--site-url", "javascript:alert(1)//"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 2 and "not a site address" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


def _build_at(clock: str, plan: Path, out: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}  # the machine's clock
    done = subprocess.run(["faketime", clock, sys.executable, "-m", "generator", "build", "--plan", str(plan),
                           "--out", str(out), "--site-url", SITE_URL], capture_output=True, text=True, cwd=ROOT,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only, *comparison.funny_files]
    found += [name for name in comparison.common_files if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in comparison.common_dirs:
        found += [f"{name}/{inner}" for inner in _differences(left / name, right / name)]
    return found


@pytest.mark.skipif(shutil.which("faketime") is None and not os.environ.get("CI"),
                    reason="needs faketime (Debian: faketime), which .ci/run installs")
def test_the_same_commit_builds_the_same_bytes_under_different_clocks(tmp_path):
    plan = PLANS["minimal"]  # committed, so its pages carry the commit's dates
    _build_at("2031-03-31 23:59:00", plan, tmp_path / "one")
    _build_at("2027-07-07 07:07:07", plan, tmp_path / "two")
    assert (tmp_path / "one" / "sitemap-ja.xml").is_file()
    assert _differences(tmp_path / "one", tmp_path / "two") == []
