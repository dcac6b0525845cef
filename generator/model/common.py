"""Building blocks shared by every part of the plan model."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator


class StrictModel(BaseModel):
    """Rejects unknown keys (a typo such as `titel:` is an error) and never coerces types."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
    Field(description="Lower-case ASCII words joined by hyphens, used in URLs, e.g. `basic-goal-1`."),
]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20),
                  Field(description="A number or mark as the source writes it, e.g. `1`, `(2)`, `①`, `ア`.")]


class Text(StrictModel):
    """A short plain text in both languages. Shown as written: never read as Markdown or HTML."""

    ja: NonEmpty = Field(description="Japanese text.")
    en: NonEmpty = Field(description="English text, written for foreign residents.")


_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ALLOWED_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def _check_links(text: str) -> str:
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1) or match.group(2) or ""
        if not _ALLOWED_LINK.match(target):
            raise ValueError(f"link not allowed in prose (expected an https://, http:// or mailto: address, "
                             f"found '{target}'); the site's own pages are linked by its navigation")
    return text


class Prose(StrictModel):
    """Narrative text in both languages, read as Markdown (paragraphs, lists, emphasis, links).

    Raw HTML is shown as text, and links may only use http, https or mailto: a relative link could
    break unseen, since prose is rendered before MkDocs checks links.
    """

    ja: NonEmpty = Field(description="Japanese Markdown.")
    en: NonEmpty = Field(description="English Markdown.")

    @field_validator("ja", "en")
    @classmethod
    def _links(cls, value: str) -> str:
        return _check_links(value)


class Period(StrictModel):
    """A fiscal year (年度, April to March) or a calendar year (年)."""

    fiscal_year: int | None = Field(default=None, ge=1868, le=2200, description="Western fiscal year: 令和2年度 is 2020.")
    year: int | None = Field(default=None, ge=1868, le=2200, description="Western calendar year: 平成30年 is 2018.")
    note: Text | None = Field(default=None, description="What the source says beyond the year, e.g. an as-of date.")

    @model_validator(mode="after")
    def _one_kind(self) -> Period:
        if (self.fiscal_year is None) == (self.year is None):
            raise ValueError("give exactly one of `fiscal_year` or `year` (expected e.g. `fiscal_year: 2020`)")
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


class Unit(str, Enum):
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
    value: int | float = Field(description="The number as the source gives it.")
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
