"""`import-sheet`: a filled workbook into the plan, line by line, and onto the pages and into data/."""

from __future__ import annotations

import csv
import difflib

import pytest

from generator.cli import main
from generator.publish.build import build_site
from generator.sheets.command import import_sheets
from generator.sheets.layout import headings

from .helpers import DATA, fill, plan_copy, snapshot

FILLED = {
    "kpi-nursery-waiting": {"actual": 5, "grade": "A", "comment": "定員を30人増やしました。"},
    "project-parent-cafe": {"grade": "達成", "comment": "年6回開催しました。"},
    "issue-1-achievement-1": {"grade": "概ね達成"},
    "issue-1-initiative-1": {"grade": "A", "comment": "全地区で工事を終えました。"},
}


@pytest.fixture
def exported(tmp_path):
    plan = plan_copy(tmp_path)
    out = tmp_path / "照会票.xlsx"
    assert main(["export-sheet", "--plan", str(plan), "--out", str(out)]) == 0
    return plan, out


def _added_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_only_the_lines_that_carry_new_values_change_and_comments_stay(exported, tmp_path):
    plan, out = exported
    before = (plan / "policy.yaml").read_text(encoding="utf-8")
    result = import_sheets(plan, [fill(out, tmp_path / "filled.xlsx", FILLED)])
    after = (plan / "policy.yaml").read_text(encoding="utf-8")
    assert result.count == 5 and len(result.files) == 1
    removed, added = _added_lines(before, after)
    assert removed == []
    assert added == [
        # issue-1-achievement-1: a first evaluation, after its text (the field order of the model).
        "        evaluations:",
        "          - period: {fiscal_year: 2025}",
        "            grade: mostly",
        # issue-1-initiative-1, on its own scale: after the FY2024 evaluation.
        "          - period: {fiscal_year: 2025}",
        "            scale: letter-grades",
        "            grade: a",
        "            comment:",
        "              ja: 全地区で工事を終えました。",
        # kpi-nursery-waiting: the actual in the flow style of the one before it, then its evaluation.
        "          - {value: 5, unit: people, period: {fiscal_year: 2025}}",
        "          - period: {fiscal_year: 2025}",
        "            scale: letter-grades",
        "            grade: a",
        "            comment:",
        "              ja: 定員を30人増やしました。",
        # project-parent-cafe: on the plan's first scale, which needs no `scale:`.
        "          - period: {fiscal_year: 2025}",
        "            grade: achieved",
        "            comment:",
        "              ja: 年6回開催しました。",
    ]
    # Every comment of the file is where it was: still right above the line it introduces.
    for comment in ("      # Not evaluated yet: not counted.", "          # Graded on the second scale.",
                    "      # Graded on the default scale (three-grades), with an outside review."):
        assert after.splitlines()[after.splitlines().index(comment) + 1] == \
            before.splitlines()[before.splitlines().index(comment) + 1]


