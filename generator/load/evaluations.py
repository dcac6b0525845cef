"""Checks on the year's results, which no single model can make: they need the plan's scales, the
document's period, today's year and the item's other values.

Refused: an evaluation on a scale or grade the plan does not have; an actual or evaluation for a year
outside the document's period or still to come; two for one year; an actual in a unit other than the
target's without a declared conversion. Warned (the build goes on): a value that looks like a slip of
the decimal point, such as a percentage over 100 or ten times the value before it.
"""

from __future__ import annotations

import difflib
import os
from datetime import date, datetime, timezone
from decimal import Decimal

from ..messages import Message
from ..model import Document, EvaluationScale, Indicator, Measurement, Period, Plan, Unit
from ..model.walk import walk_models
from ..problems.errors import ProblemCollector
from ..problems.keypath import format_key_path
from .yaml_reader import LoadedFile

# A value this many times another (or that many times smaller) looks like a slip of the decimal point.
SLIP_LOW, SLIP_HIGH = Decimal(8), Decimal("12.5")


def reference_day() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names (seconds since 1970, UTC), the reproducible-builds variable:
    a check run with it set answers the same on any day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def current_year(today: date) -> tuple[int, int]:
    """(the fiscal year, the calendar year) `today` is in; the fiscal year starts on 1 April."""
    return (today.year if today.month >= 4 else today.year - 1), today.year


def _year(year: int, fiscal: bool) -> Message:
    return Message("year.fiscal" if fiscal else "year.calendar", {"year": year})


def _year_text(period: Period) -> dict:
    return {"year": _year(period.western, period.is_fiscal)}


class _Checker:
    def __init__(self, plan: Plan, problems: ProblemCollector, today: date):
        self.plan, self.problems = plan, problems
        self.fiscal_now, self.calendar_now = current_year(today)
        self.scales: dict[str, EvaluationScale] = {scale.id: scale for scale in plan.root.evaluation_scales}

    def document(self, document: Document, loaded: LoadedFile) -> None:
        self.loaded, self.doc = loaded, document
        for path, model in walk_models(document):
            evaluations = getattr(model, "evaluations", None)
            if evaluations and not isinstance(model, Document):
                self.evaluations(model, path)
            if isinstance(model, Indicator):
                self.actuals(model, path)

    def add(self, path: tuple, message: Message, *, warning: bool = False) -> None:
        self.problems.add(self.loaded.source_map.locate(path), format_key_path(path), message,
                          data=self.loaded.data, path=path, warning=warning)

    def period(self, period: Period, path: tuple, what: str) -> bool:
        """Whether `period` may hold a result: within the document's period and not in the future."""
        refused = period_problem(period, self.doc, what, (self.fiscal_now, self.calendar_now))
        if refused is not None:
            self.add(path, refused)
        return refused is None

    def evaluations(self, item, path: tuple) -> None:
        seen: dict[tuple, int] = {}
        for index, evaluation in enumerate(item.evaluations):
            here = path + ("evaluations", index)
            scale = self.scale(evaluation, here)
            if scale is not None and scale.grade(evaluation.grade) is None:
                known = [grade.id for grade in scale.grades]
                near = difflib.get_close_matches(evaluation.grade, known, n=1)
                self.add(here + ("grade",), Message("unknown_grade", {
                    "grade": evaluation.grade, "scale": scale.id, "known": known,
                    "hint": Message("hint.did_you_mean", {"near": near[0]}) if near else Message("hint.none")}))
            self.period(evaluation.period, here + ("period",), "evaluation")
            key = (evaluation.period.western, evaluation.period.is_fiscal)  # one grade a year, whatever its scale
            if key in seen:
                first = self.loaded.source_map.locate(path + ("evaluations", seen[key]))
                self.add(here + ("period",), Message("result_twice", {
                    "what": Message("result.evaluation"), **_year_text(evaluation.period), "first": first.line}))
            else:
                seen[key] = index

    def scale(self, evaluation, path: tuple) -> EvaluationScale | None:
        if not self.scales:
            self.add(path + ("grade",), Message("no_scales"))
            return None
        if evaluation.scale is None:
            return self.plan.root.evaluation_scales[0]
        scale = self.scales.get(evaluation.scale)
        if scale is None:
            self.add(path + ("scale",), Message("unknown_scale", {"scale": evaluation.scale,
                                                                   "known": sorted(self.scales)}))
        return scale

    def actuals(self, indicator: Indicator, path: tuple) -> None:
        allowed = self.units_of(indicator)
        seen: dict[tuple, int] = {}
        previous: Measurement | None = None
        for index, actual in enumerate(sorted(indicator.actuals, key=lambda a: a.period.western)):
            position = indicator.actuals.index(actual)
            here = path + ("actuals", position)
            key = (actual.period.western, actual.period.is_fiscal)
            if key in seen:
                first = self.loaded.source_map.locate(path + ("actuals", seen[key]))
                self.add(here + ("period",), Message("result_twice", {
                    "what": Message("result.actual"), **_year_text(actual.period), "first": first.line}))
                continue
            seen[key] = position
            self.period(actual.period, here + ("period",), "actual")
            if allowed is not None:
                for value_path, quantity in self.quantities(actual, here):
                    if quantity.unit not in allowed:
                        self.add(value_path + ("unit",), Message("actual_unit", {
                            "unit": quantity.unit.value, "target_unit": sorted(unit.value for unit in allowed)[0]}))
            self.slips(indicator, actual, previous, here)
            previous = actual

    @staticmethod
    def quantities(measurement, path: tuple):
        if measurement.value is not None and measurement.unit is not None:
            yield path, measurement
        else:
            for index, quantity in enumerate(measurement.values):
                yield path + ("values", index), quantity

    def units_of(self, indicator: Indicator) -> set[Unit] | None:
        """The units an actual may be in: the target's and those it declares conversions for; None when the
        target has no number to compare with."""
        target = indicator.target
        if target is None or (target.value is None and not target.values):
            return None
        units = {quantity.unit for quantity in target.quantities()}
        return units | {conversion.unit for conversion in indicator.conversions}

    def slips(self, indicator: Indicator, actual: Measurement, previous: Measurement | None, path: tuple) -> None:
        slip = slip_message(indicator, actual, previous)
        if slip is not None:
            self.add(path + ("value",), slip, warning=True)


