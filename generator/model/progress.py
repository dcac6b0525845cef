"""How progress is judged: the direction an indicator should move, and the plan's status rule."""

from __future__ import annotations

from pydantic import Field, model_validator

from .common import Choice, StrictModel, Text, rule


class Direction(Choice):
    """Which way an indicator should go; progress is computed only for indicators that declare one."""

    increase = "increase"   # more is better, from the baseline up to the target
    decrease = "decrease"   # less is better, from the baseline down to the target
    at_least = "at_least"   # the target is a floor: met when the value is at or above it
    at_most = "at_most"     # the target is a ceiling: met when the value is at or below it
    maintain = "maintain"   # keep the value at the target, within the rule's tolerance


class Status(Choice):
    """The status every indicator gets, whatever the plan's rule; its words live in templates/labels/."""

    achieved = "achieved"
    on_track = "on_track"
    not_yet_achieved = "not_yet_achieved"  # before the target year, below the target, with no rule for how far along
    behind = "behind"
    not_measured = "not_measured"
    not_comparable = "not_comparable"


class Scheme(Choice):
    """The published ways of grading progress that a plan can declare."""

    graded = "graded"        # S/A/B/C against the baseline and the target
    pro_rated = "pro_rated"  # share of the target expected by this year of the plan
    achieved = "achieved"    # target reached or not


# The grades each scheme gives, best first, with the status each stands for unless the plan says otherwise.
SCHEME_GRADES: dict[Scheme, dict[str, Status]] = {
    Scheme.graded: {"beyond_target": Status.achieved, "beyond_baseline": Status.on_track,
                    "near_baseline": Status.behind, "below_baseline": Status.behind},
    Scheme.pro_rated: {"steady": Status.on_track, "mostly": Status.on_track, "needs_improvement": Status.behind},
    Scheme.achieved: {"achieved": Status.achieved, "not_achieved": Status.behind},
}


class Grade(StrictModel):
    """The plan's own words for one grade of its rule, e.g. `S` or 「順調に進捗」."""

    label: Text = Field(description="The grade as the plan writes it, e.g. `S` or 順調 / Steadily progressing.")
    meaning: Text | None = Field(default=None, description="What the grade means, in the plan's words; without it the site explains it from the thresholds.")
    status: Status | None = Field(default=None, description="`on_track` or `behind`: what this grade counts as; reaching the target always counts as achieved.")


class ProgressRule(StrictModel):
    """The rule that turns an indicator's latest actual into a status, as the plan publishes it."""

    scheme: Scheme = Field(description="`graded` (S/A/B/C against baseline and target), `pro_rated` (by plan year) or `achieved` (target reached or not).")
    tolerance_percent: float = Field(default=10, ge=0, le=100, description="`graded`: a value within this share of the baseline counts as unchanged; `maintain`: allowed distance from the target.")
    yearly_share_percent: float = Field(default=20, gt=0, le=100, description="`pro_rated`: the share of the way from baseline to target expected per plan year.")
    upper_percent: float = Field(default=100, gt=0, description="`pro_rated`: progress at or above this share of what is expected gets the best grade.")
    lower_percent: float = Field(default=60, ge=0, description="`pro_rated`: progress at or above this share (and below `upper_percent`) gets the middle grade.")
    start_year: int | None = Field(default=None, ge=1868, le=2200, description="`pro_rated`: the first plan year; by default the start of the document's period.")
    grades: dict[str, Grade] = Field(default_factory=dict, description="The plan's label for each grade of the scheme (graded: beyond_target, beyond_baseline, near_baseline, below_baseline; pro_rated: steady, mostly, needs_improvement; achieved: achieved, not_achieved).")
    not_evaluable: Text | None = Field(default=None, description="The plan's mark for an indicator that cannot be evaluated, e.g. `−`.")
    source: Text | None = Field(default=None, description="Where the plan publishes this rule.")

    @model_validator(mode="after")
    def _grades_of_scheme(self) -> ProgressRule:
        known = SCHEME_GRADES[self.scheme]
        unknown = sorted(set(self.grades) - set(known))
        if unknown:
            raise rule("grade_of_scheme", grade=unknown[0], scheme=self.scheme.value, known=list(known))
        for key, grade in self.grades.items():
            if grade.status not in (None, Status.on_track, Status.behind, Status.achieved):
                raise rule("grade_status", grade=key, status=grade.status.value)
        if self.scheme is Scheme.pro_rated and self.lower_percent > self.upper_percent:
            raise rule("percent_order")
        return self

    def status_of(self, grade: str) -> Status:
        declared = self.grades.get(grade)
        if declared is not None and declared.status is not None:
            return declared.status
        return SCHEME_GRADES[self.scheme][grade]


DEFAULT_RULE = ProgressRule(scheme=Scheme.achieved)
