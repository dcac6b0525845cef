"""Building blocks shared by every part of the plan model."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler, StringConstraints,
                      create_model, field_validator, model_validator)
from pydantic_core import CoreSchema, PydanticCustomError

from ..characters import SHOWS_PATTERN
from ..languages import Language, all_languages, by_code, fallback_chain, optional_languages
from ..messages import Message, PlanText, developer_text
from .prose_rules import MAX_PROSE_LENGTH, check_prose
from ..ruby import BALANCED_PATTERN, plain, ruby_problem


def rule(code: str, **params: Any) -> PydanticCustomError:
    """A broken rule of the plan: its code in the message catalogues (generator/messages/) and parameters.

    pydantic's own text (for developers) is the English message; editors get theirs from the catalogue.
    """
    texts = {name: PlanText(value) if isinstance(value, dict) else value for name, value in params.items()}
    return PydanticCustomError(code, developer_text(Message(code, texts)), params)


class StrictModel(BaseModel):
    """Rejects unknown keys (a typo such as `titel:` is an error) and never coerces types.

    Strict, as the JSON Schema is: `"2020"` is not a year, `true` is not a number, `"yes"` is not
    true. NaN and infinity are no plan's figures (the YAML loader reports them first, as written).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class Choice(str, Enum):
    """One of a fixed set of words, written in YAML as the word itself.

    Strict validation would accept only the Python enum members, never the text of a file; an enum's
    own validation accepts exactly its values and coerces nothing else, so it stays non-strict.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source: type, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = handler(source)
        schema["strict"] = False
        return schema


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
NON_BLANK_PATTERN = SHOWS_PATTERN
# Names that Windows reserves for devices, with or without an extension: a folder or file of the site
# (a page, a table's CSV) by one of these names cannot be unpacked there from the preview's zip.
WINDOWS_RESERVED_NAMES = ("con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                          *(f"lpt{n}" for n in range(1, 10)))


def _not_reserved_name(value: str) -> str:
    if value in WINDOWS_RESERVED_NAMES:
        raise rule("windows_reserved_id", id=value)
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    AfterValidator(_not_reserved_name),
    Field(description="Lower-case ASCII words joined by hyphens, used in URLs, e.g. `basic-goal-1`; not a name "
          "Windows reserves (con, nul, aux…).", json_schema_extra={"not": {"enum": list(WINDOWS_RESERVED_NAMES)}}),
]
# At least one character that shows, which the JSON Schema can say too: min_length alone would let "  "
# through, and a text of zero-width spaces or fillers (U+200B, U+3164) would be a heading that shows nothing.
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=NON_BLANK_PATTERN)]
ProseText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PROSE_LENGTH,
                                             pattern=NON_BLANK_PATTERN)]
# The largest figure a plan may hold: 10^15 (a budget of a quadrillion yen). Beyond it a float loses digits.
MAX_FIGURE = 10**15
Figure = Annotated[int, Field(ge=-MAX_FIGURE, le=MAX_FIGURE)] | Annotated[float, Field(ge=-MAX_FIGURE, le=MAX_FIGURE)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20),
                  Field(description="A number or mark as the source writes it, e.g. `1`, `(2)`, `①`, `ア`.")]




class _Texts(StrictModel):
    """One text in every language of the registry; `Text` and `Prose` are built from it below."""

    # Two forms of each text: as written, with its furigana markup (`{柏市|かしわし}`, generator/ruby.py), for
    # the pages, which show readings as ruby, and for tools that write the YAML back; and plain, for
    # everything else (titles, navigation, CSV, JSON, images), so that no reading leaks into plain text.

    def written(self, code: str) -> str | None:
        """The text in the language `code` as written, readings included; None where the plan leaves it out."""
        return getattr(self, by_code(code).field_name)

    def get(self, code: str) -> str | None:
        """The text in the language `code` as plain text, or None when the plan leaves that language out."""
        value = self.written(code)
        return None if value is None else plain(value)

    def _candidates(self, language: Language) -> tuple[Language, ...]:
        return fallback_chain(language)

    def pick_written(self, language: Language) -> tuple[str, Language]:
        """The text to show in `language` as written: its own, else its fallback's; and the language it is in."""
        for candidate in self._candidates(language):
            value = getattr(self, candidate.field_name)
            if value is not None:
                return value, candidate
        raise LookupError(f"no text in {language.code} nor in its fallbacks")  # a validator prevents this

    def pick(self, language: Language) -> tuple[str, Language]:
        """As `pick_written`, as plain text."""
        value, written_in = self.pick_written(language)
        return plain(value), written_in


# Furigana markup that is balanced (generator/ruby.py), said in the schema as the validator says it.
_RUBY_SCHEMA = {"allOf": [{"pattern": BALANCED_PATTERN}]}


def _language_fields(what: str, text_type: Any = NonEmpty) -> dict[str, Any]:
    """One field per registered language: required languages must be given, optional ones may be left out."""
    fields: dict[str, Any] = {}
    for language in all_languages():
        if language.required:
            fields[language.field_name] = (text_type, Field(alias=language.code, json_schema_extra=_RUBY_SCHEMA,
                                                            description=what.format(language.description, language.name)))
        else:
            fields[language.field_name] = (text_type | None, Field(
                default=None, alias=language.code, json_schema_extra=_RUBY_SCHEMA,
                description=what.format(language.description, language.name) + f" Optional: where it is left out, "
                f"the {by_code(language.fallback).name} text is shown."))  # type: ignore[arg-type]
    return fields


def _ruby_rules(cls: type, value: str | None) -> str | None:
    """Furigana markup that is not `{base|reading}`: refused, with where its brace is (generator/ruby.py)."""
    if value is not None and (broken := ruby_problem(value)) is not None:
        code, params = broken
        raise rule(code, **params)
    return value


