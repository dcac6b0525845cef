"""Numbers, units and Japanese era years, formatted per language."""

from __future__ import annotations

from ..labels import Labels
from ..model import Period, PeriodRange, Quantity

# First Western year of each era as used for fiscal and calendar years in plans:
# 平成元年 = 1989, 令和元年 = 2019 (plans call FY2019 令和元年度).
ERAS = (("reiwa", 2019), ("heisei", 1989), ("showa", 1926), ("taisho", 1912), ("meiji", 1868))


def era_of(year: int) -> tuple[str, int]:
    for name, first in ERAS:
        if year >= first:
            return name, year - first + 1
    raise ValueError(f"year {year} is before the Meiji era")


def format_number(value: float, decimals: int | None = None) -> str:
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if isinstance(value, float) and value.is_integer() and decimals is None:
        return f"{int(value):,}" if abs(value) >= 1000 else repr(value).rstrip("0").rstrip(".")
    if isinstance(value, float):
        whole, _, frac = repr(value).partition(".")
        return f"{int(whole):,}.{frac}" if frac else f"{int(whole):,}"
    return f"{value:,}"


def format_quantity(quantity: Quantity, labels: Labels) -> str:
    number = format_number(quantity.value, quantity.decimals)
    return labels.units[quantity.unit.value].format(n=number)


def format_period(period: Period, labels: Labels, *, long: bool = False) -> str:
    era, n = era_of(period.western)
    n_text = labels.first_year if n == 1 else str(n)
    key = ("fiscal_year" if period.is_fiscal else "calendar_year") + ("_long" if long else "")
    return labels.data[key].format(era=labels.eras[era], n=n_text, year=period.western)


def format_period_range(span: PeriodRange, labels: Labels) -> str:
    start = format_period(span.start, labels, long=True)
    if span.end is None:
        return labels.period_from.format(start=start)
    return labels.period_range.format(start=start, end=format_period(span.end, labels, long=True))
