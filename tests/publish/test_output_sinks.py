"""Every text of a plan is untrusted, and is escaped for the place it lands: HTML text and attributes, the
theme's head (canonical, hreflang, Open Graph), JSON-LD, SVG charts, the search index and the sitemap.

One plan holds every kind of content (a bar chart, a ranking, a chart of actuals, a graded rule, the
glossary's term links, divisions with contacts, Easy Japanese, a site address). It is built twice: once
with every text replaced by a payload that tries to break out of where it lands, once with a plain text
in its place. A page must have exactly the same elements and attributes in both; the payloads must show
as text; every JSON-LD block, SVG chart, search index and sitemap must still parse.
"""

from __future__ import annotations

import collections
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

from generator.publish.build import build_site
from generator.languages import published_languages
from generator.load.plan import load_plan
from tests.conftest import ROOT
from tests.html_tags import dangerous, tags

# A site address that is valid and still carries quotes and brackets, percent-encoded as an address must.
SITE_URL = "https://plan.city.example/x%22%3E%3Cscript%3Ealert%280%29%3C/script%3E/"


def payload(number: int) -> str:
    """A text that would end an attribute, a tag, a script, a comment, CDATA or a JSON string if unescaped;
    half of it as a reading (furigana), which the pages show as ruby."""""
    return (f"P{number} \"><script>alert({number})</script><img src=x onerror=alert({number})>"
            f"' onmouseover='alert({number})' `</title></desc></svg>]]><!-- --> \\u0022 "
            # Furigana markup, whose base and reading are text like any other (generator/ruby.py)
            f"{{\"><script>alert({number})</script>|'><img src=y onerror=reading({number})>}} "
            f"&amp; &lt;b&gt; </textarea>")


def plain(number: int) -> str:
    return f"P{number} plain {{text|reading}}"  # with a reading too: the same ruby elements as the payload


MARKS = ("\"><b>", "'><i>")  # item numbers and initiative marks (at most 20 characters)


def _add_every_kind_of_content(plan_dir: Path) -> None:
    """The minimal plan, with charts, a graded rule, actuals, Easy Japanese and a site address."""
    root = yaml.safe_load((plan_dir / "plan.yaml").read_text(encoding="utf-8"))
    root["site_url"] = SITE_URL
    root["languages"] = ["ja-x-easy"]
    root["progress"] = {"scheme": "graded", "grades": {
        "beyond_target": {"label": {"ja": "S", "en": "S"}, "meaning": {"ja": "達成", "en": "Achieved"}}},
        "not_evaluable": {"ja": "−", "en": "−"}, "source": {"ja": "評価方法", "en": "How it is evaluated"}}
    root["notes"] = [{"text": {"ja": "注", "en": "Note"}}]
    (plan_dir / "plan.yaml").write_text(yaml.safe_dump(root, allow_unicode=True), encoding="utf-8")
    document = yaml.safe_load((plan_dir / "strategy.yaml").read_text(encoding="utf-8"))
    goal = document["children"][0]
    goal["targets"][0]["direction"] = "increase"
    goal["targets"][0]["actuals"] = [{"period": {"fiscal_year": 2021}, "value": 47.0, "unit": "percent",
                                      "note": {"ja": "注記", "en": "Note"}, "source": {"ja": "出典", "en": "Source"}}]
    goal["items"] = [{"ja": "項目", "en": "Item"}]
    goal["footnotes"] = [{"mark": "1", "text": {"ja": "脚注", "en": "Footnote"}}]
    goal["initiatives"] = [{"label": "ア", "title": {"ja": "取組", "en": "Initiative"},
                            "items": [{"ja": "内容", "en": "Action"}], "divisions": ["planning"]}]
    goal["tables"] = [
        {"id": "budget", "title": {"ja": "予算", "en": "Budget"}, "row_header": {"ja": "事業", "en": "Project"},
         "columns": [{"fiscal_year": 2021}, {"fiscal_year": 2022}], "unit": "million_yen",
         "rows": [{"label": {"ja": "事業A", "en": "Project A"}, "cells": [5, 7], "note": {"ja": "注", "en": "Note"}},
                  {"label": {"ja": "事業B", "en": "Project B"}, "cells": [3, None]}],
         "source": {"ja": "資料", "en": "Source"}, "notes": [{"text": {"ja": "注", "en": "Note"}}]},
        {"id": "ranking", "title": {"ja": "順位", "en": "Ranking"}, "row_header": {"ja": "項目", "en": "Item"},
         "columns": [{"year": 2019}, {"year": 2020}], "unit": "rank",
         "rows": [{"label": {"ja": "一", "en": "One"}, "cells": [1, 2]},
                  {"label": {"ja": "二", "en": "Two"}, "cells": [2, 1]}]},
    ]
    (plan_dir / "strategy.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def _replace_texts(data, make, counter):
    """Every text of the plan (a mapping of language codes to strings) replaced by `make(n)`, n counting up."""
    if isinstance(data, dict):
        if data and set(data) <= {"ja", "en", "ja-x-easy"} and all(isinstance(v, str) for v in data.values()):
            return {code: make(next(counter)) for code in data}
        out = {}
        for key, value in data.items():
            if key in ("number", "label", "mark") and isinstance(value, str):
                out[key] = MARKS[next(counter) % len(MARKS)] if make is payload else "1"
            else:
                out[key] = _replace_texts(value, make, counter)
        return out
    if isinstance(data, list):
        return [_replace_texts(item, make, counter) for item in data]
    return data


def _plan(tmp_path: Path, make) -> Path:
    plan_dir = tmp_path / make.__name__ / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan_dir)
    _add_every_kind_of_content(plan_dir)
    counter = iter(range(1, 100_000))
    for path in sorted(plan_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_replace_texts(data, make, counter), allow_unicode=True), encoding="utf-8")
    return plan_dir


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(the site built from payloads, the site built from plain texts)"""
    tmp_path = tmp_path_factory.mktemp("sinks")
    built = []
    for make in (payload, plain):
        plan_dir = _plan(tmp_path, make)
        built.append(build_site(plan_dir, plan_dir.parent / "site").out)
    return tuple(built)


def _shape(html: str) -> collections.Counter:
    """The page's elements with the names (not the values) of their attributes."""
    return collections.Counter((tag, tuple(sorted(attributes))) for tag, attributes in tags(html))


