"""Progress at a glance: how far an indicator has come from its baseline toward its target, which way it
has moved since its previous value, and the lists of items by division (by status: evaluations.py).

Pure functions over the model, like progress.py, and under the same conditions: one number per value in
the target's unit (or a declared conversion) and a declared direction; otherwise nothing is shown rather
than a misleading bar or arrow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Direction, Indicator, Measurement, Period, Plan
from .evaluations import EvaluableItem, counted_status
from .progress import _UPWARD, Assessment, _in_target_unit, _single


@dataclass(frozen=True)
class Trend:
    """The latest actual against the value before it: improving, no_change or worsening."""

    word: str              # improving, no_change or worsening: judged by the indicator's direction
    moved: str             # up, down or flat: which way the number itself went
    since: Period          # the period of the value compared with


@dataclass(frozen=True)
class Glance:
    share: float | None    # percent of the way from baseline to target covered (may be < 0 or > 100)
    trend: Trend | None


def _value(indicator: Indicator, measurement: Measurement | None) -> float | None:
    """The measurement in the target's unit; None without a single number or a way to convert."""
    if measurement is None or indicator.target is None:
        return None
    single, target = _single(measurement), _single(indicator.target)
    if single is None or target is None:
        return None
    return _in_target_unit(indicator, single[0], single[1], target[1])


def _ordered_values(indicator: Indicator) -> list[tuple[Period, float]]:
    """Baseline then actuals, by period; the last actual of a year wins, as in progress.latest_actual."""
    points: dict[int, tuple[Period, float]] = {}
    measured = ([indicator.baseline] if indicator.baseline is not None else []) + list(indicator.actuals)
    for measurement in measured:
        value = _value(indicator, measurement)
        if value is None or measurement.period is None:
            return []
        points[measurement.period.western] = (measurement.period, value)
    return [points[year] for year in sorted(points)]


def share_of_the_way(indicator: Indicator) -> float | None:
    """How far the latest actual has come from the baseline toward the target, in percent."""
    if indicator.direction not in (Direction.increase, Direction.decrease) or not indicator.actuals:
        return None
    target = _value(indicator, indicator.target)
    start = _value(indicator, indicator.baseline)
    values = _ordered_values(indicator)
    if target is None or start is None or not values or target == start:
        return None
    return (values[-1][1] - start) / (target - start) * 100


def trend(indicator: Indicator) -> Trend | None:
    """Which way the latest actual moved from the value before it (an earlier actual, or the baseline)."""
    values = _ordered_values(indicator)
    if indicator.direction is None or len(values) < 2 or not indicator.actuals:
        return None
    (since, before), (_, now) = values[-2], values[-1]
    moved = "flat" if now == before else "up" if now > before else "down"
    if now == before:
        return Trend("no_change", moved, since)
    if indicator.direction is Direction.maintain:
        target = _value(indicator, indicator.target)
        if target is None:
            return None
        closer = abs(now - target) - abs(before - target)
        return Trend("no_change" if closer == 0 else "improving" if closer < 0 else "worsening", moved, since)
    better = now > before if indicator.direction in _UPWARD else now < before
    return Trend("improving" if better else "worsening", moved, since)


def glance(indicator: Indicator) -> Glance:
    return Glance(share_of_the_way(indicator), trend(indicator))


def items_by_division(plan: Plan, items: tuple[EvaluableItem, ...], assessments: Mapping[str, Assessment]
                      ) -> dict[str, list[EvaluableItem]]:
    """The items of the status lists (every indicator, every evaluated item) under each division responsible
    for them, in the order of divisions.yaml."""
    lists: dict[str, list[EvaluableItem]] = {division.id: [] for division in plan.divisions}
    for item in items:
        if counted_status(plan, item, assessments.get(item.ident) if item.is_indicator else None) is None:
            continue
        for division in item.divisions:
            lists.setdefault(division, []).append(item)
    return {division: entries for division, entries in lists.items() if entries}


__all__ = ["Glance", "Trend", "glance", "items_by_division", "share_of_the_way", "trend"]
