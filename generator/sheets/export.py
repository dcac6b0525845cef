"""`export-sheet`: the survey workbook (照会票) a planning office sends each division every summer.

An instructions sheet, then one sheet per division (or one for the whole plan): every item the division
answers for, its id, name, unit, baseline, target and latest values, and empty cells for the year's
actual, grade and comment. Grades are a drop-down list of the plan's scale, actuals accept numbers only,
and every other cell is locked. The workbook's bytes depend only on the plan and the options.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from ..messages import Message, render
from ..model import Plan
from ..model.common import MAX_FIGURE
from .layout import (COLUMNS, FORMAT, LISTS_SHEET, META_SHEET, SHEET_LANGUAGES, SheetRow, column_letter, grade_choice,
                     headings, plan_fingerprint, shown)

_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
# Excel's limits on a sheet's name: 31 characters, none of these.
_SHEET_NAME_FORBIDDEN = str.maketrans({character: "・" for character in "[]:*?/\\"})
# Zip entries get this time, not the time of export: the same plan and options give the same bytes.
_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _words(code: str, lang: str, **params) -> str:
    return render(Message(code, params), lang)


def sheet_name(name: str, taken: set[str]) -> str:
    """A name Excel accepts, unique in the workbook (a suffix where two divisions shorten alike)."""
    base = (name.translate(_SHEET_NAME_FORBIDDEN).strip("'") or "sheet")[:31]
    candidate, n = base, 2
    while candidate.lower() in taken or candidate.startswith("_"):
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def group_rows(plan: Plan, rows: list[SheetRow], lang: str, whole_plan: bool,
               divisions: Sequence[str] = ()) -> list[tuple[str, list[SheetRow]]]:
    """(sheet name, rows): one sheet per division, in divisions.yaml's order, or one for the whole plan.
    An item several divisions answer for is on each one's sheet; one no division answers for on its own."""
    taken: set[str] = set()
    if whole_plan:
        return [(sheet_name(_words("sheet.whole_plan", lang), taken), rows)]
    groups = []
    for division in plan.divisions:
        if divisions and division.id not in divisions:
            continue
        mine = [row for row in rows if division.id in row.item.divisions]
        if mine:
            groups.append((sheet_name(shown(division.name, lang), taken), mine))
    if not divisions:
        orphans = [row for row in rows if not row.item.divisions]
        if orphans:
            groups.append((sheet_name(_words("sheet.no_division", lang), taken), orphans))
    return groups


def _instructions(workbook: Workbook, plan: Plan, year: int, lang: str) -> None:
    sheet = workbook.active
    sheet.title = _words("sheet.instructions_title", lang)[:31]
    municipality = shown(plan.root.municipality, lang)
    lines: list[tuple[str, bool]] = []
    for code in (lang, *[other for other in SHEET_LANGUAGES if other != lang]):
        place = plan.root.municipality.get(code) or municipality
        year_text = _words("year.fiscal", code, year=year)
        lines.append((_words("sheet.instructions.heading", code, municipality=place, year=year_text), True))
        for step in ("intro", "step_fill", "step_numbers", "step_grades", "step_layout", "step_return"):
            lines.append((_words(f"sheet.instructions.{step}", code, year=year_text), False))
        for scale in plan.root.evaluation_scales:
            lines.append((_words("sheet.instructions.scale", code, name=shown(scale.name, code)),
                          True))
            for grade in scale.grades:
                meaning = grade.meaning.get(code) if grade.meaning else None
                lines.append((f"  {grade_choice(grade, code)}" + (f": {meaning}" if meaning else ""), False))
        lines.append(("", False))
    for index, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row=index, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True


def _lists(workbook: Workbook, plan: Plan, lang: str) -> dict[str, str]:
    """A hidden sheet with each scale's choices, one column per scale; scale id → the range a list refers to."""
    sheet = workbook.create_sheet(LISTS_SHEET)
    ranges = {}
    for index, scale in enumerate(plan.root.evaluation_scales, start=1):
        letter = chr(ord("A") + index - 1)
        sheet.cell(row=1, column=index, value=scale.id)
        for row, grade in enumerate(scale.grades, start=2):
            sheet.cell(row=row, column=index, value=grade_choice(grade, lang))
        ranges[scale.id] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(scale.grades) + 1}"
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return ranges


