"""Progress at a glance: the share of the way from baseline to target, and the trend since the previous
value, judged by the indicator's direction; nothing where the numbers do not allow it."""

from __future__ import annotations

import pytest

from generator.model import Indicator
from generator.prepare.glance import share_of_the_way, trend


def _indicator(direction, baseline, target, *actuals, unit="people", target_unit=None):
    return Indicator.model_validate({
        "id": "kpi", "name": {"ja": "指標", "en": "Indicator"}, **({"direction": direction} if direction else {}),
        "baseline": {"value": baseline, "unit": unit, "period": {"fiscal_year": 2020}},
        "target": {"value": target, "unit": target_unit or unit, "period": {"fiscal_year": 2025}},
        "actuals": [{"value": value, "unit": unit, "period": {"fiscal_year": year}} for year, value in actuals]})


def test_the_share_of_the_way_runs_from_baseline_to_target_in_either_direction():
    assert share_of_the_way(_indicator("increase", 100, 200, (2022, 150))) == 50
    assert share_of_the_way(_indicator("decrease", 40, 20, (2022, 30))) == 50
    assert share_of_the_way(_indicator("decrease", 40, 20, (2022, 50))) == -50  # moved away: shown as such
    assert share_of_the_way(_indicator("increase", 100, 200, (2021, 120), (2023, 210))) == pytest.approx(110)


@pytest.mark.parametrize("indicator", [
    _indicator(None, 100, 200, (2022, 150)),                                # no direction
    _indicator("at_least", 100, 200, (2022, 150)),                          # a floor: no way to cover
    _indicator("increase", 100, 200),                                       # nothing measured
    _indicator("increase", 100, 100, (2022, 150)),                          # baseline is the target
    _indicator("increase", 12, 800, (2022, 600), unit="percent", target_unit="people"),  # two units
])
def test_no_share_where_the_numbers_do_not_allow_one(indicator):
    assert share_of_the_way(indicator) is None


@pytest.mark.parametrize(("direction", "values", "word", "moved"), [
    ("increase", [(2021, 150), (2022, 160)], "improving", "up"),
    ("increase", [(2021, 150), (2022, 140)], "worsening", "down"),
    ("decrease", [(2021, 30), (2022, 25)], "improving", "down"),
    ("decrease", [(2021, 30), (2022, 35)], "worsening", "up"),
    ("at_most", [(2021, 30), (2022, 30)], "no_change", "flat"),
    ("maintain", [(2021, 180), (2022, 195)], "improving", "up"),   # closer to the target of 200
    ("maintain", [(2021, 195), (2022, 230)], "worsening", "up"),
])
def test_the_trend_compares_the_latest_value_with_the_one_before_by_direction(direction, values, word, moved):
    found = trend(_indicator(direction, 100, 200, *values))
    assert (found.word, found.moved, found.since.western) == (word, moved, values[0][0])


def test_with_one_actual_the_trend_is_since_the_baseline_and_without_direction_there_is_none():
    assert trend(_indicator("increase", 100, 200, (2022, 90))).since.western == 2020
    assert trend(_indicator(None, 100, 200, (2022, 90))) is None
    assert trend(_indicator("increase", 100, 200)) is None