def test_no_payload_adds_an_element_or_an_attribute_to_any_page(sites):
    hostile, clean = sites
    pages = sorted(hostile.rglob("*.html"))
    assert len(pages) > 20 and {page.relative_to(hostile).parts[0] for page in pages} >= {"en", "easy"}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        reference = (clean / page.relative_to(hostile)).read_text(encoding="utf-8")
        assert _shape(html) == _shape(reference), page.relative_to(hostile)
        assert dangerous(html) == dangerous(reference), page.relative_to(hostile)


def test_payloads_show_as_text_where_a_reader_sees_them(sites):
    hostile, _ = sites
    goal = (hostile / "strategy" / "basic-goal-1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in goal and "<script>alert(" not in goal
    head = goal[:goal.index("</head>")]
    assert '<link rel="canonical" href="https://plan.city.example/x%22%3E%3Cscript%3Ealert%280%29%3C/script%3E/' in head


def test_every_json_ld_block_parses_and_holds_the_texts_as_written(sites):
    hostile, _ = sites
    blocks = 0
    for page in hostile.rglob("*.html"):
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"),
                                re.S):
            assert "</script" not in block.lower() and "<!--" not in block
            json.loads(block)
            blocks += 1
    assert blocks > 20
    home = (hostile / "index.html").read_text(encoding="utf-8")
    organization = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', home, re.S).group(1))
    assert organization["name"].startswith("P") and "<script>alert(" in organization["name"]
    assert "reading(" not in organization["name"]  # plain text holds the base of a furigana, not its reading


def test_every_chart_is_well_formed_svg_with_the_texts_as_written(sites):
    hostile, _ = sites
    charts = []
    for page in hostile.rglob("*.html"):
        charts += re.findall(r'<svg [^>]*id="chart_.*?</svg>', page.read_text(encoding="utf-8"), re.S)
    assert len(charts) >= 6  # the bars, the ranking and the actuals, in three languages
    for chart in charts:
        svg = ElementTree.fromstring(chart.replace("&nbsp;", "\u00a0"))
        titles = [element.text or "" for element in svg.iter("{http://www.w3.org/2000/svg}title")]
        assert titles and all("<script>" not in title or title.startswith("P") for title in titles)
        assert not [element for element in svg.iter() if element.tag.endswith("script")
                    or any(name.startswith("on") for name in element.attrib)]


def test_the_search_index_and_the_sitemaps_parse(sites):
    hostile, _ = sites
    plan = load_plan(next(hostile.parent.glob("plan"))).plan
    for language in published_languages(plan.root.languages):
        root = hostile / language.url_prefix
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert any("&lt;script&gt;" in doc["text"] or "<script>" not in doc["text"] for doc in index["docs"])
        sitemap = ElementTree.parse(hostile / f"sitemap-{language.code}.xml").getroot()
        locations = list(sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"))
        assert locations
        for location in locations:
            assert location.text.startswith(SITE_URL)
