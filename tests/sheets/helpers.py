"""Survey sheets made the way a division makes them: exported, then filled in with openpyxl, inside the test."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from generator.sheets.layout import COLUMN_INDEX

DATA = Path(__file__).resolve().parent.parent / "data"
PLAN = DATA / "evaluation"  # two scales, qualitative targets, KPIs, a project and an initiative
YEAR = 2025


def plan_copy(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    return plan


def snapshot(plan: Path) -> dict[str, bytes]:
    return {path.relative_to(plan).as_posix(): path.read_bytes() for path in sorted(plan.rglob("*")) if path.is_file()}


def fill(path: Path, out: Path, values: dict[str, dict[str, object]], edit=None) -> Path:
    """Write `values` (id → column key → value) into the rows of every sheet, as a division would type them;
    `edit(workbook)` may then do what a division should not (merge cells, move a column…)."""
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=2):
            ident = row[0].value
            for key, value in values.get(ident, {}).items():
                row[COLUMN_INDEX[key]].value = value
    if edit is not None:
        edit(workbook)
    workbook.save(out)
    return out


def cell_of(path: Path, sheet: str, ident: str, key: str) -> str:
    """The address of the cell of column `key` in the row of `ident`, e.g. J3."""
    workbook = openpyxl.load_workbook(path)
    for row in workbook[sheet].iter_rows(min_row=2):
        if row[0].value == ident:
            return row[COLUMN_INDEX[key]].coordinate
    raise KeyError(ident)
