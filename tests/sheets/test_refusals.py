"""All or nothing: every bad cell of every file is reported, by cell, in the editor's language, and the
plan's files are left byte for byte as they were."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest

from generator.cli import main

from .helpers import DATA, fill, plan_copy, snapshot

GOOD = {"project-parent-cafe": {"grade": "達成"}}  # a good row beside the bad one: it is not written either


@pytest.fixture
def exported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # files are named as the editor names them: relative to where they work
    plan = plan_copy(tmp_path)
    out = tmp_path / "照会票.xlsx"
    assert main(["export-sheet", "--plan", str(plan), "--out", str(out)]) == 0
    return plan, out


def _import(tmp_path, plan, files, capsys, lang="ja") -> list[str]:
    before = snapshot(plan)
    assert main(["import-sheet", "--plan", str(plan), *map(str, files), "--lang", lang]) == 1
    assert snapshot(plan) == before  # nothing written while any problem remains
    return capsys.readouterr().err.splitlines()


def _move_columns(book):
    sheet = book["子育て支援課"]
    sheet["J1"], sheet["K1"] = sheet["K1"].value, sheet["J1"].value


def _merge(book):
    book["子育て支援課"].merge_cells("L2:L3")


def _formula(book):
    book["子育て支援課"]["J2"] = "=4+1"


def _changed_key(unit=None, target=None):
    def edit(book):
        cell = book["子育て支援課"]["M2"]
        key = json.loads(cell.value)
        key.update({name: value for name, value in (("unit", unit), ("target", target)) if value is not None})
        cell.value = json.dumps(key)
    return edit


@pytest.mark.parametrize("values, edit, expected", [
    ({"kpi-nursery-waiting": {"actual": "３６．１"}}, None,
     "filled.xlsx:子育て支援課!J2: 全角の数字です。半角で 36.1 と入力してください。入力値: ３６．１"),
    ({"kpi-nursery-waiting": {"actual": "約36"}}, None,
     "filled.xlsx:子育て支援課!J2: 数値を入力してください（例: 36.1）。入力値: 約36"),
    ({"kpi-nursery-waiting": {"actual": "1,234"}}, None,
     "filled.xlsx:子育て支援課!J2: 数値にカンマは付けません。1234 と入力してください。入力値: 1,234"),
    ({"kpi-nursery-waiting": {"actual": "5人"}}, None,
     "filled.xlsx:子育て支援課!J2: 数値だけを入力してください（単位は E 列のとおり）。5 と入力してください。入力値: 5人"),
    ({}, _formula,
     "filled.xlsx:子育て支援課!J2: 数式は読み込みません（計算結果ではなく値を直接入力してください）。入力値: =4+1"),
    ({"kpi-nursery-waiting": {"id": "kpi-nursery-wait"}}, None,
     "filled.xlsx:子育て支援課!A2: ID「kpi-nursery-wait」は計画にありません。ID が変わったか、別の計画の行です。"
     "新しく書き出した照会票に記入し直してください"),
    ({}, _changed_key(unit="percent"),
     "filled.xlsx:子育て支援課!E2: 書き出した後で、この項目の単位が変わりました。新しく書き出した照会票に記入し直してください"),
    ({}, _changed_key(target=5),
     "filled.xlsx:子育て支援課!G2: 書き出した後で、この項目の目標値が変わりました。新しく書き出した照会票に記入し直してください"),
    ({}, _merge, "filled.xlsx:子育て支援課!L2: セル L2:L3 が結合されています。結合を解除してください"),
    ({}, _move_columns,
     "filled.xlsx:子育て支援課!J1: この列の見出しは「実績値（数値）」のはずですが、「評価（選択）」です。"
     "列を移動・削除・追加せず、書き出したときの並びのままにしてください"),
    ({"kpi-nursery-waiting": {"grade": "とても良い"}}, None,
     "filled.xlsx:子育て支援課!K2: 評価「とても良い」は選択肢にありません。一覧から選んでください: S、A、B、C、−"),
    ({"kpi-support-quality": {"comment": "採用を進めます。"}}, None,
     "filled.xlsx:子育て支援課!L3: コメントだけでは記録できません。評価も選んでください"),
    ({"kpi-support-quality": {"actual": 3}}, None,
     "filled.xlsx:子育て支援課!J3: この行には実績値を入力できません（数値で測る指標ではありません）。"
     "評価とコメントで記入してください。入力値: 3"),
    ({"kpi-nursery-waiting": {"period": "2024年度"}}, None,
     "filled.xlsx:子育て支援課!I2: 対象年度 2024年度 は、この照会票の年度（2025）と違います。書き出したときのままにしてください"),
])
def test_each_kind_of_bad_cell_is_refused_at_its_cell(exported, tmp_path, capsys, values, edit, expected):
    plan, out = exported
    filled = fill(out, tmp_path / "filled.xlsx", {**GOOD, **values}, edit)
    err = _import(tmp_path, plan, [filled], capsys)
    assert [line for line in err if "filled.xlsx" in line] == [expected]
    assert err[-1] == "1件の問題が見つかりました。計画には何も書き込んでいません。"


def test_every_problem_of_every_file_at_once_in_english(exported, tmp_path, capsys):
    plan, out = exported
    first = fill(out, tmp_path / "first.xlsx", {"kpi-nursery-waiting": {"actual": "x"}})
    second = fill(out, tmp_path / "second.xlsx", {"issue-1-activity-1": {"grade": "?"}}, _merge)
    err = _import(tmp_path, plan, [first, second], capsys, lang="en")
    assert err == [
        "first.xlsx:子育て支援課!J2: expected a number, e.g. 36.1 (found 'x')",
        "second.xlsx:子育て支援課!L2: cells L2:L3 are merged; unmerge them",
        "second.xlsx:総務課!K2: grade '?' is not one of the choices; choose one from the list: 達成, 概ね達成, 未達成",
        "3 problems found; nothing was written into the plan.",
    ]


def test_the_same_item_with_two_values_is_a_conflict(exported, tmp_path, capsys):
    plan, out = exported
    one = fill(out, tmp_path / "one.xlsx", {"kpi-nursery-waiting": {"actual": 5}})
    two = fill(out, tmp_path / "two.xlsx", {"kpi-nursery-waiting": {"actual": 6}})
    err = _import(tmp_path, plan, [one, two], capsys, lang="en")
    assert err[0] == ("two.xlsx:子育て支援課!A2: ID 'kpi-nursery-waiting' has a different value in "
                      "one.xlsx:子育て支援課!A2; keep one of them")


def test_a_workbook_from_another_plan(exported, tmp_path, capsys):
    plan, _ = exported
    other = tmp_path / "other.xlsx"
    assert main(["export-sheet", "--plan", str(DATA / "minimal"), "--out", str(other), "--whole-plan"]) == 0
    err = _import(tmp_path, plan, [other], capsys)
    assert err[0] == ("other.xlsx: この照会票は別の計画から書き出されたものです。"
                      "この計画（見本町）の export-sheet で書き出した照会票に記入してください")


def test_a_year_outside_the_plan_period_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = plan_copy(tmp_path)
    out = tmp_path / "2022.xlsx"
    assert main(["export-sheet", "--plan", str(plan), "--out", str(out), "--year", "2022"]) == 0

    def earlier(book):  # a sheet edited by hand to ask about the year before the plan began
        book["_keikaku"]["B3"] = 2021
        for sheet in book.worksheets[2:-1]:
            for row in range(2, sheet.max_row + 1):
                sheet[f"I{row}"] = "2021年度"
    filled = fill(out, tmp_path / "filled.xlsx", {"kpi-nursery-waiting": {"actual": 9}}, earlier)
    err = _import(tmp_path, plan, [filled], capsys)
    assert err[0] == ("filled.xlsx:子育て支援課!J2: この値は計画に書き込めません: 実績値の年 2021年度 は計画期間"
                      "（2022〜2026年度）の外です。期間内の年を書いてください（計画の前の値なら baseline: に書きます）")


def test_a_problem_is_an_error_annotation_on_the_workbook(exported, tmp_path, capsys):
    plan, out = exported
    filled = fill(out, tmp_path / "filled.xlsx", {"kpi-nursery-waiting": {"actual": "x"}})
    assert main(["import-sheet", "--plan", str(plan), str(filled), "--format", "github", "--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "::error file=filled.xlsx,title=子育て支援課!J2::数値を入力してください（例: 36.1）。入力値: x")


def test_the_problems_reach_the_job_summary_escaped(exported, tmp_path, capsys):
    plan, out = exported
    filled = fill(out, tmp_path / "filled.xlsx", {"kpi-nursery-waiting": {"actual": "<img src=x onerror=alert(1)>"}})
    summary = tmp_path / "summary.md"
    assert main(["import-sheet", "--plan", str(plan), str(filled), "--lang", "ja", "--summary", str(summary)]) == 1
    assert summary.read_text(encoding="utf-8").splitlines() == [
        "**1件の問題が見つかりました。計画には何も書き込んでいません。**", "",
        r"- filled.xlsx:子育て支援課\!J2: 数値を入力してください（例: 36.1）。入力値: \<img src=x onerror=alert(1)\>"]


# ── Untrusted files: bounded, parsed without entity expansion, never a traceback ─────────────────────────────

def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _entity_bomb(exported_path) -> bytes:
    """The exported workbook with a billion-laughs DOCTYPE in its first data sheet."""
    with zipfile.ZipFile(exported_path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    laughs = b'<!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10)) + b"]>"
    name = "xl/worksheets/sheet3.xml"
    entries[name] = b'<?xml version="1.0" encoding="UTF-8"?>' + laughs + entries[name].replace(
        b"<sheetData>", b"<sheetData><row r=\"99\"><c r=\"A99\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>", 1)
    return _zip(entries)


@pytest.mark.parametrize("name, make, expected", [
    ("bomb.xlsx", lambda out: _zip({"xl/big.xml": b"0" * (120 * 1024 * 1024)}),
     "bomb.xlsx: ファイルを展開すると大きすぎます（120.0 MiB、上限は 100.0 MiB）。壊れているか、照会票ではないファイルのようです"),
    ("laughs.xlsx", _entity_bomb,
     "laughs.xlsx: Excel のブック（.xlsx）として読めません（EntitiesForbidden）。"
     "export-sheet で書き出した照会票を Excel か LibreOffice で .xlsx 形式で保存してください"),
    ("text.xlsx", lambda out: b"not a workbook",
     "text.xlsx: Excel のブック（.xlsx）として読めません（not a zip archive）。"
     "export-sheet で書き出した照会票を Excel か LibreOffice で .xlsx 形式で保存してください"),
    ("huge.xlsx", lambda out: b"\0" * (21 * 1024 * 1024),
     "huge.xlsx: ファイルが大きすぎます（21.0 MiB、上限は 20.0 MiB）。照会票のシート以外を削除するか、担当課ごとに分けてください"),
    ("sjis.csv", lambda out: "ID（変更不可）,種別\n".encode("shift_jis"),
     "sjis.csv: CSV の文字コードが UTF-8 ではありません。Excel では「CSV UTF-8（コンマ区切り）」で保存してください"),
    ("notes.txt", lambda out: b"hello",
     "notes.txt: 読み込めるのは .xlsx と .csv のファイルです。照会票は .xlsx 形式のまま保存してください。入力値: notes.txt"),
])
def test_an_unsafe_or_foreign_file_is_refused(exported, tmp_path, capsys, name, make, expected):
    plan, out = exported
    path = tmp_path / name
    path.write_bytes(make(out))
    assert _import(tmp_path, plan, [path], capsys)[0] == expected


def test_a_workbook_keikaku_did_not_write(exported, tmp_path, capsys):
    plan, _ = exported
    path = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(path)
    assert _import(tmp_path, plan, [path], capsys)[0] == (
        "plain.xlsx: Keikaku が書き出した照会票ではありません（照合用の情報がありません）。"
        "export-sheet で書き出した照会票に記入してください")


def test_a_linked_file_is_not_followed(exported, tmp_path, capsys):
    plan, out = exported
    link = tmp_path / "link.xlsx"
    link.symlink_to(out)
    assert _import(tmp_path, plan, [link], capsys)[0].startswith("link.xlsx: 「link.xlsx」はシンボリックリンクです。")


def test_a_missing_file_is_named(exported, tmp_path, capsys):
    plan, _ = exported
    assert _import(tmp_path, plan, [tmp_path / "なし.xlsx"], capsys)[0] == (
        "なし.xlsx: ファイルが見つかりません。照会票のファイル名と置いたフォルダを確かめてください")


def test_a_layout_that_cannot_be_kept_is_refused_and_nothing_written(exported, tmp_path, capsys):
    plan, out = exported
    text = (plan / "policy.yaml").read_text(encoding="utf-8")
    # One actual's flow mapping broken over two lines: ruamel would join them, right where the new one goes.
    line = "          - {value: 8, unit: people, period: {fiscal_year: 2023}}"
    broken = line.replace(", period:", ",\n" + " " * (len(line) - len(line.lstrip()) + 3) + "period:")
    (plan / "policy.yaml").write_text(text.replace(line, broken), encoding="utf-8")
    filled = fill(out, tmp_path / "filled.xlsx", {"kpi-nursery-waiting": {"actual": 5}})
    assert _import(tmp_path, plan, [filled], capsys)[0].startswith(
        f"{plan.name}/policy.yaml: {plan.name}/policy.yaml の書き方（字下げや行の折り返し）を保ったまま値を書き込めません。")
