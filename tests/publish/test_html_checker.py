"""The Nu Html Checker (vnu.jar, tools/vnu/, run with Debian's Java) on every built page of every plan:
no error of Keikaku's own making; Material's known messages are listed, with their reasons, in
tests/publish/html_checker_known.yaml."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import PLANS, ROOT

VNU = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
KNOWN = yaml.safe_load((Path(__file__).parent / "html_checker_known.yaml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(
    (not VNU.is_file() or shutil.which("java") is None) and not os.environ.get("CI"),
    reason="the Nu Html Checker needs npm (make test installs it into tools/vnu/) and Java")


def _errors(*paths: Path) -> list[dict]:
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                           *map(str, paths)], capture_output=True, text=True, timeout=600)
    return json.loads(done.stderr)["messages"]


def _known(message: dict) -> bool:
    return any(message["message"].startswith(known["message"]) and known["extract"] in message.get("extract", "")
               for known in KNOWN)


def test_every_known_message_has_a_reason():
    assert all(known["message"] and known["extract"] and len(known["reason"]) > 80 for known in KNOWN)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_page_validates(built_sites, name):
    site = built_sites(name)
    pages = sorted(site.rglob("*.html"))
    assert pages
    unexpected = [f"{Path(message['url'].removeprefix('file:')).relative_to(site)}: {message['message']}"
                  for message in _errors(site) if not _known(message)]
    assert not unexpected, "\n".join(unexpected[:40])


def test_the_checker_finds_what_is_wrong(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="ja"><title>x</title><div markdown="0"><a href="//">x</a></div>',
                    encoding="utf-8")
    messages = [message["message"] for message in _errors(page)]
    assert any("“markdown” not allowed" in message for message in messages)
    assert any("Invalid host" in message for message in messages)
