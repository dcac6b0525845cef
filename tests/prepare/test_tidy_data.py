"""Tidy open data: every indicator's baseline, actuals and target rebuilt from indicator_values.csv with
Python's csv module, equal to the plan; every evaluation from evaluations.csv. Read from the built sites."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator.load.plan import load_plan
from generator.prepare.evaluations import evaluable_items
from generator.prepare.open_data import BOM
from generator.prepare.progress import assess_plan, plan_indicators
from tests.conftest import PLANS, ROOT

EVALUATION = ROOT / "tests" / "data" / "evaluation"


def _rows(site: Path, name: str) -> list[dict[str, str]]:
    raw = (site / "data" / name).read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = [column.split(" / ")[-1] for column in rows[0]]  # the English half: "Value", "Year [ja]"…
    assert len(set(header)) == len(header)
    assert all(len(row) == len(header) for row in rows[1:])
    return [dict(zip(header, row)) for row in rows[1:]]


def _number(text: str) -> float | None:
    return None if text == "" else float(text)  # a number cell is a plain number: never "1,200" or "FY2021=…"


def _from_plan(measurement) -> list[tuple]:
    period = measurement.period
    when = (("fiscal_year" if period.is_fiscal else "year"), float(period.western)) if period else ("", None)
    quantities = measurement.quantities()
    if not quantities:
        return [(*when, None, "", "", measurement.text.ja if getattr(measurement, "text", None) else "")]
    words = measurement.text.ja if getattr(measurement, "text", None) else ""
    return [(*when, float(q.value), q.unit.value, q.label.ja if q.label else "", words) for q in quantities]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_indicator_rebuilds_from_the_tidy_csv(built_sites, name):
    site = built_sites(name)
    plan = load_plan(PLANS[name]).plan
    places = list(plan_indicators(plan))
    if not places:
        assert not (site / "data" / "indicator_values.csv").exists()
        return
    assessments = assess_plan(plan)
    rebuilt: dict[str, dict[str, list[tuple]]] = {}
    for row in _rows(site, "indicator_values.csv"):
        year = _number(row["Year"])
        assert year is None or year.is_integer()
        rebuilt.setdefault(row["Indicator ID"], {}).setdefault(row["Value kind"], []).append(
            (row["Year kind"], year, _number(row["Value"]), row["Unit"], row["Part [ja]"], row["Target (text) [ja]"]))
        assert row["Value kind (label) [ja]"] and row["Value kind (label) [en]"]
        if row["Unit"]:
            assert row["Unit (label) [ja]"] and row["Unit (label) [en]"]
        assert row["Status (label) [en]"]
    assert list(rebuilt) == list(dict.fromkeys(place.indicator.id for place in places))
    for place in places:
        indicator = place.indicator
        expected: dict[str, list[tuple]] = {}
        if indicator.baseline is not None:
            expected["baseline"] = _from_plan(indicator.baseline)
        actuals = sorted(indicator.actuals, key=lambda actual: actual.period.western)
        if actuals:
            expected["actual"] = [value for actual in actuals for value in _from_plan(actual)]
        if indicator.target is not None:
            expected["target"] = _from_plan(indicator.target)
        assert rebuilt[indicator.id] == expected, indicator.id
    statuses = {row["Indicator ID"]: row["Status"] for row in _rows(site, "indicator_values.csv")}
    assert statuses == {place.indicator.id: assessments[place.indicator.id].status.value for place in places}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_evaluation_is_a_row(built_sites, name):
    site = built_sites(name)
    plan = load_plan(PLANS[name]).plan
    expected = [(item.ident, evaluation.period.western, evaluation.grade)
                for item in evaluable_items(plan) for evaluation in item.evaluations]
    path = site / "data" / "evaluations.csv"
    if not expected:
        assert not path.exists()
        return
    rows = _rows(site, "evaluations.csv")
    assert [(row["Item"], int(row["Year"]), row["Grade"]) for row in rows] == expected


def test_the_evaluations_csv_in_both_languages(built_sites):
    rows = _rows(built_sites("evaluation"), "evaluations.csv")
    row = next(row for row in rows if row["Item"] == "issue-1-activity-1" and row["Year"] == "2024")
    assert (row["Scale"], row["Scale (label) [ja]"], row["Scale (label) [en]"]) == ("three-grades", "3段階評価",
                                                                                   "Three-grade scale")
    assert (row["Grade (label) [ja]"], row["Grade (label) [en]"], row["Counts as"]) == ("達成", "Achieved", "achieved")
    assert row["Division's comment [ja]"] == "電話応答装置を設置し、運用を始めました。"
    assert row["Outside review [ja]"] == "目標どおり完了したと認められる。"
    assert row["Reviewed by [en]"] == "Mihon Town Administrative Evaluation Committee"
    assert row["Review date"] == "2024-11"
    assert (row["Division IDs"], row["Divisions [ja]"]) == ("general-affairs", "総務課")
