"""Golden files: the Markdown rendered for a small plan and a real one, in both languages.

The test plan's golden files are product tests. Those of the example plan shipped in examples/ are
content: they are compared only while that plan is present (a fork may delete examples/).
Run `make golden` (pytest --update-golden) to rewrite them after an intended change, and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.plan import load_plan
from generator.render.markdown_site import render_site
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
PLANS = {name: path for name, path in {"minimal": ROOT / "tests" / "data" / "minimal",
                                       "kashiwara": ROOT / "examples" / "kashiwara"}.items() if path.is_dir()}


def _rendered(name: str) -> dict[str, str]:
    files = {}
    for language in render_site(load_plan(PLANS[name]).plan):
        for path, text in language.files.items():
            files[f"{language.lang}/{path}"] = text
    return files


@pytest.mark.parametrize("name", sorted(PLANS))
def test_rendered_markdown_matches_golden(name, update_golden):
    rendered = _rendered(name)
    root = GOLDEN / name
    if update_golden:
        for old in root.rglob("*.md"):
            old.unlink()
        for path, text in rendered.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*.md")}
    assert sorted(rendered) == sorted(expected), "pages added or removed: run `make golden` and review"
    for path, text in rendered.items():
        assert text == expected[path], f"{path} differs from its golden file: run `make golden` and review"


def test_rendering_is_deterministic():
    def rendered():
        return [language.files for language in render_site(load_plan(ROOT / "plan").plan)]
    assert rendered() == rendered()
