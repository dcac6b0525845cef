"""`diff`: load the two plans (one may come from git), compare them, word the result."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .git_plan import extract_plan_at
from .labels import load_labels
from .plan_diff import diff_plans
from .plan_diff_markdown import render_diff
from .plan_loader import load_plan


def run_diff(dirs: list[Path], base: str | None, plan_dir: Path, lang: str) -> str:
    """The Markdown summary; raises PlanError when either plan does not validate."""
    labels = load_labels(lang)
    if base is None:
        old, new = (load_plan(directory).plan for directory in dirs)
        return render_diff(diff_plans(old, new), labels)
    with tempfile.TemporaryDirectory(prefix="keikaku-base-") as temporary:
        old = load_plan(extract_plan_at(base, plan_dir, Path(temporary))).plan
    return render_diff(diff_plans(old, load_plan(plan_dir).plan), labels)
