"""The yearly evaluation as readers see it, on the test plan tests/data/evaluation (two scales, invented grades).

Qualitative targets, an initiative, a project and two KPIs carry evaluations; the pages must show the latest
grade, the division's comment, the outside review, the earlier years, and count each item once, in both
languages.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.plans import PLANS

PLAN = "evaluation"


def _element(page: str, ident: str, tag: str) -> str:
    """The text of the element `<tag id="ident">`, tags removed and entities read, spaces collapsed."""
    match = re.search(rf'<{tag} id="{re.escape(ident)}"[^>]*>(.*?)</{tag}>', page, re.S)
    assert match, f"no <{tag} id={ident}> on the page"
    return _text(match.group(1))


def _text(fragment: str) -> str:
    """Text as read aloud: a term and its description (<dt>, <dd>) as "term: description"."""
    fragment = re.sub(r"</dt>\s*<dd[^>]*>", ": ", fragment)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


@pytest.fixture(scope="module")
def site(built_sites):
    return built_sites(PLAN)


def _page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix, expected", [
    ("", ["令和6年度の評価 達成", "担当課のコメント: 電話応答装置を設置し、運用を始めました。",
          "外部評価 (評価者: 見本町行政評価委員会、評価日: 2024-11): 目標どおり完了したと認められる。",
          "それ以前の評価: 令和5年度: 概ね達成（順調）"]),
    ("en/", ["Evaluation for FY2024 Achieved",
             "Division's comment: The telephone answering service has been installed and is in use.",
             "External review (Reviewed by: Mihon Town Administrative Evaluation Committee, Reviewed on: 2024-11): "
             "目標どおり完了したと認められる。",
             "Earlier evaluations: FY2023: Mostly achieved (On track)"]),
])
def test_a_qualitative_target_shows_its_latest_grade_comment_review_and_earlier_years(site, prefix, expected):
    text = _element(_page(site, f"{prefix}policy/issue-1"), "issue-1-activity-1", "li")
    for part in expected:
        assert part in text


def test_the_grade_links_to_its_scale_on_the_progress_page(site):
    page = _page(site, "policy/issue-1")
    assert 'href="../../progress/#scale_three-grades_achieved">達成</a>' in page
    assert 'href="../../progress/#scale_letter-grades_b">B（遅れ）</a>' in page
    progress = _page(site, "progress")
    for anchor in ("scale_three-grades", "scale_three-grades_achieved", "scale_letter-grades_b", "scale_letter-grades_none"):
        assert f'id="{anchor}"' in progress
    assert "見本町 事務事業評価 記入要領" in progress


@pytest.mark.parametrize("prefix, grade, comment", [
    ("", "令和6年度の評価 B（遅れ）", "一部地区で工事が遅れています。"),
    ("en/", "Evaluation for FY2024 B (Behind)", "Work is behind in some districts."),
])
def test_an_initiative_on_the_second_scale(site, prefix, grade, comment):
    text = _element(_page(site, f"{prefix}policy/issue-1"), "issue-1-initiative-1", "tr")
    assert grade in text and comment in text


def test_a_comment_written_only_in_japanese_is_shown_marked_as_japanese_on_english_pages(site):
    page = _page(site, "en/policy/issue-2")
    assert re.search(r"<dt>Division&#x27;s comment</dt>\s*<dd lang=\"ja\">定員を20人増やしました。</dd>", page)
    # A computed status stays beside the division's own grade.
    row = _element(page, "kpi-nursery-waiting", "tr")
    assert "Not yet achieved" in row and "Evaluation for FY2023 A (On track)" in row


def test_an_item_not_yet_evaluated_shows_no_evaluation(site):
    assert "評価" not in _element(_page(site, "policy/issue-1"), "issue-1-achievement-1", "li")


@pytest.mark.parametrize("prefix, counts", [
    # The activity target (達成) and the KPI computed as not yet achieved; three behind: the initiative (B), the
    # KPI in words graded C, the project (未達成). The unevaluated achievement target is not counted.
    ("", {"達成": 1, "順調": 0, "未達成（目標年度前）": 1, "遅れ": 3, "未測定": 0, "比較不可": 0}),
    ("en/", {"Achieved": 1, "On track": 0, "Not yet achieved": 1, "Behind": 3, "Not yet measured": 0,
             "Not comparable": 0}),
])
@pytest.mark.parametrize("page", ["", "indicators"])
def test_counts_on_the_home_and_overview_pages_include_evaluated_items(site, prefix, counts, page):
    shown = re.search(r'<ul class="kk-status-counts">(.*?)</ul>', _page(site, prefix + page), re.S).group(1)
    found = {_text(name): int(count) for name, count in re.findall(r"<a [^>]*>(.*?): <strong>(\d+)</strong></a>", shown)}
    assert found == counts


@pytest.mark.parametrize("prefix, text", [
    ("", "計画期間5年のうち3年目（令和6年度の結果まで）"),
    ("en/", "Year 3 of 5 of the plan period (results up to FY2024)"),
])
def test_the_document_says_how_far_through_its_period_the_results_reach(site, prefix, text):
    assert text in _text(_page(site, prefix + "policy")) and text in _text(_page(site, prefix))


def test_the_overview_lists_every_evaluated_item_with_a_link_to_it(site):
    page = _page(site, "en/indicators")
    section = page[page.index('id="evaluated_items"'):]
    for ident, path in (("issue-1-activity-1", "policy/issue-1/"), ("issue-1-initiative-1", "policy/issue-1/"),
                        ("project-parent-cafe", "policy/issue-2/")):
        assert f'href="../{path}#{ident}"' in section
    assert "issue-1-achievement-1" not in section


def test_the_plan_is_a_product_plan():
    assert PLAN in PLANS  # found on disk: the browser and accessibility tests run on its pages too
