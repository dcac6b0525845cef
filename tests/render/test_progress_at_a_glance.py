"""Progress at a glance on the built pages, in both languages, as plain HTML (no script needed): a bar
and the share of the way beside each numeric indicator, its trend in words, grades as labelled badges,
and the lists by status and by division that the home page's counts link to."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from generator.publish.build import build_site
from tests.conftest import ROOT
from tests.plans import PLANS

GRADED = ROOT / "tests" / "data" / "progress" / "graded"


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    return build_site(GRADED, tmp_path_factory.mktemp("glance") / "site").out


def _row(html: str, ident: str) -> str:
    return re.search(rf'<tr id="{re.escape(ident)}">(.*?)</tr>', html, re.S).group(1)


def _text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize(("prefix", "words"), [
    ("en/", {"share": "{}% of the way to the target", "improving": "Improving", "worsening": "Worsening"}),
    ("", {"share": "目標までの{}%", "improving": "改善", "worsening": "悪化"}),
])
def test_each_numeric_indicator_shows_its_share_of_the_way_and_its_trend(graded, prefix, words):
    html = (graded / prefix / "comprehensive-plan" / "goal-1" / "index.html").read_text(encoding="utf-8")
    for ident, width, share, trend in (("graded-s", "100", "110", "improving"), ("graded-a", "50", "50", "improving"),
                                       ("graded-b", "10", "10", "improving"), ("graded-c", "0", "-50", "worsening")):
        row = _row(html, ident)
        bar = re.search(r'<span class="kk-bar" aria-hidden="true"><span class="kk-bar-fill" style="width:([\d.]+)%">', row)
        assert bar and float(bar.group(1)) == float(width), ident  # the bar stays within 0–100 %
        assert words["share"].format(share) in _text(row), ident   # the number beside it says how far
        trend_html = re.search(r'<span class="kk-trend kk-trend-(\w+)">(.*?)</span></span>', row, re.S)
        assert trend_html.group(1) == trend and words[trend] in _text(trend_html.group(2)), ident
    # Two units, or no direction: no bar and no arrow rather than a misleading one.
    for ident in ("graded-units", "graded-no-direction"):
        assert "kk-progress" not in _row(html, ident) and "kk-trend" not in _row(html, ident)


def _sections(html: str) -> dict[str, tuple[str, list[str]]]:
    """id of each h3 on the page → (its heading text, the hrefs of the list under it)."""
    found = {}
    for match in re.finditer(r'<h3 id="([^"]+)">(.*?)</h3>(.*?)(?=<h[23] |\Z)', html, re.S):
        found[match.group(1)] = (_text(match.group(2)), re.findall(r'<li><a href="([^"]+)"', match.group(3)))
    return found


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_counts_link_to_the_list_of_items_in_that_status(graded, prefix):
    home = (graded / prefix / "index.html").read_text(encoding="utf-8")
    counts = re.findall(r'<li><a href="([^"#]*)#(status_\w+)">[^<]*<strong>(\d+)</strong></a></li>', home)
    assert len(counts) == 6 and sum(int(count) for *_, count in counts) > 0
    listing = (graded / prefix / "indicators" / "index.html").read_text(encoding="utf-8")
    sections = _sections(listing)
    for page, anchor, count in counts:
        assert (graded / prefix / page / "index.html").resolve() == (graded / prefix / "indicators" / "index.html").resolve()
        heading, links = sections[anchor]
        assert len(links) == int(count) and f"({count})" in heading, anchor
        for link in links:  # each entry leads to the item, on its page
            target, fragment = link.split("#")
            page_html = (graded / prefix / "indicators" / target / "index.html").read_text(encoding="utf-8")
            assert f'id="{fragment}"' in page_html, link


def test_items_are_listed_under_each_division_responsible_for_them(built_sites):
    site = built_sites("evaluation")
    for prefix in ("", "en/"):
        listing = (site / prefix / "indicators" / "index.html").read_text(encoding="utf-8")
        sections = {key: value for key, value in _sections(listing).items() if key.startswith("division_")}
        assert sections, "a plan with divisions lists its items by division"
        divisions = (site / prefix / "divisions" / "index.html").read_text(encoding="utf-8")
        for anchor, (heading, links) in sections.items():
            assert links and f"({len(links)})" in heading
            assert f'id="{anchor.removeprefix("division_")}"' in divisions  # the same divisions as the divisions page


def test_a_grade_is_a_labelled_badge(built_sites):
    html = "".join(page.read_text(encoding="utf-8") for page in (built_sites("evaluation") / "en").rglob("index.html"))
    badges = re.findall(r'<a class="kk-status kk-badge [^"]*"[^>]*>([^<]+)</a>', html)
    assert badges and all(badge.strip() for badge in badges)
