"""Every element id on a page is unique: a plan's own ids never collide with the anchors the site derives.

The site derives anchors from the plan's ids (`basic-goal-1_vision`), names its own sections
(`key_figures`) and the glossary's index (`group_1`), and the theme has its own (`__drawer`). Each of
these holds a `_`, which no id of a plan can (ids are lower-case letters, digits and hyphens); a plan
whose ids are those anchors written with hyphens builds with no duplicate id.
"""

from __future__ import annotations

import collections
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.publish.build import build_site
from tests.conftest import PLANS, ROOT

_ID = re.compile(r"""\sid=["']([^"']*)["']""")


def duplicate_ids(site: Path) -> dict[str, list[str]]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        counts = collections.Counter(_ID.findall(page.read_text(encoding="utf-8")))
        repeated = sorted(ident for ident, count in counts.items() if count > 1)
        if repeated:
            found[page.relative_to(site).as_posix()] = repeated
    return found


@pytest.mark.parametrize("name", sorted(PLANS))
def test_no_page_of_any_plan_repeats_an_id(built_sites, name):
    assert duplicate_ids(built_sites(name)) == {}


def test_ids_that_spell_derived_anchors_make_no_duplicate(tmp_path):
    # Each id below is what the site derives, or once derived, for something on the same page.
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    root = yaml.safe_load((plan / "plan.yaml").read_text(encoding="utf-8"))
    document = yaml.safe_load((plan / "strategy.yaml").read_text(encoding="utf-8"))
    goal = document["children"][0]
    goal["targets"][0]["actuals"] = [{"period": {"fiscal_year": 2021}, "value": 47, "unit": "percent"}]
    goal["initiatives"] = [{"title": {"ja": "取組", "en": "Initiative"}}]
    # On the goal's page: its sections, its chart's title and description, and headings MkDocs would name.
    goal["kpis"] = [{"id": ident, "name": {"ja": f"指標{n}", "en": f"Indicator {n}"}, "target": {"value": 1, "unit": "cases"}}
                    for n, ident in enumerate(["basic-goal-1-targets", "basic-goal-1-initiatives", "page-title",
                                               "chart-childcare-satisfaction", "chart-childcare-satisfaction-title",
                                               "numerical-targets", "key-performance-indicators-kpi"])]
    goal["children"] += [{"id": ident, "level": "basic_direction", "title": {"ja": f"方向{n}", "en": f"Direction {n}"}}
                         for n, ident in enumerate(["basic-goal-1-vision", "basic-goal-1-kpis", "direction-1-1-kpis",
                                                    "direction-1-1-projects"])]
    (plan / "strategy.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    # On the home page and the indicators page: the documents beside the page's own sections.
    other = {**document, "id": "key-figures", "children": [{**goal, "id": "documents", "kpis": [], "targets": [],
                                                            "children": [], "initiatives": []}]}
    for name, ident in (("second.yaml", "key-figures"), ("third.yaml", "plan-documents")):
        other = {**other, "id": ident}
        other["children"] = [{**other["children"][0], "id": f"{ident}-goal"}]
        (plan / name).write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
        root["documents"].append(name)
    (plan / "plan.yaml").write_text(yaml.safe_dump(root, allow_unicode=True), encoding="utf-8")
    # On the glossary page: the terms beside the index headings; on the divisions page, the divisions.
    glossary = yaml.safe_load((plan / "glossary.yaml").read_text(encoding="utf-8"))
    for term, ident in zip(glossary, ["group-1", "group-2", "group-other", "page-title"]):
        term["id"] = ident
    (plan / "glossary.yaml").write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    divisions = yaml.safe_load((plan / "divisions.yaml").read_text(encoding="utf-8"))
    divisions.append({"id": "page-title", "name": {"ja": "課", "en": "Division"}})
    (plan / "divisions.yaml").write_text(yaml.safe_dump(divisions, allow_unicode=True), encoding="utf-8")
    site = build_site(plan, tmp_path / "site").out
    assert duplicate_ids(site) == {}
