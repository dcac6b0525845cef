"""Tidy open data, that any tool reads as numbers: one row per indicator, period and kind of value
(`indicator_values.csv`), and one row per evaluation (`evaluations.csv`).

A value with several labelled numbers (men and women) takes a row per number; a target in words takes
one row with its text and no number. Every code (kind, unit, status, direction, grade) has its labels in
each required language beside it, and divisions their names beside their ids. The year is an integer
column, with a column saying whether it is a fiscal or a calendar year. Never several values in a cell.
The first column is the municipality's 全国地方公共団体コード, as the Digital Agency's standard datasets
(自治体標準オープンデータセット) begin, left empty when the plan does not give it.
"""

from __future__ import annotations

from ..labels import load_labels
from ..model import Measurement, Period, Plan, Quantity, Target
from .csv_cells import CsvFile, Number, codes, csv_text, division_names, header, number_cell, text_columns, texts
from .evaluations import evaluable_items, scale_of
from .progress import Assessment, plan_indicators

VALUE_KINDS = ("baseline", "actual", "target")  # the order of an indicator's rows


def _labelled(key: str, code: str | None) -> list[str]:
    """A code's label in each required language (e.g. the unit `people`: 人, people), or empties."""
    if code is None:
        return ["" for _ in codes()]
    return [str(load_labels(lang).data[key].get(code, code)) for lang in codes()]


def _period(period: Period | None) -> list[str]:
    if period is None:
        return ["", ""]
    return ["fiscal_year" if period.is_fiscal else "year", Number(str(period.western))]


def _names(plan: Plan, ids) -> list[str]:
    return [" ".join(ids), *division_names(plan, ids)]


def indicator_values_csv(plan: Plan, assessments: dict[str, Assessment]) -> CsvFile:
    heading = [header("municipality_code"), header("indicator"), header("document"), header("indicator_kind"), *text_columns("name"),
               header("value_kind"), *text_columns("value_kind_label"), *text_columns("value_label"),
               header("period_kind"), header("year"), header("value"), header("unit"), *text_columns("unit_label"),
               *text_columns("target_text"), header("direction"), *text_columns("direction_label"),
               header("status"), *text_columns("status_label"), header("divisions"), *text_columns("division_names")]
    rows = []
    for place in plan_indicators(plan):
        indicator, assessment = place.indicator, assessments[place.indicator.id]
        status = assessment.status.value
        direction = indicator.direction.value if indicator.direction else None
        about = [*_labelled("direction_names", direction)]
        measured: list[tuple[str, Measurement | Target]] = []
        if indicator.baseline is not None:
            measured.append(("baseline", indicator.baseline))
        measured += [("actual", actual) for actual in sorted(indicator.actuals, key=lambda m: m.period.western)]
        if indicator.target is not None:
            measured.append(("target", indicator.target))
        for kind, measurement in measured:
            quantities: list[Quantity | None] = list(measurement.quantities()) or [None]
            for quantity in quantities:
                words = measurement.text if isinstance(measurement, Target) else None
                rows.append([plan.root.code or "", indicator.id, place.document.id, place.kind, *texts(indicator.name),
                             kind, *_labelled("value_kinds", kind),
                             *texts(quantity.label if quantity is not None else None),
                             *_period(measurement.period),
                             Number(number_cell(quantity.value)) if quantity is not None else "",
                             quantity.unit.value if quantity is not None else "",
                             *_labelled("unit_names", quantity.unit.value if quantity is not None else None),
                             *texts(words), direction or "", *about,
                             status, *_labelled("statuses", status), *_names(plan, place.divisions)])
    return csv_text(heading, rows, {header("year"): "integer", header("value"): "number"})


def evaluations_csv(plan: Plan) -> CsvFile:
    heading = [header("municipality_code"), header("item"), header("document"), header("item_kind"), *text_columns("item_kind_label"),
               *text_columns("name"), header("period_kind"), header("year"), header("scale"),
               *text_columns("scale_name"), header("evaluation_grade"), *text_columns("grade_label"), header("counts_as"),
               *text_columns("status_label"), *text_columns("comment"), *text_columns("review"),
               *text_columns("reviewer"), header("review_date"), header("divisions"), *text_columns("division_names")]
    rows = []
    for item in evaluable_items(plan):
        for evaluation in item.evaluations:
            scale = scale_of(plan, evaluation)
            grade = scale.grade(evaluation.grade)
            counts_as = grade.counts_as.value if grade is not None else ""
            review = evaluation.review
            rows.append([plan.root.code or "", item.ident, item.document.id, item.kind, *_labelled("evaluated_kind", item.kind),
                         *texts(item.name), *_period(evaluation.period), scale.id, *texts(scale.name),
                         evaluation.grade, *texts(grade.label if grade is not None else None), counts_as,
                         *_labelled("statuses", counts_as or None), *texts(evaluation.comment),
                         *texts(review.comment if review else None), *texts(review.reviewer if review else None),
                         review.date if review and review.date else "", *_names(plan, item.divisions)])
    return csv_text(heading, rows, {header("year"): "integer"})


def has_evaluations(plan: Plan) -> bool:
    return any(item.evaluations for item in evaluable_items(plan))


__all__ = ["VALUE_KINDS", "evaluations_csv", "has_evaluations", "indicator_values_csv"]
