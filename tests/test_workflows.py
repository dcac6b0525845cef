"""The GitHub workflows: zizmor finds nothing, they match GitHub's schema, and keep the rules of issue 11."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string key


def test_zizmor_finds_nothing():
    done = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", *map(str, WORKFLOWS)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


def test_workflows_match_githubs_schema():
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_least_privilege_and_keep_no_credentials(path):
    text = path.read_text(encoding="utf-8")
    workflow = _load(path)
    assert workflow["permissions"] == {}, "no permission by default; each job asks for its own"
    assert workflow["concurrency"]["group"]
    for line in re.findall(r"uses: \S+.*", text):
        assert re.fullmatch(r"uses: [\w-]+/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line
    for name, job in workflow["jobs"].items():
        # Only the import job writes, and only the repository's contents (the YAML it commits).
        allowed = {"contents": "write"} if (path.name, name) == ("import-sheet.yml", "import") else None
        assert job["permissions"]["contents"] == "read" or job["permissions"] == allowed, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_a_time_limit(path):
    # Without one, a pull request that makes the build stall holds a runner for six hours.
    for name, job in _load(path)["jobs"].items():
        assert 0 < int(job["timeout-minutes"]) <= 30, name


def test_pull_request_workflow_previews_without_waiting_for_the_tests():
    workflow = _load(ROOT / ".github" / "workflows" / "pull-request.yml")
    assert list(workflow["on"]) == ["pull_request"]
    preview, test = workflow["jobs"]["preview"], workflow["jobs"]["test"]
    steps = preview["steps"]
    runs = [step.get("run", "") for step in steps]
    assert 'make check CHECK_FLAGS="--format github --lang ja"' in runs  # the editors read Japanese
    assert '.venv/bin/python -m generator diff --base "$BASE_SHA" >> "$GITHUB_STEP_SUMMARY"' in runs
    assert "make build" in runs and not any("make test" in run for run in runs)
    assert steps[0]["with"]["fetch-depth"] == "0"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site"
    # The tests run in their own job, which the preview does not wait for (no `needs`).
    assert "needs" not in preview and "needs" not in test
    assert any("make test" in step.get("run", "") for step in test["steps"])


def test_publish_workflow_deploys_main_to_pages():
    workflow = _load(ROOT / ".github" / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    # The site is built at its Pages address (absolute canonical links, sitemaps), from the whole history.
    steps = deploy["steps"]
    pages = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/configure-pages@"))
    build = next(i for i, step in enumerate(steps) if "make build" in step.get("run", ""))
    assert pages < build and steps[pages]["id"] == "pages"
    assert steps[build]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert '"$SITE_URL"' in steps[build]["run"]  # through the environment, never pasted into the script
    assert str(steps[0]["with"]["fetch-depth"]) == "0"


def test_import_workflow_commits_only_for_branches_of_this_repository():
    workflow = _load(ROOT / ".github" / "workflows" / "import-sheet.yml")
    assert workflow["on"] == {"pull_request": {"paths": ["imports/**"]}}  # not pull_request_target
    job = workflow["jobs"]["import"]
    assert job["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
    assert job["permissions"] == {"contents": "write"}
    steps = job["steps"]
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.head.ref }}"
    assert checkout["with"]["persist-credentials"] == "false"
    # The token reaches one step, the push, through its environment; no other step can read it.
    holders = [step for step in steps if "github.token" in str(step) or "secrets." in str(step)]
    assert len(holders) == 1 and holders[0]["env"]["PUSH_TOKEN"] == "${{ github.token }}"
    assert "git push" not in str(steps[:steps.index(holders[0])])
    for step in steps:  # no expression is pasted into a script, where a branch name could become a command
        assert "${{" not in step.get("run", ""), step.get("name")


def test_import_workflow_imports_checks_commits_and_previews():
    job = _load(ROOT / ".github" / "workflows" / "import-sheet.yml")["jobs"]["import"]
    runs = " ".join("\n".join(step.get("run", "") for step in job["steps"]).replace("\\\n", " ").split())
    assert ('python -m generator import-sheet --plan plan --format github --lang ja '
            '--summary "$GITHUB_STEP_SUMMARY" -- "${files[@]}"') in runs
    order = [runs.index(text) for text in ("import-sheet", 'make check CHECK_FLAGS="--format github --lang ja"',
                                            "git add -- plan", "push --quiet origin", "make build")]
    assert order == sorted(order)
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site"


def test_export_workflow_hands_the_workbook_over_without_writing():
    workflow = _load(ROOT / ".github" / "workflows" / "export-sheet.yml")
    assert list(workflow["on"]) == ["workflow_dispatch"]
    job = workflow["jobs"]["export"]
    assert job["permissions"] == {"contents": "read"}
    write = next(step for step in job["steps"] if step.get("name") == "Write the workbook")
    assert write["env"] == {"YEAR": "${{ inputs.year }}", "WHOLE_PLAN": "${{ inputs.whole_plan }}"}
    assert '[[ "$YEAR" =~ ^[0-9]{4}$ ]]' in write["run"] and "set -o pipefail" in write["run"]
    assert '.venv/bin/python -m generator export-sheet "${args[@]}"' in write["run"]
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "survey"
