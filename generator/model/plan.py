"""Documents, divisions, glossary and the plan that holds them."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from .addresses import HttpsUrl, SiteUrl
from .common import Choice, Note, OptionalLanguageCode, PeriodRange, Prose, Slug, StrictModel, Text, rule
from .content import Level, Node, Official
from .evaluation import EvaluationScale
from .licences import DEFAULT_LICENCE, LicenceId
from .progress import ProgressRule

# A YAML file inside the plan directory: no absolute path, no `..`, no hidden file or folder.
DOCUMENT_PATH = r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\.ya?ml$"
MAX_DOCUMENT_PATH = 200  # characters: well within every file system's limits for a name and a path
PublishedDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
                          Field(description="Year and month, or full date: `2021-03` or `2019-08-05`.")]
# A reading in kana (hiragana or katakana, with ー), as a dictionary gives it: no kanji, spaces or letters.
READING_PATTERN = r"^[ぁ-ゖゝゞァ-ヺーヽヾ]+$"
Reading = Annotated[str, StringConstraints(pattern=READING_PATTERN, max_length=80)]
# An e-mail address as a city publishes one; without quotes or angle brackets, which no such address has.
EMAIL_PATTERN = (r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                 r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")


class DocumentKind(Choice):
    """The kind of planning document."""

    comprehensive_plan = "comprehensive_plan"
    long_term_plan = "long_term_plan"
    regional_revitalization_strategy = "regional_revitalization_strategy"
    management_reform_outline = "management_reform_outline"
    department_operating_policy = "department_operating_policy"


class Source(StrictModel):
    """The published document this content was transcribed from."""

    title: Text = Field(description="Title of the source document.")
    publisher: Text = Field(description="Issuing body, e.g. 柏市 企画部 経営戦略課.")
    published: PublishedDate | None = Field(default=None, description="Date of publication, when the source gives it.")
    part: Text | None = Field(default=None, description="Which part of the source is transcribed, e.g. 第4章.")
    url: HttpsUrl | None = Field(default=None, description="Where the source can be read (https).")


class Document(StrictModel):
    """One planning document of the municipality, in its own YAML file."""

    id: Slug = Field(description="Unique id; the document's pages live under `<id>/`.")
    kind: DocumentKind = Field(description="What kind of plan this is.")
    title: Text = Field(description="Full title.")
    short_title: Text | None = Field(default=None, description="Short title for navigation.")
    period: PeriodRange | None = Field(default=None, description="The plan period (計画期間 / 取組期間).")
    issuer: Text = Field(description="Issuing body, e.g. 柏市.")
    division: Slug | None = Field(default=None, description="Id of the division that wrote it, from divisions.yaml.")
    officials: list[Official] = Field(default_factory=list, description="Named officials responsible for the document.")
    source: Source = Field(description="The published source of this content.")
    summary: Prose = Field(description="A short introduction shown on the home page and the document page.")
    vision: Prose | None = Field(default=None, description="The future vision (将来展望 / 将来都市像) the document aims at.")
    body: Prose | None = Field(default=None, description="Narrative text on the document page.")
    children: list[Node] = Field(default_factory=list, description="Top-level items; each becomes a page.")
    evaluated_levels: list[Level] = Field(default_factory=list, description="Levels of item the city evaluates as a whole each year, e.g. `[key_project]`: each gets a row of the survey sheet.")
    notes: list[Note] = Field(default_factory=list, description="Editorial notes on the whole document.")


class Division(StrictModel):
    """A division (課) of the municipal government."""

    id: Slug = Field(description="Unique id, referred to by projects and documents.")
    name: Text = Field(description="Name of the division.")
    department: Text | None = Field(default=None, description="The department (部) it belongs to.")
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ()-]{5,20}$")] | None = Field(
        default=None, description="Telephone number as the city publishes it, e.g. `04-7167-1111`.")
    email: Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254)] | None = Field(
        default=None, description="Contact e-mail address.")
    url: HttpsUrl | None = Field(default=None, description="The division's page on the city's website (https).")


class TermKind(Choice):
    """What a glossary term names."""

    term = "term"
    place = "place"
    programme = "programme"
    organisation = "organisation"
    plan = "plan"


class GlossaryTerm(StrictModel):
    """A term with its one English name, and a definition for readers where useful."""

    id: Slug = Field(description="Unique id of the term.")
    term: Text = Field(description="The term in Japanese and its one English name.")
    reading: Reading | None = Field(
        default=None, description="The Japanese term's reading in kana, e.g. `じゅうようぎょうせきひょうかしひょう`: orders the glossary by kana row; without it the term is listed under その他 (other).")
    kind: TermKind = Field(default=TermKind.term, description="What the term names.")
    definition: Prose | None = Field(default=None, description="A definition shown on the glossary page.")


class DataLicence(StrictModel):
    """A licence of the plan's own for its open data (the files under `data/`), when no preset fits."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] = Field(
        description="Name of the licence, as the city publishes it.")
    url: HttpsUrl = Field(description="Address of the licence text (https).")


