"""A plan is a directory of regular files: what is not one is refused where it is named, and never read.

The cases with symbolic links in git are in tests/data/invalid/symlinks; a named pipe, a device or a
folder where a file belongs cannot be committed, so they are made here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT

MINIMAL = ROOT / "tests" / "data" / "minimal"


@pytest.fixture
def plan(tmp_path, monkeypatch) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "plan"


def _check(capsys) -> list[str]:
    assert main(["check", "--plan", "plan"]) == 1
    return capsys.readouterr().err.splitlines()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_at_once_instead_of_waited_on(tmp_path):
    # In its own process with a deadline: reading a pipe that nobody writes to would wait for ever.
    shutil.copytree(MINIMAL, tmp_path / "plan")
    (tmp_path / "plan" / "strategy.yaml").unlink()
    os.mkfifo(tmp_path / "plan" / "strategy.yaml")
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--plan", "plan"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "plan/plan.yaml:9:5: documents[0]: not a regular file (expected a YAML file, found a named pipe)")


def test_a_device_is_refused(plan, capsys):
    (plan / "glossary.yaml").unlink()
    (plan / "glossary.yaml").symlink_to("/dev/zero")  # a link, refused before what it leads to is looked at
    assert _check(capsys)[0].startswith("plan/glossary.yaml: 'glossary.yaml' is a symbolic link")


def test_a_folder_where_a_document_belongs_is_refused(plan, capsys):
    (plan / "strategy.yaml").unlink()
    (plan / "strategy.yaml").mkdir()
    assert _check(capsys)[0] == (
        "plan/plan.yaml:9:5: documents[0]: not a regular file (expected a YAML file, found a directory)")


def test_a_plan_directory_that_is_a_link_is_refused(tmp_path, monkeypatch, capsys):
    shutil.copytree(MINIMAL, tmp_path / "real")
    (tmp_path / "plan").symlink_to(tmp_path / "real", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert _check(capsys)[0] == ("plan: the plan directory is a symbolic link (expected a real directory; give the "
                                 "directory it points to with --plan)")


def test_a_link_to_a_secret_never_shows_its_contents(tmp_path, monkeypatch, capsys):
    # The file's first line would have appeared in a YAML syntax error, had it been read.
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:TOP-SECRET-LINE\n", encoding="utf-8")
    shutil.copytree(MINIMAL, tmp_path / "plan")
    (tmp_path / "plan" / "strategy.yaml").unlink()
    (tmp_path / "plan" / "strategy.yaml").symlink_to(secret)
    monkeypatch.chdir(tmp_path)
    for command in (["check", "--plan", "plan"], ["build", "--plan", "plan", "--out", "site"]):
        assert main(command) == 1
        captured = capsys.readouterr()
        assert "TOP-SECRET" not in captured.err + captured.out
    assert not (tmp_path / "site").exists()
