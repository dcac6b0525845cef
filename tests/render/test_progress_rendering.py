"""Progress on the pages: test plans whose actuals give every status, rendered in both languages.

Each row of an indicator table shows the latest actual and the status in the plan's own words,
linked to the progress page's explanation of it.
"""

from __future__ import annotations

import functools
import re

import pytest

from generator.model import Status
from generator.load.plan import load_plan
from generator.prepare.progress import assess_plan
from generator.render.markdown_site import render_site
from tests.conftest import ROOT

PLANS = ROOT / "tests" / "data" / "progress"

# plan → indicator id → (status, Japanese progress cell, English progress cell, fragment, latest actual ja)
EXPECTED = {
    "graded": {
        "graded-s": (Status.achieved, "S（達成）", "S (Achieved)", "grade_beyond_target", "210人"),
        "graded-a": (Status.on_track, "A（順調）", "A (On track)", "grade_beyond_baseline", "60%"),
        "graded-b": (Status.behind, "B（遅れ）", "B (Behind)", "grade_near_baseline", "1,050人"),
        "graded-c": (Status.behind, "C（遅れ）", "C (Behind)", "grade_below_baseline", "50件"),
        "graded-unmeasured": (Status.not_measured, "− 未測定", "− Not yet measured", "status_not_measured", "未測定"),
        "graded-qualitative": (Status.not_comparable, "− 比較不可（定性的な目標）",
                               "− Not comparable (qualitative target)", "reason_qualitative_target", "80.1歳"),
        "graded-no-direction": (Status.not_comparable, "− 比較不可（方向の定めなし）",
                                "− Not comparable (no direction)", "reason_no_direction", "310件"),
        "graded-units": (Status.not_comparable, "− 比較不可（単位が異なる）",
                         "− Not comparable (different units)", "reason_different_units", "600人"),
    },
    "pro_rated": {
        "pro-rated-steady": (Status.on_track, "順調に進捗している（順調）", "Steadily progressing (On track)",
                             "grade_steady", "145件"),
        "pro-rated-mostly": (Status.on_track, "概ね順調に進捗している（順調）", "Mostly progressing (On track)",
                             "grade_mostly", "130人"),
        "pro-rated-needs-improvement": (Status.behind, "改善が必要（遅れ）", "Needs improvement (Behind)",
                                        "grade_needs_improvement", "80人"),
        "pro-rated-achieved": (Status.achieved, "順調に進捗している（達成）", "Steadily progressing (Achieved)",
                               "grade_steady", "205件"),
        "pro-rated-ceiling": (Status.behind, "改善が必要（遅れ）", "Needs improvement (Behind)",
                              "grade_needs_improvement", "7%"),
        "pro-rated-unmeasured": (Status.not_measured, "未測定", "Not yet measured", "status_not_measured", "未測定"),
        "pro-rated-several": (Status.not_comparable, "比較不可（複数の数値）", "Not comparable (several values)",
                              "reason_several_values", "未測定"),
    },
    "achieved": {
        "achieved-yes": (Status.achieved, "達成", "Achieved", "grade_achieved", "52件"),
        "achieved-no": (Status.behind, "未達成（遅れ）", "Not achieved (Behind)", "grade_not_achieved", "45%"),
        "achieved-maintained": (Status.achieved, "達成", "Achieved", "grade_achieved", "2,900人"),
        "achieved-unmeasured": (Status.not_measured, "未測定", "Not yet measured", "status_not_measured", "未測定"),
        "achieved-no-target": (Status.not_comparable, "比較不可（目標値なし）", "Not comparable (no target)",
                               "reason_no_target", "130件"),
        # Short of its FY2025 target in FY2022: not yet achieved, not behind (the rule only says reached or not).
        "achieved-not-yet": (Status.not_yet_achieved, "未達成（目標年度前）", "Not yet achieved",
                             "status_not_yet_achieved", "50%"),
    },
}

_ROW = r'<tr id="{id}">(.*?)</tr>'
_CELL = r'<td data-label="{label}">(.*?)</td>'
_TAGS = re.compile(r"<[^>]+>")


@functools.cache
def _rendered(name: str) -> dict[str, dict[str, str]]:
    return {language.lang: language.files for language in render_site(load_plan(PLANS / name).plan)}


def _cell(files: dict[str, str], ident: str, label: str) -> str:
    for path, text in files.items():
        row = re.search(_ROW.format(id=re.escape(ident)), text, re.S)
        if row:
            cell = re.search(_CELL.format(label=re.escape(label)), row.group(1), re.S)
            assert cell, f"{ident}: no cell {label!r} on {path}"
            return cell.group(1)
    raise AssertionError(f"no row for {ident}")


def test_the_test_plans_cover_every_status():
    seen = {expected[0] for plan in EXPECTED.values() for expected in plan.values()}
    assert seen == set(Status)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_status_is_computed_by_the_plans_rule(name):
    assessments = assess_plan(load_plan(PLANS / name).plan)
    assert {ident: a.status for ident, a in assessments.items()} == {
        ident: expected[0] for ident, expected in EXPECTED[name].items()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_status_and_latest_actual_are_shown_in_both_languages(name):
    rendered = _rendered(name)
    for ident, (_, ja, en, fragment, latest_ja) in EXPECTED[name].items():
        for lang, words, progress_label, latest_label in (("ja", ja, "進捗", "最新値"),
                                                         ("en", en, "Progress", "Latest actual")):
            cell = _cell(rendered[lang], ident, progress_label)
            status = re.search(r'<a class="kk-status [^"]*"[^>]*>(.*?)</a>', cell).group(1)
            assert _TAGS.sub("", status).strip() == words, (ident, lang)
            link = re.search(r'href="([^"]+)#([^"]+)"', cell)
            assert link and link.group(2) == fragment, (ident, lang, cell)
            assert f'id="{fragment}"' in rendered[lang]["progress/index.md"], (ident, fragment)
        latest = _TAGS.sub("", _cell(rendered["ja"], ident, "最新値"))
        assert latest.startswith(latest_ja), (ident, latest)


def test_actual_note_source_and_earlier_values_are_shown():
    rendered = _rendered("graded")
    # (a line break after each block, for search: render/markdown_site.py)
    ja = _TAGS.sub("", _cell(rendered["ja"], "graded-s", "最新値")).replace("\n", "")
    en = _TAGS.sub("", _cell(rendered["en"], "graded-s", "Latest actual")).replace("\n", "")
    assert ja == "210人 (令和4年度)速報値出典: 住民基本台帳それ以前: 150人 (令和3年度)"
    assert en == ("210 people (FY2022)Preliminary figureSource: Basic resident register"
                  "Earlier: 150 people (FY2021)")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_progress_page_explains_the_plans_rule_in_both_languages(name):
    rendered = _rendered(name)
    plan = load_plan(PLANS / name).plan
    rule = plan.root.progress
    for lang in ("ja", "en"):
        page = rendered[lang]["progress/index.md"]
        if rule is not None:
            for key, grade in rule.grades.items():
                row = re.search(_ROW.format(id="grade_" + key), page, re.S)
                assert row and getattr(grade.label, lang) in row.group(1)
    assert "±10%" in rendered["en"]["progress/index.md"]