def test_a_file_written_by_another_tool_keeps_its_own_layout(tmp_path):
    # PyYAML's layout: lists not indented below their key, long texts folded, empty values as `null`.
    # ruamel would write some of these lines otherwise; they stay as they are, and only new lines go in.
    import yaml
    plan = plan_copy(tmp_path)
    data = yaml.safe_load((plan / "policy.yaml").read_text(encoding="utf-8"))
    data["children"][1]["body"] = {"ja": "長い説明です。" * 20, "en": "A long explanation. " * 12}
    data["children"][0]["activity_targets"][0]["evaluations"][0]["scale"] = None
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=60)
    assert "\n- id:" in text and "scale: null" in text  # indentless lists, an explicit null
    (plan / "policy.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "照会票.xlsx"
    assert main(["export-sheet", "--plan", str(plan), "--out", str(out)]) == 0
    result = import_sheets(plan, [fill(out, tmp_path / "filled.xlsx", {"kpi-nursery-waiting": {"actual": 5}})])
    after = (plan / "policy.yaml").read_text(encoding="utf-8")
    assert result.count == 1
    removed, added = _added_lines(text, after)
    assert removed == []
    assert [line.strip() for line in added] == ["- value: 5", "unit: people", "period:", "fiscal_year: 2025"]


def test_the_values_reach_the_pages_and_the_open_data(exported, tmp_path):
    plan, out = exported
    import_sheets(plan, [fill(out, tmp_path / "filled.xlsx", FILLED)])
    site = tmp_path / "site"
    build_site(plan, site)
    page = (site / "policy" / "issue-2" / "index.html").read_text(encoding="utf-8")
    assert "令和7年度の評価" in page and "定員を30人増やしました。" in page and "年6回開催しました。" in page
    assert "5人" in page
    rows = list(csv.DictReader((site / "data" / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()))
    nursery = next(row for row in rows if "kpi-nursery-waiting" in row.values())
    assert "5" in nursery.values() and "2025" in " ".join(nursery.values())


def test_a_second_import_changes_nothing(exported, tmp_path):
    plan, out = exported
    filled = fill(out, tmp_path / "filled.xlsx", FILLED)
    import_sheets(plan, [filled])
    once = snapshot(plan)
    again = import_sheets(plan, [filled])
    assert again.count == 0 and again.files == ()
    assert snapshot(plan) == once


def test_the_import_prints_the_plan_diff(exported, tmp_path, capsys, monkeypatch):
    plan, out = exported
    filled = fill(out, tmp_path / "filled.xlsx", FILLED)
    summary = tmp_path / "summary.md"
    assert main(["import-sheet", "--plan", str(plan), str(filled), "--lang", "ja", "--summary", str(summary)]) == 0
    printed = capsys.readouterr().out
    assert "5件の値を計画に書き込みました" in printed
    assert "保育所の待機児童数 実績値（令和7年度） なし → 5人（KPI `kpi-nursery-waiting`）" in printed
    assert "子育てカフェ 評価（令和7年度） 評価結果 なし → 「達成」（個別事業 `project-parent-cafe`）" in printed
    assert summary.read_text(encoding="utf-8") in printed


def test_a_changed_value_replaces_the_years_value(exported, tmp_path):
    plan, out = exported
    import_sheets(plan, [fill(out, tmp_path / "one.xlsx", {"kpi-nursery-waiting": {"actual": 5}})])
    before = (plan / "policy.yaml").read_text(encoding="utf-8")
    import_sheets(plan, [fill(out, tmp_path / "two.xlsx", {"kpi-nursery-waiting": {"actual": 4}})])
    removed, added = _added_lines(before, (plan / "policy.yaml").read_text(encoding="utf-8"))
    assert removed == ["          - {value: 5, unit: people, period: {fiscal_year: 2025}}"]
    assert added == ["          - {value: 4, unit: people, period: {fiscal_year: 2025}}"]


def test_a_workbook_saved_by_libreoffice(tmp_path):
    # Made once with Debian's libreoffice-calc, headless: tests/data/sheets/README.md has the commands.
    plan = plan_copy(tmp_path)
    result = import_sheets(plan, [DATA / "sheets" / "libreoffice_filled.xlsx"])
    assert result.count == 3
    text = (plan / "policy.yaml").read_text(encoding="utf-8")
    assert "          - {value: 6, unit: people, period: {fiscal_year: 2025}}" in text
    assert "              ja: LibreOffice で記入しました。" in text


def test_a_csv_with_the_same_columns(exported, tmp_path):
    plan, _ = exported
    path = tmp_path / "照会票.csv"
    row = ["kpi-nursery-waiting", "KPI", "", "", "人", "", "", "", "2025年度", "7", "B", "",
           '{"scale": "letter-grades", "target": 0, "unit": "people"}']
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows([headings("ja"), row])
    assert import_sheets(plan, [path]).count == 2
    assert "{value: 7, unit: people, period: {fiscal_year: 2025}}" in (plan / "policy.yaml").read_text(encoding="utf-8")


def test_a_value_that_looks_like_a_slip_is_warned_at_its_cell(exported, tmp_path, capsys):
    plan, out = exported
    filled = fill(out, tmp_path / "filled.xlsx", {"kpi-nursery-waiting": {"actual": 80}})
    assert main(["import-sheet", "--plan", str(plan), str(filled)]) == 0
    err = capsys.readouterr().err
    assert "filled.xlsx:子育て支援課!J2: warning: the actual 80 is about ten times the previous year's actual (8); " \
           "did you mean 8? If the value is right, leave it" in err
