"""The words and link of an indicator's status, in one language, from the plan's rule and the labels."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import Labels
from ..languages import by_code
from ..model import DEFAULT_RULE, SCHEME_GRADES, Period, Plan, ProgressRule, Status
from ..prepare.progress import Assessment
from .formatting import format_number, format_period, locale_of

PROGRESS_PAGE = "progress/index.md"


@dataclass(frozen=True)
class StatusView:
    text: str       # e.g. "S (Achieved)", "Not comparable (no direction)"
    fragment: str   # anchor on the progress page that explains it
    css: str        # kk-status-<status>


def _in(text, labels: Labels) -> str:
    """A plan text as shown in the labels' language (its fallback where the plan leaves it out)."""
    return text.pick(by_code(labels.lang))[0]


def rule_of(plan: Plan) -> ProgressRule:
    return plan.root.progress or DEFAULT_RULE


def grade_label(rule: ProgressRule, key: str, labels: Labels) -> str:
    declared = rule.grades.get(key)
    return _in(declared.label, labels) if declared is not None else labels.grades[key]


def grade_meaning(rule: ProgressRule, key: str, labels: Labels) -> str:
    declared = rule.grades.get(key)
    if declared is not None and declared.meaning is not None:
        return _in(declared.meaning, labels)
    return labels.grades_meaning[key].format(**thresholds(rule, labels))


def thresholds(rule: ProgressRule, labels: Labels) -> dict[str, str]:
    locale = locale_of(labels)
    return {"tolerance": format_number(rule.tolerance_percent, locale),
            "yearly": format_number(rule.yearly_share_percent, locale),
            "upper": format_number(rule.upper_percent, locale), "lower": format_number(rule.lower_percent, locale)}


def status_view(assessment: Assessment, rule: ProgressRule, labels: Labels) -> StatusView:
    status = assessment.status
    word = labels.statuses[status.value]
    css = "kk-status-" + status.value.replace("_", "-")
    if assessment.grade is not None:
        grade = grade_label(rule, assessment.grade, labels)
        text = grade if grade == word else labels.status_with_detail.format(status=grade, detail=word)
        return StatusView(text, "grade_" + assessment.grade, css)
    if status is Status.not_comparable:
        text = labels.status_with_detail.format(status=word, detail=labels.reasons[assessment.reason])
        fragment = "reason_" + assessment.reason  # type: ignore[union-attr]
    else:
        text, fragment = word, "status_" + status.value
    if rule.not_evaluable is not None and status in (Status.not_measured, Status.not_comparable):
        text = f"{_in(rule.not_evaluable, labels)} {text}"
    return StatusView(text, fragment, css)


def scheme_grades(rule: ProgressRule) -> list[str]:
    return list(SCHEME_GRADES[rule.scheme])


def rule_context(rule: ProgressRule, labels: Labels) -> dict:
    """What the progress page's template needs to explain the rule in this language."""
    if rule.start_year is not None:
        start = format_period(Period(fiscal_year=rule.start_year), labels, long=True)
    else:
        start = labels.progress_start_default
    return {
        "rule_grades": scheme_grades(rule),
        "rule_thresholds": thresholds(rule, labels),
        "rule_start_text": start,
        "grade_label": lambda key: grade_label(rule, key, labels),
        "grade_meaning": lambda key: grade_meaning(rule, key, labels),
    }


__all__ = ["PROGRESS_PAGE", "StatusView", "grade_label", "grade_meaning", "rule_of", "scheme_grades",
           "rule_context", "status_view", "thresholds"]
