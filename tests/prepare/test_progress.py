"""The status rule: every scheme, every direction, and every reason progress cannot be computed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.model import Indicator, ProgressRule, Status
from generator.prepare.progress import assess, latest_actual

NAME = {"ja": "指標", "en": "Indicator"}
GRADED = ProgressRule(scheme="graded")
PRO_RATED = ProgressRule(scheme="pro_rated")
ACHIEVED = ProgressRule(scheme="achieved")


def kpi(*actuals, baseline=100, target=200, unit="people", direction="increase", **extra) -> Indicator:
    data = {"id": "k", "name": NAME, "actuals": [
        {"value": v, "unit": unit, "period": {"fiscal_year": year}} for year, v in actuals]}
    if baseline is not None:
        data["baseline"] = {"value": baseline, "unit": unit, "period": {"fiscal_year": 2020}}
    if isinstance(target, dict):
        data["target"] = target
    elif target is not None:
        data["target"] = {"value": target, "unit": unit}
    if direction is not None:
        data["direction"] = direction
    data.update(extra)
    return Indicator.model_validate(data)


@pytest.mark.parametrize(("value", "grade", "status"), [
    (200, "beyond_target", Status.achieved),      # S: at or beyond the target
    (250, "beyond_target", Status.achieved),
    (150, "beyond_baseline", Status.on_track),    # A: beyond the baseline
    (109, "near_baseline", Status.behind),        # B: within ±10 % of the baseline
    (91, "near_baseline", Status.behind),
    (89, "below_baseline", Status.behind),        # C: fallen below the baseline
])
def test_graded_increase(value, grade, status):
    result = assess(kpi((2022, value)), GRADED)
    assert (result.grade, result.status) == (grade, status)


@pytest.mark.parametrize(("value", "grade"), [(40, "beyond_target"), (80, "beyond_baseline"),
                                              (95, "near_baseline"), (120, "below_baseline")])
def test_graded_decrease(value, grade):
    assert assess(kpi((2022, value), baseline=100, target=50, direction="decrease"), GRADED).grade == grade


def test_graded_tolerance_comes_from_the_rule():
    rule = ProgressRule(scheme="graded", tolerance_percent=5)
    assert assess(kpi((2022, 109)), rule).grade == "beyond_baseline"


@pytest.mark.parametrize(("year", "value", "grade", "status"), [
    (2021, 120, "steady", Status.on_track),          # year 1: 20 % expected, 20 % covered → 100 %
    (2022, 130, "mostly", Status.on_track),          # year 2: 40 % expected, 30 % covered → 75 %
    (2022, 120, "needs_improvement", Status.behind),  # year 2: 40 % expected, 20 % covered → 50 %
    (2023, 200, "steady", Status.achieved),          # at the target
    (2030, 190, "mostly", Status.on_track),          # past the plan: 100 % expected, 90 % covered
])
def test_pro_rated(year, value, grade, status):
    result = assess(kpi((year, value)), PRO_RATED, plan_start=2021)
    assert (result.grade, result.status) == (grade, status)


def test_pro_rated_shares_are_reported():
    result = assess(kpi((2022, 130)), PRO_RATED, plan_start=2021)
    assert result.expected_percent == pytest.approx(40) and result.progress_percent == pytest.approx(30)


def test_pro_rated_start_year_of_the_rule_wins():
    rule = ProgressRule(scheme="pro_rated", start_year=2022)
    assert assess(kpi((2022, 120)), rule, plan_start=2021).grade == "steady"


def test_pro_rated_without_a_plan_start_is_not_comparable():
    result = assess(kpi((2022, 120)), PRO_RATED, plan_start=None)
    assert (result.status, result.reason) == (Status.not_comparable, "no_plan_start")


@pytest.mark.parametrize(("value", "status"), [(200, Status.achieved), (199, Status.behind)])
def test_achieved_or_not(value, status):
    assert assess(kpi((2022, value)), ACHIEVED).status == status
    assert assess(kpi((2022, value))).status == status  # the default rule


@pytest.mark.parametrize(("direction", "value", "status"), [
    ("at_least", 200, Status.achieved), ("at_least", 150, Status.behind),
    ("at_most", 200, Status.achieved), ("at_most", 201, Status.behind),
    ("maintain", 190, Status.achieved), ("maintain", 170, Status.behind), ("maintain", 215, Status.achieved),
])
def test_thresholds(direction, value, status):
    assert assess(kpi((2022, value), direction=direction), GRADED).status == status


def test_no_actuals_is_not_yet_measured():
    assert assess(kpi(), GRADED).status == Status.not_measured


@pytest.mark.parametrize(("indicator", "reason"), [
    (kpi((2022, 150), direction=None), "no_direction"),
    (kpi(direction=None), "no_direction"),  # no direction outranks "not measured": it can never be
    (kpi((2022, 150), target=None), "no_target"),
    (kpi((2022, 150), target={"text": {"ja": "増加", "en": "A rise"}}), "qualitative_target"),
    (kpi((2022, 150), baseline=None), "no_baseline"),
])
def test_not_comparable(indicator, reason):
    result = assess(indicator, GRADED)
    assert (result.status, result.reason) == (Status.not_comparable, reason)


def test_different_units_are_not_comparable():
    indicator = Indicator.model_validate({
        "id": "k", "name": NAME, "direction": "increase", "target": {"value": 50, "unit": "percent"},
        "actuals": [{"value": 40, "unit": "people", "period": {"fiscal_year": 2022}}]})
    assert assess(indicator, GRADED).reason == "different_units"


def test_several_values_are_not_comparable():
    indicator = Indicator.model_validate({
        "id": "k", "name": NAME, "direction": "increase", "target": {"value": 50, "unit": "percent"},
        "actuals": [{"period": {"year": 2022}, "values": [
            {"label": NAME, "value": 1, "unit": "percent"}, {"label": NAME, "value": 2, "unit": "percent"}]}]})
    assert assess(indicator, GRADED).reason == "several_values"


def test_latest_actual_is_the_latest_period_not_the_last_listed():
    indicator = kpi((2023, 180), (2021, 120))
    assert latest_actual(indicator).value == 180
    assert assess(indicator, GRADED).grade == "beyond_baseline"


def test_rule_rejects_grades_of_another_scheme():
    with pytest.raises(ValidationError, match="not a grade of the graded scheme"):
        ProgressRule.model_validate({"scheme": "graded", "grades": {"steady": {"label": NAME}}})


def test_rule_rejects_inverted_thresholds():
    with pytest.raises(ValidationError, match="lower_percent"):
        ProgressRule(scheme="pro_rated", lower_percent=120)


# ── Mid-period: before the target's year, short of the target is not yet "behind" ─────────────────────

@pytest.mark.parametrize(("year", "plan_end", "status"), [
    (2022, 2025, Status.not_yet_achieved),   # the first years of a five-year plan
    (2024, 2025, Status.not_yet_achieved),
    (2025, 2025, Status.behind),             # the target's year has come: behind
    (2026, 2025, Status.behind),
    (2022, None, Status.behind),             # no year to measure against: the rule as it is
])
def test_short_of_the_target_before_its_year_is_not_yet_achieved(year, plan_end, status):
    assert assess(kpi((year, 150)), ACHIEVED, plan_start=2021, plan_end=plan_end).status is status


def test_the_targets_own_year_comes_before_the_end_of_the_plan():
    own_year = kpi((2023, 150), target={"value": 200, "unit": "people", "period": {"fiscal_year": 2023}})
    assert assess(own_year, ACHIEVED, plan_start=2021, plan_end=2025).status is Status.behind
    later = kpi((2023, 150), target={"value": 200, "unit": "people", "period": {"fiscal_year": 2024}})
    assert assess(later, ACHIEVED, plan_start=2021, plan_end=2025).status is Status.not_yet_achieved


def test_reaching_the_target_early_is_achieved():
    assert assess(kpi((2022, 210)), ACHIEVED, plan_start=2021, plan_end=2025).status is Status.achieved


@pytest.mark.parametrize("rule, value, status", [(GRADED, 150, Status.on_track), (GRADED, 100, Status.behind),
                                                 (PRO_RATED, 150, Status.on_track), (PRO_RATED, 110, Status.behind)])
def test_rules_that_say_how_far_along_judge_the_years_before_the_target(rule, value, status):
    # Graded measures from the baseline, pro-rated by the plan year: they say how far along is enough.
    assert assess(kpi((2022, value)), rule, plan_start=2021, plan_end=2025).status is status


def test_an_actual_in_a_declared_unit_is_converted_before_it_is_compared():
    indicator = kpi((2022, 210), unit="people", conversions=[{"unit": "persons", "factor": 1}])
    converted = Indicator.model_validate({**indicator.model_dump(by_alias=True, exclude_none=True), "actuals": [
        {"value": 210, "unit": "persons", "period": {"fiscal_year": 2022}}]})
    assert assess(converted, ACHIEVED).status is Status.achieved
    thousands = Indicator.model_validate({**converted.model_dump(by_alias=True, exclude_none=True),
                                          "conversions": [{"unit": "persons", "factor": 0.5}]})
    assert assess(thousands, ACHIEVED).status is Status.behind  # 210 persons count as 105 people
