"""The JSON Schemas for editors are generated from the models and committed; they must be current."""

from __future__ import annotations

import json

import pytest

from generator.model.schema import render_schemas
from tests.conftest import ROOT
from tests.plans import FACTS_FILE, PLANS, SEARCH_QUERIES_FILE


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


def _plan_files(directory):
    return [path for path in sorted(directory.glob("**/*.yaml")) if path.name not in (FACTS_FILE, SEARCH_QUERIES_FILE)]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_plan_file_names_a_schema_that_exists(name):
    # The editor's YAML extension completes keys and flags mistakes from the schema the first line names.
    # A city's own plan may come without these lines; the plans shipped here and `generator new` have them.
    for path in _plan_files(PLANS[name]):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if name == "plan" and not first.startswith("# yaml-language-server:"):
            continue
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"
