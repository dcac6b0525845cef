"""How long `check` and `build` take to answer the worst inputs a pull request can hold.

Usage: .venv/bin/python bench/hostile_input.py [--runs N]
Each input changes one file of a copy of plan/ (the real Kashiwa plan), and each command runs in a fresh
process, so the times include Python's start-up; the first row is the plan unchanged. The target (the
safety issue): each command answers within 2 s of its time on the unchanged plan, refused or built, with
exit 0 or 1 and never a traceback. On a shared machine, the child's CPU time is the steadier figure.
Figures go to bench/RESULTS.md with the machine's load.
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

from generator.load.yaml_reader import MAX_DEPTH, MAX_VALUES  # noqa: E402

STRATEGY = "documents/strategy-2021.yaml"
SUMMARY = "summary:\n  ja: |\n"  # the strategy's summary, a prose text


def _bomb(levels: int = 30) -> str:
    lines = ["- &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"- &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def _in_summary(text: str):
    """The strategy with `text` as the first line of its Japanese summary (quoted: any characters)."""
    def change(plan: Path) -> None:
        path = plan / STRATEGY
        source = path.read_text(encoding="utf-8")
        start = source.index(SUMMARY)
        path.write_text(source[:start] + "summary:\n  ja: " + text + "\n" + source[source.index("  en:", start):],
                        encoding="utf-8")
    return change


def _replace(relative: str, text: str):
    def change(plan: Path) -> None:
        (plan / relative).write_text(text, encoding="utf-8")
    return change


def _replace_in(relative: str, old: str, new: str):
    def change(plan: Path) -> None:
        path = plan / relative
        source = path.read_text(encoding="utf-8")
        assert old in source, old
        path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return change


def _link(relative: str, target: str):
    def change(plan: Path) -> None:
        (plan / relative).unlink()
        (plan / relative).symlink_to(target)
    return change


def _big_glossary(terms: int):
    def change(plan: Path) -> None:
        entries = [f"- id: term-{n}\n  term: {{ja: 用語{n}番の計画語, en: planning term number {n}}}\n  reading: ようご\n"
                   f"  definition:\n    ja: 計画の中で使われる言葉の説明です。\n    en: An explanation of a word used in the plan.\n"
                   for n in range(terms)]
        with (plan / "glossary.yaml").open("a", encoding="utf-8") as handle:
            handle.write("".join(entries))
    return change


def _table_cell(value: str):
    def change(plan: Path) -> None:
        path = plan / STRATEGY
        source = path.read_text(encoding="utf-8")
        start = source.index("cells: [") + len("cells: [")
        end = source.index(",", start)
        path.write_text(source[:start] + value + source[end:], encoding="utf-8")
    return change


INPUTS = {
    "the plan, unchanged": lambda plan: None,
    "alias bomb, 9**30 values if expanded": _replace("glossary.yaml", _bomb()),
    "100,000 nested lists": _replace("glossary.yaml", "- " + "[" * 100_000 + "]" * 100_000 + "\n"),
    f"{MAX_DEPTH} levels of nesting (the limit)": _replace(
        "glossary.yaml", "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH - 2)) + " " * (MAX_DEPTH - 2) + "x: 1\n"),
    f"{MAX_VALUES:,} values (a document's limit), flow list": _replace(
        STRATEGY, "- [" + ", ".join(["12345"] * (MAX_VALUES - 3)) + "]\n"),
    "512 KiB (a document's limit) of text, unclosed quote at the top": _replace(
        STRATEGY, "- '" + ("計画の本文です。" * 20 + "\n") * (512 * 1024 // 490)),
    "1 MiB document (over the limit)": _replace(STRATEGY, "# " + "x" * (1024 * 1024) + "\n"),
    "600 × '- ' in a summary (nested lists)": _in_summary('"' + "- " * 600 + 'x"'),
    "24 KB of '[…]' in a summary": _in_summary('"' + "[…" * 12_000 + '"'),
    "a summary of 160,000 '[' lines": _in_summary('"' + "[\\n" * 160_000 + '"'),
    "a summary at its limits: 20,000 characters, 100 '[' a paragraph": _in_summary(
        '"' + "\\n\\n".join(("[a" * 100 + "b" * 200) for _ in range(50))[:20_000] + '"'),
    "a summary at its limits: 8 levels of lists, 1,000 lines": _in_summary(
        '"' + "\\n".join("- " * 8 + "x" for _ in range(1_000)) + '"'),
    "a target of 10^400 written out": _replace_in(STRATEGY, "target: {value: ", "target: {value: 1" + "0" * 400 + "} # "),
    "a table cell of 5.0e-324": _table_cell("5.0e-324"),
    "!!bool \"maybe\" and !!float \"\"": _replace_in(STRATEGY, "\nid: ", '\nx: !!bool "maybe"\ny: !!float ""\nid: '),
    "10,000 right-to-left overrides": _in_summary('"' + "\u202e" * 10_000 + '"'),
    "a document that is a link to /etc/passwd": _link(STRATEGY, "/etc/passwd"),
    "a glossary of 2,000 terms (accepted)": _big_glossary(2_000 - 115),
}


def measure(change, command: str) -> tuple[float, float, int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan"
        shutil.copytree(ROOT / "plan", plan, symlinks=True)
        change(plan)
        arguments = ["check", "--plan", str(plan)] if command == "check" else [
            "build", "--plan", str(plan), "--out", str(Path(tmp) / "site")]
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _CHILD, *arguments], cwd=ROOT, capture_output=True, text=True,
                              timeout=900, env={**os.environ, "LC_ALL": "C.UTF-8"})
        seconds = time.perf_counter() - start
    lines = done.stderr.splitlines()
    cpu = float(lines[-1])
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    first = next((line for line in lines[:-1] if line.strip()), done.stdout.splitlines()[0] if done.stdout else "")
    return seconds, cpu, done.returncode, first.replace(str(plan), "plan")[:90]


# The command, then the process's own CPU time on the last stderr line.
_CHILD = """
import resource, runpy, sys
sys.argv = ["generator", *sys.argv[1:]]
try:
    runpy.run_module("generator", run_name="__main__")
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(usage.ru_utime + usage.ru_stime, file=sys.stderr)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command per input; the median is shown")
    runs = parser.parse_args().runs
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs; "
          f"median of {runs} runs")
    print("| input | check (s) | check CPU (s) | build (s) | build CPU (s) | exit | first line |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, change in INPUTS.items():
        results = {command: [measure(change, command) for _ in range(runs)] for command in ("check", "build")}
        check, build = results["check"], results["build"]
        code = {result[2] for result in check + build}
        print(f"| {label} | {statistics.median(r[0] for r in check):.2f} | {statistics.median(r[1] for r in check):.2f} "
              f"| {statistics.median(r[0] for r in build):.2f} | {statistics.median(r[1] for r in build):.2f} "
              f"| {'/'.join(map(str, sorted(code)))} | {check[0][3].replace('|', '¦')} |", flush=True)


if __name__ == "__main__":
    main()
