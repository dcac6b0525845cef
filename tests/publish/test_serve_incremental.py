"""`serve` rebuilds only what an edit changed (generator/publish/serve.py's Preview), and stays right."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.messages import Message
from generator.publish.serve import Preview
from tests.conftest import ROOT


def _mtimes(directory: Path, pattern: str) -> dict[str, int]:
    return {path.relative_to(directory).as_posix(): path.stat().st_mtime_ns for path in directory.rglob(pattern)}


def _index_pages(index_file: Path) -> set[str]:
    return {doc["location"].split("#")[0] for doc in json.loads(index_file.read_text(encoding="utf-8"))["docs"]}


def _preview(tmp_path: Path) -> tuple[Preview, Path, Path]:
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", plan)
    (tmp_path / "work").mkdir()
    preview = Preview(plan, tmp_path / "site", tmp_path / "work")
    assert preview.rebuild().code == "serve.built"
    return preview, plan, tmp_path / "site"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_to_one_text_rebuilds_only_the_pages_that_show_it(tmp_path):
    preview, plan, site = _preview(tmp_path)
    docs_before = _mtimes(tmp_path / "work" / "docs", "*.md")
    html_before = _mtimes(site, "*.html")
    index_before = _index_pages(site / "en" / "search" / "search_index.json")

    _edit(plan / "strategy.yaml", "We aim to be the city families choose.", "We aim to be the city families choose first.")
    message = preview.rebuild()

    docs_after = _mtimes(tmp_path / "work" / "docs", "*.md")
    # The open-data page lists the size of plan.json, which every edit changes, in every language.
    rewritten = {path for path in docs_after if docs_after[path] != docs_before[path]
                 and not path.endswith("data/index.md")}
    assert rewritten and all(path.startswith("en/") for path in rewritten)
    assert len(rewritten) < len(docs_after) / 4
    assert message == Message("serve.rebuilt", {"count": len(rewritten) + 2})  # and the two open-data pages
    html_after = _mtimes(site, "*.html")
    # A language whose open-data page changed is rebuilt, and MkDocs rewrites its 404 page with it.
    changed_html = {path for path in html_after if html_after[path] != html_before[path]
                    and not path.endswith(("data/index.html", "404.html"))}
    assert not [path for path in changed_html if not path.startswith("en/")]  # Japanese pages untouched
    pages = [site / "en" / path.removeprefix("en/").replace(".md", ".html") for path in rewritten]
    assert any("the city families choose first." in page.read_text(encoding="utf-8") for page in pages)
    index = site / "en" / "search" / "search_index.json"
    assert _index_pages(index) == index_before  # every page is still found by search
    assert "choose first" in index.read_text(encoding="utf-8")
    assert preview.rebuild() == Message("serve.nothing_changed")


def test_a_new_title_rebuilds_every_page_that_lists_it(tmp_path):
    preview, plan, site = _preview(tmp_path)
    _edit(plan / "strategy.yaml", "en: A city where raising children is easy}", "en: A city where raising children is easier}")
    assert preview.rebuild().code == "serve.built"
    # The document page, not edited itself, names the item by its new title in its navigation.
    assert "raising children is easier" in (site / "en" / "strategy" / "index.html").read_text(encoding="utf-8")
