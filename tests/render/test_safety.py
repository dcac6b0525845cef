"""Content is untrusted: hostile text in YAML never becomes markup, scripts or links on the page."""

from __future__ import annotations

import shutil

import yaml

from generator.publish.build import build_site
from generator.render.safety import escape_html, escape_markdown, render_prose
from tests.conftest import ROOT
from tests.html_tags import dangerous, tags

HOSTILE_TEXT = '<script>alert(1)</script> *bold* [link](javascript:alert(2)) | cell {: onclick="x"|"><i onclick="y">} # 1. x'
HOSTILE_PROSE = ('Hello <script>alert(3)</script> <img src=x onerror="alert(4)">\n\n'
                 '[click](javascript:alert(5)) [entity](jav&#x61;script:alert(6)) '
                 '<a href="javascript:alert(7)">raw</a> [ok](https://example.org/)')


def test_plain_text_shows_as_written():
    import markdown
    html = markdown.markdown(escape_markdown(HOSTILE_TEXT), extensions=["tables", "attr_list"])
    assert "<script>" not in html and "<a " not in html and "<em>" not in html and "<strong>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *bold* [link](javascript:alert(2)) | cell" in html


def test_html_text_keeps_its_spaces():
    # A list separator ", " between division names lost its space: "Division,Division" on English pages.
    assert escape_html(", ") == ", "
    assert escape_html("Welfare Policy Division") + escape_html(", ") + escape_html("Care Division") == (
        "Welfare Policy Division, Care Division")
    assert escape_html("  two  spaces <b> ") == "  two  spaces &lt;b&gt; "
    assert escape_html("line\nbreak\r\n\nend") == "line break end"  # a blank line would end the HTML block


def test_prose_keeps_markdown_but_drops_html_and_script_links():
    html = render_prose(HOSTILE_PROSE)
    assert dangerous(html) == []
    assert [tag for tag, _ in tags(html)] == ["div", "p", "p", "a", "a", "a"]
    assert '<a href="https://example.org/" rel="noopener noreferrer">ok</a>' in html
    assert "&lt;script&gt;" in html  # the tag is shown as text, not silently lost


def test_hostile_plan_builds_into_a_harmless_site(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    document = yaml.safe_load((plan / "strategy.yaml").read_text(encoding="utf-8"))
    goal = document["children"][0]
    goal["title"] = {"ja": HOSTILE_TEXT, "en": HOSTILE_TEXT}
    # Links other than http(s)/mailto are rejected by validation (tests/data/invalid/prose_link);
    # raw HTML is accepted and must arrive as text.
    raw_html = "Hello <script>alert(3)</script> <img src=x onerror=\"alert(4)\">\n\n<a href=\"javascript:alert(7)\">raw</a>"
    goal["vision"] = {"ja": raw_html, "en": raw_html}
    goal["targets"][0]["name"] = {"ja": HOSTILE_TEXT, "en": HOSTILE_TEXT}
    (plan / "strategy.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    site = build_site(plan, tmp_path / "site").out
    baseline = build_site(ROOT / "tests" / "data" / "minimal", tmp_path / "baseline").out
    # The theme's own scripts are in every page; hostile content must add nothing to them.
    for page in site.rglob("*.html"):
        clean = (baseline / page.relative_to(site)).read_text(encoding="utf-8")
        assert dangerous(page.read_text(encoding="utf-8")) == dangerous(clean), page
    goal_page = (site / "strategy" / "basic-goal-1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in goal_page  # shown as text to the reader
