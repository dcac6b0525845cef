"""An item's evaluation as a reader sees it, in one language: the grade, the year, the comments.

The grade and its scale are the plan's words; what it counts as, and the link to where the progress
page explains the scale, are the site's. Returns plain values: templates escape what they print.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import Labels
from ..model import Evaluation, EvaluationScale, Period, Plan, Remark, latest_evaluation
from ..prepare.evaluations import PeriodProgress, scale_of
from .formatting import format_period


@dataclass(frozen=True)
class EvaluationView:
    period: str              # e.g. 2024年度
    grade: str               # e.g. A（達成）: the plan's label, with the status it counts as when it says more
    fragment: str            # the scale's grade on the progress page
    css: str                 # kk-status-<status the grade counts as>
    comment: Remark | None
    review: Remark | None
    reviewer: Remark | None
    reviewed_on: str | None  # ISO date, as the plan gives it
    earlier: tuple[str, ...]  # earlier years: "2023年度: B"


def scale_anchor(scale: EvaluationScale, grade_id: str | None = None) -> str:
    """The id, on the progress page, of a scale or of one of its grades (`_` keeps it apart from plan ids)."""
    return f"scale_{scale.id}" + (f"_{grade_id}" if grade_id else "")


def _grade_text(scale: EvaluationScale, evaluation: Evaluation, labels: Labels, in_language) -> tuple[str, str]:
    grade = scale.grade(evaluation.grade)
    label = in_language(grade.label)
    status = labels.statuses[grade.counts_as.value]
    text = label if label == status else labels.evaluation_grade_with_status.format(grade=label, status=status)
    return text, "kk-status-" + grade.counts_as.value.replace("_", "-")


def evaluation_view(plan: Plan, evaluations: list[Evaluation], labels: Labels, in_language) -> EvaluationView | None:
    """The latest evaluation among `evaluations`, with the earlier ones in brief; None when there are none.
    `in_language` picks a plan text in the page's language (its fallback's where the plan leaves it out)."""
    latest = latest_evaluation(evaluations)
    if latest is None:
        return None
    scale = scale_of(plan, latest)
    text, css = _grade_text(scale, latest, labels, in_language)
    earlier = []
    for evaluation in sorted(evaluations, key=lambda e: e.period.western, reverse=True):
        if evaluation is latest:
            continue
        earlier_text, _ = _grade_text(scale_of(plan, evaluation), evaluation, labels, in_language)
        earlier.append(f"{format_period(evaluation.period, labels)}: {earlier_text}")
    review = latest.review
    return EvaluationView(
        format_period(latest.period, labels), text, scale_anchor(scale, latest.grade), css, latest.comment,
        review.comment if review else None, review.reviewer if review else None,
        review.date if review else None, tuple(earlier))


def period_progress_text(progress: PeriodProgress | None, labels: Labels) -> str | None:
    """「計画期間5年のうち3年目（2023年度の結果まで）」, or None without results to place."""
    if progress is None:
        return None
    year = format_period(Period(fiscal_year=progress.year) if progress.fiscal else Period(year=progress.year), labels)
    if progress.total is not None and progress.number > progress.total:
        return labels.period_progress_after.format(year=year)
    key = "period_progress" if progress.total is not None else "period_progress_open"
    return getattr(labels, key).format(number=progress.number, total=progress.total, year=year)


__all__ = ["EvaluationView", "evaluation_view", "period_progress_text", "scale_anchor"]
