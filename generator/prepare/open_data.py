"""The plan as open data: the whole validated plan as JSON with its schema, and CSVs of indicators,
projects and each data table. Pure: returns file contents; the build writes them under `data/`.

CSVs are UTF-8 with a BOM, so that Excel in Japan opens them correctly; every header names the column,
and texts have a column, in each required language. A text cell that a spreadsheet would run as a
formula (it begins with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, as
OWASP's CSV-injection guidance says, so that a name from a pull request never runs in a clerk's Excel;
numbers are written as numbers. An optional language is a reading aid whose gaps
its fallback fills, so it gets no CSV columns: its texts are in plan.json, keyed by language code as in
the YAML. Output is deterministic: the same plan gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from pydantic import TypeAdapter

from ..labels import load_labels
from ..languages import default_language, required_languages
from ..model import Measurement, Period, Plan, Table, Target
from ..model.walk import walk_items
from .progress import Assessment, assess_plan, plan_indicators

BOM = "\ufeff"


@dataclass(frozen=True)
class DataFile:
    """One downloadable file: its path below `data/`, content, format, and what it holds."""

    path: str
    content: str
    media_type: str
    kind: str                  # plan_json | plan_schema | indicators | projects | table
    table: Table | None = None

    @property
    def size(self) -> int:
        return len(self.content.encode("utf-8"))


def _period(period: Period | None) -> str:
    if period is None:
        return ""
    return f"FY{period.western}" if period.is_fiscal else str(period.western)


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Number(str):
    """A cell that holds a number, written as it is; every other cell is text."""


# What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(cell: str) -> str:
    """A cell as a spreadsheet will show it: a number as it is, a text never as a formula."""
    if isinstance(cell, Number) or not cell.startswith(FORMULA_START):
        return cell
    return "'" + cell


def _codes() -> list[str]:
    return [language.code for language in required_languages()]


def _value(measurement: Measurement | Target | None) -> str:
    """A single number as it is; several labelled numbers as `label=value` joined by `; `."""
    if measurement is None:
        return ""
    if measurement.value is not None:
        return Number(_number(measurement.value))
    return "; ".join(f"{q.label.pick(default_language())[0] if q.label else ''}={_number(q.value)}" for q in measurement.values)


def _unit(measurement: Measurement | Target | None) -> str:
    if measurement is None:
        return ""
    units = [q.unit.value for q in measurement.quantities()]
    return units[0] if units and len(set(units)) == 1 else ""


def _header(key: str, lang: str | None = None) -> str:
    names = " / ".join(load_labels(code).csv_columns[key] for code in _codes())
    return f"{names} [{lang}]" if lang else names


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return BOM + out.getvalue()


def _text_columns(key: str) -> list[str]:
    return [_header(key, code) for code in _codes()]


def _texts(text) -> list[str]:
    return [(text.get(code) or "") if text is not None else "" for code in _codes()]


def indicators_csv(plan: Plan, assessments: dict[str, Assessment]) -> str:
    header = [_header("id"), _header("document"), *_text_columns("goal"), _header("kind"), *_text_columns("name"),
              _header("unit"), _header("baseline"), _header("baseline_period"), _header("target"),
              *_text_columns("target_text"), _header("direction"), _header("latest_actual"),
              _header("latest_period"), _header("actuals"), _header("status"), _header("grade"), _header("reason"),
              _header("divisions")]
    rows = []
    for place in plan_indicators(plan):
        kpi, a = place.indicator, assessments[place.indicator.id]
        actuals = "; ".join(f"{_period(m.period)}={_value(m)}"
                            for m in sorted(kpi.actuals, key=lambda m: m.period.western))  # type: ignore[union-attr]
        rows.append([kpi.id, place.document.id, *_texts(place.goal.title), place.kind, *_texts(kpi.name),
                     _unit(kpi.target) or _unit(kpi.baseline), _value(kpi.baseline),
                     _period(kpi.baseline.period if kpi.baseline else None), _value(kpi.target),
                     *_texts(kpi.target.text if kpi.target else None),
                     kpi.direction.value if kpi.direction else "", _value(a.latest),
                     _period(a.latest.period if a.latest else None), actuals, a.status.value, a.grade or "",
                     a.reason or "", " ".join(place.divisions)])
    return _csv(header, rows)


def projects_csv(plan: Plan) -> str:
    header = [_header("id"), _header("document"), *_text_columns("goal"), _header("item"), *_text_columns("name"),
              *_text_columns("description"), _header("divisions"), *_text_columns("division_names")]
    names = {d.id: d.name for d in plan.divisions}
    rows = []
    for place in walk_items(plan):
        for project in place.node.projects:
            division_names = ["; ".join(names[ref].get(code) or "" for ref in project.divisions if ref in names)
                              for code in _codes()]
            rows.append([project.id, place.document.id, *_texts(place.goal.title), place.node.id, *_texts(project.name),
                         *_texts(project.description), " ".join(project.divisions), *division_names])
    return _csv(header, rows)


def table_csv(table: Table) -> str:
    header = [*_text_columns("row"), *[_period(column) for column in table.columns], _header("unit")]
    rows = [[*_texts(row.label), *[Number(_number(c)) if not isinstance(c, str) else c for c in row.cells],
             table.unit.value if table.unit else ""] for row in table.rows]
    return _csv(header, rows)


def tables(plan: Plan) -> list[Table]:
    return [table for place in walk_items(plan) for table in place.node.tables]


def open_data_files(plan: Plan, assessments: dict[str, Assessment] | None = None) -> list[DataFile]:
    """Every file of the plan's open data, in the order the open-data page lists them; `assessments`,
    when the plan's progress has been assessed already (prepare.site)."""
    assessments = assess_plan(plan) if assessments is None else assessments
    files = [
        DataFile("plan.json", json.dumps(plan.model_dump(mode="json", by_alias=True, exclude_none=True), ensure_ascii=False,
                                         indent=2) + "\n", "application/json", "plan_json"),
        DataFile("plan.schema.json", json.dumps(TypeAdapter(Plan).json_schema(), ensure_ascii=False, indent=2,
                                                sort_keys=True) + "\n", "application/schema+json", "plan_schema"),
    ]
    if any(True for _ in plan_indicators(plan)):
        files.append(DataFile("indicators.csv", indicators_csv(plan, assessments), "text/csv", "indicators"))
    if any(place.node.projects for place in walk_items(plan)):
        files.append(DataFile("projects.csv", projects_csv(plan), "text/csv", "projects"))
    for table in tables(plan):
        files.append(DataFile(f"tables/{table.id}.csv", table_csv(table), "text/csv", "table", table))
    return files


__all__ = ["BOM", "DataFile", "open_data_files"]
