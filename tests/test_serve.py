"""`serve` builds, serves on localhost, and rebuilds when the plan's YAML changes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 120.0) -> str:  # a loaded machine builds slowly
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_rebuilds_when_yaml_changes(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--plan", str(plan), "--out", str(tmp_path / "site"),
         "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/en/strategy/"
        assert "Mihon City Strategy" in _get(url)
        document = plan / "strategy.yaml"
        document.write_text(document.read_text(encoding="utf-8").replace(
            "en: Mihon City Strategy}", "en: Mihon City Strategy (revised)}", 1), encoding="utf-8")
        deadline = time.monotonic() + 30
        while "Mihon City Strategy (revised)" not in _get(url):
            assert time.monotonic() < deadline, "the site was not rebuilt after the YAML changed"
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=10)
