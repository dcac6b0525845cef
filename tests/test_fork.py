"""A city that forks Keikaku and replaces plan/ with its own plan gets green product tests, with no edit to tests/.

The repository is copied (the files git knows, as a fork would have them), plan/ is replaced with a plan
written by `generator new`, and examples/ is removed, so that only product tests remain: those on plan/
and on the plans in tests/data/. Content facts (facts.yaml) and the example plans' golden files leave with
their plans. The browser tests run too, and skip only where Chromium is absent, as in the main run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _copy_repository(destination) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the files of the repository are those git knows")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_symlink():  # git keeps links as links (the hostile test plans hold some)
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            (destination / name).symlink_to(os.readlink(source))
        elif source.is_file():  # a file deleted but not yet committed is listed, and absent
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


def test_a_fork_with_its_own_plan_passes_the_product_tests(tmp_path):
    fork = tmp_path / "fork"
    _copy_repository(fork)
    shutil.rmtree(fork / "plan")
    shutil.rmtree(fork / "examples", ignore_errors=True)
    if (ROOT / ".venv").is_dir():  # `make serve` in the fork's tests uses the environment `make build` made here
        (fork / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    new = subprocess.run([sys.executable, "-m", "generator", "new", "plan", "--municipality", "桜ヶ丘町",
                          "--en", "Sakuragaoka Town"], cwd=fork, env=environment, capture_output=True, text=True)
    assert new.returncode == 0, new.stderr
    # A fork is a repository with its own history, which the pages' last-updated dates come from.
    identity = {"GIT_AUTHOR_NAME": "Fork", "GIT_AUTHOR_EMAIL": "fork@example.org",
                "GIT_COMMITTER_NAME": "Fork", "GIT_COMMITTER_EMAIL": "fork@example.org"}
    for command in (["init", "-q"], ["add", "-A", "--", ".", ":!.venv"], ["commit", "-q", "-m", "Our own plan"]):
        subprocess.run(["git", *command], cwd=fork, env={**environment, **identity}, check=True, capture_output=True)
    # The fork's own code and tests run, not this checkout's.
    where = subprocess.run([sys.executable, "-c", "import generator, tests; print(generator.__file__, tests.__file__)"],
                           cwd=fork, env=environment, capture_output=True, text=True, check=True).stdout.split()
    assert all(path.startswith(str(fork)) for path in where), where
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
                             "--ignore", "tests/test_fork.py"],
                            cwd=fork, env=environment, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and " failed" not in summary, summary
