"""JSON Schemas for editors, generated from the same models that validate the plan."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from . import Division, Document, GlossaryTerm, PlanRoot

SCHEMAS = {
    "plan.schema.json": (PlanRoot, "Keikaku plan.yaml"),
    "document.schema.json": (Document, "Keikaku plan document"),
    "divisions.schema.json": (list[Division], "Keikaku divisions.yaml"),
    "glossary.schema.json": (list[GlossaryTerm], "Keikaku glossary.yaml"),
}


# A schema's `$id` names it wherever it is copied (the repository's schema/, a site's data/): a URN, since no
# address is the schema's own.
ID_PREFIX = "urn:keikaku:schema:"


def schema_text(model, title: str, name: str) -> str:
    """The JSON Schema (draft 2020-12) of `model`, with its `$id` and title; deterministic."""
    schema = TypeAdapter(model).json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": ID_PREFIX + name, "title": title,
              **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_schemas() -> dict[str, str]:
    """File name → schema text; deterministic, so the committed copy can be compared."""
    return {name: schema_text(model, title, name.removesuffix(".schema.json")) for name, (model, title) in SCHEMAS.items()}


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
