"""The broken plans of tests/data/invalid/: each case is the minimal plan with some of its files replaced.

A case holds the files that replace the minimal plan's (YAML files, folders, and symbolic links, which are
kept as links), `expected.txt` with the exact messages `check` prints in English, and `expected.<lang>.txt`
with those in another language. `make golden` rewrites the expected files; review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DATA = Path(__file__).parent / "data"
INVALID = DATA / "invalid"
CASES = sorted(path.name for path in INVALID.iterdir() if path.is_dir())


def make_invalid_plan(case: str, workdir: Path) -> Path:
    """The plan of `case` at `workdir/plan`: the minimal plan with the case's files over it."""
    plan = workdir / "plan"
    shutil.copytree(DATA / "minimal", plan)
    source = INVALID / case
    for folder, directories, files in os.walk(source):  # never into a linked folder
        for name in list(directories) + files:
            path = Path(folder) / name
            target = plan / path.relative_to(source)
            if path.is_symlink():
                target.unlink(missing_ok=True)
                target.symlink_to(os.readlink(path))
                if name in directories:
                    directories.remove(name)
            elif path.is_dir():
                target.mkdir(exist_ok=True)
            elif path.suffix in (".yaml", ".yml"):
                shutil.copy(path, target)
    return plan
