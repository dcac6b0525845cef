"""The survey-sheet benchmark: `export-sheet` and `import-sheet`, as an editor runs them, on two plans.

- **30 KPIs × 1 year**: a synthetic plan of one document, three divisions and 30 numeric KPIs (with one
  evaluation scale), the size of one city's yearly survey. Every KPI gets an actual and a grade.
- **100×**: the default plan copied 100 times (bench/synthetic_plan.py). Every numeric KPI of the
  workbook gets an actual (the plan declares no scale, so no grade).

For each plan, each command runs in a fresh process, as from the terminal, several times; the figures are
wall-clock seconds (min, median, max). Each import starts from a fresh copy of the plan; "again" imports the
same workbook into the plan it has just changed (nothing to write).

Usage: .venv/bin/python bench/sheets.py [--runs 3] [--plan plan]
Figures go to bench/RESULTS.md with the command and the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

YEAR = 2025  # within both plans' periods, and completed on the fixed day below
FIXED_DAY = "1796083200"  # 2026-12-01: "today" for the year checks, so that a rerun answers the same


def thirty_kpi_plan(out: Path) -> Path:
    """A plan with 30 numeric KPIs in three divisions, each with a baseline, a target and last year's actual."""
    out.mkdir(parents=True)
    (out / "plan.yaml").write_text("""\
municipality: {ja: 見本市, en: Mihon City}
site_title: {ja: 見本市総合戦略, en: Mihon City Strategy}
description: {ja: ベンチマーク用の計画です。, en: A plan for the benchmark.}
home: {ja: ベンチマーク用の計画です。, en: A plan for the benchmark.}
documents: [strategy.yaml]
evaluation_scales:
  - id: three-grades
    name: {ja: 3段階評価, en: Three-grade scale}
    grades:
      - {id: achieved, label: {ja: 達成, en: Achieved}, counts_as: achieved}
      - {id: mostly, label: {ja: 概ね達成, en: Mostly achieved}, counts_as: on_track}
      - {id: not-achieved, label: {ja: 未達成, en: Not achieved}, counts_as: behind}
""", encoding="utf-8")
    divisions = ["planning", "childcare", "environment"]
    (out / "divisions.yaml").write_text("".join(
        f"- {{id: {division}, name: {{ja: {name}課, en: {division.title()} Division}}}}\n"
        for division, name in zip(divisions, ["企画", "子育て支援", "環境政策"])), encoding="utf-8")
    lines = ["id: strategy", "kind: regional_revitalization_strategy",
             "title: {ja: 見本市総合戦略, en: Mihon City Strategy}",
             "period: {start: {fiscal_year: 2021}, end: {fiscal_year: 2026}}",
             "issuer: {ja: 見本市, en: Mihon City}",
             "source: {title: {ja: 見本市総合戦略, en: Mihon City Strategy}, publisher: {ja: 見本市, en: Mihon City}}",
             "summary: {ja: ベンチマーク用の計画です。, en: A plan for the benchmark.}", "children:"]
    for goal, division in enumerate(divisions, start=1):
        lines += [f"  - id: goal-{goal}", "    level: basic_goal", f'    number: "{goal}"',
                  f"    title: {{ja: 基本目標{goal}, en: Basic goal {goal}}}", f"    divisions: [{division}]", "    kpis:"]
        for kpi in range(1, 11):
            base = 100 * goal + 10 * kpi
            lines += [f"      - id: kpi-{goal}-{kpi}", f"        name: {{ja: 指標{goal}-{kpi}, en: Indicator {goal}-{kpi}}}",
                      f"        baseline: {{value: {base}, unit: people, period: {{fiscal_year: 2020}}}}",
                      f"        target: {{value: {base + 50}, unit: people, period: {{fiscal_year: 2026}}}}",
                      "        direction: increase",
                      "        actuals:",
                      f"          - {{value: {base + 20}, unit: people, period: {{fiscal_year: 2024}}}}"]
    (out / "strategy.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _run(args: list[str], cwd: Path) -> float:
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_DAY, "LC_ALL": "C.UTF-8"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return took


def _fill(workbook: Path, out: Path) -> tuple[int, int]:
    """Type an actual into every row measured by a number, and the scale's first grade into every row when the
    plan has one scale; return (actuals, grades)."""
    import openpyxl

    from generator.sheets.layout import COLUMN_INDEX, LISTS_SHEET, META_SHEET
    book = openpyxl.load_workbook(workbook)
    first_grade = book[LISTS_SHEET]["A2"].value if LISTS_SHEET in book.sheetnames else None
    actuals = grades = 0
    for sheet in book.worksheets[1:]:  # after the instructions: the divisions' sheets and the hidden two
        if sheet.title in (META_SHEET, LISTS_SHEET):
            continue
        for row in sheet.iter_rows(min_row=2):
            if row[COLUMN_INDEX["unit"]].value:  # measured by a number: an actual a little above the target
                digits = "".join(ch for ch in str(row[COLUMN_INDEX["target"]].value or "") if ch.isdigit() or ch == ".")
                row[COLUMN_INDEX["actual"]].value = float(digits) if digits.strip(".") else 1
                actuals += 1
            if first_grade:
                row[COLUMN_INDEX["grade"]].value = first_grade
                grades += 1
    book.save(out)
    return actuals, grades


def _figures(times: list[float]) -> str:
    return f"{min(times):.2f} / {statistics.median(times):.2f} / {max(times):.2f}"


def bench(name: str, plan: Path, work: Path, runs: int) -> list[str]:
    sheet = work / f"{name}.xlsx"
    exports = [_run(["export-sheet", "--plan", str(plan), "--out", str(sheet), "--year", str(YEAR)], work)
               for _ in range(runs)]
    filled = work / f"{name}-filled.xlsx"
    actuals, grades = _fill(sheet, filled)
    imports, again = [], []
    for run in range(runs):
        copy = work / f"{name}-plan-{run}"
        shutil.copytree(plan, copy)
        imports.append(_run(["import-sheet", "--plan", str(copy), str(filled)], work))
        again.append(_run(["import-sheet", "--plan", str(copy), str(filled)], work))
    size = sheet.stat().st_size
    return [f"| {name} | {actuals} actuals, {grades} grades | {size // 1024} KB | {_figures(exports)} | "
            f"{_figures(imports)} | {_figures(again)} |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--plan", type=Path, default=ROOT / "plan")
    args = parser.parse_args()
    from bench.synthetic_plan import make_synthetic_plan
    rows = ["| plan | values typed | workbook | export-sheet (s, min / median / max) | import-sheet (s) | "
            "import again, nothing to write (s) |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory(prefix="keikaku-bench-sheets-") as temporary:
        work = Path(temporary)
        rows += bench("30 KPIs × 1 year", thirty_kpi_plan(work / "thirty"), work, args.runs)
        rows += bench("100×", make_synthetic_plan(args.plan, 100, work / "hundred"), work, args.runs)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
