"""The scale benchmark: build synthetic plans 1×, 10× and 100× the size of the default plan.

For each size, in one run: the time of each generator phase (load+validate, render, write) and of
MkDocs, pages per second, peak memory, the search index per language (raw and gzipped), the HTML
of a goal page, the whole site, and the bytes a reader's first page view transfers (gzipped),
measured in headless Chromium. Each size builds in a fresh process, so that its peak memory is its own.

Usage: .venv/bin/python bench/scale.py [--sizes 1 10 100] [--plan plan]
Figures go to bench/RESULTS.md with the command and the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Clock:
    """Wall-clock and CPU seconds of each named phase. The machine may be shared: CPU time is the
    steadier figure, wall clock the one a user waits for."""

    def __init__(self) -> None:
        self.phases: dict[str, dict[str, float]] = {}

    def __call__(self, name: str):
        clock = self

        class _Phase:
            def __enter__(self):
                self.wall, self.cpu = time.perf_counter(), time.process_time()

            def __exit__(self, *exc):
                clock.phases[name] = {"wall": time.perf_counter() - self.wall, "cpu": time.process_time() - self.cpu}

        return _Phase()


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # what a web server sends with default settings


def _tree_bytes(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.rglob("*") if path.is_file())


def build_one(plan_dir: Path, out: Path) -> dict:
    """Build `plan_dir` into `out`, phase by phase, in this process; return the figures."""
    from generator.prepare.site import prepare_directory
    from generator.publish.build import assemble, build_languages, write_sources
    from generator.render.markdown_site import render_site

    clock = Clock()
    work = out / "work"
    with clock("load+validate"):  # and prepare: dates, assessments, open data, coverage
        prepared = prepare_directory(plan_dir)
    with clock("render"):
        rendered = render_site(prepared)
    with clock("write"):
        configs = write_sources(rendered, prepared.plan, work, prepared.data_files, prepared.identity)
    with clock("mkdocs"):  # the languages side by side, in processes of their own (CPU: this process only)
        build_languages(configs)
        assemble(work, rendered)
    pages = sum(len(language.files) for language in rendered)
    return {"phases": clock.phases, "pages": pages, "pages_per_language": len(rendered[0].files),
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "languages": [result.language.code for result in rendered],
            "goal_page": _goal_page(rendered[0].files)}


def _goal_page(files: dict[str, str]) -> str:
    """The largest item page of the first document (in the default plan, a basic goal with its
    KPIs and projects): the page whose HTML should not grow with the plan."""
    first_document = next(path for path in files if path.count("/") == 1 and path != "index.md").split("/")[0]
    items = [path for path in files if path.startswith(first_document + "/") and path.count("/") == 2]
    return max(items, key=lambda path: len(files[path]))


def site_sizes(site: Path, languages: list[str], goal_page: str) -> dict:
    """Sizes a reader and a host see: search index per language, one goal page, the whole site."""
    indexes = {}
    for lang in languages:
        matches = [p for p in site.rglob("search/search_index.json")
                   if json.loads(p.read_text(encoding="utf-8"))["config"]["lang"] == [lang]]
        data = matches[0].read_bytes()
        indexes[lang] = {"raw": len(data), "gzip": _gzipped(data)}
    goal_html = (site / goal_page.replace(".md", ".html")).read_bytes()
    largest = max((p for p in site.rglob("*.html")), key=lambda p: p.stat().st_size)
    return {"search_index": indexes, "goal_page_html": len(goal_html), "goal_page_html_gzip": _gzipped(goal_html),
            "largest_page": [largest.relative_to(site).as_posix(), largest.stat().st_size],
            "site_bytes": _tree_bytes(site), "site_files": sum(1 for p in site.rglob("*") if p.is_file())}


def first_view(site: Path, page_path: str) -> dict:
    """Load one page in headless Chromium with an empty cache; sum what it fetched, gzipped.
    Requests made after the page has loaded count too (Material's search worker fetches its
    index then); the page is given 3 s of network quiet to make them."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from bench.search_quality import _serve

    server, base = _serve(site)
    fetched: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()

            def record(response):
                try:
                    fetched[response.url] = _gzipped(response.body())
                except Exception:  # a redirect or an aborted request has no body
                    fetched.setdefault(response.url, 0)

            context.on("response", record)
            page = context.new_page()
            page.goto(base + page_path, wait_until="networkidle")
            page.wait_for_timeout(3000)
            browser.close()
    finally:
        server.shutdown()
    return {"first_view_gzip": sum(fetched.values()),
            "first_view_files": {url.removeprefix(base): size for url, size in sorted(fetched.items())}}


