"""`diff`: the plan's changes in meaning, for reviewers, on pairs of plans made from tests/data/minimal."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import PLANS

MINIMAL = Path(__file__).parents[1] / "data" / "minimal"


def _plan(tmp_path: Path, name: str, edit=None) -> Path:
    """A copy of the minimal plan; `edit` changes strategy.yaml's data, which is then written back by PyYAML."""
    plan = tmp_path / name
    shutil.copytree(MINIMAL, plan)
    if edit is not None:
        path = plan / "strategy.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plan


def _diff(capsys, *args: str) -> str:
    assert main(["diff", *args]) == 0
    return capsys.readouterr().out


def _goal(data):
    return data["children"][0]


def _direction(data):
    return data["children"][0]["children"][0]


def test_a_changed_target_shows_old_and_new_with_unit(tmp_path, capsys):
    old = _plan(tmp_path, "old")
    new = _plan(tmp_path, "new", lambda data: _goal(data)["targets"][0]["target"].update(value=53.5))
    assert _diff(capsys, str(old), str(new)) == (
        "## 計画の変更点\n\n"
        "### 数値の変更\n\n"
        "- 子育ての充実感 目標値 51.3% → 53.5%（数値目標 `childcare-satisfaction`）\n")
    assert _diff(capsys, str(old), str(new), "--lang", "en") == (
        "## Changes to the plan\n\n"
        "### Changed numbers\n\n"
        "- Sense of fulfillment in raising children, target: 51.3% → 53.5% "
        "(Numerical target `childcare-satisfaction`)\n")


def test_an_added_project_is_named_with_where_it_was_added(tmp_path, capsys):
    def add_project(data):
        _direction(data)["projects"].append({
            "id": "park-play", "name": {"ja": "公園の遊び場づくり", "en": "Play areas in parks"},
            "divisions": ["childcare-support"]})
    old, new = _plan(tmp_path, "old"), _plan(tmp_path, "new", add_project)
    assert _diff(capsys, str(old), str(new)) == (
        "## 計画の変更点\n\n"
        "### 追加された項目\n\n"
        "- 個別事業「公園の遊び場づくり」 `park-play`（基本的方向(1)「子育てを支える環境の充実」 `direction-1-1`）\n")


def test_a_removed_kpi_is_named_with_where_it_was(tmp_path, capsys):
    old = _plan(tmp_path, "old")
    new = _plan(tmp_path, "new", lambda data: _direction(data)["kpis"].pop(1))
    assert _diff(capsys, str(old), str(new), "--lang", "en") == (
        "## Changes to the plan\n\n"
        "### Removed\n\n"
        "- KPI “Healthy life expectancy” `healthy-life` "
        "(in Basic direction (1) “Better support for raising children” `direction-1-1`)\n")


def test_an_added_actual_shows_its_year_and_value(tmp_path, capsys):
    def add_actual(data):
        _direction(data)["kpis"][0]["actuals"] = [
            {"value": 34120, "unit": "people", "period": {"fiscal_year": 2021}}]
    old, new = _plan(tmp_path, "old"), _plan(tmp_path, "new", add_actual)
    assert _diff(capsys, str(old), str(new)) == (
        "## 計画の変更点\n\n"
        "### 数値の変更\n\n"
        "- 地域子育て支援拠点利用者の利用人数 実績値（令和3年度） なし → 34,120人（KPI `hub-users`）\n")


def test_reformatted_yaml_with_comments_and_reordered_keys_gives_an_empty_diff(tmp_path, capsys):
    old, new = _plan(tmp_path, "old"), _plan(tmp_path, "new")
    for path in new.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, indent=4, default_flow_style=False)
        path.write_text("# 見直し中のメモ: 数値は変えていない\n" + text.replace("\n", "  # コメント\n", 3),
                        encoding="utf-8")
    assert (new / "strategy.yaml").read_text(encoding="utf-8") != (old / "strategy.yaml").read_text(encoding="utf-8")
    assert _diff(capsys, str(old), str(new)) == (
        "## 計画の変更点\n\n"
        "計画の内容に変更はありません（書式、コメント、キーの順序の違いは変更に数えません）。\n")
    assert _diff(capsys, str(old), str(new), "--lang", "en") == (
        "## Changes to the plan\n\n"
        "Nothing in the plan's content changed (formatting, comments and the order of keys do not count as changes).\n")


