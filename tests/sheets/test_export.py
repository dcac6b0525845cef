"""`export-sheet`: the workbook a division receives, opened with openpyxl as Excel would show it."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest

from generator.cli import main
from generator.sheets.layout import COLUMN_INDEX, headings
from tests.plans import PLANS, PRODUCT_PLANS

from .helpers import PLAN, YEAR


@pytest.fixture
def workbook(tmp_path):
    out = tmp_path / "照会票.xlsx"
    assert main(["export-sheet", "--plan", str(PLAN), "--out", str(out)]) == 0
    return openpyxl.load_workbook(out), out


def _rows(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]


def test_one_sheet_per_division_after_the_instructions(workbook):
    book, _ = workbook
    assert book.sheetnames == ["記入方法", "_lists", "総務課", "子育て支援課", "_keikaku"]
    assert book["_lists"].sheet_state == "hidden" and book["_keikaku"].sheet_state == "veryHidden"
    assert [row[0] for row in _rows(book["総務課"])] == ["issue-1-activity-1", "issue-1-achievement-1",
                                                       "issue-1-initiative-1"]
    assert [row[0] for row in _rows(book["子育て支援課"])] == ["kpi-nursery-waiting", "kpi-support-quality",
                                                          "project-parent-cafe"]


def test_the_year_collected_is_the_last_completed_fiscal_year(workbook):
    book, _ = workbook  # tests take 2026-12-01 as today: FY2026 is under way, FY2025 has ended
    assert {row[COLUMN_INDEX["period"]] for row in _rows(book["総務課"])} == {"2025年度"}
    assert book["_keikaku"]["B3"].value == YEAR


def test_each_row_shows_what_the_division_answers_for(workbook):
    book, _ = workbook
    row = _rows(book["子育て支援課"])[0]
    assert [cell.value for cell in book["子育て支援課"][1]] == headings("ja")
    shown = dict(zip(headings("ja"), row))
    assert shown["名称"] == "保育所の待機児童数"
    assert shown["単位"] == "人"
    assert shown["基準値"] == "12人 (2021年度)"
    assert shown["目標値"] == "0人"
    assert shown["直近の値"] == "8人 (2023年度) / 2023年度: A"
    assert shown["実績値（数値）"] is None and shown["評価（選択）"] is None and shown["コメント"] is None
    assert json.loads(shown["照合用（変更不可）"]) == {"unit": "people", "target": 0, "scale": "letter-grades"}


def test_grades_are_a_list_from_the_scale_and_actuals_numbers_only(workbook):
    book, _ = workbook
    sheet = book["子育て支援課"]
    validations = sheet.data_validations.dataValidation
    lists = {str(v.sqref): v.formula1 for v in validations if v.type == "list"}
    # The KPIs grade on the scale their evaluations use; the project on the plan's first scale.
    assert lists == {"K2 K3": "=_lists!$B$2:$B$6", "K4": "=_lists!$A$2:$A$4"}
    assert [cell.value for cell in book["_lists"]["B"][1:6]] == ["S", "A", "B", "C", "−"]
    numbers = [v for v in validations if v.type == "decimal"]
    assert len(numbers) == 1 and str(numbers[0].sqref) == "J2"  # only the KPI measured by a number
    assert numbers[0].showErrorMessage and "数値を入力してください" in numbers[0].error
    # The 総務課 sheet grades on both scales, a list each.
    assert {v.formula1 for v in book["総務課"].data_validations.dataValidation if v.type == "list"} == {
        "=_lists!$A$2:$A$4", "=_lists!$B$2:$B$6"}


def test_only_the_answer_cells_can_be_changed(workbook):
    book, _ = workbook
    sheet = book["子育て支援課"]
    assert sheet.protection.sheet
    kpi, words, _project = list(sheet.iter_rows(min_row=2))
    unlocked = {cell.column_letter for cell in kpi if not cell.protection.locked}
    assert unlocked == {"J", "K", "L"}
    assert {cell.column_letter for cell in words if not cell.protection.locked} == {"K", "L"}
    assert sheet.column_dimensions["M"].hidden


def test_the_instructions_are_in_japanese_and_english(workbook):
    book, _ = workbook
    text = "\n".join(str(cell.value) for cell in book["記入方法"]["A"] if cell.value)
    assert "照会票の記入方法（見本町・2025年度）" in text
    assert "How to fill in the survey sheet (Mihon Town, FY2025)" in text
    assert "  概ね達成: 目標の大部分を達成した。" in text and "  B: Partly delayed." in text


def test_the_same_plan_exports_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        assert main(["export-sheet", "--plan", str(PLAN), "--out", str(out), "--year", "2025"]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_one_sheet_for_the_whole_plan_or_one_division(tmp_path):
    out = tmp_path / "all.xlsx"
    assert main(["export-sheet", "--plan", str(PLAN), "--out", str(out), "--whole-plan"]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["記入方法", "_lists", "計画全体", "_keikaku"]
    assert main(["export-sheet", "--plan", str(PLAN), "--out", str(out), "--division", "childcare-support"]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["記入方法", "_lists", "子育て支援課", "_keikaku"]


def test_an_english_workbook(tmp_path):
    out = tmp_path / "survey.xlsx"
    assert main(["export-sheet", "--plan", str(PLAN), "--out", str(out), "--sheet-lang", "en"]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "How to fill in"
    assert [cell.value for cell in book["Childcare Support Division"][1]] == headings("en")


@pytest.mark.parametrize("args, message", [
    (["--out", "sheet.txt"], "the output must be a file name ending in .xlsx (found 'sheet.txt')"),
    (["--out", "s.xlsx", "--division", "nobody"],
     "division 'nobody' is not in divisions.yaml (expected one of: general-affairs, childcare-support)"),
])
def test_a_wrong_option_is_told_in_words(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(["export-sheet", "--plan", str(PLAN), *args]) == 1
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, message", [
    (["--year", "2027"], "fiscal year 2027 has not begun (this is fiscal year 2026); give the year to collect with "
                         "--year (e.g. --year 2026)"),
    (["--year", "2019"], "fiscal year 2019 is outside every document's plan period; give a year within one with --year"),
])
def test_a_year_that_cannot_be_surveyed_is_refused(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(["export-sheet", "--plan", str(PLAN), "--out", "s.xlsx", "--lang", "en", *args]) == 1
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_plan_whose_period_has_ended_is_surveyed_for_its_last_year(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    text = (plan / "policy.yaml").read_text(encoding="utf-8")
    (plan / "policy.yaml").write_text(text.replace("  end: {fiscal_year: 2026}", "  end: {fiscal_year: 2024}"),
                                      encoding="utf-8")
    out = tmp_path / "s.xlsx"
    assert main(["export-sheet", "--plan", str(plan), "--out", str(out)]) == 0  # FY2025 is past the period
    assert openpyxl.load_workbook(out)["子育て支援課"]["I2"].value == "2024年度"


@pytest.mark.parametrize("plan", PRODUCT_PLANS)
def test_every_product_plan_exports_a_workbook_that_reads_back(tmp_path, plan, capsys):
    from generator.load.plan import load_plan
    from generator.prepare.evaluations import evaluable_items
    from generator.sheets.command import import_sheets
    from generator.sheets.layout import in_plan_period
    loaded = load_plan(PLANS[plan]).plan
    items = list(evaluable_items(loaded))
    out = tmp_path / "s.xlsx"
    if not items:  # a plan with nothing to survey says so instead
        assert main(["export-sheet", "--plan", str(PLANS[plan]), "--out", str(out), "--lang", "en"]) == 1
        assert "the plan has nothing to survey" in capsys.readouterr().err
        return
    # A year the plan's first surveyed document covers, no later than the fixed "today" (FY2026).
    period = items[0].document.period
    year = min(period.end.western if period and period.end else 2025, 2025) if period else 2025
    year = max(year, period.start.western) if period else year
    assert in_plan_period(items[0].document, year)
    assert main(["export-sheet", "--plan", str(PLANS[plan]), "--out", str(out), "--whole-plan",
                 "--year", str(year)]) == 0
    assert import_sheets(PLANS[plan], [out]).count == 0  # an untouched sheet changes nothing
