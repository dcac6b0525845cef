"""Numerical targets (数値目標) and key performance indicators (KPI)."""

from __future__ import annotations

from pydantic import Field, model_validator

from .common import Figure, Note, Period, Quantity, Slug, StrictModel, Text, Unit, rule
from .evaluation import Evaluation, Revision, UnitConversion
from .progress import Direction


class _Values(StrictModel):
    """Either one `value` with its `unit`, or several labelled `values`."""

    value: Figure | None = Field(default=None, description="The number, when there is one.")
    unit: Unit | None = Field(default=None, description="Unit of `value`.")
    values: list[Quantity] = Field(default_factory=list, description="Several labelled numbers (e.g. men and women), instead of `value`.")

    def quantities(self) -> list[Quantity]:
        if self.value is not None and self.unit is not None:
            return [Quantity(value=self.value, unit=self.unit)]
        return list(self.values)

    def _check_values(self, allow_none: bool) -> None:
        if self.value is not None and self.values:
            raise rule("value_or_values")
        if (self.value is None) != (self.unit is None):
            raise rule("value_with_unit")
        if not allow_none and self.value is None and not self.values:
            raise rule("number_missing")


class Measurement(_Values):
    """A measured value: the baseline (基準値) or a yearly actual."""

    period: Period | None = Field(default=None, description="When it was measured, e.g. `fiscal_year: 2019` for 令和元年度.")
    note: Text | None = Field(default=None, description="What the source adds, e.g. how it was calculated.")
    source: Text | None = Field(default=None, description="Where this figure was published, when it is not the indicator's usual source.")

    @model_validator(mode="after")
    def _has_number(self) -> Measurement:
        self._check_values(allow_none=False)
        return self


class Target(_Values):
    """The target (目標値): a number, or a qualitative text when the source gives no number."""

    text: Text | None = Field(default=None, description="A qualitative target, e.g. 「平均寿命の増加分を上回る健康寿命の増加」.")
    period: Period | None = Field(default=None, description="The year the target is for, when the source states one.")
    cumulative: bool = Field(default=False, description="True when the target counts a running total (累計値) rather than one year.")
    note: Text | None = Field(default=None, description="What the source adds to the target.")

    @model_validator(mode="after")
    def _number_or_text(self) -> Target:
        self._check_values(allow_none=True)
        if self.text is None and self.value is None and not self.values:
            raise rule("target_empty")
        return self


class Indicator(StrictModel):
    """A numerical target or KPI with its source, baseline, target and yearly actuals."""

    id: Slug = Field(description="Unique id of the indicator within the plan.")
    name: Text = Field(description="Name of the indicator (指標名).")
    source: Text | None = Field(default=None, description="Where the figures come from (出典), e.g. 〔WEB調査〕.")
    definition: Text | None = Field(default=None, description="What the indicator means (定義).")
    target_group: Text | None = Field(default=None, description="Who it measures (ターゲット).")
    baseline: Measurement | None = Field(default=None, description="The baseline (基準値) with the period it was measured in.")
    target: Target | None = Field(default=None, description="The target (目標値).")
    direction: Direction | None = Field(default=None, description="Which way the indicator should go (increase, decrease, at_least, at_most, maintain); without it no progress is computed.")
    divisions: list[Slug] = Field(default_factory=list, description="Ids of the divisions responsible for it, from divisions.yaml; by default those of its item, or of its item's projects.")
    actuals: list[Measurement] = Field(default_factory=list, description="Yearly actual values, for progress; each needs a period, one per year.")
    conversions: list[UnitConversion] = Field(default_factory=list, description="Units an actual may be in besides the target's, and how each converts to it.")
    evaluations: list[Evaluation] = Field(default_factory=list, description="The division's own grade and comment for each year (自己評価), beside the computed status.")
    notes: list[Note] = Field(default_factory=list, description="Editorial notes on this indicator.")
    revision: Revision | None = Field(default=None, description="Why and when its target or baseline last changed (e.g. a mid-term review).")

    @model_validator(mode="after")
    def _actuals_have_periods(self) -> Indicator:
        for actual in self.actuals:
            if actual.period is None:
                raise rule("actual_period")
        return self