def _data_sheet(workbook: Workbook, name: str, rows: list[SheetRow], lang: str, ranges: dict[str, str]) -> None:
    sheet = workbook.create_sheet(name)
    for index, (column, text) in enumerate(zip(COLUMNS, headings(lang)), start=1):
        cell = sheet.cell(row=1, column=index, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = Font(bold=True), _HEADER_FILL, _BORDER, _WRAP
        dimension = sheet.column_dimensions[column_letter(column.key)]
        dimension.width, dimension.hidden = column.width, column.hidden
    numbers = DataValidation(type="decimal", operator="between", formula1=str(-MAX_FIGURE), formula2=str(MAX_FIGURE),
                             allow_blank=True, showErrorMessage=True, errorTitle=_words("sheet.invalid_title", lang),
                             error=_words("sheet.number_prompt", lang))
    sheet.add_data_validation(numbers)
    by_scale: dict[str, DataValidation] = {}
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(COLUMNS, start=1):
            value = row.key if column.key == "key" else row.cells.get(column.key)
            cell = sheet.cell(row=number, column=index, value=value)
            cell.border, cell.alignment = _BORDER, _WRAP
            editable = column.editable and (column.key != "actual" or row.takes_actual) and (
                column.key == "actual" or row.scale is not None)
            if editable:
                cell.protection = Protection(locked=False)
            else:
                cell.fill = _LOCKED_FILL
        if row.takes_actual:
            numbers.add(f"{column_letter('actual')}{number}")
        if row.scale is not None:
            validation = by_scale.get(row.scale.id)
            if validation is None:
                validation = by_scale[row.scale.id] = DataValidation(
                    type="list", formula1=f"={ranges[row.scale.id]}", allow_blank=True, showErrorMessage=True,
                    errorTitle=_words("sheet.invalid_title", lang), error=_words("sheet.grade_prompt", lang))
                sheet.add_data_validation(validation)
            validation.add(f"{column_letter('grade')}{number}")
    sheet.freeze_panes = "E2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may change; columns may not move
    sheet.protection.formatRows = False


def _metadata(workbook: Workbook, plan: Plan, year: int, lang: str) -> None:
    sheet = workbook.create_sheet(META_SHEET)
    for row, (key, value) in enumerate((("format", FORMAT), ("plan", plan_fingerprint(plan)), ("year", year),
                                        ("lang", lang)), start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True


def workbook_bytes(plan: Plan, groups: list[tuple[str, list[SheetRow]]], year: int, lang: str) -> bytes:
    workbook = Workbook()
    _instructions(workbook, plan, year, lang)
    ranges = _lists(workbook, plan, lang)
    for name, rows in groups:
        _data_sheet(workbook, name, rows, lang, ranges)
    _metadata(workbook, plan, year, lang)
    workbook.active = 1 if groups else 0
    fixed = datetime(*_FIXED_ZIP_TIME)
    workbook.properties.created = workbook.properties.modified = fixed
    workbook.properties.creator = "Keikaku"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_fixed_times(buffer.getvalue())


def _with_fixed_times(data: bytes) -> bytes:
    """The same zip with every entry dated alike, so that the bytes do not depend on the time of export."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps `modified` with the clock when it saves
                stamp = datetime(*_FIXED_ZIP_TIME).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                                 content)
            target.writestr(fixed, content)
    return out.getvalue()


def write_workbook(path: Path, data: bytes) -> None:
    """Write `data` at `path` whole or not at all: a workbook half written is never left behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)  # e.g. --out imports/照会票.xlsx in a fresh clone
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


__all__ = ["group_rows", "sheet_name", "workbook_bytes", "write_workbook"]