def measure_size(factor: int, plan: Path) -> dict:
    from bench.synthetic_plan import make_synthetic_plan

    with tempfile.TemporaryDirectory() as tmp:
        plan_dir = make_synthetic_plan(plan, factor, Path(tmp) / "plan")
        figures = build_one(plan_dir, Path(tmp))
        site = Path(tmp) / "work" / "site"
        figures.update(site_sizes(site, figures["languages"], figures["goal_page"]))
        figures.update(first_view(site, figures["goal_page"].removesuffix("index.md")))
    figures["factor"] = factor
    return figures


def _table(results: list[dict]) -> str:
    phases = ["load+validate", "render", "write", "mkdocs"]
    lines = ["| size | pages/lang | " + " | ".join(f"{p} (s)" for p in phases) + " | total (s) | generator share "
             "| pages/s | peak memory (MiB) |",
             "| --- | ---: | " + "---: | " * len(phases) + "---: | ---: | ---: | ---: |"]
    for r in results:
        wall = {p: r["phases"][p]["wall"] for p in phases}
        total = sum(wall.values())
        generator = total - wall["mkdocs"]
        lines.append(f"| {r['factor']}× | {r['pages_per_language']} | "
                     + " | ".join(f"{wall[p]:.2f}" for p in phases)
                     + f" | {total:.1f} | {100 * generator / total:.1f} % | {r['pages'] / total:.0f} "
                     f"| {r['peak_rss_mib']:.0f} |")
    lines += ["", "CPU seconds (steadier on a shared machine):", "",
              "| size | " + " | ".join(phases) + " | generator share |", "| --- | " + "---: | " * (len(phases) + 1)]
    for r in results:
        cpu = {p: r["phases"][p]["cpu"] for p in phases}
        lines.append(f"| {r['factor']}× | " + " | ".join(f"{cpu[p]:.2f}" for p in phases)
                     + f" | {100 * (sum(cpu.values()) - cpu['mkdocs']) / sum(cpu.values()):.1f} % |")
    langs = results[0]["languages"]
    lines += ["", "| size | " + " | ".join(f"search index {lang}, raw / gzip (KiB)" for lang in langs)
              + " | goal page HTML (KB) | whole site (MB) | first page view, gzip (KiB) |",
              "| --- | " + "---: | " * (len(langs) + 3)]
    for r in results:
        index = " | ".join(f"{r['search_index'][lang]['raw'] / 1024:.0f} / {r['search_index'][lang]['gzip'] / 1024:.0f}"
                           for lang in langs)
        lines.append(f"| {r['factor']}× | {index} | {r['goal_page_html'] / 1000:.1f} | {r['site_bytes'] / 1e6:.1f} "
                     f"| {r['first_view_gzip'] / 1024:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--plan", type=Path, default=ROOT / "plan")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size, print JSON
    parser.add_argument("--json", type=Path, help="also write every figure, first-view files included, here")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_size(args.one, args.plan)))
        return
    results = []
    for factor in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(factor), "--plan", str(args.plan)],
                              capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            sys.exit(f"{factor}× failed:\n{done.stderr}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{factor}×: {sum(p['wall'] for p in results[-1]['phases'].values()):.1f} s", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(_table(results))


if __name__ == "__main__":
    main()
