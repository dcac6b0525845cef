"""The JSON Schemas for editors are generated from the models and committed; they must be current."""

from __future__ import annotations

import json

from generator.schema import render_schemas
from tests.conftest import ROOT


def test_committed_schemas_are_up_to_date():
    for name, text in render_schemas().items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is out of date: run `make schema` and commit it"


def test_schema_rejects_unknown_keys_and_requires_english():
    document = json.loads(render_schemas()["document.schema.json"])
    assert document["additionalProperties"] is False
    text = document["$defs"]["Text"]
    assert text["additionalProperties"] is False
    assert set(text["required"]) == {"ja", "en"}
    assert "description" in document["properties"]["title"] or "$ref" in document["properties"]["title"]


def test_every_plan_file_names_its_schema():
    for path in list(ROOT.glob("plan/**/*.yaml")) + list(ROOT.glob("examples/**/*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"
