"""How long `serve` takes to show an edit: from writing a YAML file to the new text in the browser.

Starts `python -m generator serve` on a copy of the plan, opens the first document's page in
headless Chromium (with MkDocs' live-reload script, as a writer's browser), then edits that
document's YAML and waits until the reloaded page shows the new text. Two kinds of edit:
- a prose text (the document's English summary): only the pages showing it are rebuilt;
- a title (the document's English short title, which every page's navigation shows): the whole site.

Usage: .venv/bin/python bench/serve_latency.py [--plan plan] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import re
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_server(url: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def measure(plan: Path, repeat: int) -> dict[str, list[tuple[float, float, float]]]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "plan"
        shutil.copytree(plan, copy)
        root = yaml.safe_load((copy / "plan.yaml").read_text(encoding="utf-8"))
        document_file = copy / root["documents"][0]
        document = yaml.safe_load(document_file.read_text(encoding="utf-8"))
        # One rewrite before measuring, so that later edits change only the text they mean to.
        document_file.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000),
                                 encoding="utf-8")
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--plan", str(copy),
                                   "--out", str(Path(tmp) / "site"), "--port", str(port), "--lang", "en"],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        reports: list[str] = []  # serve's "rebuilt … in X s (CPU Y s)" lines
        threading.Thread(target=lambda: reports.extend(server.stdout), daemon=True).start()
        url = f"http://127.0.0.1:{port}/en/{document['id']}/"
        results: dict[str, list[tuple[float, float, float]]] = {"prose text (summary)": [], "title (navigation)": []}
        try:
            _wait_for_server(url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url, wait_until="load")
                summary, title = document["summary"]["en"], document.get("short_title", document["title"])["en"]
                edited = dict(document)  # each edit changes one text and keeps the earlier edits
                for run in range(repeat):
                    for kind, key in (("prose text (summary)", "summary"), ("title (navigation)", "short_title")):
                        marker = f"Edit{run}{key.replace('_', '')}"
                        if key == "summary":
                            edited["summary"] = {**document["summary"], "en": f"{summary.rstrip()} {marker}\n"}
                        else:
                            edited["short_title"] = {**document.get("short_title", document["title"]),
                                                     "en": f"{title} {marker}"}
                        text = yaml.safe_dump(edited, allow_unicode=True, sort_keys=False, width=1000)
                        time.sleep(1.0)  # let the server settle after the last rebuild
                        start, seen = time.perf_counter(), len(reports)
                        document_file.write_text(text, encoding="utf-8")
                        page.wait_for_function("m => document.body && document.body.innerText.includes(m)",
                                               arg=marker, timeout=120000, polling=10)
                        visible = time.perf_counter() - start
                        while len(reports) == seen:
                            time.sleep(0.05)
                        report = re.search(r"in ([0-9.]+) s \(CPU ([0-9.]+) s\)", reports[-1])
                        results[kind].append((visible, float(report[1]), float(report[2])))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=ROOT / "plan")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    results = measure(args.plan, args.repeat)
    print("| edit | write → visible, median (s) | fastest (s) | slowest (s) | rebuild, wall, median (s) "
          "| rebuild, CPU, median (s) | runs |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind, runs in results.items():
        times = [visible for visible, _, _ in runs]
        print(f"| {kind} | {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} "
              f"| {statistics.median(wall for _, wall, _ in runs):.2f} "
              f"| {statistics.median(cpu for _, _, cpu in runs):.2f} | {len(runs)} |")


if __name__ == "__main__":
    main()