def test_moved_item_changed_text_and_labelled_value(tmp_path, capsys):
    def edit(data):
        healthy = _direction(data)["kpis"].pop(1)
        healthy["baseline"]["values"][0]["value"] = 81.2
        data["children"].append({"id": "basic-goal-2", "level": "basic_goal", "number": "2",
                                 "title": {"ja": "健康なまち", "en": "A healthy city"}, "kpis": [healthy]})
        _goal(data)["vision"]["ja"] = "子育て世代に最も選ばれるまちを目指します。"
        _direction(data)["kpis"][0]["baseline"]["period"] = {"fiscal_year": 2020}
    old, new = _plan(tmp_path, "old"), _plan(tmp_path, "new", edit)
    assert _diff(capsys, str(old), str(new)) == (
        "## 計画の変更点\n\n"
        "### 追加された項目\n\n"
        "- 基本目標2「健康なまち」 `basic-goal-2`（文書「見本市総合戦略」 `strategy`）\n\n"
        "### 移動した項目\n\n"
        "- KPI「健康寿命」 `healthy-life`: 基本的方向(1)「子育てを支える環境の充実」 `direction-1-1` → "
        "基本目標2「健康なまち」 `basic-goal-2`\n\n"
        "### 数値の変更\n\n"
        "- 健康寿命 基準値（平成30年） 男性 80.89歳 → 81.2歳（KPI `healthy-life`）\n\n"
        "### 文章の変更\n\n"
        "- 子育てしやすいまち 目指す姿 「子育て世代に選ばれるまちを目指します。」 → "
        "「子育て世代に最も選ばれるまちを目指します。」（基本目標1 `basic-goal-1`）\n\n"
        "### その他の変更\n\n"
        "- 地域子育て支援拠点利用者の利用人数 基準値 期間 令和元年度 → 令和2年度（KPI `hub-users`）\n")


TABLE = {"id": "hub-budget", "title": {"ja": "拠点事業の事業費", "en": "Cost of the centres"},
         "row_header": {"ja": "事業", "en": "Project"}, "unit": "million_yen",
         "columns": [{"fiscal_year": 2021}, {"fiscal_year": 2022}],
         "rows": [{"label": {"ja": "拠点運営", "en": "Running the centres"}, "cells": [12, None]}]}


def test_table_cells_by_row_and_year(tmp_path, capsys):
    old = _plan(tmp_path, "old", lambda data: _goal(data).update(tables=[TABLE]))

    def edit(data):
        table = yaml.safe_load(yaml.safe_dump(TABLE))
        table["rows"][0]["cells"] = [12, 14.5]
        table["rows"].append({"label": {"ja": "広報", "en": "Publicity"}, "cells": [1, "-"]})
        _goal(data)["tables"] = [table]
    new = _plan(tmp_path, "new", edit)
    assert _diff(capsys, str(old), str(new), "--lang", "en") == (
        "## Changes to the plan\n\n"
        "### Changed numbers\n\n"
        "- Cost of the centres, Running the centres (FY2022): not given → ¥14.5 million (Table `hub-budget`)\n"
        "- Cost of the centres, Publicity (FY2021): none → ¥1 million (Table `hub-budget`)\n"
        "- Cost of the centres, Publicity (FY2022): none → - (Table `hub-budget`)\n")


def test_plan_text_cannot_add_markdown_or_html_to_the_summary(tmp_path, capsys):
    old = _plan(tmp_path, "old")
    new = _plan(tmp_path, "new", lambda data: _goal(data)["title"].update(
        ja="<script>alert(1)</script> [見本](javascript:alert(1))\n# 見出し"))
    out = _diff(capsys, str(old), str(new))
    # Every character Markdown or HTML would act on is backslash-escaped, and the newline is gone.
    assert re.search(r"(?<!\\)[<>\[\]#]", out.split("### ")[1].split("\n", 1)[1]) is None
    assert "「\\<script\\>alert(1)\\</script\\> \\[見本\\](javascript:alert(1)) \\# 見出し」" in out


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