def period_problem(period: Period, document: Document, what: str, now: tuple[int, int]) -> Message | None:
    """Why `period` cannot hold a result of `document` (`what`: actual or evaluation), or None when it can:
    a year still to come (`now`: the current fiscal and calendar years), or one outside the plan period."""
    current = now[0] if period.is_fiscal else now[1]
    if period.western > current:
        return Message("result_in_future", {"what": Message(f"result.{what}"), **_year_text(period),
                                            "now": _year(current, period.is_fiscal)})
    span = document.period
    if span is None:
        return None
    start, end = span.start.western, span.end.western if span.end is not None else None
    if period.western < start or (end is not None and period.western > end):
        kind = "fiscal" if span.start.is_fiscal else "calendar"
        shown = Message(f"span.{kind}" if end is not None else f"span.open_{kind}", {"start": start, "end": end})
        return Message("result_outside_period", {"what": Message(f"result.{what}"), **_year_text(period), "span": shown})
    return None


def slip_message(indicator: Indicator, actual: Measurement, previous: Measurement | None) -> Message | None:
    """Why `actual` looks like a slip of the decimal point, or None: a percentage over 100, or about ten times
    (or a tenth of) the previous actual, the baseline or the target."""
    if actual.value is None or actual.unit is None:
        return None
    value = Decimal(str(actual.value))
    if actual.unit is Unit.percent and value > 100:
        return Message("slip_percent", {"value": actual.value, "suggestion": _shifted(value, -1)})
    for name, other in (("previous", previous), ("baseline", indicator.baseline), ("target", indicator.target)):
        if other is None or other.value is None or other.unit is not actual.unit or other.value == 0 or value == 0:
            continue
        ratio = abs(value / Decimal(str(other.value)))
        shift = -1 if SLIP_LOW <= ratio <= SLIP_HIGH else 1 if SLIP_LOW <= 1 / ratio <= SLIP_HIGH else 0
        if shift:
            code = "slip_tenfold.bigger" if shift < 0 else "slip_tenfold.smaller"
            return Message(code, {"value": actual.value, "other": Message(f"slip.{name}"),
                                  "other_value": other.value, "suggestion": _shifted(value, shift)})
    return None


def _shifted(value: Decimal, places: int) -> str:
    """`value` with its decimal point moved `places` to the right (left when negative), as written."""
    moved = value.scaleb(places).normalize()
    text = format(moved, "f")
    return text


def check_results(plan: Plan, files: dict[str, LoadedFile], problems: ProblemCollector,
                  today: date | None = None) -> None:
    """Every check above on every document of a validated plan; `files`: document id → its file."""
    checker = _Checker(plan, problems, today or reference_day())
    for document in plan.documents:
        checker.document(document, files[document.id])


__all__ = ["check_results", "current_year", "period_problem", "reference_day", "slip_message"]
