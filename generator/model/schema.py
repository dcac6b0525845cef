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


def render_schemas() -> dict[str, str]:
    """File name → schema text; deterministic, so the committed copy can be compared."""
    out = {}
    for name, (model, title) in SCHEMAS.items():
        schema = TypeAdapter(model).json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