def test_base_reads_the_plan_from_git_without_touching_the_work_tree(tmp_path, capsys, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    _plan(repo, "plan")
    _git(repo, "init", "-q")
    _git(repo, "add", "plan")
    _git(repo, "commit", "-q", "-m", "plan")
    strategy = repo / "plan" / "strategy.yaml"
    edited = strategy.read_text(encoding="utf-8").replace("target: {value: 51.3,", "target: {value: 52,")
    strategy.write_text(edited, encoding="utf-8")
    (repo / "plan" / "notes.txt").write_text("untracked", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert _diff(capsys, "--base", "HEAD", "--plan", "plan") == (
        "## 計画の変更点\n\n"
        "### 数値の変更\n\n"
        "- 子育ての充実感 目標値 51.3% → 52%（数値目標 `childcare-satisfaction`）\n")
    assert strategy.read_text(encoding="utf-8") == edited
    assert (repo / "plan" / "notes.txt").exists()

    assert main(["diff", "--base", "no-such-branch", "--plan", "plan"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: unknown git commit 'no-such-branch'") and "Traceback" not in err


@pytest.mark.parametrize("args", [["a"], ["a", "b", "--base", "HEAD"], []])
def test_diff_needs_two_directories_or_a_base(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", *args])
    assert exit_info.value.code == 2


def test_removing_the_first_note_reports_that_note_only(tmp_path, capsys):
    notes = [{"text": {"ja": "原文に年度の記載はありません。", "en": "The source gives no year."}},
             {"text": {"ja": "表は省きました。", "en": "Tables are left out."}, "kind": "transcription"}]
    old = _plan(tmp_path, "old", lambda data: data.update(notes=notes))
    new = _plan(tmp_path, "new", lambda data: data.update(notes=notes[1:]))
    assert _diff(capsys, str(old), str(new)) == (
        "## 計画の変更点\n\n"
        "### 文章の変更\n\n"
        "- 見本市総合戦略 注記 1番目 本文 「原文に年度の記載はありません。」 → なし（文書 `strategy`）\n")


def test_a_base_plan_with_problems_is_reported_by_commit_and_file(tmp_path, capsys, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    plan = _plan(repo, "plan")
    strategy = plan / "strategy.yaml"
    good = strategy.read_text(encoding="utf-8")
    strategy.write_text(good.replace("level: basic_goal", "levle: basic_goal"), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "plan")
    _git(repo, "commit", "-q", "-m", "plan")
    strategy.write_text(good, encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["diff", "--base", "HEAD"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the plan as of 'HEAD' does not validate with this version of Keikaku")
    assert '\nHEAD:plan/strategy.yaml:19:5: "A city where raising children is easy" > levle: unknown field' in err


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_shipped_plan_rewritten_by_pyyaml_has_an_empty_diff(name, tmp_path, capsys):
    # Product test: any valid plan, reformatted with its keys sorted and its comments gone, means the same.
    rewritten = tmp_path / "rewritten"
    shutil.copytree(PLANS[name], rewritten)
    for path in rewritten.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=60), encoding="utf-8")
    assert _diff(capsys, str(PLANS[name]), str(rewritten), "--lang", "en") == (
        "## Changes to the plan\n\n"
        "Nothing in the plan's content changed (formatting, comments and the order of keys do not count as changes).\n")


def test_a_changed_progress_rule_names_the_grade(tmp_path, capsys):
    old = tmp_path / "old"
    shutil.copytree(MINIMAL.parent / "progress" / "graded", old)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    text = (new / "plan.yaml").read_text(encoding="utf-8")
    (new / "plan.yaml").write_text(text.replace("tolerance_percent: 10", "tolerance_percent: 15").replace(
        "{ja: 基準値の±10%以内, en: Within ±10% of the baseline}",
        "{ja: 基準値の±15%以内, en: Within ±15% of the baseline}"), encoding="utf-8")
    assert _diff(capsys, str(old), str(new), "--lang", "en") == (
        "## Changes to the plan\n\n"
        "### Changed texts\n\n"
        "- Mihon Town Comprehensive Plan, progress rule, grades, `near_baseline`, meaning: "
        "“Within ±10% of the baseline” → “Within ±15% of the baseline” (Whole plan `plan.yaml`)\n\n"
        "### Other changes\n\n"
        "- Mihon Town Comprehensive Plan, progress rule, tolerance (%): `10` → `15` (Whole plan `plan.yaml`)\n")


def test_an_added_kpi_shows_the_numbers_it_commits_to(tmp_path, capsys):
    def add_kpi(data):
        _direction(data)["kpis"].append({
            "id": "nursery-waiting", "name": {"ja": "保育所待機児童数", "en": "Children waiting for a nursery place"},
            "baseline": {"value": 12, "unit": "people", "period": {"fiscal_year": 2020}},
            "target": {"value": 0, "unit": "people"}})
    old, new = _plan(tmp_path, "old"), _plan(tmp_path, "new", add_kpi)
    assert _diff(capsys, str(old), str(new)) == (
        "## 計画の変更点\n\n"
        "### 追加された項目\n\n"
        "- KPI「保育所待機児童数」 `nursery-waiting`（基本的方向(1)「子育てを支える環境の充実」 `direction-1-1`）\n\n"
        "### 数値の変更\n\n"
        "- 保育所待機児童数 基準値（令和2年度） なし → 12人（KPI `nursery-waiting`）\n"
        "- 保育所待機児童数 目標値 なし → 0人（KPI `nursery-waiting`）\n")


def test_a_changed_evaluation_reads_as_the_scales_labels(tmp_path, capsys):
    old = tmp_path / "old"
    shutil.copytree(MINIMAL.parent / "evaluation", old)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    text = (new / "policy.yaml").read_text(encoding="utf-8")
    (new / "policy.yaml").write_text(text.replace("            grade: mostly\n", "            grade: not-achieved\n")
                                     .replace("            grade: b\n", "            grade: a\n"), encoding="utf-8")
    changes = [line for line in _diff(capsys, str(old), str(new), "--lang", "ja").splitlines() if "評価結果" in line]
    assert len(changes) == 2
    assert "重点的な取組 1番目 評価（令和6年度） 評価結果 「B」 → 「A」（重点課題1 `issue-1`）" in changes[0]
    assert "評価（令和5年度） 評価結果 「概ね達成」 → 「未達成」（活動目標 `issue-1-activity-1`）" in changes[1]
