"""The yearly evaluation (評価): the plan's grading scales, and the grade an item got for a year.

Every summer each division grades its own targets (自己評価), and an outside committee may review them
(外部評価). A scale is the plan's own: 達成 / 概ね達成 / 未達成, A–D, S/A/B/C/−. Each grade says which
status it counts as, so that the site can count evaluated items beside computed ones.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .common import Period, Remark, Slug, StrictModel, Text, Unit, rule
from .progress import Status

ReviewDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
                       Field(description="Year and month, or full date: `2024-11` or `2024-11-20`.")]


class Revision(StrictModel):
    """Why and when the plan changed this item, e.g. 令和5年度中間見直し: shown with the change in the item's
    revision history, in the commit that adds or changes this note."""

    date: ReviewDate = Field(description="When the change was decided: `2023-04` or `2023-04-01`.")
    reason: Text = Field(description="Why it changed, in every language, e.g. 令和5年度中間見直し / FY2023 mid-term review.")


# The statuses an evaluation grade may count as; `not_comparable` is the site's, never a division's grade.
GRADE_STATUSES = (Status.achieved, Status.on_track, Status.not_yet_achieved, Status.behind, Status.not_measured)


class EvaluationGrade(StrictModel):
    """One grade of a scale, e.g. `A` (達成) or 「概ね達成」."""

    id: Slug = Field(description="What an evaluation writes in `grade:`, e.g. `a` or `mostly-achieved`.")
    label: Text = Field(description="The grade as the plan prints it, e.g. `A` / `A`, or 概ね達成 / Mostly achieved.")
    meaning: Text | None = Field(default=None, description="What the grade means, in the plan's words, e.g. 目標の80%以上を達成.")
    counts_as: Status = Field(description="Which status it is counted as: achieved, on_track, not_yet_achieved, behind, or not_measured (for a mark such as −, not evaluable).")


class EvaluationScale(StrictModel):
    """A scale the plan grades its items on, with its grades best first."""

    id: Slug = Field(description="Unique id of the scale; an evaluation names it in `scale:` when the plan has several.")
    name: Text = Field(description="Name of the scale, e.g. 3段階評価 / Three-grade scale.")
    grades: list[EvaluationGrade] = Field(min_length=2, description="The grades, best first.")
    source: Text | None = Field(default=None, description="Where the plan publishes the scale, e.g. 施策評価シート 記入要領.")

    @model_validator(mode="after")
    def _distinct_grades(self) -> EvaluationScale:
        seen: set[str] = set()
        labels: dict[str, set[str]] = {}
        for index, grade in enumerate(self.grades):
            if grade.id in seen:
                raise rule("grade_twice", grade=grade.id, scale=self.id)
            seen.add(grade.id)
            if grade.counts_as not in GRADE_STATUSES:
                raise rule("grade_counts_as", grade=grade.id, status=grade.counts_as.value,
                           allowed=[status.value for status in GRADE_STATUSES])
            for code, value in grade.label.model_dump(by_alias=True).items():
                if value is None:
                    continue
                if value in labels.setdefault(code, set()):
                    raise rule("grade_label_twice", label=value, scale=self.id)
                labels[code].add(value)
        return self

    def grade(self, grade_id: str) -> EvaluationGrade | None:
        return next((grade for grade in self.grades if grade.id == grade_id), None)


class Review(StrictModel):
    """An outside committee's review of the evaluation (外部評価)."""

    comment: Remark = Field(description="The committee's comment, in the languages it was written in.")
    reviewer: Remark | None = Field(default=None, description="Who reviewed it, e.g. 行政評価委員会.")
    date: ReviewDate | None = Field(default=None, description="When it was reviewed.")


class Evaluation(StrictModel):
    """The grade an item got for one year, with the division's comment and, later, the outside review."""

    period: Period = Field(description="The year evaluated, e.g. `fiscal_year: 2024` for 令和6年度.")
    scale: Slug | None = Field(default=None, description="Id of the scale in plan.yaml; by default the first scale listed there.")
    grade: Slug = Field(description="Id of the grade in that scale, e.g. `a`.")
    comment: Remark | None = Field(default=None, description="The division's comment (自己評価のコメント), in the languages it was written in.")
    review: Review | None = Field(default=None, description="The outside committee's review (外部評価), when there is one.")


class QualitativeTarget(StrictModel):
    """A target written in words (活動目標・達成目標), evaluated by a grade rather than computed."""

    id: Slug = Field(description="Unique id within the plan, e.g. `issue-1-activity-1`; the survey sheet's row for it.")
    text: Text = Field(description="The target as the plan writes it.")
    evaluations: list[Evaluation] = Field(default_factory=list, description="Its evaluation for each year, oldest first.")


class UnitConversion(StrictModel):
    """How an actual in another unit compares with the target, e.g. persons counted as people."""

    unit: Unit = Field(description="The unit of the actual, e.g. `persons`.")
    factor: Annotated[float, Field(gt=0, le=10**9)] | Annotated[int, Field(gt=0, le=10**9)] = Field(
        description="What one of `unit` is in the target's unit, e.g. `1`, or `0.001` for yen against thousand yen.")


def latest_evaluation(evaluations: list[Evaluation]) -> Evaluation | None:
    """The evaluation of the latest year (the site shows it wherever the item appears)."""
    best = None
    for evaluation in evaluations:
        if best is None or evaluation.period.western >= best.period.western:
            best = evaluation
    return best


__all__ = ["Evaluation", "EvaluationGrade", "EvaluationScale", "GRADE_STATUSES", "QualitativeTarget", "Review",
           "UnitConversion", "latest_evaluation"]
