"""The plan as open data: the whole validated plan as JSON with its schema, and CSVs of indicators (a wide
summary, and the tidy values of `tidy_data`), evaluations, projects and each data table. Pure: returns file contents; the build writes them under `data/`.

CSVs are UTF-8 with a BOM, so that Excel in Japan opens them correctly; every header names the column,
and texts have a column, in each required language. A text cell that a spreadsheet would run as a
formula (it begins with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, as
OWASP's CSV-injection guidance says, so that a name from a pull request never runs in a clerk's Excel;
numbers are written as numbers. An optional language is a reading aid whose gaps
its fallback fills, so it gets no CSV columns: its texts are in plan.json, keyed by language code as in
the YAML. Output is deterministic: the same plan gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..languages import by_code, default_language
from ..model import Measurement, Period, Plan, Table, Target
from ..ruby import each_text, plain
from ..model.schema import schema_text
from ..model.walk import walk_items
from .csv_cells import CsvFile, BOM, Number, codes, csv_text, division_names, header, number_cell, period_cell, text_columns, texts
from .progress import Assessment, assess_plan, plan_indicators
from .tidy_data import evaluations_csv, has_evaluations, indicator_values_csv

@dataclass(frozen=True)
class DataFile:
    """One downloadable file: its path below `data/`, content, format, and what it holds."""

    path: str
    content: str
    media_type: str
    kind: str                  # plan_json | plan_schema | indicators | indicator_values | evaluations | projects | table
    table: Table | None = None
    fields: tuple[dict, ...] = ()  # a CSV's Table Schema fields (datapackage.json)

    def description(self, labels) -> str:
        """What the file holds, in the language of `labels` (a table's title in it, or in its fallback)."""
        text = labels.data_descriptions[self.kind]
        return text.format(title=self.table.title.pick(by_code(labels.lang))[0]) if self.table is not None else text

    @property
    def size(self) -> int:
        return len(self.content.encode("utf-8"))


def _value(measurement: Measurement | Target | None) -> str:
    """A single number as it is; several labelled numbers as `label=value` joined by `; `."""
    if measurement is None:
        return ""
    if measurement.value is not None:
        return Number(number_cell(measurement.value))
    return "; ".join(f"{q.label.pick(default_language())[0] if q.label else ''}={number_cell(q.value)}" for q in measurement.values)


def _unit(measurement: Measurement | Target | None) -> str:
    if measurement is None:
        return ""
    units = [q.unit.value for q in measurement.quantities()]
    return units[0] if units and len(set(units)) == 1 else ""


def indicators_csv(plan: Plan, assessments: dict[str, Assessment]) -> CsvFile:
    heading = [header("id"), header("document"), *text_columns("goal"), header("kind"), *text_columns("name"),
              header("unit"), header("baseline"), header("baseline_period"), header("target"),
              *text_columns("target_text"), header("direction"), header("latest_actual"),
              header("latest_period"), header("actuals"), header("status"), header("grade"), header("reason"),
              header("divisions"), *text_columns("division_names")]
    rows = []
    for place in plan_indicators(plan):
        kpi, a = place.indicator, assessments[place.indicator.id]
        actuals = "; ".join(f"{period_cell(m.period)}={_value(m)}"
                            for m in sorted(kpi.actuals, key=lambda m: m.period.western))  # type: ignore[union-attr]
        rows.append([kpi.id, place.document.id, *texts(place.goal.title), place.kind, *texts(kpi.name),
                     _unit(kpi.target) or _unit(kpi.baseline), _value(kpi.baseline),
                     period_cell(kpi.baseline.period if kpi.baseline else None), _value(kpi.target),
                     *texts(kpi.target.text if kpi.target else None),
                     kpi.direction.value if kpi.direction else "", _value(a.latest),
                     period_cell(a.latest.period if a.latest else None), actuals, a.status.value, a.grade or "",
                     a.reason or "", " ".join(place.divisions),
                     *division_names(plan, place.divisions)])
    return csv_text(heading, rows)


def projects_csv(plan: Plan) -> CsvFile:
    heading = [header("id"), header("document"), *text_columns("goal"), header("item"), *text_columns("name"),
              *text_columns("description"), header("divisions"), *text_columns("division_names")]
    rows = []
    for place in walk_items(plan):
        for project in place.node.projects:
            rows.append([project.id, place.document.id, *texts(place.goal.title), place.node.id, *texts(project.name),
                         *texts(project.description), " ".join(project.divisions), *division_names(plan, project.divisions)])
    return csv_text(heading, rows)


def table_csv(table: Table) -> CsvFile:
    heading = [*text_columns("row"), *[period_cell(column) for column in table.columns], header("unit")]
    rows = [[*texts(row.label), *[Number(number_cell(c)) if not isinstance(c, str) else c for c in row.cells],
             table.unit.value if table.unit else ""] for row in table.rows]
    return csv_text(heading, rows)


def tables(plan: Plan) -> list[Table]:
    return [table for place in walk_items(plan) for table in place.node.tables]


def _csv_file(path: str, csv_file: CsvFile, kind: str, table: Table | None = None) -> DataFile:
    return DataFile(path, csv_file.text, "text/csv", kind, table, csv_file.fields)


def open_data_files(plan: Plan, assessments: dict[str, Assessment] | None = None) -> list[DataFile]:
    """Every file of the plan's open data, in the order the open-data page lists them; `assessments`,
    when the plan's progress has been assessed already (prepare.site)."""
    assessments = assess_plan(plan) if assessments is None else assessments
    files = [
        # Each text's base alone: furigana (`{柏市|かしわし}`) is for the pages.
        DataFile("plan.json", json.dumps(each_text(plan.model_dump(mode="json", by_alias=True, exclude_none=True), plain),
                                         ensure_ascii=False, indent=2) + "\n", "application/json", "plan_json"),
        DataFile("plan.schema.json", schema_text(Plan, "Keikaku plan.json (the published plan)", "published-plan"),
                 "application/schema+json", "plan_schema"),
    ]
    if any(True for _ in plan_indicators(plan)):
        files.append(_csv_file("indicators.csv", indicators_csv(plan, assessments), "indicators"))
    if any(True for _ in plan_indicators(plan)):
        files.append(_csv_file("indicator_values.csv", indicator_values_csv(plan, assessments), "indicator_values"))
    if has_evaluations(plan):
        files.append(_csv_file("evaluations.csv", evaluations_csv(plan), "evaluations"))
    if any(place.node.projects for place in walk_items(plan)):
        files.append(_csv_file("projects.csv", projects_csv(plan), "projects"))
    for table in tables(plan):
        files.append(_csv_file(f"tables/{table.id}.csv", table_csv(table), "table", table))
    return files


__all__ = ["BOM", "DataFile", "open_data_files"]
