"""`diff`: load the two plans (one may come from git), compare them, word the result."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..problems.errors import KeikakuError, PlanError, display_path
from ..load.git import extract_plan_at
from ..labels import load_labels
from ..prepare.compare import diff_plans
from .markdown import render_diff
from ..load.plan import load_plan


class BasePlanInvalid(KeikakuError):
    """The plan at the base commit has problems (as this version of Keikaku sees it)."""


def run_diff(dirs: list[Path], base: str | None, plan_dir: Path, lang: str) -> str:
    """The Markdown summary; raises PlanError when either plan does not validate."""
    labels = load_labels(lang)
    if base is None:
        old, new = (load_plan(directory).plan for directory in dirs)
        return render_diff(diff_plans(old, new), labels)
    with tempfile.TemporaryDirectory(prefix="keikaku-base-") as temporary:
        try:
            old = load_plan(extract_plan_at(base, plan_dir, Path(temporary))).plan
        except PlanError as exc:  # e.g. the change being reviewed also changes the model
            where = display_path(Path(temporary)) + "/"
            problems = "\n".join(str(problem).replace(where, f"{base}:") for problem in exc.problems)
            raise BasePlanInvalid(f"the plan as of '{base}' does not validate with this version of Keikaku, "
                                  f"so there is nothing to compare it with:\n{problems}") from None
    return render_diff(diff_plans(old, load_plan(plan_dir).plan), labels)
