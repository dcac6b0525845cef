"""What the yearly evaluation covers: every item a division answers for, and the status each counts as.

Indicators keep the status computed from their actuals; where none can be computed (a target in words,
no direction), their latest evaluation's grade says what they count as. Qualitative targets, projects,
initiatives and the items a document evaluates as a whole count once they carry an evaluation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Document, Evaluation, EvaluationScale, Node, Plan, Status, Text, latest_evaluation
from ..model.walk import walk_items
from .progress import Assessment

# The lists of an item whose entries a division evaluates, in the order a survey sheet lists them.
EVALUABLE_LISTS = ("targets", "kpis", "activity_targets", "achievement_targets", "projects", "initiatives")
_UNCOMPUTED = (Status.not_measured, Status.not_comparable)


@dataclass(frozen=True)
class EvaluableItem:
    """One thing a division answers for in the yearly evaluation, with where it stands in the plan."""

    kind: str                    # a key of EVALUABLE_LISTS, or "item" for an item evaluated as a whole
    ident: str
    name: Text
    subject: Any                 # the model object: Indicator, QualitativeTarget, Project, Initiative or Node
    document: Document
    goal: Node                   # the document's top-level item it belongs to
    node: Node                   # the item that lists it (the item itself, for kind "item")
    divisions: tuple[str, ...]   # its own responsible divisions, else its item's (or the nearest above)

    @property
    def evaluations(self) -> list[Evaluation]:
        return list(self.subject.evaluations)

    @property
    def is_indicator(self) -> bool:
        return self.kind in ("targets", "kpis")


def evaluable_items(plan: Plan) -> Iterator[EvaluableItem]:
    """Every evaluable item, in the order of the documents; an initiative only when it has an id."""
    for place in walk_items(plan):
        node, document = place.node, place.document
        inherited = place.inherited_divisions
        if node.evaluations or node.level in document.evaluated_levels:
            yield EvaluableItem("item", node.id, node.title, node, document, place.goal, node, inherited)
        from_projects = tuple(dict.fromkeys(ref for project in node.projects for ref in project.divisions))
        for kind in EVALUABLE_LISTS:
            for entry in getattr(node, kind):
                ident = getattr(entry, "id", None)
                if ident is None:
                    continue
                own = tuple(getattr(entry, "divisions", ()) or ())
                if kind in ("targets", "kpis"):
                    divisions = own or inherited or from_projects
                    name = entry.name
                elif kind in ("activity_targets", "achievement_targets"):
                    divisions, name = own or inherited or from_projects, entry.text
                else:
                    divisions = own or inherited
                    name = entry.name if kind == "projects" else entry.title
                yield EvaluableItem(kind, ident, name, entry, document, place.goal, node, divisions)


def scale_of(plan: Plan, evaluation: Evaluation) -> EvaluationScale:
    """The scale an evaluation uses: the one it names, else the plan's first (validation made sure it exists)."""
    scales = plan.root.evaluation_scales
    if evaluation.scale is None:
        return scales[0]
    return next(scale for scale in scales if scale.id == evaluation.scale)


def counted_status(plan: Plan, item: EvaluableItem, assessment: Assessment | None) -> Status | None:
    """The status the item is counted as, or None when it is not counted (not an indicator, not evaluated)."""
    latest = latest_evaluation(item.evaluations)
    graded = None
    if latest is not None:
        grade = scale_of(plan, latest).grade(latest.grade)
        graded = grade.counts_as if grade is not None else None
    if item.is_indicator:
        status = assessment.status if assessment is not None else Status.not_measured
        return graded if status in _UNCOMPUTED and graded is not None else status
    return graded


def items_by_status(plan: Plan, items: tuple[EvaluableItem, ...], assessments: Mapping[str, Assessment]
                    ) -> dict[Status, list[EvaluableItem]]:
    """Every counted item under the status it counts as, every status in order (the indicators page lists
    them; the home page's counts are their lengths)."""
    lists: dict[Status, list[EvaluableItem]] = {status: [] for status in Status}
    for item in items:
        status = counted_status(plan, item, assessments.get(item.ident) if item.is_indicator else None)
        if status is not None:
            lists[status].append(item)
    return lists


def status_counts(by_status: Mapping[Status, list[EvaluableItem]]) -> tuple[tuple[Status, int], ...]:
    """How many items count as each status, in the order of the statuses; every indicator is counted."""
    return tuple((status, len(entries)) for status, entries in by_status.items())


@dataclass(frozen=True)
class PeriodProgress:
    """How far through its period a document is, by the latest year it has results for."""

    year: int        # the latest year with an actual or an evaluation
    number: int      # which year of the period it is, from 1
    total: int | None  # how many years the period has; None when it is open-ended
    fiscal: bool


def period_progress(document: Document, items: tuple[EvaluableItem, ...]) -> PeriodProgress | None:
    """The latest year of results in `document` against its period; None without a period or results.

    Read from the plan, not from today's date: the same commit builds the same pages on any day."""
    if document.period is None:
        return None
    latest = None
    for item in items:
        if item.document is not document:
            continue
        periods = [evaluation.period for evaluation in item.evaluations]
        periods += [actual.period for actual in getattr(item.subject, "actuals", [])]
        for period in periods:
            if latest is None or period.western > latest.western:
                latest = period
    if latest is None:
        return None
    start = document.period.start.western
    end = document.period.end.western if document.period.end is not None else None
    total = end - start + 1 if end is not None else None
    return PeriodProgress(latest.western, latest.western - start + 1, total, document.period.start.is_fiscal)


__all__ = ["EVALUABLE_LISTS", "EvaluableItem", "PeriodProgress", "counted_status", "evaluable_items",
           "items_by_status", "period_progress", "scale_of", "status_counts"]
