"""The plan hierarchy: goals, directions, measures, projects and what they hold."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Choice, Figure, Footnote, Label, Note, Period, PeriodRange, Prose, Slug, StrictModel, Text, Unit, rule
from .evaluation import Evaluation, QualitativeTarget, Revision
from .indicators import Indicator

# A cell is a number, empty (null), or a dash the source prints for "none"; the schema says the same.
Cell = Figure | Literal["-", "―", "—"] | None


class Level(Choice):
    """What a node of the hierarchy is; its heading word per language lives in templates/labels/."""

    chapter = "chapter"
    section = "section"
    policy_area = "policy_area"
    basic_goal = "basic_goal"
    basic_direction = "basic_direction"
    basic_measure = "basic_measure"
    measure = "measure"
    sub_measure = "sub_measure"
    pillar = "pillar"
    sub_area = "sub_area"
    zone = "zone"
    reform_principle = "reform_principle"
    reform_goal = "reform_goal"
    key_project = "key_project"
    basic_policy = "basic_policy"
    priority_issue = "priority_issue"


class Project(StrictModel):
    """An individual project (個別事業 / 主な事業) with its responsible divisions (主管課)."""

    id: Slug = Field(description="Unique id of the project within the plan.")
    name: Text = Field(description="Name of the project (事業名).")
    description: Text | None = Field(default=None, description="What the project does (取組内容).")
    divisions: list[Slug] = Field(default_factory=list, description="Ids of the responsible divisions, from divisions.yaml.")
    notes: list[Note] = Field(default_factory=list, description="Editorial notes on this project.")
    evaluations: list[Evaluation] = Field(default_factory=list, description="Its evaluation for each year, oldest first.")
    revision: Revision | None = Field(default=None, description="Why and when the project last changed (e.g. a mid-term review).")


class Initiative(StrictModel):
    """A key initiative (重点的な取組 / 主な取組) with its budget line and responsible section."""

    id: Slug | None = Field(default=None, description="Unique id within the plan; needed for its row in the survey sheet.")
    label: Label | None = Field(default=None, description="Its mark in the source, e.g. `ア`.")
    title: Text = Field(description="Name of the initiative or budget line (事業名、予算等).")
    items: list[Text] = Field(default_factory=list, description="The concrete actions listed under it (主な取組).")
    divisions: list[Slug] = Field(default_factory=list, description="Ids of the responsible sections (所管室・課), from divisions.yaml.")
    evaluations: list[Evaluation] = Field(default_factory=list, description="Its evaluation for each year, oldest first.")


class GuidingPlan(StrictModel):
    """An individual plan that guides a key project (本プロジェクトの指針となる個別計画)."""

    label: Label | None = Field(default=None, description="Its mark in the source, e.g. `A`.")
    name: Text = Field(description="Name of the plan (計画名).")
    period: PeriodRange | None = Field(default=None, description="The plan period (計画期間).")
    goal: Text | None = Field(default=None, description="The plan goal (計画目標).")


class NumberedTitle(StrictModel):
    """A numbered heading of another plan that this item belongs to, e.g. 政策目標 (5)."""

    number: Label = Field(description="Its number as written, e.g. `(5)`.")
    title: Text = Field(description="Its title.")


class TableRow(StrictModel):
    """One row of a table: a label and one cell per column."""

    label: Text = Field(description="Row heading.")
    cells: list[Cell] = Field(description="One cell per column: a number, a mark such as `-` written in the source, or empty (null).")
    note: Text | None = Field(default=None, description="What the source says about this row.")


class Table(StrictModel):
    """A table by year, e.g. a project budget or a survey ranking."""

    id: Slug = Field(description="Unique id of the table within the plan; used for its downloadable file.")
    title: Text = Field(description="Caption of the table.")
    row_header: Text = Field(description="Heading of the row labels column, e.g. 主な事業 / Main project.")
    columns: list[Period] = Field(min_length=1, description="The year of each column, in the source's order.")
    unit: Unit | None = Field(default=None, description="Unit of every number in the table.")
    rows: list[TableRow] = Field(min_length=1, description="The rows, in the source's order.")
    source: Text | None = Field(default=None, description="Where the figures come from (資料).")
    notes: list[Note] = Field(default_factory=list, description="Editorial and source notes, e.g. what empty cells mean.")
    revision: Revision | None = Field(default=None, description="Why and when its figures last changed.")

    @model_validator(mode="after")
    def _rows_match_columns(self) -> Table:
        for index, row in enumerate(self.rows):
            if len(row.cells) != len(self.columns):
                raise rule("table_row_length", row=index, row_number=index + 1,
                           label=row.label.model_dump(by_alias=True), cells=len(row.cells), columns=len(self.columns))
        return self


class Node(StrictModel):
    """One item of the plan hierarchy. Its `level` says what it is; it holds only the parts it has."""

    id: Slug = Field(description="Unique id within the plan; top-level nodes become pages at `<document>/<id>/`.")
    level: Level = Field(description="What this item is, e.g. `basic_goal` (基本目標).")
    number: Label | None = Field(default=None, description="Its number as the source writes it, e.g. `1`, `(2)`, `①`.")
    title: Text = Field(description="Its title.")
    page: bool | None = Field(default=None, description="Give this item its own page; top-level items always have one.")
    policy_goal: NumberedTitle | None = Field(default=None, description="The policy goal (政策目標) of the comprehensive plan it serves.")
    measure_goal: NumberedTitle | None = Field(default=None, description="The measure goal (施策目標) of the comprehensive plan it serves.")
    divisions: list[Slug] = Field(default_factory=list, description="Ids of the responsible divisions (主管課), from divisions.yaml.")
    vision: Prose | None = Field(default=None, description="What the city aims for (目指す姿).")
    direction: Prose | None = Field(default=None, description="The mid-term direction (目指すべき方向・中期的な目標).")
    body: Prose | None = Field(default=None, description="Narrative text.")
    items: list[Text] = Field(default_factory=list, description="A bulleted list of points, in the source's order.")
    targets: list[Indicator] = Field(default_factory=list, description="Numerical targets (数値目標).")
    kpis: list[Indicator] = Field(default_factory=list, description="Key performance indicators (重要業績評価指標, KPI).")
    activity_targets: list[QualitativeTarget] = Field(default_factory=list, description="Activity targets (活動目標), each with an id and its evaluations.")
    achievement_targets: list[QualitativeTarget] = Field(default_factory=list, description="Achievement targets (達成目標), each with an id and its evaluations.")
    projects: list[Project] = Field(default_factory=list, description="Individual projects (個別事業).")
    initiatives: list[Initiative] = Field(default_factory=list, description="Key initiatives (重点的な取組 / 主な取組).")
    guiding_plans: list[GuidingPlan] = Field(default_factory=list, description="Individual plans that guide this item.")
    tables: list[Table] = Field(default_factory=list, description="Tables by year.")
    footnotes: list[Footnote] = Field(default_factory=list, description="Footnotes of the source.")
    notes: list[Note] = Field(default_factory=list, description="Editorial notes.")
    evaluations: list[Evaluation] = Field(default_factory=list, description="The item's own evaluation for each year (e.g. a key project's 施策評価), oldest first.")
    children: list[Node] = Field(default_factory=list, description="Items below this one in the hierarchy.")
    revision: Revision | None = Field(default=None, description="Why and when the item last changed (e.g. a mid-term review).")


class Official(StrictModel):
    """A named official responsible for the document, e.g. the head of department (部長)."""

    role: Text = Field(description="The post, e.g. 部(局)長 / Director-General.")
    name: Text = Field(description="The person's name; English in given-name-last order as the city writes it.")
    remit: Text | None = Field(default=None, description="Their area of responsibility, e.g. 行財政健全化担当.")


__all__ = [
    "Cell",
    "GuidingPlan",
    "Initiative",
    "Level",
    "Node",
    "NumberedTitle",
    "Official",
    "Project",
    "Table",
    "TableRow",
]
