"""The plan's history for citizens, from git: a test plan committed three times, the third changing a
target with a `revision:` note. The item's page, the site-wide page and the Atom feed show the change,
with its date and its reason, in both languages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from html import unescape
from pathlib import Path

import pytest

from generator.prepare.history import plan_history
from generator.publish.build import build_site
from tests.conftest import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"
TARGET_LINE = "            target: {value: 34000, unit: people}\n"
REVISED = ("            target: {value: 36000, unit: people}\n"
           "            revision:\n"
           "              date: 2023-04\n"
           "              reason: {ja: 令和5年度中間見直し, en: FY2023 mid-term review}\n")


def _commit(repo: Path, day: str, message: str) -> None:
    env = {"PATH": os.environ["PATH"], "HOME": str(repo), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
           "GIT_AUTHOR_DATE": f"{day}T10:00:00+09:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+09:00"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


@pytest.fixture(scope="module")
def history_site(tmp_path_factory):
    repo = tmp_path_factory.mktemp("history-repo")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    plan = repo / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    _commit(repo, "2024-04-01", "the plan as adopted")
    (plan / "facts.yaml").write_text("# notes for the tests, which no page is built from\n", encoding="utf-8")
    _commit(repo, "2024-10-01", "tests only")
    strategy = plan / "strategy.yaml"
    text = strategy.read_text(encoding="utf-8")
    assert TARGET_LINE in text
    strategy.write_text(text.replace(TARGET_LINE, REVISED, 1), encoding="utf-8")
    _commit(repo, "2025-05-20", "mid-term review")
    return plan, build_site(plan, repo / "site").out


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_history_holds_the_one_change_with_its_date_and_reason(history_site):
    plan, _ = history_site
    entries = plan_history(plan)
    assert [(entry.day.isoformat(), entry.item.id, entry.kind) for entry in entries] == \
        [("2025-05-20", "hub-users", "changed")]
    assert entries[0].revision.reason.ja == "令和5年度中間見直し"


@pytest.mark.parametrize(("prefix", "words"), [
    ("", ["改訂履歴", "2025年（令和7年）5月20日", "34,000人 → 36,000人", "理由: 令和5年度中間見直し（2023-04）"]),
    ("en/", ["Revision history", "May 20, 2025", "34,000 people → 36,000 people",
             "Reason: FY2023 mid-term review (2023-04)"]),
])
def test_the_items_page_and_the_site_wide_page_show_the_change(history_site, prefix, words):
    _, site = history_site
    item_page = (site / prefix / "strategy" / "basic-goal-1" / "index.html").read_text(encoding="utf-8")
    section = item_page[item_page.index('id="revision_history"'):]
    shown = _text(section)
    for word in words[1:]:
        assert word in shown, word
    assert words[0] in _text(item_page[:item_page.index('id="revision_history"') + 200])
    history = (site / prefix / "history" / "index.html").read_text(encoding="utf-8")
    listing = _text(history[history.index('class="kk-history"'):])
    assert all(word in listing for word in words[1:])
    # …linked to the item on its page.
    assert re.search(r'<a href="\.\./strategy/basic-goal-1/#hub-users">', history)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_language_has_a_valid_atom_feed_of_the_changes(history_site, prefix):
    _, site = history_site
    feed = ElementTree.parse(site / prefix / "history" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):  # RFC 4287 §4.1.1: required of a feed…
        assert (feed.find(f"{ATOM}{name}").text or "").strip()
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    (entry,) = feed.findall(f"{ATOM}entry")
    for name in ("id", "title", "updated"):  # …and of each entry
        assert (entry.find(f"{ATOM}{name}").text or "").strip()
    assert feed.find(f"{ATOM}updated").text == entry.find(f"{ATOM}updated").text == "2025-05-20T00:00:00Z"
    assert entry.find(f"{ATOM}id").text.startswith("urn:uuid:")
    link = entry.find(f"{ATOM}link").get("href")
    assert link == "../strategy/basic-goal-1/#hub-users"  # resolved against the feed's own address
    assert ("36,000" in entry.find(f"{ATOM}summary").text)


def test_without_git_history_the_page_says_so_and_there_is_no_feed(built_sites):
    site = built_sites("new")  # a plan just written by `generator new`, never committed
    page = (site / "history" / "index.html").read_text(encoding="utf-8")
    assert "記録された変更はありません" in _text(page)
    assert not (site / "history" / "feed.xml").exists()
