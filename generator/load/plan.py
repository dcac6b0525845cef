"""Read a plan directory and validate all of it: every problem is collected before any is reported.

Layout of a plan directory:
  plan.yaml        municipality, home page, and the list of document files
  divisions.yaml   optional: the divisions referred to by id
  glossary.yaml    optional: terms with their one English name
  <documents>      one YAML file per document, listed in plan.yaml
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..problems.errors import Location, PlanError, ProblemCollector, display_path
from ..messages import Message
from ..model import Division, Document, GlossaryTerm, Plan, PlanRoot
from ..model.plan import DOCUMENT_PATH, MAX_DOCUMENT_PATH
from .evaluations import check_results
from .files import plan_directory_problem
from .references import check_references
from .validation import report_validation_error
from .yaml_reader import DOCUMENT, LIST_FILE, ROOT, LoadedFile, load_plan_file

DIVISIONS_FILE = "divisions.yaml"
GLOSSARY_FILE = "glossary.yaml"


@dataclass
class LoadedPlan:
    """A validated plan, and each document's file (by document id), for when it last changed."""

    plan: Plan
    document_files: dict[str, LoadedFile]
    warnings: list = field(default_factory=list)  # values that look like slips: reported, not refused


def _validate(model: type[BaseModel], loaded: LoadedFile, problems: ProblemCollector, *, many: bool = False) -> Any:
    """`model` validated from the file's data; with `many`, a list of them. None when invalid."""
    try:
        if many:
            return TypeAdapter(list[model]).validate_python(loaded.data)  # type: ignore[valid-type]
        return model.model_validate(loaded.data)
    except ValidationError as exc:
        report_validation_error(exc, model, loaded.data, loaded.source_map, problems)
        return None


def _document_list(root_file: LoadedFile | None, problems: ProblemCollector) -> list[str | None]:
    """The document files to read, from plan.yaml even when another part of it is wrong: None for an entry
    that is not a path inside the plan (validation reports it) or that names a file listed above it."""
    raw = root_file.data.get("documents") if root_file and isinstance(root_file.data, dict) else None
    if not isinstance(raw, list):
        return []
    seen: dict[str, int] = {}
    paths: list[str | None] = []
    for index, item in enumerate(raw):
        if not isinstance(item, str) or len(item) > MAX_DOCUMENT_PATH or not re.fullmatch(DOCUMENT_PATH, item):
            paths.append(None)  # never a file outside the plan
            continue
        if item in seen:
            first = root_file.source_map.locate(("documents", seen[item]))
            problems.add(root_file.source_map.locate(("documents", index)), f"documents[{index}]",
                         Message("document_listed_twice", {"file": item, "first": first.line}))
            paths.append(None)
            continue
        seen[item] = index
        paths.append(item)
    return paths


def load_plan(directory: Path) -> LoadedPlan:
    """Load and validate the plan in `directory`; raise PlanError listing every problem."""
    problems = ProblemCollector()
    directory = Path(directory)
    root_path = directory / "plan.yaml"
    refused = plan_directory_problem(directory)
    if refused is not None:
        problems.add(Location(display_path(directory)), "", refused.message)
        problems.raise_if_any()
    root_file = load_plan_file(directory, "plan.yaml", display_path(root_path), problems, ROOT,
                               missing=Message("plan_missing"))
    if root_file is None and any(problem.code == "plan_missing" for problem in problems.problems):
        problems.raise_if_any()
    root: PlanRoot | None = _validate(PlanRoot, root_file, problems) if root_file else None

    divisions: list[Division] = []
    glossary: list[GlossaryTerm] = []
    optional_files: dict[str, LoadedFile] = {}
    divisions_valid = True
    for name, model, sink in ((DIVISIONS_FILE, Division, divisions), (GLOSSARY_FILE, GlossaryTerm, glossary)):
        path = directory / name
        before = len(problems.problems)
        loaded = load_plan_file(directory, name, display_path(path), problems, LIST_FILE, missing=None)
        if loaded is not None:
            optional_files[name] = loaded
            sink.extend(_validate(model, loaded, problems, many=True) or [])
        if name == DIVISIONS_FILE and len(problems.problems) > before:
            divisions_valid = False

    documents: list[tuple[Document, LoadedFile]] = []
    document_files: list[LoadedFile] = []
    for index, relative in enumerate(_document_list(root_file, problems)):
        if relative is None:  # a path outside the plan directory, or listed twice: already reported
            continue
        path = directory / relative
        named_at = (root_file.source_map.locate(("documents", index)), f"documents[{index}]")
        loaded = load_plan_file(directory, relative, display_path(path), problems, DOCUMENT, named_at, Message(
            "document_missing", {"directory": display_path(directory), "file": relative}))
        if loaded is None:
            continue
        document_files.append(loaded)
        document = _validate(Document, loaded, problems)
        if document is not None:
            documents.append((document, loaded))

    # References are checked in every file that was read, valid or not, so that all problems come out in
    # one run; references to divisions only when divisions.yaml itself is sound, or they would all be noise.
    check_references(document_files, divisions, optional_files, problems, check_divisions=divisions_valid)
    files = {document.id: loaded for document, loaded in documents}
    if root is not None:
        # The year's results against the scales, the period and the other values, in every document that is
        # valid so far: reported with the problems above, in the same run.
        valid_so_far = Plan(root=root, documents=[document for document, _ in documents], divisions=divisions,
                            glossary=glossary)
        check_results(valid_so_far, files, problems)
    problems.raise_if_any()
    plan = Plan(root=root, documents=[document for document, _ in documents], divisions=divisions,
                glossary=glossary)
    return LoadedPlan(plan, files, list(problems.warnings))


__all__ = ["LoadedPlan", "PlanError", "load_plan"]
