"""From a filled sheet's rows to the values to write into the plan, each checked at its cell.

A row is matched to the plan by its id and its check column (the unit, target and scale it was exported
against); its year must be the sheet's and one the plan may hold a result for; an actual must be a plain
half-width number, a grade one of the scale's. Problems are collected for every cell of every file:
nothing is written while any remains.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ..load.evaluations import current_year, period_problem, slip_message
from ..messages import Message
from ..model import Measurement, Period, Plan, Unit
from ..model.common import MAX_FIGURE
from ..problems.errors import Location, ProblemCollector
from .layout import COLUMN_INDEX, SheetRow, column_letter, grade_choice, heading, parse_period, plan_fingerprint, shown
from .read import Book, Cell, Row

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_WITH_UNIT = re.compile(r"^(-?\d+(?:\.\d+)?)\s*[^\d\s.,-]+$")


@dataclass(frozen=True)
class Change:
    """The values one row gives for one item and year; None where the row leaves a value empty."""

    row: SheetRow
    period: Period
    actual: int | float | None
    grade: str | None        # the grade's id in `row.scale`
    comment: str | None
    lang: str                # the language the comment is written in: the sheet's
    cells: tuple[Cell, ...]  # where it came from, for messages

    def values(self) -> tuple:
        return (self.actual, self.grade, self.comment)

    def held_by_plan(self, default_scale: str | None) -> bool:
        """Whether the plan already says what this row says (a sheet imported before): nothing to write."""
        item = self.row.item
        if self.actual is not None:
            held = next((actual for actual in item.subject.actuals if _same_period(actual.period, self.period)), None)
            if held is None or held.value != self.actual or held.unit is None or held.unit.value != self.row.unit:
                return False
        if self.grade is not None:
            held = next((evaluation for evaluation in item.evaluations if _same_period(evaluation.period, self.period)),
                        None)
            if held is None or held.grade != self.grade:
                return False
            if self.row.scale is not None and (held.scale or default_scale) != self.row.scale.id:
                return False
            if self.comment is not None and (held.comment is None or held.comment.get(self.lang) != self.comment):
                return False
        return True


def _same_period(period: Period | None, other: Period) -> bool:
    return period is not None and period.is_fiscal == other.is_fiscal and period.western == other.western


def _shown(value) -> str:
    return str(value).replace("\n", " ")


def read_number(cell: Cell, problems: ProblemCollector) -> int | float | None:
    """The number in an actual's cell: as typed, never guessed at; a problem for anything else."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        problems.add(cell.location, "", Message("sheet.not_number", {"found": _shown(value)}))
        return None
    if isinstance(value, str):
        text = value.strip()
        half = unicodedata.normalize("NFKC", text).replace("−", "-").replace("ー", "-")
        if half != text and _NUMBER.match(half.replace(",", "")):
            problems.add(cell.location, "", Message("sheet.full_width", {"found": text, "write": half.replace(",", "")}))
            return None
        if _GROUPED.match(text):
            problems.add(cell.location, "", Message("sheet.number_with_comma", {"found": text,
                                                                               "write": text.replace(",", "")}))
            return None
        unit = _WITH_UNIT.match(half)
        if unit:
            problems.add(cell.location, "", Message("sheet.number_with_unit", {
                "found": text, "write": unit.group(1), "unit": column_letter("unit")}))
            return None
        if not _NUMBER.match(text):
            problems.add(cell.location, "", Message("sheet.not_number", {"found": _shown(text)}))
            return None
        value = float(text) if "." in text else int(text)
    if isinstance(value, float):
        if value != value or abs(value) == float("inf"):
            problems.add(cell.location, "", Message("sheet.not_number", {"found": _shown(value)}))
            return None
        value = float(f"{value:.15g}")  # what the spreadsheet shows, not a binary fraction's tail
        if value.is_integer():
            value = int(value)
    if abs(value) > MAX_FIGURE:
        problems.add(cell.location, "", Message("sheet.number_range", {"found": _shown(value)}))
        return None
    return value


def _grade(row: SheetRow, cell: Cell, lang: str, problems: ProblemCollector) -> str | None:
    if cell.value is None:
        return None
    text = str(cell.value).strip()
    if row.scale is None:
        problems.add(cell.location, "", Message("sheet.no_scale", {"found": _shown(text)}))
        return None
    for grade in row.scale.grades:
        if text in (grade_choice(grade, lang), grade.id, *(value for value in grade.label.model_dump(by_alias=True).values()
                                                           if value)):
            return grade.id
    problems.add(cell.location, "", Message("sheet.unknown_grade", {
        "found": _shown(text), "choices": [grade_choice(grade, lang) for grade in row.scale.grades]}))
    return None


def _check_key(row: SheetRow, cells: dict[str, Cell], problems: ProblemCollector) -> bool:
    cell = cells["key"]
    try:
        exported = json.loads(str(cell.value)) if cell.value is not None else None
    except ValueError:
        exported = None
    if not isinstance(exported, dict):
        problems.add(cell.location, "", Message("sheet.row_key_unreadable"))
        return False
    now = json.loads(row.key)
    for what, column in (("unit", "unit"), ("target", "target"), ("scale", "grade")):
        if exported.get(what) != now.get(what):
            problems.add(cells[column].location, "", Message("sheet.row_changed", {"what": Message(f"sheet.row_changed.{what}")}))
            return False
    return True


