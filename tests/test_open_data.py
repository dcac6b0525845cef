"""Open data: the CSVs read with Python's csv module match the plan (BOM included), plan.json is the
validated plan, and every schema.org Dataset on the open-data page points at a file of the built site."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.languages import published_languages, required_languages
from generator.model import Plan
from generator.open_data import BOM, open_data_files, tables
from generator.plan_loader import load_plan
from generator.progress import assess_plan, plan_indicators
from tests.conftest import PLANS, ROOT

ALL = {**PLANS, "graded": ROOT / "tests" / "data" / "progress" / "graded"}


def _read(site: Path, relative: str) -> list[dict[str, str]]:
    raw = (site / "data" / relative).read_bytes()
    assert raw.startswith(BOM.encode("utf-8")), f"{relative} has no BOM"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = rows[0]
    assert all(" / " in name for name in header if not re.fullmatch(r"(FY)?\d{4}", name)), header
    return [dict(zip([name.split(" / ")[-1] for name in header], row)) for row in rows[1:]]


def _number(text: str):
    return float(text) if text else None


@pytest.mark.parametrize("name", sorted(PLANS))
def test_csvs_match_the_plan(built_sites, name):
    site = built_sites(name)
    plan = load_plan(PLANS[name]).plan
    places = list(plan_indicators(plan))
    assessments = assess_plan(plan)
    if places:
        rows = _read(site, "indicators.csv")
        assert [row["ID"] for row in rows] == [p.indicator.id for p in places]
        for row, place in zip(rows, places):
            kpi = place.indicator
            assert row["Name [ja]"] == kpi.name.ja and row["Name [en]"] == kpi.name.en
            if kpi.baseline is not None and kpi.baseline.value is not None:
                assert _number(row["Baseline"]) == kpi.baseline.value
            if kpi.target is not None and kpi.target.value is not None:
                assert _number(row["Target"]) == kpi.target.value
            assert row["Status"] == assessments[kpi.id].status.value
            assert row["Direction"] == (kpi.direction.value if kpi.direction else "")
    else:
        assert not (site / "data" / "indicators.csv").exists()
    for table in tables(plan):
        rows = _read(site, f"tables/{table.id}.csv")
        assert [row["Row [ja]"] for row in rows] == [r.label.ja for r in table.rows]
        for row, source in zip(rows, table.rows):
            cells = list(row.values())[len(required_languages()):-1]
            assert [None if c == "" else (c if c in ("-", "―", "—") else float(c)) for c in cells] == [
                c if isinstance(c, str) or c is None else float(c) for c in source.cells], (table.id, source.label.ja)


def test_indicator_actuals_reach_the_csv():
    plan = load_plan(ALL["graded"]).plan
    files = {f.path: f for f in open_data_files(plan)}
    rows = list(csv.DictReader(io.StringIO(files["indicators.csv"].content.removeprefix(BOM))))
    by_id = {row["識別子 / ID"]: row for row in rows}
    assert by_id["graded-s"]["最新値 / Latest actual"] == "210"
    assert by_id["graded-s"]["年度別実績 / Actuals by year"] == "FY2021=150; FY2022=210"
    assert by_id["graded-s"]["評価区分 / Grade"] == "beyond_target"
    assert by_id["graded-units"]["比較できない理由 / Why not comparable"] == "different_units"


@pytest.mark.parametrize("name", sorted(PLANS))
def test_plan_json_is_the_validated_plan(built_sites, name):
    site = built_sites(name)
    data = json.loads((site / "data" / "plan.json").read_text(encoding="utf-8"))
    assert Plan.model_validate(data) == load_plan(PLANS[name]).plan
    schema = json.loads((site / "data" / "plan.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Plan" and "root" in schema["properties"]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_dataset_points_at_a_file_of_the_site(built_sites, name):
    site = built_sites(name)
    plan = load_plan(PLANS[name]).plan
    expected = {f.path for f in open_data_files(plan)}
    for language in published_languages(plan.root.languages):
        lang, page = language.code, site / language.url_prefix / "data" / "index.html"
        html = page.read_text(encoding="utf-8")
        blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
        lists = [b for b in blocks if isinstance(b, list)]  # other blocks: the page's breadcrumbs
        assert len(lists) == 1, page
        datasets = lists[0]
        assert {d["@type"] for d in datasets} == {"Dataset"}
        found = set()
        for dataset in datasets:
            assert dataset["license"] == plan.root.data_licence.url
            for download in dataset["distribution"]:
                url = download["contentUrl"]
                if plan.root.site_url and url.startswith(plan.root.site_url):
                    target = site / url.removeprefix(plan.root.site_url)
                else:
                    target = (page.parent / url).resolve()
                assert target.is_file(), (lang, url)
                assert download["contentSize"] == f"{target.stat().st_size} B"
                found.add(target.relative_to((site / "data").resolve()).as_posix())
        assert found == expected, lang


def test_open_data_is_deterministic():
    plan = load_plan(ALL["graded"]).plan
    assert [(f.path, f.content) for f in open_data_files(plan)] == [(f.path, f.content) for f in open_data_files(plan)]
