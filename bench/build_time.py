"""Print how long each phase of a build takes, for each plan: load+validate, render, MkDocs.

Usage: .venv/bin/python bench/build_time.py [--repeat N] [PLAN_DIR ...]
Figures go to bench/RESULTS.md with the command and the machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from generator.publish.build import build_order, run_mkdocs, write_sources
from generator.load.plan import load_plan
from generator.render.markdown_site import render_site

DEFAULT_PLANS = ["plan", "examples/musashino", "examples/kashiwara", "examples/narashino"]


def measure(plan_dir: Path) -> dict[str, float]:
    times = {}
    start = time.perf_counter()
    loaded = load_plan(plan_dir)
    times["load+validate"] = time.perf_counter() - start
    start = time.perf_counter()
    rendered = render_site(loaded.plan)
    times["render"] = time.perf_counter() - start
    work = Path(tempfile.mkdtemp())
    try:
        start = time.perf_counter()
        configs = write_sources(rendered, loaded.plan, work)
        for code in build_order(rendered):
            run_mkdocs(configs[code])
        times["mkdocs (both languages)"] = time.perf_counter() - start
    finally:
        shutil.rmtree(work)
    times["pages per language"] = len(rendered[0].files)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plans", nargs="*", default=DEFAULT_PLANS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| plan | pages/lang | load+validate (s) | render (s) | mkdocs, both languages (s) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for plan in args.plans:
        runs = [measure(Path(plan)) for _ in range(args.repeat)]
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(f"| {plan} | {int(median['pages per language'])} | {median['load+validate']:.3f} | "
              f"{median['render']:.3f} | {median['mkdocs (both languages)']:.2f} |")


if __name__ == "__main__":
    main()
