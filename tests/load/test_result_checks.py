"""The year's results: values that look like a slip are warned about, at their line, and the build goes on.

The refusals (a year outside the plan or still to come, two results for a year, another unit, an unknown
scale or grade) are pinned with their exact messages in tests/data/invalid/result_checks/ and
tests/data/invalid/evaluation_without_scales/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.evaluations import current_year
from generator.load.plan import load_plan

DATA = Path(__file__).resolve().parent.parent / "data"


def _plan_with(tmp_path: Path, old: str, new: str) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(DATA / "minimal", plan)
    path = plan / "strategy.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


SATISFACTION = "        target: {value: 51.3, unit: percent}\n"
HUB_USERS = "            target: {value: 34000, unit: people}\n"


@pytest.mark.parametrize("old, new, line, expected", [
    (SATISFACTION, SATISFACTION + "        actuals:\n          - {value: 361, unit: percent, period: {fiscal_year: 2023}}\n",
     32, "the actual 361% is over 100%; did you mean 36.1? If the value is right, leave it"),
    (HUB_USERS, HUB_USERS + "            actuals:\n              - {value: 338320, unit: people, period: {fiscal_year: 2023}}\n",
     42, "the actual 338320 is about ten times the baseline (33832); did you mean 33832? If the value is right, leave it"),
    (HUB_USERS, HUB_USERS + "            actuals:\n              - {value: 33900, unit: people, period: {fiscal_year: 2022}}\n"
     "              - {value: 3390, unit: people, period: {fiscal_year: 2023}}\n",
     43, "the actual 3390 is about a tenth of the previous year's actual (33900); did you mean 33900? If the value is right, leave it"),
])
def test_a_value_that_looks_like_a_slip_is_warned_about_and_the_check_passes(tmp_path, monkeypatch, capsys, old, new,
                                                                            line, expected):
    _plan_with(tmp_path, old, new)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan"]) == 0
    captured = capsys.readouterr()
    warnings = [text for text in captured.err.splitlines() if "warning:" in text]
    assert len(warnings) == 1, captured.err
    assert warnings[0].startswith(f"plan/strategy.yaml:{line}:")
    assert warnings[0].endswith(expected)
    assert "OK" in captured.out


def test_a_warning_is_a_warning_annotation_on_the_pull_request(tmp_path, monkeypatch, capsys):
    _plan_with(tmp_path, SATISFACTION, SATISFACTION +
               "        actuals:\n          - {value: 361, unit: percent, period: {fiscal_year: 2023}}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan", "--format", "github", "--lang", "ja"]) == 0
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert annotations == ["::warning file=plan/strategy.yaml,line=32,col=21,title=基本目標1 > 数値目標「子育ての充実感」の "
                           "actuals[0].value::実績値 361%25 は100%25を超えています。36.1 のつもりではありませんか。"
                           "正しい値なら、このままで構いません"]


def test_a_build_with_warnings_builds_and_says_so(tmp_path, monkeypatch, capsys):
    _plan_with(tmp_path, SATISFACTION, SATISFACTION +
               "        actuals:\n          - {value: 361, unit: percent, period: {fiscal_year: 2023}}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--plan", "plan", "--out", "site"]) == 0
    assert "did you mean 36.1?" in capsys.readouterr().err
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_value_converted_from_a_declared_unit_is_accepted(tmp_path):
    plan = _plan_with(tmp_path, HUB_USERS, HUB_USERS + "            conversions: [{unit: persons, factor: 1}]\n"
                      "            actuals:\n              - {value: 33900, unit: persons, period: {fiscal_year: 2023}}\n")
    assert load_plan(plan).warnings == []


def test_the_fiscal_year_begins_in_april():
    from datetime import date
    assert current_year(date(2027, 3, 31)) == (2026, 2027)
    assert current_year(date(2027, 4, 1)) == (2027, 2027)


def test_the_current_fiscal_year_may_hold_a_result(tmp_path, monkeypatch):
    # Tests take 2026-12-01 as today (tests/conftest.py): FY2026 has begun, FY2027 has not.
    plan = _plan_with(tmp_path, "  end: {fiscal_year: 2025}", "  end: {fiscal_year: 2030}")
    path = plan / "strategy.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(HUB_USERS, HUB_USERS + "            actuals:\n"
                    "              - {value: 33900, unit: people, period: {fiscal_year: 2026}}\n"), encoding="utf-8")
    load_plan(plan)
    path.write_text(path.read_text(encoding="utf-8").replace("fiscal_year: 2026}", "fiscal_year: 2027}"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan"]) == 1