def row_change(plan_rows: dict[str, SheetRow], row: Row, lang: str, year: int | None, now: tuple[int, int],
               problems: ProblemCollector) -> Change | None:
    """What one row of a sheet gives, or None (with its problems reported) when it gives nothing usable."""
    cells = row.cells
    before = len(problems.problems)
    for cell in cells.values():
        if cell.formula:
            problems.add(cell.location, "", Message("sheet.formula", {"found": _shown(cell.value)}))
    if len(problems.problems) > before:
        return None
    ident = cells["id"].value
    sheet_row = plan_rows.get(str(ident).strip()) if ident is not None else None
    if sheet_row is None:
        problems.add(cells["id"].location, "", Message("sheet.unknown_id", {"id": _shown(ident or "")}))
        return None
    if not _check_key(sheet_row, cells, problems):
        return None
    period = parse_period(str(cells["period"].value or ""))
    if period is None:
        problems.add(cells["period"].location, "", Message("sheet.period", {"found": _shown(cells["period"].value or "")}))
        return None
    if year is not None and period.western != year:
        problems.add(cells["period"].location, "", Message("sheet.period_mismatch", {
            "found": _shown(cells["period"].value), "year": year}))
        return None
    actual = read_number(cells["actual"], problems)
    if actual is not None and not sheet_row.takes_actual:
        problems.add(cells["actual"].location, "", Message("sheet.no_actual_here", {"found": _shown(actual)}))
        actual = None
    grade = _grade(sheet_row, cells["grade"], lang, problems)
    comment = cells["comment"].value
    comment = str(comment).strip() if comment is not None else None
    if comment and grade is None and cells["grade"].value is None:
        problems.add(cells["comment"].location, "", Message("sheet.comment_without_grade"))
    if len(problems.problems) > before:
        return None
    if actual is None and grade is None:
        return None  # a row left empty: nothing to write
    item = sheet_row.item
    for what, given, cell in (("actual", actual, cells["actual"]), ("evaluation", grade, cells["grade"])):
        refused = period_problem(period, item.document, what, now) if given is not None else None
        if refused is not None:
            problems.add(cell.location, "", Message("sheet.plan_refuses", {"message": refused}))
            return None
    return Change(sheet_row, period, actual, grade, comment or None, lang, tuple(cells.values()))


def book_changes(plan: Plan, plan_rows: dict[str, SheetRow], books: list[Book], problems: ProblemCollector,
                 today: date, chosen: dict[tuple[str, int], Change] | None = None) -> list[Change]:
    """Every row's change, one per item and year: the same item on two sheets (or in two files: `chosen`,
    shared between calls) must say the same."""
    now = current_year(today)
    fingerprint = plan_fingerprint(plan)
    chosen = {} if chosen is None else chosen
    found: list[Change] = []
    for book in books:
        year = None
        if book.meta is not None:
            if book.meta.get("plan") != fingerprint:
                problems.add(Location(book.display), "", Message("sheet.other_plan", {
                    "municipality": shown(plan.root.municipality, book.lang)}))
                continue
            year = book.meta.get("year") if isinstance(book.meta.get("year"), int) else None
        seen: dict[tuple[str, str], int] = {}
        for row in book.rows:
            ident = str(row.cells["id"].value or "").strip()
            if ident and (row.sheet, ident) in seen:
                problems.add(row.cells["id"].location, "", Message("sheet.id_twice", {
                    "id": ident, "first": seen[(row.sheet, ident)]}))
                continue
            seen[(row.sheet, ident)] = row.number
            change = row_change(plan_rows, row, book.lang, year, now, problems)
            if change is None:
                continue
            key = (change.row.item.ident, change.period.western)
            other = chosen.get(key)
            if other is not None and other.values() != change.values():
                problems.add(row.cells["id"].location, "", Message("sheet.conflict", {
                    "id": key[0], "other": str(other.cells[0].location)}))
                continue
            if other is None:
                chosen[key] = change
                found.append(change)
    return found


def slip_warnings(changes: list[Change], problems: ProblemCollector) -> None:
    """A new actual that looks like a slip of the decimal point: warned at its cell, as `check` warns."""
    for change in changes:
        if change.actual is None or not change.row.item.is_indicator:
            continue
        indicator = change.row.item.subject
        actual = Measurement(value=change.actual, unit=Unit(change.row.unit), period=change.period)
        earlier = [a for a in indicator.actuals if a.period.western < change.period.western]
        previous = max(earlier, key=lambda a: a.period.western) if earlier else None
        slip = slip_message(indicator, actual, previous)
        if slip is not None:
            problems.add(change.cells[COLUMN_INDEX["actual"]].location, "", slip, warning=True)


__all__ = ["Change", "book_changes", "read_number", "row_change", "slip_warnings"]
