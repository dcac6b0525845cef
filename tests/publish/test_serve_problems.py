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
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import STARTUP, free_port, start, wait_for
from tests.servers import page as _page

def test_make_serve_shows_the_plans_problems_in_the_browser_until_they_are_fixed(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    port = free_port()
    process = start(
        # VENV: the environment running the tests, so that `make` installs nothing.
        ["make", "--no-print-directory", "serve", f"PORT={port}", f"PLAN={plan}", f"OUT={tmp_path / 'site'}",
         f"VENV={Path(sys.executable).parent.parent}"], tmp_path / "serve.log", cwd=ROOT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/en/strategy/"
        assert "Mihon City Strategy" in _page(url, process=process)
        good = (plan / "plan.yaml").read_text(encoding="utf-8")
        # A mistake whose message quotes the editor's text, markup included: it must show as text.
        (plan / "plan.yaml").write_text(good + '"<b>notes</b>": 1\n', encoding="utf-8")
        check = subprocess.run([sys.executable, "-m", "generator", "check", "--plan", str(plan)], cwd=ROOT,
                               capture_output=True, text=True)
        messages = check.stderr.splitlines()[:-1]
        assert messages and "<b>notes</b>" in messages[0]
        page = wait_for(url, "problems", "the browser was not shown the plan's problems", process=process)
        for message in messages:
            assert html.escape(message) in page
        assert "<b>notes</b>" not in page
        assert "livereload" in page  # so that the fix below reloads the page by itself
        (plan / "plan.yaml").write_text(good, encoding="utf-8")
        wait_for(url, "Mihon City Strategy", "the site did not come back after the fix", process=process)
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


def test_a_server_that_stops_fails_its_test_at_once_instead_of_being_waited_for(tmp_path):
    # The output directory is refused, so the server stops before it serves: the wait ends when it does.
    (tmp_path / "not-a-site").mkdir()
    (tmp_path / "not-a-site" / "notes.txt").write_text("mine", encoding="utf-8")
    process = start([sys.executable, "-m", "generator", "serve", "--plan", str(ROOT / "tests" / "data" / "minimal"),
                     "--out", str(tmp_path / "not-a-site"), "--port", str(free_port())], tmp_path / "serve.log", cwd=ROOT)
    started = time.monotonic()
    with pytest.raises(pytest.fail.Exception, match="the server stopped"):
        _page("http://127.0.0.1:1/", process=process)
    assert time.monotonic() - started < 60 < STARTUP
    process.wait(timeout=10)
