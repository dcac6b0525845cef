"""`serve` builds, serves on localhost, and rebuilds when the plan's YAML changes."""

from __future__ import annotations

import shutil
import sys
import time

from tests.conftest import ROOT
from tests.servers import free_port, page, start


def test_serve_rebuilds_when_yaml_changes(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    port = free_port()
    process = start([sys.executable, "-m", "generator", "serve", "--plan", str(plan), "--out", str(tmp_path / "site"),
                     "--port", str(port)], tmp_path / "serve.log", cwd=ROOT)
    try:
        url = f"http://127.0.0.1:{port}/en/strategy/"
        assert "Mihon City Strategy" in page(url, process=process)
        document = plan / "strategy.yaml"
        document.write_text(document.read_text(encoding="utf-8").replace(
            "en: Mihon City Strategy}", "en: Mihon City Strategy (revised)}", 1), encoding="utf-8")
        deadline = time.monotonic() + 30
        while "Mihon City Strategy (revised)" not in page(url, process=process):
            assert time.monotonic() < deadline, "the site was not rebuilt after the YAML changed"
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=10)
