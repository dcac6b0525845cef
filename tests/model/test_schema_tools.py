"""The JSON Schemas, as other tools read them: valid against their metaschema with ECMA-262 regular
expressions (the `u` flag, as Ajv and VS Code's YAML extension compile them), each with a `$id`; and every
built plan.json valid against the plan.schema.json beside it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT

CHECK = Path(sys.executable).parent / "check-jsonschema"


def _check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK), "--regex-variant", "default", *args], capture_output=True, text=True,
                          timeout=300)


def test_the_editors_schemas_compile_in_every_tool():
    schemas = sorted((ROOT / "schema").glob("*.schema.json"))
    assert schemas
    done = _check("--check-metaschema", *map(str, schemas))
    assert done.returncode == 0, done.stdout + done.stderr
    ids = [json.loads(path.read_text(encoding="utf-8"))["$id"] for path in schemas]
    assert len(set(ids)) == len(ids) and all(identifier.startswith("urn:keikaku:schema:") for identifier in ids)


def test_a_pattern_that_only_python_accepts_is_caught(tmp_path):
    # `\"` is valid in Python's re but not in ECMA-262 with the u flag: the check must tell them apart.
    schema = tmp_path / "bad.schema.json"
    schema.write_text(json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema",
                                  "type": "string", "pattern": '^[^\\"]+$'}), encoding="utf-8")
    assert _check("--check-metaschema", str(schema)).returncode != 0


@pytest.mark.parametrize("name", sorted(PLANS))
def test_the_published_plan_matches_its_published_schema(built_sites, name):
    data = built_sites(name) / "data"
    done = _check("--check-metaschema", str(data / "plan.schema.json"))
    assert done.returncode == 0, done.stdout + done.stderr
    done = _check("--schemafile", str(data / "plan.schema.json"), str(data / "plan.json"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads((data / "plan.schema.json").read_text(encoding="utf-8"))["$id"] == "urn:keikaku:schema:published-plan"
