"""Progress of an indicator: its latest actual judged against baseline and target by the plan's rule.

Pure functions over the model; the words for statuses, grades and reasons live in templates/labels/.
Progress is computed only where it means something: one number per value, the same unit throughout,
and a declared direction. Otherwise the status is `not_comparable` with a reason, never a blank.
"""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Iterator

from ..model.walk import walk_items
from ..model import (DEFAULT_RULE, SCHEME_GRADES, Direction, Document, Indicator, Measurement, Node, Plan,
                    ProgressRule, Scheme, Status)

_UPWARD = (Direction.increase, Direction.at_least)


@dataclass(frozen=True)
class Assessment:
    """The outcome for one indicator: a status, the plan's grade (when graded) and why, when not."""

    status: Status
    grade: str | None = None            # a key of SCHEME_GRADES[rule.scheme]
    reason: str | None = None           # why not comparable: a key of labels.progress.reasons
    latest: Measurement | None = None   # the latest actual, when there is one
    expected_percent: float | None = None  # pro_rated: share of the way expected by the latest year
    progress_percent: float | None = None  # pro_rated: share of the way covered so far


def latest_actual(indicator: Indicator) -> Measurement | None:
    """The actual of the latest period; of two for the same year, the one listed last."""
    best = None
    for actual in indicator.actuals:
        if best is None or actual.period.western >= best.period.western:  # type: ignore[union-attr]
            best = actual
    return best


def _single(measurement) -> tuple[float, str] | None:
    """(value, unit) of a measurement with one number; None when it has several or none."""
    if measurement.value is None or measurement.unit is None:
        return None
    return float(measurement.value), measurement.unit.value


def _not_comparable(reason: str, latest: Measurement | None = None) -> Assessment:
    return Assessment(Status.not_comparable, reason=reason, latest=latest)


def _in_target_unit(indicator: Indicator, value: float, unit: str, target_unit: str) -> float | None:
    """`value` in the target's unit: as it is, or by the indicator's declared conversion; None without one."""
    if unit == target_unit:
        return value
    for conversion in indicator.conversions:
        if conversion.unit.value == unit:
            return value * conversion.factor
    return None


def target_year(indicator: Indicator, plan_end: int | None) -> int | None:
    """The year the target is for: its own period, else the last year of the document's period."""
    if indicator.target is not None and indicator.target.period is not None:
        return indicator.target.period.western
    return plan_end


