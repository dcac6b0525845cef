"""CSV cells for the open data: UTF-8 with a BOM, so that Excel in Japan opens the file as it is; headers in
every required language; numbers written as numbers and texts never as formulas.

A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage
return) is written with a leading apostrophe, as OWASP's CSV-injection guidance says, so that a name from a
pull request never runs in a clerk's Excel.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from ..labels import load_labels
from ..languages import required_languages
from ..model import Period

BOM = "\ufeff"


def period_cell(period: Period | None) -> str:
    if period is None:
        return ""
    return f"FY{period.western}" if period.is_fiscal else str(period.western)


def number_cell(value: float | int | None) -> str:
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


def codes() -> list[str]:
    return [language.code for language in required_languages()]


def header(key: str, lang: str | None = None) -> str:
    names = " / ".join(load_labels(code).csv_columns[key] for code in codes())
    return f"{names} [{lang}]" if lang else names


@dataclass(frozen=True)
class CsvFile:
    """A CSV's text, and its Table Schema fields: a column of numbers only is a number (an integer when every
    one is whole), any other a string. The names are the header's, as Frictionless matches them."""

    text: str
    fields: tuple[dict, ...]


def _field(name: str, cells: list[str], declared: str | None) -> dict:
    if declared is not None:  # a column of numbers even in a plan that has none to put in it yet
        return {"name": name, "type": declared}
    given = [cell for cell in cells if cell != ""]
    kind = "string"
    if given and all(isinstance(cell, Number) for cell in given):
        kind = "integer" if all(re.fullmatch(r"-?\d+", cell) for cell in given) else "number"
    return {"name": name, "type": kind}


def csv_text(heading: list[str], rows: list[list[str]], types: dict[str, str] | None = None) -> CsvFile:
    """The CSV of `rows` under `heading`; `types`: the Table Schema type of columns that are always numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in heading])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    fields = tuple(_field(name, [row[index] for row in rows], (types or {}).get(name))
                   for index, name in enumerate(heading))
    return CsvFile(BOM + out.getvalue(), fields)


def text_columns(key: str) -> list[str]:
    return [header(key, code) for code in codes()]


def texts(text) -> list[str]:
    return [(text.get(code) or "") if text is not None else "" for code in codes()]


def division_names(plan, ids) -> list[str]:
    """The names of the divisions `ids`, joined by "; ", in each required language."""
    names = {division.id: division.name for division in plan.divisions}
    return ["; ".join(names[ref].get(code) or "" for ref in ids if ref in names) for code in codes()]
