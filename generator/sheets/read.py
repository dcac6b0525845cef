"""Read a filled survey sheet, as untrusted as any YAML of a pull request.

A workbook is bounded in size, packed and unpacked (a zip bomb is refused before it is opened), its XML
is parsed by openpyxl through defusedxml (no entity expansion, no external references), and a formula is
seen as a formula: refused, never read as the value a spreadsheet last computed. A CSV with the same
columns is read too (what "Save as CSV" gives), as UTF-8. Every problem is reported at its cell.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.xml

from ..messages import Message, render
from ..problems.errors import Location, ProblemCollector, display_path
from .layout import COLUMNS, DEFAULT_SHEET_LANGUAGE, FORMAT, LISTS_SHEET, META_SHEET, SHEET_LANGUAGES, headings

MAX_FILE_BYTES = 20 * 1024 * 1024        # a survey workbook of a whole 100× plan is well under 1 MiB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_RATIO = 200                           # unpacked / packed, for any entry over 1 MiB: a zip bomb
MAX_ROWS = 100_000


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MiB"


@dataclass(frozen=True)
class Cell:
    location: Location
    value: Any                # int, float, str, bool, date… as the file holds it; None when empty
    formula: bool = False


@dataclass
class Row:
    sheet: str
    number: int
    cells: dict[str, Cell]    # column key → cell


@dataclass
class Book:
    """What a file holds: its metadata (None for a CSV), the language of its headings, its rows."""

    path: Path
    display: str
    meta: dict | None
    lang: str
    rows: list[Row] = field(default_factory=list)


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cell_location(display: str, sheet: str, row: int, column: int) -> Location:
    return Location(display, row, column + 1, f"{sheet}!{_letter(column)}{row}")


def _zip_problem(data: bytes) -> Message | None:
    """Why the packed workbook may not be opened: not a zip, too many entries, too large unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return Message("sheet.not_a_workbook", {"reason": "not a zip archive"})
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            return Message("sheet.unpacked_too_large", {"size": f"{len(entries)} entries", "limit": MAX_ENTRIES})
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNPACKED_BYTES:
            return Message("sheet.unpacked_too_large", {"size": _size(total), "limit": _size(MAX_UNPACKED_BYTES)})
        for entry in entries:
            if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                return Message("sheet.unpacked_too_large", {"size": _size(entry.file_size),
                                                            "limit": f"{MAX_RATIO}:1"})
    return None


def _headings_lang(found: list[Any]) -> str | None:
    for lang in SHEET_LANGUAGES:
        if [str(value or "").strip() for value in found[:2]] == headings(lang)[:2]:
            return lang
    return None


def _check_headings(found: list[Any], lang: str, where, problems: ProblemCollector) -> bool:
    """Whether the heading row is the export's; one problem at the first column that is not."""
    expected = headings(lang)
    for index in range(max(len(found), len(expected))):
        value = str(found[index]).strip() if index < len(found) and found[index] is not None else ""
        wanted = expected[index] if index < len(expected) else ""
        if value != wanted:
            problems.add(where(1, index), "", Message("sheet.header", {"expected": wanted, "found": value}))
            return False
    return True


def _row(sheet: str, number: int, values: list[Any], formulas: list[bool], where) -> Row | None:
    if all(value is None or (isinstance(value, str) and not value.strip()) for value in values):
        return None
    cells = {}
    for index, column in enumerate(COLUMNS):
        value = values[index] if index < len(values) else None
        if isinstance(value, str) and not value.strip():
            value = None
        cells[column.key] = Cell(where(number, index), value, formulas[index] if index < len(formulas) else False)
    return Row(sheet, number, cells)


