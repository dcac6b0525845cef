"""Measure search on the built sites of every plan that has a search_queries.yaml, in headless Chromium.

Each plan's queries live beside it in `search_queries.yaml` (content: written from the source
document's wording, not from the pages). Each query is typed into the real search box of the built
site; the bench prints the rank of the page the reader wants (1 = first result, - = not found), the
share of queries whose page comes first and within the first five, and the mean reciprocal rank.
It also counts result sections shown without a title and one-character words shown as "not in search".
Needs /usr/bin/chromium.
Usage: .venv/bin/python bench/search_quality.py [--plans plan musashino …] [--show]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.publish.build import build_site
from generator.languages import by_code
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler, search
from tests.plans import PLANS, PLANS_WITH_SEARCH_QUERIES, BenchQuery, search_queries

# What the results show besides the pages: sections without a title, and the words "not in search".
_SHOWN = """() => ({
  untitled: [...document.querySelectorAll('.md-search-result__article')]
    .filter(a => !(a.querySelector('h1, h2')?.textContent || '').trim()).length,
  missing: [...document.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent),
})"""


@dataclass
class Ranked:
    plan: str
    query: BenchQuery
    rank: int | None  # 1-based; None: not among the results
    first: list[str]  # the first results, for --show
    untitled: int
    one_char_missing: list[str]


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _prefix(lang: str) -> str:
    return by_code(lang).url_prefix


def rank_queries(page, base_url: str, plan: str) -> list[Ranked]:
    ranked = []
    for query in search_queries(plan).queries:
        prefix = _prefix(query.lang)
        results = search(page, base_url, prefix, query.query)
        wanted = f"/{prefix}{query.page}"
        shown = page.evaluate(_SHOWN)
        ranked.append(Ranked(plan, query, results.index(wanted) + 1 if wanted in results else None, results[:3],
                             shown["untitled"], sorted({word for word in shown["missing"] if len(word) == 1})))
    return ranked


def summary(ranked: list[Ranked]) -> str:
    n = len(ranked)
    first = sum(1 for r in ranked if r.rank == 1)
    top5 = sum(1 for r in ranked if r.rank is not None and r.rank <= 5)
    mrr = sum(1 / r.rank for r in ranked if r.rank) / n if n else 0.0
    return (f"{n} queries: first {first}/{n} = {100 * first / n:.1f} %, top 5 {top5}/{n} = {100 * top5 / n:.1f} %, "
            f"MRR {mrr:.3f}" if n else "no queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", nargs="*", default=PLANS_WITH_SEARCH_QUERIES, help="plans to measure")
    parser.add_argument("--show", action="store_true", help="print the first results of queries not ranked first")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    ranked: list[Ranked] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for plan in args.plans:
            site = build_site(PLANS[plan], Path(tmp) / plan).out
            server, base_url = _serve(site)
            ranked += rank_queries(page, base_url, plan)
            server.shutdown()
        browser.close()
    print("| plan | query | about | wanted page | rank |")
    print("| --- | --- | --- | --- | ---: |")
    for r in ranked:
        print(f"| {r.plan} | {r.query.query} | {r.query.about} | /{_prefix(r.query.lang)}{r.query.page} | "
              f"{r.rank or '-'} |")
    print()
    for plan in args.plans:
        print(f"- {plan}: {summary([r for r in ranked if r.plan == plan])}")
    print(f"- all: {summary(ranked)}")
    untitled = sum(r.untitled for r in ranked)
    fragments = sorted({f"{r.query.query}: {word}" for r in ranked for word in r.one_char_missing})
    print(f"- result sections without a title: {untitled}; one-character words 'not in search': "
          f"{len(fragments)} {fragments}")
    if args.show:
        print()
        for r in ranked:
            if r.rank != 1:
                print(f"{r.plan} {r.query.query!r} rank {r.rank}: {r.first}")


if __name__ == "__main__":
    main()
