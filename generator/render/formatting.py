"""Numbers, units and Japanese era years, formatted per language."""

from __future__ import annotations

from decimal import Decimal, localcontext
from functools import lru_cache

from babel.numbers import format_decimal

from ..labels import Labels
from ..languages import by_code
from ..model import Period, PeriodRange, Quantity

# First Western year of each era as used for fiscal and calendar years in plans:
# 平成元年 = 1989, 令和元年 = 2019 (plans call FY2019 令和元年度).
ERAS = (("reiwa", 2019), ("heisei", 1989), ("showa", 1926), ("taisho", 1912), ("meiji", 1868))


def era_of(year: int) -> tuple[str, int]:
    for name, first in ERAS:
        if year >= first:
            return name, year - first + 1
    raise ValueError(f"year {year} is before the Meiji era")


def format_number(value: int | float, locale: str, decimals: int | None = None) -> str:
    """A number as the source gives it, grouped per `locale` (a Babel locale such as `ja_JP`).

    Without `decimals`, every digit the source wrote is kept and none is added: a float's shortest
    repr (45.3, not 45.29999…) goes through Decimal, so 1e-05 shows as 0.00001 and -0.5 keeps its sign.
    With `decimals`, exactly that many digits follow the point (5 → 5.0 when the source wrote 5.0).
    """
    # Keyed by the digits as written, not the value: 5 and 5.0, or 0.0 and -0.0, are equal but shown apart.
    return _format_digits(repr(value) if isinstance(value, float) else str(int(value)), locale, decimals)


# Cached: the same figures recur across pages (a target on its goal page, the indicators page, progress),
# and Babel's formatting is a noticeable share of rendering a large plan.
@lru_cache(maxsize=65536)
def _format_digits(digits_text: str, locale: str, decimals: int | None) -> str:
    number = Decimal(digits_text)
    with localcontext() as context:
        # Enough precision for every digit, plus the pattern's decimals: never rounding a huge number.
        digits = number.as_tuple()
        context.prec = len(digits.digits) + abs(int(digits.exponent)) + (decimals or 0) + 28
        if decimals is None:
            return format_decimal(number, locale=locale, decimal_quantization=False)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(number, format=pattern, locale=locale)


def locale_of(labels: Labels) -> str:
    """The Babel locale for numbers in the labels' language: the language registry's `number_locale`."""
    return by_code(labels.lang).number_locale


def format_quantity(quantity: Quantity, labels: Labels) -> str:
    number = format_number(quantity.value, locale_of(labels), quantity.decimals)
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


# First day of each era, for full dates (a year-only period uses ERAS above, as plans do).
ERA_DAYS = (("reiwa", (2019, 5, 1)), ("heisei", (1989, 1, 8)), ("showa", (1926, 12, 25)),
            ("taisho", (1912, 7, 30)), ("meiji", (1868, 1, 1)))


def format_date(day, labels: Labels) -> str:
    """A date in the reader's language; Japanese gives the era year beside the Western year."""
    for name, first in ERA_DAYS:
        if (day.year, day.month, day.day) >= first:
            n = day.year - first[0] + 1
            break
    else:
        raise ValueError(f"date {day} is before the Meiji era")
    return labels.date_long.format(year=day.year, month=day.month, day=day.day, era=labels.eras[name],
                                   n=labels.first_year if n == 1 else str(n),
                                   month_name=labels.month_names[day.month - 1])
