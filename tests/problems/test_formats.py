"""`check --format github`: each problem as a workflow command GitHub shows on the PR's changed line."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.cli import main
from generator.problems.errors import Location, Problem
from generator.messages import Message
from generator.problems.formats import escape_data, escape_property, github_annotation

DATA = Path(__file__).parents[1] / "data"


def _check_errors_across_phases(tmp_path, monkeypatch, capsys, *options: str) -> tuple[str, str]:
    plan = tmp_path / "plan"
    shutil.copytree(DATA / "minimal", plan)
    for path in (DATA / "invalid" / "errors_across_phases").glob("*.yaml"):
        shutil.copy(path, plan / path.name)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan", "--format", "github", *options]) == 1
    return capsys.readouterr()


def test_github_format_prints_one_annotation_per_problem_with_file_line_and_column(tmp_path, monkeypatch, capsys):
    out, err = _check_errors_across_phases(tmp_path, monkeypatch, capsys)
    assert out.splitlines() == [
        "::error file=plan/plan.yaml,line=5,col=7,title=home::wrong type (expected a mapping of fields, "
        "found the number 3)",
        "::error file=plan/plan.yaml,line=6,col=1,title=home_text::unknown field (did you mean 'home'? expected "
        "one of: municipality, code, website, site_title, description, home, vision, site_url, languages, documents, progress, evaluation_scales, data_licence, notes; found 'home_text')",
        "::error file=plan/strategy.yaml,line=54,col=25,title=Basic goal 1 > Basic direction (1) > project "
        '"More places for parents and children to meet" > divisions[0]::'
        "unknown division 'childcare' (did you mean 'childcare-support'? expected an id from divisions.yaml: "
        "childcare-support, planning; found 'childcare')",
    ]
    assert err == "3 problems found; nothing was built.\n"


def test_the_pull_request_check_annotates_in_japanese(tmp_path, monkeypatch, capsys):
    # The PR workflow runs `check --format github --lang ja`: the editor reads the item's name and the fix.
    out, err = _check_errors_across_phases(tmp_path, monkeypatch, capsys, "--lang", "ja")
    assert out.splitlines() == [
        "::error file=plan/plan.yaml,line=5,col=7,title=home::項目の組（「名前: 値」の行）を書いてください。入力値: 数値 3",
        "::error file=plan/plan.yaml,line=6,col=1,title=home_text::知らない項目名です。もしかして「home」？ 使える項目名: "
        "municipality、code、website、site_title、description、home、vision、site_url、languages、documents、progress、evaluation_scales、data_licence、notes。"
        '入力値: "home_text"',
        "::error file=plan/strategy.yaml,line=54,col=25,title=基本目標1 > 基本的方向(1) > 事業「親子で交流できる場の充実」の "
        "divisions[0]::担当課の id「childcare」は divisions.yaml にありません。もしかして「childcare-support」？ "
        "divisions.yaml の id から選ぶか、課を divisions.yaml に足してください: childcare-support、planning",
    ]
    assert err == "3件の問題が見つかりました。サイトは作られていません。\n"


def test_text_format_stays_the_default(tmp_path, monkeypatch, capsys):
    plan = tmp_path / "plan"
    shutil.copytree(DATA / "minimal", plan)
    shutil.copy(DATA / "invalid" / "wrong_type" / "strategy.yaml", plan / "strategy.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--plan", "plan"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0].startswith(
        'plan/strategy.yaml:30:25: Basic goal 1 > numerical target "Sense of fulfilment in raising children" > '
        "target.value: wrong type")


def test_a_whole_file_problem_has_no_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    assert main(["check", "--plan", "empty", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error file=empty/plan.yaml,title=plan check::plan.yaml not found "
        "(expected a plan directory with plan.yaml at its root)\n")


def test_percent_newlines_colons_and_commas_are_escaped():
    # An unescaped newline would end the command; an unescaped ',' or ':' would end a property.
    problem = Problem(Location("plan/a,b:c.yaml", 3, 9), "kpis[0].target", "100% wrong: a, b")
    assert github_annotation(problem) == (
        "::error file=plan/a%2Cb%3Ac.yaml,line=3,col=9,title=kpis[0].target::100%25 wrong: a, b")
    assert escape_data("a\r\nb") == "a%0D%0Ab" and escape_property("a\nb:c,d") == "a%0Ab%3Ac%2Cd"


def test_a_value_cannot_end_or_forge_a_workflow_command():
    # A text from the plan with a line break and a workflow command of its own: the annotation stays one
    # command, and the line break is shown as a character, not obeyed.
    hostile = "x\n::add-mask::secret\r\n::error file=README.md::forged\u202e\x1b]0;title\x07"
    problem = Problem(Location("plan/a.yaml", 1, 1), "title", Message("found.text", {"value": hostile}))
    line = github_annotation(problem, "en")
    assert "\n" not in line and "\r" not in line and "\x1b" not in line and "\u202e" not in line
    assert line.startswith("::error file=plan/a.yaml,line=1,col=1,title=title::")
    assert "<U+000A>::add-mask::secret" in line and "<U+202E>" in line
