"""The survey sheet (照会票): its columns, its rows, and what ties a filled sheet to the plan it came from.

One registry of columns serves both directions: `export-sheet` writes them in this order, and
`import-sheet` reads them back by the same headings, in either language. A row is one item a division
answers for (prepare/evaluations.py); its `key` records what the row was exported against (unit, target,
scale), so that a row the plan no longer matches is refused rather than written to the wrong thing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date

from ..labels import load_labels
from ..languages import by_code, default_language, required_languages
from ..messages import Message, render
from ..model import Evaluation, EvaluationScale, Indicator, Measurement, Period, Plan, latest_evaluation
from ..prepare.evaluations import EvaluableItem, evaluable_items, scale_of
from ..prepare.progress import latest_actual
from ..render.formatting import format_number, format_quantity, locale_of

FORMAT = "keikaku-survey-sheet/1"  # the metadata sheet's first cell: which layout a workbook has
META_SHEET = "_keikaku"
LISTS_SHEET = "_lists"
# A workbook is written in a language every text of the plan has, so that no name in it falls back.
SHEET_LANGUAGES = tuple(language.code for language in required_languages())
DEFAULT_SHEET_LANGUAGE = default_language().code


def shown(text, lang: str) -> str:
    """A plan text in the sheet's language (or its fallback)."""
    return text.pick(by_code(lang))[0]


@dataclass(frozen=True)
class Column:
    key: str
    width: int
    editable: bool = False
    hidden: bool = False


# The columns, in order. Headings are the catalogue's `sheet.column.<key>` in the sheet's language.
COLUMNS = (
    Column("id", 26), Column("kind", 12), Column("item", 28), Column("name", 44), Column("unit", 8),
    Column("baseline", 18), Column("target", 18), Column("latest", 22), Column("period", 10),
    Column("actual", 12, editable=True), Column("grade", 16, editable=True), Column("comment", 50, editable=True),
    Column("key", 10, hidden=True),
)
COLUMN_INDEX = {column.key: index for index, column in enumerate(COLUMNS)}


def heading(key: str, lang: str) -> str:
    return render(Message(f"sheet.column.{key}"), lang)


def headings(lang: str) -> list[str]:
    return [heading(column.key, lang) for column in COLUMNS]


def column_letter(key: str) -> str:
    return chr(ord("A") + COLUMN_INDEX[key])


