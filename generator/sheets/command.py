"""`export-sheet` and `import-sheet`: the yearly evaluation's way in and out of the plan.

Import is all or nothing: every file is read and every cell checked first; the new YAML is then built in
memory and the whole plan validated from a copy of it; only when no problem remains are the plan's files
replaced (each whole, never half written). Importing the same sheets again changes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..prepare.compare import diff_plans
from ..diff.markdown import render_diff
from ..labels import load_labels
from ..load.evaluations import current_year, reference_day
from ..load.plan import load_plan
from ..messages import Message
from ..model import Plan
from ..problems.errors import Location, MessageError, PlanError, ProblemCollector, display_path
from ..render.environment import make_environment
from ..languages import by_code
from .changes import Change, book_changes, slip_warnings
from .export import group_rows, workbook_bytes, write_workbook
from .layout import DEFAULT_SHEET_LANGUAGE, SheetRow, in_plan_period, last_completed_fiscal_year, parse_period, sheet_rows
from .read import read_book
from .yaml_edit import LayoutNotKept, edit_document


def _heading_of(lang: str):
    return make_environment(by_code(lang)).filters["heading_text"]


def _rows(plan: Plan, year: int, lang: str, within_period: bool = False) -> list[SheetRow]:
    return sheet_rows(plan, year, lang, _heading_of(lang), within_period)


@dataclass(frozen=True)
class Exported:
    path: Path
    year: int
    sheets: int
    rows: int


def export_sheet(plan_dir: Path, out: Path, year: int | None = None, lang: str = DEFAULT_SHEET_LANGUAGE, whole_plan: bool = False,
                 divisions: tuple[str, ...] = ()) -> Exported:
    """Write the survey workbook of the plan in `plan_dir` at `out` (a .xlsx file)."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx" or out.is_dir():
        raise MessageError(Message("sheet.out_not_xlsx", {"out": str(out)}))
    plan = load_plan(Path(plan_dir)).plan
    known = [division.id for division in plan.divisions]
    for division in divisions:
        if division not in known:
            raise MessageError(Message("sheet.unknown_division", {"division": division, "known": known}))
    today = reference_day()
    year = year if year is not None else _default_year(plan, last_completed_fiscal_year(today))
    if year > current_year(today)[0]:
        raise MessageError(Message("sheet.year_in_future", {"year": year, "now": current_year(today)[0]}))
    rows = _rows(plan, year, lang, within_period=True)
    groups = group_rows(plan, rows, lang, whole_plan, divisions)
    if not any(group for _, group in groups):
        if not any(in_plan_period(document, year) for document in plan.documents):
            raise MessageError(Message("sheet.year_outside_plans", {"year": year}))
        raise MessageError(Message("sheet.no_scales_no_rows"))
    write_workbook(out, workbook_bytes(plan, groups, year, lang))
    return Exported(out, year, len(groups), sum(len(group) for _, group in groups))


def _default_year(plan: Plan, last_completed: int) -> int:
    """The last completed fiscal year; for a plan whose period ended before it, the period's last year (the
    last one its results can be for)."""
    if any(in_plan_period(document, last_completed) for document in plan.documents):
        return last_completed
    ends = [document.period.end.western for document in plan.documents
            if document.period is not None and document.period.end is not None
            and document.period.end.western < last_completed]
    return max(ends) if ends else last_completed


@dataclass(frozen=True)
class Imported:
    count: int             # values written (0: the plan already held them)
    files: tuple[str, ...]  # the plan's files changed, as the editor names them
    diff: str              # the plan diff of what was written, in Markdown
    warnings: tuple        # values that look like slips, at their cells


def _field_orders(rows: list[SheetRow]) -> dict[str, list[str]]:
    return {row.item.ident: list(type(row.item.subject).model_fields) for row in rows}


def _validate_copy(plan_dir: Path, texts: dict[Path, str]) -> Plan:
    """The plan as it would be with `texts` written, validated from a copy; PlanError names the real files."""
    with tempfile.TemporaryDirectory(prefix="keikaku-import-") as temporary:
        copy = Path(temporary) / "plan"
        shutil.copytree(plan_dir, copy, symlinks=True)
        for path, text in texts.items():
            (copy / path.relative_to(plan_dir)).write_text(text, encoding="utf-8")
        try:
            return load_plan(copy).plan
        except PlanError as exc:
            shown = display_path(copy)
            real = display_path(plan_dir)
            raise PlanError([replace(problem, location=replace(
                problem.location, file=problem.location.file.replace(shown, real, 1))) for problem in exc.problems]) from None


def _write(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_sheets(plan_dir: Path, files: list[Path], lang: str = DEFAULT_SHEET_LANGUAGE) -> Imported:
    """Read the filled sheets into the plan in `plan_dir`; PlanError lists every problem, and then nothing
    is written. `lang` words the plan diff."""
    plan_dir = Path(plan_dir)
    loaded = load_plan(plan_dir)
    plan = loaded.plan
    problems = ProblemCollector()
    books = [book for book in (read_book(Path(path), problems) for path in files) if book is not None]
    # Every row the plan has for any year a sheet names, by id: a sheet's year, or each CSV row's.
    rows_by_year: dict[int, dict[str, SheetRow]] = {}
    today = reference_day()
    default_year = last_completed_fiscal_year(today)
    years = {book.meta.get("year") for book in books if book.meta and isinstance(book.meta.get("year"), int)}
    for year in years | {default_year}:
        rows_by_year[year] = {row.item.ident: row for row in _rows(plan, year, books[0].lang if books else DEFAULT_SHEET_LANGUAGE)}
    changes: list[Change] = []
    chosen: dict = {}  # (item, year) → its change, across every file
    for book in books:
        year = book.meta.get("year") if book.meta and isinstance(book.meta.get("year"), int) else None
        if year is None:  # a CSV: each row names its year; rows are matched on the rows of that year
            year = _csv_year(book) or default_year
            rows_by_year.setdefault(year, {row.item.ident: row for row in _rows(plan, year, book.lang)})
        changes += book_changes(plan, rows_by_year[year], [book], problems, today, chosen)
    problems.raise_if_any()
    slip_warnings(changes, problems)
    default_scale = plan.root.evaluation_scales[0].id if plan.root.evaluation_scales else None
    by_file: dict[Path, list[Change]] = {}
    for change in changes:
        if not change.held_by_plan(default_scale):  # only files that get a new value are read round trip
            by_file.setdefault(loaded.document_files[change.row.item.document.id].path, []).append(change)
    texts: dict[Path, str] = {}
    count = 0
    for path, file_changes in by_file.items():
        text = path.read_text(encoding="utf-8")
        try:
            new_text, changed = edit_document(text, file_changes, _field_orders([c.row for c in file_changes]),
                                              default_scale)
        except LayoutNotKept:
            problems.add(Location(display_path(path)), "", Message("sheet.yaml_layout", {"file": display_path(path)}))
            continue
        if changed:
            texts[path], count = new_text, count + changed
    problems.raise_if_any()
    if not texts:
        return Imported(0, (), "", tuple(problems.warnings))
    new_plan = _validate_copy(plan_dir, texts)
    diff = render_diff(diff_plans(plan, new_plan), load_labels(lang))
    for path, text in texts.items():
        _write(path, text)
    return Imported(count, tuple(display_path(path) for path in texts), diff, tuple(problems.warnings))


def _csv_year(book) -> int | None:
    for row in book.rows:
        period = parse_period(str(row.cells["period"].value or ""))
        if period is not None:
            return period.western
    return None


__all__ = ["Exported", "Imported", "export_sheet", "import_sheets"]