_CODE_PATTERN = "^[0-9]{5,6}$"


def _check_digit(first_five: str) -> int:
    """The sixth digit of a 全国地方公共団体コード: the weighted sum (6, 5, 4, 3, 2) of the first five, mod 11,
    taken from 11; its last digit."""
    total = sum(int(digit) * weight for digit, weight in zip(first_five, (6, 5, 4, 3, 2)))
    return (11 - total % 11) % 10


def check_municipality_code(code: str) -> str:
    if not re.fullmatch(_CODE_PATTERN, code):
        raise rule("municipality_code_digits", found=code)
    if len(code) == 5:  # the five-digit form some lists print, without the check digit
        raise rule("municipality_code_five", found=code, write=code + str(_check_digit(code)))
    if int(code[5]) != _check_digit(code[:5]):
        raise rule("municipality_code_check", found=code, write=code[:5] + str(_check_digit(code[:5])))
    return code


# The pattern is the schema's (for editors' tools); validation says what is wrong in the editor's words.
MunicipalityCode = Annotated[str, AfterValidator(check_municipality_code), Field(json_schema_extra={"pattern": _CODE_PATTERN})]


class PlanRoot(StrictModel):
    """`plan.yaml`: the municipality, the home page and the list of document files."""

    municipality: Text = Field(description="Name of the municipality, e.g. 柏市 / Kashiwa City.")
    code: MunicipalityCode | None = Field(
        default=None, description="The municipality's 全国地方公共団体コード (local government code), six digits with the check digit, e.g. `131016`.")
    website: HttpsUrl | None = Field(
        default=None, description="The municipality's own website (https), e.g. its top page: the open data's creator.")
    site_title: Text = Field(description="Title of the site.")
    description: Text = Field(description="One sentence describing the site, for search engines.")
    home: Prose = Field(description="Introduction on the home page.")
    vision: Prose | None = Field(default=None, description="The municipality's vision, shown first on the home page.")
    site_url: SiteUrl | None = Field(
        default=None, description="Address of the published site, ending in `/`; gives pages canonical links and a sitemap.")
    languages: list[OptionalLanguageCode] = Field(
        default_factory=list, description="Optional languages to publish as well, e.g. Easy Japanese; their texts "
        "may be left out, and the fallback language's text is shown instead. The required languages are always published.")
    documents: list[Annotated[str, StringConstraints(pattern=DOCUMENT_PATH, max_length=MAX_DOCUMENT_PATH)]] = Field(
        min_length=1, description="Document files, relative to the plan directory, in the order shown.")
    progress: ProgressRule | None = Field(default=None, description="The rule the plan publishes for judging progress; without it, a target is achieved or not.")
    evaluation_scales: list[EvaluationScale] = Field(default_factory=list, description="The scales the plan grades its items on each year (自己評価), the default first.")
    data_licence: LicenceId | DataLicence = Field(
        default=DEFAULT_LICENCE, description="Licence of the open data: `cc-by-4.0` (the default) or `pdl-1.0` "
        "(公共データ利用規約 第1.0版), or a licence of the plan's own with its `name` and `url`.")
    notes: list[Note] = Field(default_factory=list, description="Editorial notes on the whole plan.")

    @model_validator(mode="after")
    def _distinct_scales(self) -> PlanRoot:
        seen: set[str] = set()
        for scale in self.evaluation_scales:
            if scale.id in seen:
                raise rule("scale_twice", scale=scale.id)
            seen.add(scale.id)
        return self


class Plan(StrictModel):
    """A whole plan, assembled from its files after validation."""

    root: PlanRoot = Field(description="The contents of plan.yaml.")
    documents: list[Document] = Field(description="The documents, in order.")
    divisions: list[Division] = Field(default_factory=list, description="The contents of divisions.yaml.")
    glossary: list[GlossaryTerm] = Field(default_factory=list, description="The contents of glossary.yaml.")
