"""Measure Japanese and English search on the built Kashiwa site, in headless Chromium.

For each query, print the rank of the page a reader wants (1 = first result, - = not found),
with Material's default Japanese separator and with Keikaku's. Needs /usr/bin/chromium.
Usage: .venv/bin/python bench/search_quality.py
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import languages
from generator.build import build_site
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler, search
from tests.browser.test_site import ENGLISH_QUERIES, JAPANESE_QUERIES

MATERIAL_DEFAULT_JA = "[\\s\\-　、。，．]+"  # Material 9.8.1's search.config.separator for ja


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    from playwright.sync_api import sync_playwright

    registry = languages.REGISTRY
    japanese = languages.default_language()
    sites = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, separator in (("Material default", MATERIAL_DEFAULT_JA), ("Keikaku", japanese.search_separator)):
            # The build reads the registry's records: swap in the Japanese record with this separator.
            languages.REGISTRY = tuple(replace(language, search_separator=separator) if language == japanese
                                       else language for language in registry)
            sites[name] = build_site(Path("plan"), Path(tmp) / name.replace(" ", "-")).out
        languages.REGISTRY = registry
        servers = {name: _serve(site) for name, site in sites.items()}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            print("| query | wanted page | " + " | ".join(f"rank, {name}" for name in sites) + " |")
            print("| --- | --- |" + " ---: |" * len(sites))
            for query, wanted, _ in JAPANESE_QUERIES + ENGLISH_QUERIES:
                path = "en/" if wanted.startswith("/en/") else ""
                ranks = []
                for name in sites:
                    results = search(page, servers[name][1], path, query)
                    ranks.append(str(results.index(wanted) + 1) if wanted in results else "-")
                print(f"| {query} | {wanted} | " + " | ".join(ranks) + " |")
            browser.close()
        for server, _ in servers.values():
            server.shutdown()


if __name__ == "__main__":
    main()
