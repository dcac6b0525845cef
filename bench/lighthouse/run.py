"""Lighthouse (npm, pinned in package-lock.json) on a built site served gzipped on loopback.

Builds the plan, serves the site as GitHub Pages does (gzip when the browser accepts it,
a short cache lifetime), and runs Lighthouse's mobile preset with Debian's Chromium on the home
page, a goal page (the first item page), the first document's overview page and the page of all
indicators, in every language. Prints one Markdown table: for each category, the median score of the
runs, and every run's performance score. One run is not a measurement: Lighthouse's own guidance on
variability is to run it several times (five by default here) and take the median.

Setup, once (no browser is downloaded: Lighthouse drives CHROME_PATH):
    cd bench/lighthouse && npm ci
    apt-get install fonts-noto-cjk   # a Japanese font, as every reader's phone has (Android's own)
Without a Japanese font, Chromium draws Japanese text as empty boxes after looking for a font glyph by
glyph: that is not what a reader sees, so the script refuses to measure it.
Usage:
    .venv/bin/python bench/lighthouse/run.py [--plan plan] [--json-dir /tmp/lighthouse] [--runs 5]
        [--desktop-omnibox] [--no-paint-holding] [--traces]

A phone's browser has no desktop toolbar. Chromium 156's desktop build draws its address bar's
suggestion popup as a web page in a renderer of its own (chrome://omnibox-popup.top-chrome), loaded
as the browser starts, even headless. On a two-core machine that renderer takes the CPU while the page
under test loads, and the first frame of the page then often reaches the screen a second late (see
"The one-second stall" in bench/RESULTS.md). The bench turns that popup off, as Chromium's own
feature switches allow; --desktop-omnibox keeps it, to compare. --no-paint-holding turns off Chromium's
paint holding (a diagnosis, not the recorded setting).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from generator.publish.build import build_site  # noqa: E402
from generator.languages import published_languages  # noqa: E402
from generator.load.plan import load_plan  # noqa: E402
from generator.render.pages import plan_pages, walk_pages  # noqa: E402

HERE = Path(__file__).resolve().parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
# The desktop address bar's popup, drawn in a WebUI renderer of its own (Chromium 156 feature names).
DESKTOP_OMNIBOX = ("WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for a client that accepts it, as GitHub Pages serves a site."""

    # Connections kept open, as GitHub Pages keeps them (it serves HTTP/2): the handler's default,
    # HTTP/1.0, opens a connection per file, and Lighthouse would simulate a slow-4G handshake for each.
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the directory's URL
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Cache-Control", "max-age=600")
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return _Body(data)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def _pages(plan) -> list[tuple[str, str]]:
    pages = list(walk_pages(plan_pages(plan)))
    first = {kind: next((p.path.removesuffix("index.md") for p in pages if p.kind == kind), None)
             for kind in ("home", "node", "document", "indicators")}
    # A goal page: the first item page that holds numerical targets or KPIs.
    first["node"] = next((p.path.removesuffix("index.md") for p in pages
                          if p.kind == "node" and (p.subject.targets or p.subject.kpis)), first["node"])
    names = {"home": "home", "node": "goal page", "document": "overview (document)", "indicators": "all indicators"}
    return [(names[kind], path) for kind, path in first.items() if path is not None]


def chrome_flags(desktop_omnibox: bool = False, paint_holding: bool = True) -> str:
    disabled = ([] if desktop_omnibox else list(DESKTOP_OMNIBOX)) + ([] if paint_holding else ["PaintHolding"])
    # One --disable-features switch: Chromium reads only the last one given.
    return CHROME_FLAGS + (f" --disable-features={','.join(disabled)}" if disabled else "")


def lighthouse(url: str, out: Path, flags: str, traces: bool = False) -> dict:
    subprocess.run(
        [str(HERE / "node_modules" / ".bin" / "lighthouse"), url, "--quiet", "--output=json",
         f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
         *(["--save-assets"] if traces else []), f"--chrome-flags={flags}"],
        check=True, env={**os.environ, "CHROME_PATH": CHROME})
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = [audit["id"] for audit in report["audits"].values()
               if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"]
    scores["failing"] = failing
    # Total blocking time and Lighthouse's own measure of the machine's speed, which varies on a
    # shared machine and moves blocking time with it: the scores are read beside both.
    scores["blocking"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    scores["cpu"] = report["environment"]["benchmarkIndex"]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plan", default="plan")
    parser.add_argument("--json-dir", default=None, help="keep the Lighthouse reports here")
    parser.add_argument("--runs", type=int, default=5, help="runs of each page: the median is recorded, each run shown")
    parser.add_argument("--desktop-omnibox", action="store_true",
                        help="keep the desktop address bar's popup renderer (Chromium's default; to compare)")
    parser.add_argument("--no-paint-holding", dest="paint_holding", action="store_false",
                        help="turn Chromium's paint holding off (a diagnosis, not the recorded setting)")
    parser.add_argument("--traces", action="store_true", help="keep each run's trace beside its report")
    args = parser.parse_args()
    fonts = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True, check=False).stdout
    if not fonts.strip():
        sys.exit("no Japanese font on this machine (fc-list :lang=ja): install one, e.g. apt-get install fonts-noto-cjk")
    plan_dir = (ROOT / args.plan).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(plan_dir, site)
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), lambda *a, **k: GzipHandler(*a, directory=str(site), **k))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        reports = Path(args.json_dir or tmp)
        reports.mkdir(parents=True, exist_ok=True)
        plan = load_plan(plan_dir).plan
        flags = chrome_flags(args.desktop_omnibox, args.paint_holding)
        print(f"Chromium: {CHROME} {flags}\n")
        print("| page | language | performance (median) | accessibility | best practices | SEO | performance, each run "
              "| blocking time (ms), each run | CPU benchmark (median) | failing audits |")
        print("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |")
        for name, path in _pages(plan):
            for language in published_languages(plan.root.languages):
                url = base + language.url_prefix + path
                stem = f"{(language.url_prefix + path).strip('/').replace('/', '_') or 'home'}-{language.code}"
                runs = [lighthouse(url, reports / f"{stem}-{run + 1}.json", flags, args.traces)
                        for run in range(args.runs)]
                median = {key: round(statistics.median(s[key] for s in runs)) for key in CATEGORIES}
                failing = sorted({audit for s in runs for audit in s["failing"]})
                print(f"| {name} (`/{language.url_prefix}{path}`) | {language.code} | "
                      + " | ".join(str(median[key]) for key in CATEGORIES)
                      + f" | {', '.join(str(s['performance']) for s in runs)}"
                      + f" | {', '.join(str(s['blocking']) for s in runs)}"
                      + f" | {round(statistics.median(s['cpu'] for s in runs))} | {', '.join(failing) or '—'} |",
                      flush=True)
        server.shutdown()


if __name__ == "__main__":
    main()
