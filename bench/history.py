"""Time the plan's history (prepare/history.py): the default plan's own git history, and 10× and 100×
plans committed over a number of commits, each changing one target.

Usage: .venv/bin/python bench/history.py [--commits 10] [--runs 3]
Prints, per plan: commits, entries found, and seconds (min / median / max).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_plan import make_synthetic_plan  # noqa: E402
from generator.prepare.history import plan_history  # noqa: E402

_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org", "GIT_CONFIG_NOSYSTEM": "1"}


_TARGET = re.compile(r"(target:\s+\{?\s*value: )(\d+)")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **_ENV})


def committed_plan(factor: int, commits: int, work: Path) -> Path:
    """A synthetic plan in a new repository, committed `commits` times, each commit changing one target."""
    repo = work / f"repo-{factor}"
    repo.mkdir()
    plan = make_synthetic_plan(ROOT / "plan", factor, repo / "plan")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "adopted")
    files = [path for path in sorted(plan.rglob("*.yaml")) if _TARGET.search(path.read_text(encoding="utf-8"))]
    for number in range(1, commits):
        path = files[number % len(files)]
        text = path.read_text(encoding="utf-8")
        text = _TARGET.sub(lambda m: m.group(1) + str(int(m.group(2)) + number), text, 1)
        path.write_text(text, encoding="utf-8")
        _git(repo, "commit", "-q", "-am", f"change {number}")
    return plan


def _time(plan: Path, runs: int) -> tuple[int, list[float]]:
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(plan_history(plan))
        times.append(time.perf_counter() - start)
    return found, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [("plan/ (its own history)", ROOT / "plan")]
    with tempfile.TemporaryDirectory() as temporary:
        for factor in (10, 100):
            rows.append((f"{factor}× over {args.commits} commits", committed_plan(factor, args.commits, Path(temporary))))
        print("| plan | commits | entries | seconds (min / median / max) |\n| --- | ---: | ---: | ---: |")
        for name, plan in rows:
            commits = subprocess.run(["git", "rev-list", "--count", "HEAD", "--", "."], cwd=plan, capture_output=True,
                                     text=True, check=True).stdout.strip()
            found, times = _time(plan, args.runs)
            print(f"| {name} | {commits} | {found} | {min(times):.2f} / {statistics.median(times):.2f} / {max(times):.2f} |")


if __name__ == "__main__":
    main()