def assess(indicator: Indicator, rule: ProgressRule | None = None, plan_start: int | None = None,
           plan_end: int | None = None) -> Assessment:
    """The status of `indicator` under `rule` (the plan's, or target-reached-or-not by default).

    `plan_start` and `plan_end` are the first and last years of the document's period: the pro-rated scheme
    counts plan years from the first; before the target year (the target's own, else the last), a target not
    yet reached is "not yet achieved" unless the rule says how far along it should be by then.
    """
    rule = rule or DEFAULT_RULE
    latest = latest_actual(indicator)
    target = indicator.target
    if target is None:
        return _not_comparable("no_target", latest)
    if target.value is None and not target.values:
        return _not_comparable("qualitative_target", latest)
    if _single(target) is None:
        return _not_comparable("several_values", latest)
    if indicator.direction is None:
        return _not_comparable("no_direction", latest)
    if latest is None:
        return Assessment(Status.not_measured)
    if _single(latest) is None:
        return _not_comparable("several_values", latest)
    goal, unit = _single(target)  # type: ignore[misc]
    value, latest_unit = _single(latest)  # type: ignore[misc]
    converted = _in_target_unit(indicator, value, latest_unit, unit)
    if converted is None:
        return _not_comparable("different_units", latest)
    value = converted
    due = target_year(indicator, plan_end)
    mid_period = due is not None and latest.period.western < due  # type: ignore[union-attr]

    grades = list(SCHEME_GRADES[rule.scheme])
    best, worst = grades[0], grades[-1]
    direction = indicator.direction
    if direction is Direction.maintain:
        met = abs(value - goal) <= rule.tolerance_percent / 100 * abs(goal)
        return _graded(rule, best if met else worst, latest, met)
    sign = 1 if direction in _UPWARD else -1
    met = sign * (value - goal) >= 0
    if met or direction in (Direction.at_least, Direction.at_most) or rule.scheme is Scheme.achieved:
        if not met and mid_period and rule.scheme is Scheme.achieved:
            # Reached or not is all this rule says: short of the target before its year is not "behind".
            # The graded and pro-rated rules say how far along an indicator should be, so they judge it.
            return Assessment(Status.not_yet_achieved, latest=latest)
        return _graded(rule, best if met else worst, latest, met)

    # increase / decrease, not yet at the target: graded and pro-rated measure from the baseline.
    baseline = _single(indicator.baseline) if indicator.baseline is not None else None
    if indicator.baseline is None:
        return _not_comparable("no_baseline", latest)
    if baseline is None:
        return _not_comparable("several_values", latest)
    start = _in_target_unit(indicator, baseline[0], baseline[1], unit)
    if start is None:
        return _not_comparable("different_units", latest)
    if rule.scheme is Scheme.graded:
        if abs(value - start) <= rule.tolerance_percent / 100 * abs(start):
            grade = "near_baseline"
        elif sign * (value - start) > 0:
            grade = "beyond_baseline"
        else:
            grade = "below_baseline"
        return _graded(rule, grade, latest, False)

    first_year = rule.start_year if rule.start_year is not None else plan_start
    if first_year is None:
        return _not_comparable("no_plan_start", latest)
    years = max(1, latest.period.western - first_year + 1)  # type: ignore[union-attr]
    expected = min(100.0, rule.yearly_share_percent * years)
    span = goal - start
    covered = 0.0 if span == 0 else (value - start) / span * 100
    share = covered / expected * 100
    if share >= rule.upper_percent:
        grade = "steady"
    elif share >= rule.lower_percent:
        grade = "mostly"
    else:
        grade = "needs_improvement"
    result = _graded(rule, grade, latest, False)
    return Assessment(result.status, grade, None, latest, expected, covered)


def _graded(rule: ProgressRule, grade: str, latest: Measurement, met: bool) -> Assessment:
    status = Status.achieved if met else rule.status_of(grade)
    if status is Status.achieved and not met:
        status = Status.on_track  # only reaching the target counts as achieved
    return Assessment(status, grade, None, latest)


@dataclass(frozen=True)
class IndicatorPlace:
    """An indicator with where it stands: its document, its top-level item (goal) and its own item."""

    document: Document
    goal: Node
    node: Node
    kind: str  # "targets" (数値目標) or "kpis"
    indicator: Indicator
    divisions: tuple[str, ...]  # responsible divisions: its own, else its item's (or nearest above), else its item's projects'


def plan_indicators(plan: Plan) -> Iterator[IndicatorPlace]:
    """Every numerical target and KPI of the plan, in the order of the documents."""
    for place in walk_items(plan):
        node = place.node
        from_projects = tuple(dict.fromkeys(ref for project in node.projects for ref in project.divisions))
        for kind in ("targets", "kpis"):
            for indicator in getattr(node, kind):
                divisions = tuple(indicator.divisions) or place.inherited_divisions or from_projects
                yield IndicatorPlace(place.document, place.goal, node, kind, indicator, divisions)


def assess_plan(plan: Plan) -> dict[str, Assessment]:
    """indicator id → its assessment under the plan's rule (ids are unique within a plan)."""
    out = {}
    for place in plan_indicators(plan):
        period = place.document.period
        start = period.start.western if period is not None else None
        end = period.end.western if period is not None and period.end is not None else None
        out[place.indicator.id] = assess(place.indicator, plan.root.progress, start, end)
    return out


__all__ = ["Assessment", "IndicatorPlace", "assess", "assess_plan", "latest_actual", "plan_indicators", "target_year"]
