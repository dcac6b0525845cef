"""Prepare, once: everything derived from a validated plan, which every later phase reads.

A build, `serve` and the tests render from one `Prepared`: the plan, when each part last changed, each
indicator's place and assessment, the open-data files and the translation coverage, each computed once
(a build assessed the plan three times, and wrote the open data's files twice, before this step).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..languages import Language, published_languages
from ..load.identity import Identity
from ..load.site import load_site
from ..load.yaml_reader import LoadedFile
from ..model import Plan, Status
from .coverage import Coverage, translation_coverage
from .evaluations import EvaluableItem, evaluable_items, items_by_status, status_counts
from .history import HistoryEntry, plan_history
from .glance import Glance, glance, items_by_division
from .data_package import data_package
from .dcat import data_catalog
from .open_data import DataFile, open_data_files
from .progress import Assessment, IndicatorPlace, assess_plan, plan_indicators
from .updated import LastUpdated, last_updated


@dataclass(frozen=True)
class Prepared:
    """A validated plan and what is derived from it."""

    plan: Plan
    updated: LastUpdated                                 # each document's and the plan's last-updated date
    languages: tuple[Language, ...]                     # the languages the site is published in
    indicators: tuple[IndicatorPlace, ...]              # every target and KPI, with its place in the plan
    assessments: Mapping[str, Assessment]               # indicator id → its status under the plan's rule
    data_files: tuple[DataFile, ...]                    # the open data, in the order its page lists it
    coverage: tuple[Coverage, ...]                      # per published language, the texts it has of its own
    document_files: Mapping[str, LoadedFile] = field(default_factory=dict)  # document id → its file
    identity: Identity = field(default_factory=Identity)  # the city's colours, emblem, footer (its mkdocs.yml)
    evaluables: tuple[EvaluableItem, ...] = ()           # every item a division answers for in the yearly evaluation
    status_counts: tuple = ()                            # (status, how many items count as it), every status in order
    warnings: tuple = ()                                 # values that look like slips (load/evaluations.py)
    glances: Mapping[str, Glance] = field(default_factory=dict)  # indicator id → its share of the way and trend
    by_status: Mapping[Status, list] = field(default_factory=dict)  # status → the items counted as it
    by_division: Mapping[str, list] = field(default_factory=dict)   # division id → the items it answers for
    history: tuple[HistoryEntry, ...] = ()              # the plan's changes from git, newest first


def prepare(plan: Plan, updated: LastUpdated | None = None,
            document_files: Mapping[str, LoadedFile] | None = None, identity: Identity | None = None,
            warnings: tuple = ()) -> Prepared:
    """Everything derived from `plan`; without `updated`, no page shows a date; without `identity`, the
    site takes the default colours and no emblem."""
    languages = tuple(published_languages(plan.root.languages))
    assessments = assess_plan(plan)
    evaluables = tuple(evaluable_items(plan))
    by_status = items_by_status(plan, evaluables, assessments)
    files = open_data_files(plan, assessments)
    files.append(data_package(plan, files))
    files.append(data_catalog(plan, files, (updated or LastUpdated()).plan))
    return Prepared(plan, updated or LastUpdated(), languages, tuple(plan_indicators(plan)), assessments,
                    tuple(files), tuple(translation_coverage(plan, languages)),
                    dict(document_files or {}), identity or Identity(), evaluables,
                    status_counts(by_status), tuple(warnings),
                    {place.indicator.id: glance(place.indicator) for place in plan_indicators(plan)},
                    by_status, items_by_division(plan, evaluables, assessments))


def prepare_directory(plan_dir: Path, config: Path | None = None, site_url: str | None = None) -> Prepared:
    """Read and validate the plan in `plan_dir` and the city's identity (`config`: its mkdocs.yml, by default
    the one beside the plan; PlanError lists every problem), and prepare them; `site_url`, when given, is the
    published address in place of plan.yaml's (a fork's Pages address, known only when it deploys)."""
    loaded, identity = load_site(Path(plan_dir), config)
    if site_url is not None:
        root = loaded.plan.root.model_copy(update={"site_url": site_url})
        loaded = replace(loaded, plan=loaded.plan.model_copy(update={"root": root}))
    updated = last_updated(Path(plan_dir), {ident: file.path for ident, file in loaded.document_files.items()})
    prepared = prepare(loaded.plan, updated, loaded.document_files, identity, tuple(loaded.warnings))
    return replace(prepared, history=plan_history(Path(plan_dir)))


__all__ = ["Prepared", "prepare", "prepare_directory"]
