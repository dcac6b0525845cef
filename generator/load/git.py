"""The plan directory as of a git commit, copied out with `git archive` (the work tree is never touched)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from ..problems.errors import KeikakuError


class GitError(KeikakuError):
    """The plan could not be read from git: not a repository, an unknown commit, or no plan there."""


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (expected the `git` command on PATH)") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def extract_plan_at(ref: str, plan_dir: Path, into: Path) -> Path:
    """Write the files of `plan_dir` as of `ref` under `into`; return the plan directory there."""
    plan_dir = Path(plan_dir).resolve()
    if not plan_dir.is_dir():
        raise GitError(f"{plan_dir} is not a directory (expected the plan directory, e.g. plan/)")
    top = Path(_git(["rev-parse", "--show-toplevel"], plan_dir).decode().strip())
    relative = plan_dir.relative_to(top.resolve()).as_posix()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except GitError:
        raise GitError(f"unknown git commit '{ref}' (expected a branch, tag or commit, e.g. origin/main; "
                       "in a shallow clone, fetch it first)") from None
    try:
        archive = _git(["archive", "--format=tar", ref, "--", relative], top)
    except GitError:
        raise GitError(f"{relative}/ does not exist at '{ref}' (expected the plan directory in that commit)") from None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")  # "data": no absolute paths, links out or devices
    return into / relative
