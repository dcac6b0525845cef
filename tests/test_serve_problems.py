"""`make serve` shows the plan's problems in the browser until they are fixed; a taken port gets a clear message."""

from __future__ import annotations

import html
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_serve import _free_port

STARTUP = 180.0  # seconds: the first build of a loaded CI machine can be slow


def _page(url: str, timeout: float = STARTUP) -> str:
    """The page at `url`, whatever its status (the problem page answers 500), once the server answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _wait_for(url: str, text: str, what: str, timeout: float = STARTUP) -> str:
    deadline = time.monotonic() + timeout
    while True:
        page = _page(url)
        if text in page:
            return page
        assert time.monotonic() < deadline, what
        time.sleep(0.5)


def test_make_serve_shows_the_plans_problems_in_the_browser_until_they_are_fixed(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    port = _free_port()
    process = subprocess.Popen(
        # VENV: the environment running the tests, so a copy of the repository (the fork test) installs nothing.
        ["make", "--no-print-directory", "serve", f"PORT={port}", f"PLAN={plan}", f"OUT={tmp_path / 'site'}",
         f"VENV={Path(sys.executable).parent.parent}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/en/strategy/"
        assert "Mihon City Strategy" in _page(url)
        good = (plan / "plan.yaml").read_text(encoding="utf-8")
        # A mistake whose message quotes the editor's text, markup included: it must show as text.
        (plan / "plan.yaml").write_text(good + '"<b>notes</b>": 1\n', encoding="utf-8")
        check = subprocess.run([sys.executable, "-m", "generator", "check", "--plan", str(plan)], cwd=ROOT,
                               capture_output=True, text=True)
        messages = check.stderr.splitlines()[:-1]
        assert messages and "<b>notes</b>" in messages[0]
        page = _wait_for(url, "problems", "the browser was not shown the plan's problems")
        for message in messages:
            assert html.escape(message) in page
        assert "<b>notes</b>" not in page
        assert "livereload" in page  # so that the fix below reloads the page by itself
        (plan / "plan.yaml").write_text(good, encoding="utf-8")
        _wait_for(url, "Mihon City Strategy", "the site did not come back after the fix")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


PORT_IN_USE = {
    "en": "error: port {port} on 127.0.0.1 is already in use (is another `make serve` running?); "
          "stop it, or choose another port, e.g. `make serve PORT={next}` or `--port {next}`\n",
    "ja": "エラー: 127.0.0.1 のポート {port} は使用中です（別の `make serve` が動いていませんか）。"
          "それを止めるか、別のポートを指定してください。例: `make serve PORT={next}` または `--port {next}`\n",
}


@pytest.mark.parametrize("lang", sorted(PORT_IN_USE))
def test_a_port_in_use_gets_a_clear_message_in_the_editors_language_and_no_build(tmp_path, lang):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--plan", str(ROOT / "tests" / "data" / "minimal"),
             "--out", str(tmp_path / "site"), "--port", str(port), "--lang", lang],
            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == PORT_IN_USE[lang].format(port=port, next=port + 1)
    assert not (tmp_path / "site").exists()
