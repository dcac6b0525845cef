"""A page that shows some of its text in its language's fallback (Easy Japanese falling back to Japanese)
says so, once, under its title; a page with all its text in its own language says nothing; and the build
reports each such page's own coverage."""

from __future__ import annotations

import re
import subprocess
import sys

from generator.load.plan import load_plan
from generator.render.markdown_site import render_site
from tests.site_text import furigana_off
from tests.conftest import ROOT
from tests.plans import PLANS

NOTICE = "この ページの 一部は ふつうの 日本語です。"


def _seen(html: str) -> str:
    """What a reader sees with furigana off: the text without readings and tags."""
    return re.sub(r"<[^>]+>", "", furigana_off(html))


def test_the_notice_stands_once_under_the_title_of_exactly_the_pages_with_fallback_text():
    rendered = render_site(load_plan(PLANS["easy_japanese"]).plan)
    seen_with, seen_without = 0, 0
    for result in rendered:
        for path, body in result.files.items():
            own, fallback = result.texts[path]
            count = body.count('class="kk-fallback-notice"')
            if result.language.fallback and fallback:
                assert count == 1, (result.lang, path)
                lines = body.split("---\n", 2)[-1].lstrip("\n").split("\n")
                assert lines[0].startswith("# ") and NOTICE in _seen(lines[2]), (result.lang, path)
                seen_with += 1
            else:
                assert count == 0, (result.lang, path)
                seen_without += result.lang == "ja-x-easy"
    assert seen_with and seen_without  # the test plan has pages of both kinds


def test_the_build_reports_the_coverage_of_each_page_that_falls_back(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--plan", str(PLANS["easy_japanese"]),
                           "--out", str(tmp_path / "site"), "--lang", "en"], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    pages = re.findall(r"^  ja-x-easy (\S+): (\d+)% \((\d+)/(\d+)\)", done.stdout, re.M)
    assert pages and all(int(own) < int(total) for _, _, own, total in pages)
    shown = {page for page, *_ in pages}
    for page in shown:  # …and each page it names carries the notice
        html = (tmp_path / "site" / "easy" / (page if page != "/" else "") / "index.html").read_text(encoding="utf-8")
        assert _seen(html).count(NOTICE) == 1, page