def _prose_rules(cls: type, value: str | None) -> str | None:
    if value is None:
        return None
    broken = check_prose(value)
    if broken is not None:
        code, params = broken
        raise rule(code, **params)
    return value


_EVERY_LANGUAGE = tuple(language.field_name for language in all_languages())
# In each text's description (the JSON Schema, which editors' tools show); doubled braces: it is a format string.
_RUBY_NOTE = " Furigana: `{{柏市|かしわし}}`."

Text = create_model(
    "Text", __base__=_Texts, __module__=__name__,
    __doc__="A short plain text in each language. Shown as written: never read as Markdown or HTML; "
            "`{base|reading}` adds furigana.",
    __validators__={"ruby": field_validator(*_EVERY_LANGUAGE)(_ruby_rules)},
    **_language_fields("{0}" + _RUBY_NOTE),
)

Prose = create_model(
    "Prose", __base__=_Texts, __module__=__name__,
    __doc__="""Narrative text in each language, read as Markdown (paragraphs, lists, emphasis, links).

    Raw HTML is shown as text, and links may only use http, https or mailto: a relative link could
    break unseen, since prose is rendered before MkDocs checks links. Lists and quotes nest at most a few
    levels, and a text is bounded in length, so that every text renders quickly (prose_rules.py).
    """,
    __validators__={"prose": field_validator(*_EVERY_LANGUAGE)(_prose_rules),
                    "ruby": field_validator(*_EVERY_LANGUAGE)(_ruby_rules)},
    **_language_fields("{1} Markdown." + _RUBY_NOTE, ProseText),
)


class _RemarkTexts(_Texts):
    # The schema says what the validator below does: a remark with no text at all is no remark.
    model_config = ConfigDict(**StrictModel.model_config, json_schema_extra={"minProperties": 1})

    def _candidates(self, language: Language) -> tuple[Language, ...]:
        """Its text in `language` or a fallback; else in whichever language it was written."""
        return (*fallback_chain(language), *all_languages())


def _one_language_at_least(self: Any) -> Any:
    if all(getattr(self, language.field_name) is None for language in all_languages()):
        raise rule("remark_empty", languages=[language.code for language in all_languages()])
    return self


Remark = create_model(
    "Remark", __base__=_RemarkTexts, __module__=__name__,
    __doc__="""A comment in the languages it was written in (a division's, a committee's): at least one.

    Unlike `Text`, no language is required: a division writes in Japanese, and its words are shown, marked
    as Japanese, on the English pages rather than translated by anyone but the city.""",
    __validators__={"one_language": model_validator(mode="after")(_one_language_at_least),
                    "ruby": field_validator(*_EVERY_LANGUAGE)(_ruby_rules)},
    **{language.field_name: (ProseText | None, Field(default=None, alias=language.code, json_schema_extra=_RUBY_SCHEMA,
                                                     description=f"{language.description} Optional."))
       for language in all_languages()},
)


def _optional_language_code() -> Any:
    codes = tuple(language.code for language in optional_languages())
    described = Field(description="An optional language the plan publishes, besides the required ones.")
    return Annotated[Literal[codes], described] if codes else Annotated[str, StringConstraints(pattern=r"^$"), described]


OptionalLanguageCode = _optional_language_code()


class Period(StrictModel):
    """A fiscal year (年度, April to March) or a calendar year (年)."""

    fiscal_year: int | None = Field(default=None, ge=1868, le=2200, description="Western fiscal year: 令和2年度 is 2020.")
    year: int | None = Field(default=None, ge=1868, le=2200, description="Western calendar year: 平成30年 is 2018.")
    note: Text | None = Field(default=None, description="What the source says beyond the year, e.g. an as-of date.")

    @model_validator(mode="after")
    def _one_kind(self) -> Period:
        if (self.fiscal_year is None) == (self.year is None):
            raise rule("period_one_of")
        return self

    @property
    def western(self) -> int:
        return self.fiscal_year if self.fiscal_year is not None else self.year  # type: ignore[return-value]

    @property
    def is_fiscal(self) -> bool:
        return self.fiscal_year is not None


class PeriodRange(StrictModel):
    """A span of years, e.g. FY2021 to FY2025; `end` is empty for an open-ended plan."""

    start: Period = Field(description="First year of the span.")
    end: Period | None = Field(default=None, description="Last year of the span; empty when the source gives none.")


class Unit(Choice):
    """Units used by targets and tables; their words per language live in templates/labels/."""

    percent = "percent"
    people = "people"
    persons = "persons"
    cases = "cases"
    items = "items"
    page_views = "page_views"
    years_of_age = "years_of_age"
    million_yen = "million_yen"
    rank = "rank"


class Quantity(StrictModel):
    """One number with its unit, optionally labelled (e.g. 男性 / Men)."""

    label: Text | None = Field(default=None, description="What this number is of, when a value has several parts.")
    value: Figure = Field(description="The number as the source gives it.")
    unit: Unit = Field(description="Unit of the number.")
    decimals: int | None = Field(default=None, ge=0, le=6, description="Digits after the point to show, when the source keeps trailing zeros.")


class Note(StrictModel):
    """An editorial note: where the source is unclear or a transcription choice was made."""

    text: Text = Field(description="The note, in both languages.")
    kind: str = Field(default="source", pattern=r"^(source|transcription|figure)$", description="`source`: the source is unclear; `transcription`: a choice made in transcribing; `figure`: a figure whose content is not in the source text.")


class Footnote(StrictModel):
    """A footnote of the source, keeping its mark."""

    mark: Label = Field(description="The footnote mark, e.g. `1`.")
    text: Text = Field(description="The footnote text.")
