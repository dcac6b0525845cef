"""Load everything a site is built from: the plan, and the city's identity beside it, with every
problem of both reported at once."""

from __future__ import annotations

from pathlib import Path

from ..problems.errors import PlanError, ProblemCollector
from .identity import Identity, find_site_config, load_identity
from .plan import LoadedPlan, load_plan

def load_site(plan_dir: Path, config: Path | None = None) -> tuple[LoadedPlan, Identity]:
    """The validated plan in `plan_dir` and the identity in `config` (by default the city's mkdocs.yml beside
    the plan's folder, when there is one; without one, the default identity); PlanError lists every problem
    of both."""
    problems = ProblemCollector()
    path = Path(config) if config else find_site_config(plan_dir)
    identity = load_identity(path, problems)
    try:
        loaded = load_plan(Path(plan_dir))
    except PlanError as exc:
        raise PlanError(problems.problems + exc.problems) from None
    problems.raise_if_any()
    return loaded, identity


__all__ = ["load_site"]