def _read_workbook(path: Path, display: str, data: bytes, problems: ProblemCollector) -> Book | None:
    refused = _zip_problem(data)
    if refused is not None:
        problems.add(Location(display), "", refused)
        return None
    if not openpyxl.xml.DEFUSEDXML:  # pinned as a dependency; without it, openpyxl would expand entities
        raise RuntimeError("defusedxml is not installed: a workbook's XML would be parsed unsafely")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=False, keep_vba=False, keep_links=False,
                                          rich_text=False)
    except Exception as exc:  # whatever the file holds, it is the editor's to fix, never a traceback
        while exc.__cause__ is not None:  # openpyxl wraps the parser's reason (e.g. defusedxml's EntitiesForbidden)
            exc = exc.__cause__
        problems.add(Location(display), "", Message("sheet.not_a_workbook", {"reason": type(exc).__name__}))
        return None
    if META_SHEET not in workbook.sheetnames:
        problems.add(Location(display), "", Message("sheet.not_ours"))
        return None
    meta_sheet = workbook[META_SHEET]
    meta = {str(row[0].value): row[1].value for row in meta_sheet.iter_rows(min_row=1, max_row=10, max_col=2)
            if row[0].value is not None}
    if meta.get("format") != FORMAT:
        problems.add(Location(display), "", Message("sheet.other_format", {"found": str(meta.get("format"))}))
        return None
    lang = meta.get("lang") if meta.get("lang") in SHEET_LANGUAGES else DEFAULT_SHEET_LANGUAGE
    book = Book(path, display, meta, lang)
    instructions = {render(Message("sheet.instructions_title"), code)[:31] for code in SHEET_LANGUAGES}
    for sheet in workbook.worksheets:
        if sheet.title in (META_SHEET, LISTS_SHEET) or sheet.title in instructions:
            continue

        def where(row: int, column: int, title: str = sheet.title) -> Location:
            return _cell_location(display, title, row, column)

        for merged in sheet.merged_cells.ranges:
            problems.add(where(merged.min_row, merged.min_col - 1), "", Message("sheet.merged", {"cells": str(merged)}))
        if sheet.max_row > MAX_ROWS:
            problems.add(Location(display), "", Message("sheet.too_large", {"size": f"{sheet.max_row} rows",
                                                                           "limit": f"{MAX_ROWS} rows"}))
            continue
        rows = sheet.iter_rows(min_row=1, max_col=max(sheet.max_column, len(COLUMNS)))
        header = next(rows, ())
        if not _check_headings([cell.value for cell in header], lang, where, problems):
            continue
        for number, cells in enumerate(rows, start=2):
            values = [cell.value for cell in cells]
            formulas = [cell.data_type == "f" for cell in cells]
            row = _row(sheet.title, number, values, formulas, where)
            if row is not None:
                book.rows.append(row)
    return book


def _read_csv(path: Path, display: str, data: bytes, problems: ProblemCollector) -> Book | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(Location(display), "", Message("sheet.csv_encoding"))
        return None
    records = list(csv.reader(io.StringIO(text)))
    if not records:
        problems.add(Location(display), "", Message("sheet.not_ours"))
        return None

    def where(row: int, column: int) -> Location:
        return Location(display, row, column + 1)

    lang = _headings_lang(records[0]) or DEFAULT_SHEET_LANGUAGE
    book = Book(path, display, None, lang)
    if not _check_headings(records[0], lang, where, problems):
        return book
    for number, record in enumerate(records[1:MAX_ROWS], start=2):
        if len(record) > len(COLUMNS) and any(value.strip() for value in record[len(COLUMNS):]):
            problems.add(where(number, len(COLUMNS)), "", Message("sheet.csv_too_wide", {"row": number,
                                                                                       "count": len(record)}))
            continue
        # A CSV has no formulas, but a spreadsheet opening it would compute a cell beginning with "=".
        row = _row("", number, list(record), [value.startswith("=") for value in record], where)
        if row is not None:
            book.rows.append(row)
    return book


def read_book(path: Path, problems: ProblemCollector) -> Book | None:
    """The rows of a filled sheet (.xlsx or .csv); None, with the problem reported, when it cannot be read."""
    path = Path(path)
    display = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        problems.add(Location(display), "", Message("sheet.wrong_suffix", {"name": path.name}))
        return None
    if path.is_symlink():  # a link can lead anywhere on the machine that runs the import
        problems.add(Location(display), "", Message("file_symlink", {"path": display}))
        return None
    try:
        if not path.is_file():
            raise FileNotFoundError(path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.add(Location(display), "", Message("sheet.too_large", {"size": _size(size),
                                                                           "limit": _size(MAX_FILE_BYTES)}))
            return None
        data = path.read_bytes()
    except OSError:
        problems.add(Location(display), "", Message("sheet.missing"))
        return None
    reader = _read_workbook if suffix == ".xlsx" else _read_csv
    return reader(path, display, data, problems)


__all__ = ["Book", "Cell", "MAX_FILE_BYTES", "MAX_UNPACKED_BYTES", "Row", "read_book"]
