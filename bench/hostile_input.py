"""How long `check` takes to answer the worst inputs the loader allows, and how much memory it peaks at.

Usage: .venv/bin/python bench/hostile_input.py
Each input replaces one file of the minimal test plan; `check` runs in a fresh process, so the times
include Python's start-up. On a shared machine, the child's CPU time is the figure to read: the wall
clock there mostly measures waiting for a core. The target (issue 12): every input answered within 2 s, in bounded memory.
Figures go to bench/RESULTS.md with the machine's load.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.yaml_source import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES  # noqa: E402


def _bomb(levels: int = 30) -> str:
    lines = ["- &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"- &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


INPUTS = {
    "the minimal plan, unchanged (start-up and a clean check)": ("glossary.yaml",
                                                               (ROOT / "tests/data/minimal/glossary.yaml").read_text()),
    "alias bomb, 9**30 values if expanded": ("glossary.yaml", _bomb()),
    "100,000 nested lists": ("glossary.yaml", "- " + "[" * 100_000 + "]" * 100_000 + "\n"),
    f"{MAX_DEPTH} levels of nesting (the limit)": (
        "glossary.yaml", "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH - 2)) + " " * (MAX_DEPTH - 2) + "x: 1\n"),
    f"{MAX_VALUES:,} values (the limit), flow list": (
        "glossary.yaml", "- [" + ", ".join(["12345"] * (MAX_VALUES - 3)) + "]\n"),
    f"{MAX_VALUES:,} values (the limit), block list": (
        "glossary.yaml", "- x:\n" + "".join("  - 12345\n" for _ in range(MAX_VALUES - 4))),
    f"{MAX_FILE_BYTES // 1024} KiB (the limit) of text, unclosed quote at the top": (
        "glossary.yaml", "- '" + ("計画の本文です。" * 20 + "\n") * (MAX_FILE_BYTES // 490)),
    "1 MiB file (over the limit)": ("glossary.yaml", "# " + "x" * (1024 * 1024) + "\n"),
}


def measure(name: str, text: str) -> tuple[float, float, float, int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan"
        shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
        (plan / name).write_text(text, encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _CHILD, str(plan)], cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
        seconds = time.perf_counter() - start
    lines = done.stderr.splitlines()
    cpu, peak_mib = float(lines[-2]), int(lines[-1]) / 1024  # the child's own CPU time, and peak RSS in MiB
    first = (lines[0] if len(lines) > 2 else "").replace(str(plan), "plan")
    return seconds, cpu, peak_mib, done.returncode, first[:100]


# `python -m generator check --plan PLAN`, then the process's own peak memory on the last stderr line.
_CHILD = """
import resource, runpy, sys
sys.argv = ["generator", "check", "--plan", sys.argv[1]]
try:
    runpy.run_module("generator", run_name="__main__")
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(usage.ru_utime + usage.ru_stime, file=sys.stderr)
    print(usage.ru_maxrss, file=sys.stderr)
"""


def main() -> None:
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print("| input | size | check: wall clock (s) | CPU time (s) | peak RSS (MiB) | exit | first message |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, (name, text) in INPUTS.items():
        seconds, cpu, peak, code, first = measure(name, text)
        size = len(text.encode())
        print(f"| {label} | {size / 1024:,.0f} KiB | {seconds:.2f} | {cpu:.2f} | {peak:.0f} | {code} | {first} |")


if __name__ == "__main__":
    main()
