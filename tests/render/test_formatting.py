"""Japanese era years beside Western ones, numbers and units, per language."""

from __future__ import annotations

import pytest

from generator.labels import load_labels
from generator.languages import all_languages, by_code
from generator.model import Period, PeriodRange, Quantity, Unit
from generator.render.formatting import era_of, format_number, format_period, format_period_range, format_quantity

JA, EN = load_labels("ja"), load_labels("en")


@pytest.mark.parametrize(("year", "era"), [(2019, ("reiwa", 1)), (2020, ("reiwa", 2)), (2018, ("heisei", 30)),
                                           (1989, ("heisei", 1)), (1988, ("showa", 63))])
def test_era_of(year, era):
    assert era_of(year) == era


def test_periods_in_both_languages():
    assert format_period(Period(fiscal_year=2020), JA) == "令和2年度"
    assert format_period(Period(fiscal_year=2019), JA) == "令和元年度"
    assert format_period(Period(fiscal_year=2020), EN) == "FY2020"
    assert format_period(Period(fiscal_year=2020), EN, long=True) == "FY2020 (Reiwa 2)"
    assert format_period(Period(year=2018), JA, long=True) == "平成30年（2018年）"
    assert format_period(Period(year=2018), EN, long=True) == "2018 (Heisei 30)"
    span = PeriodRange(start=Period(fiscal_year=2009))
    assert format_period_range(span, JA) == "平成21年度（2009年度）から"
    assert format_period_range(span, EN) == "from FY2009 (Heisei 21)"


NUMBER_LOCALE = {code: by_code(code).number_locale for code in ("ja", "en")}


@pytest.mark.parametrize(("value", "text"), [
    (33832, "33,832"), (45.3, "45.3"), (82.13, "82.13"), (1633294, "1,633,294"), (0, "0"), (1.8, "1.8"),
    (2200000.0, "2,200,000"),
    (-0.5, "-0.5"), (-1234.25, "-1,234.25"),                      # the sign stays
    (1e-05, "0.00001"), (0.000123, "0.000123"),                   # tiny: digits, never an exponent
    (1.5e20, "150,000,000,000,000,000,000"), (10**30, "1,000,000,000,000,000,000,000,000,000,000"),  # huge
    (123456.789012345, "123,456.789012345"), (0.1 + 0.2, "0.30000000000000004"),  # every decimal written
])
def test_numbers_keep_the_source_digits(value, text):
    for locale in NUMBER_LOCALE.values():
        assert format_number(value, locale) == text


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (5.0, 1, "5.0"), (45.3, 2, "45.30"), (1234.0, 0, "1,234"), (-0.5, 1, "-0.5"), (1e-05, 6, "0.000010"),
    (33832, 1, "33,832.0")])
def test_decimals_fix_the_digits_after_the_point(value, decimals, text):
    assert format_number(value, NUMBER_LOCALE["en"], decimals) == text


def test_numbers_follow_the_locale():
    # Another language's locale groups and marks decimals its own way: the locale is data, not a branch.
    assert format_number(1234.5, "de_DE") == "1.234,5"
    assert format_number(-1234.5, "fr_FR", 2) == "-1\u202f234,50"


def test_units_per_language():
    people = Quantity(value=33832, unit=Unit.people)
    assert format_quantity(people, JA) == "33,832人"
    assert format_quantity(people, EN) == "33,832 people"
    assert format_quantity(Quantity(value=8, unit=Unit.million_yen), EN) == "¥8 million"
    assert format_quantity(Quantity(value=5.0, unit=Unit.percent, decimals=1), JA) == "5.0%"
    assert format_quantity(Quantity(value=-0.5, unit=Unit.percent), EN) == "-0.5%"


PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}  # CLDR's


def _plural_forms(value) -> bool:
    """A label written per plural category (English: one, other), where Japanese writes one string."""
    return isinstance(value, dict) and "other" in value and set(value) <= PLURAL_CATEGORIES


def test_plural_labels_give_every_category_their_language_uses():
    from babel import Locale
    from generator.render.charts import plural
    for language in all_languages():
        labels = load_labels(language.code)
        locale = Locale.parse(by_code(language.code).number_locale)
        for key, value in labels.data.items():
            if _plural_forms(value):
                for count in (0, 1, 2, 5, 11, 21, 101):
                    assert "{count}" in plural(value, count, str(locale)), (language.code, key, count)


def test_labels_have_the_same_keys_in_every_language():
    def keys(data, prefix=""):
        out = set()
        for key, value in data.items():
            out.add(prefix + key)
            if isinstance(value, dict) and key != "marks" and not _plural_forms(value):
                out |= keys(value, f"{prefix}{key}.")
        return out
    for language in all_languages():
        assert keys(load_labels(language.code).data) == keys(JA.data), language.code
    assert set(JA.units) == {unit.value for unit in Unit}


def test_templates_take_words_from_labels_not_language_branches():
    from generator.labels import TEMPLATES_DIR
    for template in TEMPLATES_DIR.rglob("*.j2.md"):
        text = template.read_text(encoding="utf-8")
        assert "lang ==" not in text and "lang==" not in text, template
