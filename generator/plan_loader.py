"""Read a plan directory and validate all of it: every problem is collected before any is reported.

Layout of a plan directory:
  plan.yaml        municipality, home page, and the list of document files
  divisions.yaml   optional: the divisions referred to by id
  glossary.yaml    optional: terms with their one English name
  <documents>      one YAML file per document, listed in plan.yaml
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Location, PlanError, ProblemCollector, display_path
from .model import Division, Document, GlossaryTerm, Plan, PlanRoot
from .references import check_references
from .validation_messages import report_validation_error
from .yaml_source import LoadedFile, load_yaml_file

DIVISIONS_FILE = "divisions.yaml"
GLOSSARY_FILE = "glossary.yaml"


@dataclass
class LoadedPlan:
    """A validated plan and the source map of each of its files, for later phases' messages."""

    plan: Plan
    directory: Path
    document_files: dict[str, LoadedFile]
    root_file: LoadedFile


def _validate(model: Any, loaded: LoadedFile, problems: ProblemCollector) -> Any:
    adapter = model if isinstance(model, TypeAdapter) else None
    try:
        if adapter is not None:
            return adapter.validate_python(loaded.data)
        return model.model_validate(loaded.data)
    except ValidationError as exc:
        item = model if adapter is None else _item_model(adapter)
        report_validation_error(exc, item, loaded.data, loaded.source_map, problems)
        return None


def _item_model(adapter: TypeAdapter) -> type[BaseModel]:
    return adapter._type.__args__[0]  # list[Model] → Model, for "did you mean" hints


def load_plan(directory: Path) -> LoadedPlan:
    """Load and validate the plan in `directory`; raise PlanError listing every problem."""
    problems = ProblemCollector()
    directory = Path(directory)
    root_path = directory / "plan.yaml"
    if not root_path.is_file():
        problems.add(Location(display_path(root_path)), "",
                     "plan.yaml not found (expected a plan directory with plan.yaml at its root)", "file_missing")
        problems.raise_if_any()
    root_file = load_yaml_file(root_path, display_path(root_path), problems)
    root: PlanRoot | None = _validate(PlanRoot, root_file, problems) if root_file else None

    divisions: list[Division] = []
    glossary: list[GlossaryTerm] = []
    optional_files: dict[str, LoadedFile] = {}
    for name, adapter, sink in ((DIVISIONS_FILE, TypeAdapter(list[Division]), divisions),
                                (GLOSSARY_FILE, TypeAdapter(list[GlossaryTerm]), glossary)):
        path = directory / name
        if path.is_file():
            loaded = load_yaml_file(path, display_path(path), problems)
            if loaded is not None:
                optional_files[name] = loaded
                sink.extend(_validate(adapter, loaded, problems) or [])

    documents: list[Document] = []
    document_files: dict[str, LoadedFile] = {}
    if root is not None and root_file is not None:
        for index, relative in enumerate(root.documents):
            path = directory / relative
            if not path.is_file():
                problems.add(root_file.source_map.locate(("documents", index)), f"documents[{index}]",
                             f"file not found (expected a YAML file in {display_path(directory)}/, found '{relative}')",
                             "file_missing")
                continue
            loaded = load_yaml_file(path, display_path(path), problems)
            if loaded is None:
                continue
            document = _validate(Document, loaded, problems)
            if document is not None:
                documents.append(document)
                document_files.setdefault(document.id, loaded)

    if root is None or problems.problems:
        # References are only checked on a model that validated, so their messages are never noise.
        problems.raise_if_any()
    plan = Plan(root=root, documents=documents, divisions=divisions, glossary=glossary)
    check_references(plan, root_file, document_files, optional_files, problems)
    problems.raise_if_any()
    return LoadedPlan(plan, directory, document_files, root_file)


__all__ = ["LoadedPlan", "PlanError", "load_plan"]
