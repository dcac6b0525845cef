"""The plans the tests run on, found on disk, so that a city's fork tests its own plan.

Product tests run on every plan found here: the plan in `plan/` (whatever city it is), the valid
plans in `tests/data/`, a plan written by `generator new` as a city starting its fork would write it
("new", made afresh for each test run), and, when present, the example plans in `examples/`. Facts
about one plan's content live beside that plan in `facts.yaml` and are checked only when that file
exists. So the product tests prove, on every run, that a fork whose `plan/` is a new plan passes them.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field

from generator.problems.errors import PlanError
from generator.languages import published_languages
from generator.new_plan import write_new_plan
from generator.load.plan import load_plan
from generator.render.pages import PageSpec, plan_pages, walk_pages

ROOT = Path(__file__).resolve().parent.parent
FACTS_FILE = "facts.yaml"
SEARCH_QUERIES_FILE = "search_queries.yaml"


def _plan_dirs(parent: Path) -> list[Path]:
    return sorted(path.parent for path in parent.glob("*/plan.yaml")) if parent.is_dir() else []


# The municipality a city starting its fork would name (the README's example).
NEW_PLAN_MUNICIPALITY = ("桜ヶ丘町", "Sakuragaoka Town")


@functools.cache
def new_plan() -> Path:
    """A plan written by `generator new`, outside git (as a fork's plan is before its first commit)."""
    home = Path(tempfile.mkdtemp(prefix="keikaku-new-plan-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    write_new_plan(home / "new", *NEW_PLAN_MUNICIPALITY)
    return home / "new"


def shown(path: Path) -> str:
    """A path as a message names it: relative to the repository when inside it (the new plan is not)."""
    path = Path(path)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def find_plans(root: Path = ROOT, *, with_new: bool = True) -> dict[str, Path]:
    """Short name → plan directory: "plan" for plan/, "new" for a `generator new` plan, the directory name
    for the others."""
    plans = {"plan": root / "plan"}
    if with_new:
        plans["new"] = new_plan()
    for directory in _plan_dirs(root / "tests" / "data") + _plan_dirs(root / "examples"):
        plans.setdefault(directory.name, directory)
    return plans


PLANS = find_plans()
# The plan in plan/, the new plan and the plans written for the tests: what every fork has.
PRODUCT_PLANS = ["plan", "new"] + [name for name, path in PLANS.items() if path.parent == ROOT / "tests" / "data"]
# The plans a fork's plan/ may be: the one here, and one just written by `generator new`.
HOME_PLANS = ["plan", "new"]
SHIPPED_PLANS = [name for name, path in PLANS.items() if path.parent == ROOT / "examples"]


@functools.cache
def _pages(name: str) -> list[PageSpec]:
    try:
        return list(walk_pages(plan_pages(load_plan(PLANS[name]).plan)))
    except PlanError:
        return []  # tests parametrized by page collect nothing; the build tests report the plan's problems


def languages(name: str):
    """The languages the plan publishes: the required ones and the optional ones its plan.yaml lists."""
    return published_languages(load_plan(PLANS[name]).plan.root.languages)


def page_paths(name: str, *kinds: str) -> list[str]:
    """The plan's pages (of these kinds, or all) relative to a language's root, in navigation order; "" is home.

    Kinds: home, document, node (an item's page), glossary, divisions.
    """
    return [page.path.removesuffix("index.md") for page in _pages(name) if not kinds or page.kind in kinds]


def sample_pages(name: str) -> list[str]:
    """Home, each document page with its first item page, the glossary and the divisions: a page of every kind."""
    chosen, documents_with_an_item = [], set()
    for page in _pages(name):
        path = page.path.removesuffix("index.md")
        document = path.split("/")[0]
        if page.kind != "node":
            chosen.append(path)
        elif document not in documents_with_an_item:
            documents_with_an_item.add(document)
            chosen.append(path)
    return chosen


class Fact(BaseModel):
    """Text a reader must see on one page, in Japanese and on its English counterpart."""

    model_config = ConfigDict(extra="forbid")
    page: str = Field(description='Page path relative to the language root, e.g. "strategy-2021/basic-goal-1/"; "" is home.')
    ja: Annotated[str, Field(min_length=1)] = Field(description="Text visible on the Japanese page.")
    en: list[str] = Field(default_factory=list, description="Texts visible on the English page.")
    line: int = Field(default=0, exclude=True, description="Where the fact is written in facts.yaml (set on reading).")


class Search(BaseModel):
    """A search a reader makes, and the page it must find."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(description="What the reader types.")
    lang: str = Field(description="The language of the site searched, a code of the language registry: ja, en, ja-x-easy.")
    page: str | None = Field(description="The page that must be found, relative to the language root; null: nothing.")
    within: int = Field(default=1, description="The page must be among this many first results.")


class Facts(BaseModel):
    """The contents of a facts.yaml."""

    model_config = ConfigDict(extra="forbid")
    facts: list[Fact] = Field(default_factory=list, description="Facts on pages.")
    searches: list[Search] = Field(default_factory=list, description="Searches, run by the browser tests.")
    coverage: dict[str, int] = Field(
        default_factory=dict, description="The least share (%) of the plan's texts each optional language has of its own.")
    english_style_pending: list[str] = Field(
        default_factory=list, description="Style-list words still found in the plan's English, to fix (may only shrink).")


PLANS_WITH_FACTS = sorted(name for name, path in PLANS.items() if (path / FACTS_FILE).is_file())


def _beside_plan(name: str, file_name: str, model):
    """A content file kept beside the plan, validated by `model`; the model's defaults when the plan has none."""
    path = PLANS[name] / file_name
    if not path.is_file():
        return model()
    return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def facts(name: str) -> Facts:
    """The plan's facts.yaml, validated (facts on pages, searches), each fact with its line; empty when the
    plan has none."""
    return read_facts(PLANS[name] / FACTS_FILE)


def read_facts(path: Path) -> Facts:
    """A facts.yaml, validated, each fact with the line it is written on (for the editor's message)."""
    if not path.is_file():
        return Facts()
    text = path.read_text(encoding="utf-8")
    loaded = Facts.model_validate(yaml.safe_load(text) or {})
    root = yaml.compose(text)
    items = next((value.value for key, value in root.value if key.value == "facts"), []) if root is not None else []
    for fact, node in zip(loaded.facts, items):
        fact.line = node.start_mark.line + 1
    return loaded


class BenchQuery(BaseModel):
    """A search a reader makes, written from the source document's wording, and the page they want."""

    model_config = ConfigDict(extra="forbid")
    query: Annotated[str, Field(min_length=1)] = Field(description="What the reader types.")
    lang: str = Field(description="The language of the site searched, a code of the language registry: ja, en, ja-x-easy.")
    page: str = Field(description='The page the reader wants, relative to the language root; "" is home.')
    about: str = Field(description="What kind of words: compound, katakana, indicator, project, division, place, name, english.")


class SearchQueries(BaseModel):
    """The contents of a search_queries.yaml: the queries bench/search_quality.py ranks."""

    model_config = ConfigDict(extra="forbid")
    queries: list[BenchQuery] = Field(default_factory=list, description="Queries, each with the page wanted.")


PLANS_WITH_SEARCH_QUERIES = sorted(name for name, path in PLANS.items() if (path / SEARCH_QUERIES_FILE).is_file())


def search_queries(name: str) -> SearchQueries:
    """The plan's search_queries.yaml, validated; empty when the plan has none."""
    return _beside_plan(name, SEARCH_QUERIES_FILE, SearchQueries)


def page_with_most_tables(site: Path, plan: str, lang: str) -> str:
    """The page of a built plan (in the language at URL prefix `lang`) that holds the most tables."""
    paths = [f"{lang}{path}" for path in page_paths(plan)]
    return max(paths, key=lambda path: (site / path / "index.html").read_text(encoding="utf-8").count("<table"))