def plan_fingerprint(plan: Plan) -> str:
    """What names the plan a workbook was exported from: its municipality and its documents' ids."""
    name = plan.root.municipality.get(DEFAULT_SHEET_LANGUAGE) or ""
    text = json.dumps([name, [document.id for document in plan.documents]], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def last_completed_fiscal_year(today: date) -> int:
    """The fiscal year whose results a division reports now: the one that ended before today's."""
    current = today.year if today.month >= 4 else today.year - 1
    return current - 1


def period_text(period: Period, lang: str) -> str:
    return render(Message("year.fiscal" if period.is_fiscal else "year.calendar", {"year": period.western}), lang)


_PERIOD_FORMS = ((re.compile(r"^(\d{4})年度$"), True), (re.compile(r"^FY\s?(\d{4})$"), True),
                 (re.compile(r"^(\d{4})年$"), False), (re.compile(r"^(\d{4})$"), False))


def parse_period(text: str) -> Period | None:
    """A period as a sheet writes it, in either language: 2025年度, FY2025, 2025年, 2025."""
    for pattern, fiscal in _PERIOD_FORMS:
        match = pattern.match(text.strip())
        if match:
            year = int(match.group(1))
            return Period(fiscal_year=year) if fiscal else Period(year=year)
    return None


@dataclass(frozen=True)
class SheetRow:
    """One row: what it shows, and what the import compares the plan with."""

    item: EvaluableItem
    period: Period
    unit: str | None            # the unit an actual is written in (the target's); None: no actual collected
    scale: EvaluationScale | None
    cells: dict                 # column key → the value written
    key: str                    # JSON: unit, target and scale as exported

    @property
    def takes_actual(self) -> bool:
        return self.unit is not None


def _single_unit(indicator: Indicator) -> str | None:
    """The unit of a one-number target (else of the baseline): what the actual is collected in."""
    for measurement in (indicator.target, indicator.baseline):
        if measurement is not None and measurement.value is not None and measurement.unit is not None:
            return measurement.unit.value
    return None


def _period_kind(indicator: Indicator | None) -> bool:
    """Whether the item's results are by fiscal year (年度): as its actuals and baseline are written."""
    if indicator is None:
        return True
    periods = [actual.period for actual in indicator.actuals] + (
        [indicator.baseline.period] if indicator.baseline is not None and indicator.baseline.period else [])
    return periods[-1].is_fiscal if periods else True


def row_key(item: EvaluableItem, unit: str | None, scale: EvaluationScale | None) -> str:
    """What the row was exported against: the import refuses the row when the plan says otherwise now."""
    target = item.subject.target if item.is_indicator else None
    target_value = target.value if target is not None else None
    return json.dumps({"unit": unit, "target": target_value, "scale": scale.id if scale else None},
                      ensure_ascii=False, sort_keys=True)


def _measured(measurement: Measurement | None, labels) -> str:
    if measurement is None or (measurement.value is None and not measurement.values):
        return ""
    text = labels.list_separator.join(format_quantity(quantity, labels) for quantity in measurement.quantities())
    return text + (f" ({period_text(measurement.period, labels.lang)})" if measurement.period else "")


def _item_scale(plan: Plan, item: EvaluableItem) -> EvaluationScale | None:
    if not plan.root.evaluation_scales:
        return None
    latest = latest_evaluation(item.evaluations)
    return scale_of(plan, latest) if latest is not None else plan.root.evaluation_scales[0]


def grade_choice(grade, lang: str) -> str:
    """A grade as the drop-down list shows it: the plan's label in the sheet's language."""
    return shown(grade.label, lang)


def in_plan_period(document, year: int) -> bool:
    """Whether `year` is within the document's plan period (a document without one takes any year)."""
    span = document.period
    if span is None:
        return True
    return span.start.western <= year and (span.end is None or year <= span.end.western)


def sheet_rows(plan: Plan, year: int, lang: str, heading_of, within_period: bool = False) -> list[SheetRow]:
    """A row for every evaluable item, with the values the plan holds for `year` already filled in (so that a
    sheet exported again shows the year as the plan has it, and importing it changes nothing). With
    `within_period`, only the items of documents whose plan period holds `year` (what an export asks about);
    an import matches on every item, so that a year outside the period is told as such, at its cell."""
    labels = load_labels(lang)
    rows = []
    for item in evaluable_items(plan):
        if within_period and not in_plan_period(item.document, year):
            continue  # a finished or later plan's items are not asked about
        indicator = item.subject if item.is_indicator else None
        period = Period(fiscal_year=year) if _period_kind(indicator) else Period(year=year)
        unit = _single_unit(indicator) if indicator is not None else None
        scale = _item_scale(plan, item)
        existing = next((e for e in item.evaluations if e.period == period), None)
        actual = next((a for a in indicator.actuals if a.period.western == year and a.value is not None), None) \
            if indicator is not None else None
        latest = latest_actual(indicator) if indicator is not None else None
        latest_eval = latest_evaluation(item.evaluations)
        latest_texts = []
        if latest is not None:
            latest_texts.append(_measured(latest, labels))
        if latest_eval is not None and scale is not None:
            grade = scale_of(plan, latest_eval).grade(latest_eval.grade)
            latest_texts.append(f"{period_text(latest_eval.period, lang)}: {grade_choice(grade, lang)}")
        cells = {
            "id": item.ident,
            "kind": labels.evaluated_kind[item.kind],
            "item": heading_of(item.goal),
            "name": shown(item.name, lang),
            "unit": labels.unit_names[unit] if unit else "",
            "baseline": _measured(indicator.baseline, labels) if indicator is not None else "",
            "target": (_measured(indicator.target, labels) or (indicator.target.text.get(lang) if indicator.target and
                       indicator.target.text else "")) if indicator is not None else "",
            "latest": " / ".join(text for text in latest_texts if text),
            "period": period_text(period, lang),
            "actual": actual.value if actual is not None else None,
            "grade": grade_choice(scale.grade(existing.grade), lang) if existing and scale and scale.grade(existing.grade) else None,
            "comment": (existing.comment.get(lang) if existing and existing.comment else None),
        }
        rows.append(SheetRow(item, period, unit, scale, cells, row_key(item, unit, scale)))
    return rows


def number_text(value, lang: str) -> str:
    return format_number(value, locale_of(load_labels(lang)))


__all__ = ["COLUMNS", "COLUMN_INDEX", "Column", "FORMAT", "LISTS_SHEET", "META_SHEET", "SHEET_LANGUAGES", "SheetRow",
           "column_letter", "grade_choice", "heading", "headings", "last_completed_fiscal_year", "number_text",
           "parse_period", "period_text", "plan_fingerprint", "row_key", "sheet_rows"]
