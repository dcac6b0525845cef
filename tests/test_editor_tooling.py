"""The editors' tooling in the repository points at files and commands that exist."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT


def _jsonc(path) -> dict:
    # VS Code's settings allow // comments; none of ours sits inside a string.
    return json.loads(re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.MULTILINE))


def test_vscode_maps_every_schema_to_plan_files():
    settings = _jsonc(ROOT / ".vscode" / "settings.json")
    schemas = settings["yaml.schemas"]
    assert {name.removeprefix("./schema/") for name in schemas} == {p.name for p in (ROOT / "schema").glob("*.json")}
    for schema, patterns in schemas.items():
        assert (ROOT / schema).is_file(), schema
        assert any(pattern.startswith("plan/") for pattern in patterns), schema
    assert "redhat.vscode-yaml" in _jsonc(ROOT / ".vscode" / "extensions.json")["recommendations"]


def test_pre_commit_hook_runs_the_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == "keikaku-check"]
    assert re.match(hook["files"], "plan/documents/strategy-2021.yaml")
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    dry_run = subprocess.run(hook["entry"].split() + ["-n"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "-m generator check --plan plan" in dry_run.stdout
