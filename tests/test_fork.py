"""A city that forks Keikaku and replaces plan/ with its own plan gets green product tests, with no edit to tests/.

The product tests themselves run, in this very run, on a plan written by `generator new` ("new" in
tests/plans.py) beside the plan in plan/ and the test plans: that is what a fork's plan/ holds on its first
day. What is left to prove here is the fork itself: made as the README says (the repository's files, plan/
replaced by a new plan, examples/ gone), its tests find its own plan and the test plans and nothing else,
no fact about this repository's plan is asked of it, and its plan checks and builds before its first commit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from generator.publish.build import build_site
from generator.cli import main
from tests.conftest import ROOT
from tests.plans import FACTS_FILE, NEW_PLAN_MUNICIPALITY, PLANS, PRODUCT_PLANS, SEARCH_QUERIES_FILE, find_plans


def _copy_repository(destination) -> None:
    """The files git knows (links kept as links), as a fork has them."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the files of the repository are those git knows")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source, target = ROOT / name, destination / name
        if source.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(os.readlink(source))
        elif source.is_file():  # a file deleted but not yet committed is listed, and absent
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    """A fork made as the README's "Start a plan for your city" says, before its first commit."""
    fork = tmp_path_factory.mktemp("fork") / "keikaku"
    _copy_repository(fork)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "rm -r plan" in readme and "-m generator new plan --municipality" in readme
    shutil.rmtree(fork / "plan")
    shutil.rmtree(fork / "examples", ignore_errors=True)
    ja, en = NEW_PLAN_MUNICIPALITY
    assert main(["new", str(fork / "plan"), "--municipality", ja, "--en", en]) == 0
    return fork


def test_the_product_tests_run_on_a_new_plan_in_this_run():
    assert "new" in PRODUCT_PLANS and "plan" in PRODUCT_PLANS
    assert not (PLANS["new"] / FACTS_FILE).exists(), "a new plan has no facts: its tests are the product tests"


def test_a_fork_finds_its_own_plan_and_the_test_plans_and_nothing_else(fork):
    found = find_plans(fork, with_new=False)
    assert found["plan"] == fork / "plan"
    assert {path.parent for name, path in found.items() if name != "plan"} == {fork / "tests" / "data"}
    assert set(found) == {"plan"} | {name for name, path in PLANS.items() if path.parent == ROOT / "tests" / "data"}
    # The facts and search queries of this repository's plan left with it.
    assert not (fork / "plan" / FACTS_FILE).exists() and not (fork / "plan" / SEARCH_QUERIES_FILE).exists()


def test_the_new_plan_in_a_fork_is_the_plan_the_product_tests_ran_on(fork):
    written = sorted(path.relative_to(fork / "plan").as_posix() for path in (fork / "plan").rglob("*.yaml"))
    assert written == sorted(path.relative_to(PLANS["new"]).as_posix() for path in PLANS["new"].rglob("*.yaml"))
    for name in written:  # the same plan, but for the relative path to the schemas on each file's first line
        ours = (PLANS["new"] / name).read_text(encoding="utf-8").split("\n", 1)[1]
        assert (fork / "plan" / name).read_text(encoding="utf-8").split("\n", 1)[1] == ours, name


def test_a_fork_checks_and_builds_its_plan_before_its_first_commit(fork, monkeypatch, capsys):
    monkeypatch.chdir(fork)
    assert main(["check", "--plan", "plan"]) == 0
    assert re.fullmatch(r"plan: OK \(\d+ documents?\)\n", capsys.readouterr().out)
    site = build_site(fork / "plan", fork / "site").out
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    assert "kk-updated" not in (site / "index.html").read_text(encoding="utf-8"), "no date before the first commit"



def test_in_a_fork_with_history_a_new_document_takes_the_plans_date(tmp_path):
    # A clone keeps this repository's history: plan/ was last changed by a commit of the old plan, and the
    # new plan's document has no commit yet. Its pages show the plan's date; once committed, their own.
    from datetime import date

    from generator.load.plan import load_plan
    from generator.prepare.updated import last_updated
    repository = tmp_path / "clone"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", repository / "plan")
    identity = {"GIT_AUTHOR_NAME": "City", "GIT_AUTHOR_EMAIL": "city@example.org", "GIT_COMMITTER_NAME": "City",
                "GIT_COMMITTER_EMAIL": "city@example.org", "GIT_AUTHOR_DATE": "2025-04-01T09:00:00",
                "GIT_COMMITTER_DATE": "2025-04-01T09:00:00"}
    git = lambda *args: subprocess.run(["git", *args], cwd=repository, check=True, capture_output=True,  # noqa: E731
                                       env={**os.environ, **identity})
    git("init", "-q")
    git("add", "plan")
    git("commit", "-q", "-m", "the old plan")
    shutil.rmtree(repository / "plan")
    ja, en = NEW_PLAN_MUNICIPALITY
    assert main(["new", str(repository / "plan"), "--municipality", ja, "--en", en]) == 0
    loaded = load_plan(repository / "plan")
    updated = last_updated(repository / "plan", {i: f.path for i, f in loaded.document_files.items()})
    assert updated.plan == date(2025, 4, 1)
    assert all(updated.of(ident) == date(2025, 4, 1) for ident in loaded.document_files)
