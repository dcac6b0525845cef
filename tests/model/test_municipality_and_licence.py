"""plan.yaml's `code` (全国地方公共団体コード, with its check digit) and `data_licence` (a preset by id, or
the plan's own): validated in the editor's words, and carried into the pages and the open data."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from generator.cli import main
from generator.labels import load_labels
from generator.load.plan import load_plan
from generator.model.licences import PRESETS
from generator.model.plan import _check_digit
from generator.prepare.open_data import BOM, open_data_files
from generator.prepare.licence import licence
from generator.render.open_data_page import dataset_jsonld
from tests.conftest import ROOT

MINIMAL = ROOT / "tests" / "data" / "minimal"


def _plan(tmp_path, line: str):
    plan = tmp_path / "plan"
    shutil.copytree(MINIMAL, plan)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return plan


@pytest.mark.parametrize("code", ["131016", "122173", "011002", "271004", "472018"])
def test_published_codes_pass_their_check_digit(code):
    # Chiyoda, Kashiwa, Sapporo, Osaka and Naha, as the Ministry's list of local government codes prints them.
    assert _check_digit(code[:5]) == int(code[5])


@pytest.mark.parametrize("written, message", [
    ('"122174"', "全国地方公共団体コード「122174」の最後の桁（検査数字）が合いません。前の5桁からは 122173 になります。"
                 "総務省の一覧で確かめてください"),
    ('"12217"', "全国地方公共団体コードは、最後の検査数字を含めた6桁で書いてください。122173 と書いてください。入力値: 12217"),
    ('"12a173"', '全国地方公共団体コードは6桁の半角数字で書いてください（例: "131016"）。入力値: 12a173'),
])
def test_a_wrong_code_is_told_with_what_to_write(tmp_path, capsys, written, message):
    plan = _plan(tmp_path, f"code: {written}")
    assert main(["check", "--plan", str(plan), "--lang", "ja"]) == 1
    line = capsys.readouterr().err.splitlines()[0]
    assert re.fullmatch(rf".*plan\.yaml:\d+:7: code: {re.escape(message)}", line), line


def test_the_code_reaches_the_csvs_and_the_json_ld(tmp_path):
    plan = load_plan(_plan(tmp_path, 'code: "131016"')).plan
    files = {file.path: file for file in open_data_files(plan)}
    rows = list(csv.reader(io.StringIO(files["indicator_values.csv"].content.removeprefix(BOM))))
    assert rows[0][0] == "全国地方公共団体コード / Local government code"
    assert {row[0] for row in rows[1:]} == {"131016"}
    block = dataset_jsonld(plan, list(files.values()), load_labels("ja"), "data/index.md", None)
    datasets = json.loads(str(block).removeprefix('<script type="application/ld+json">').removesuffix("</script>"))
    assert {dataset["creator"]["identifier"] for dataset in datasets} == {"131016"}


@pytest.mark.parametrize("preset", PRESETS, ids=lambda record: record.id)
def test_a_licence_preset_by_id_in_both_languages(tmp_path, preset):
    plan = load_plan(_plan(tmp_path, f"data_licence: {preset.id}")).plan
    for lang in ("ja", "en"):
        shown = licence(plan, load_labels(lang))
        assert shown.url == preset.url and shown.url.startswith("https://")
        assert shown.name == load_labels(lang).licence_names[preset.id]
    assert licence(plan, load_labels("ja")).name != licence(plan, load_labels("en")).name


def test_the_default_licence_and_a_licence_of_the_plans_own(tmp_path):
    default = load_plan(MINIMAL).plan
    assert licence(default, load_labels("en")).name == "Creative Commons Attribution 4.0 International (CC BY 4.0)"
    own = load_plan(_plan(tmp_path, "data_licence: {name: 市独自の利用規約, url: 'https://example.org/terms/'}")).plan
    assert licence(own, load_labels("en")) .name == "市独自の利用規約"
    assert licence(own, load_labels("en")).url == "https://example.org/terms/"


def test_an_unknown_licence_id_is_refused(tmp_path, capsys):
    plan = _plan(tmp_path, "data_licence: cc-by-3.0")
    assert main(["check", "--plan", str(plan), "--lang", "en"]) == 1
    assert "data_licence" in capsys.readouterr().err


def test_the_municipalitys_website_is_the_creators_address(tmp_path):
    plan = load_plan(_plan(tmp_path, "website: https://www.city.example.jp/")).plan
    files = open_data_files(plan)
    block = dataset_jsonld(plan, files, load_labels("en"), "data/index.md", None)
    datasets = json.loads(str(block).removeprefix('<script type="application/ld+json">').removesuffix("</script>"))
    assert {dataset["creator"]["url"] for dataset in datasets} == {"https://www.city.example.jp/"}
