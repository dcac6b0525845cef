"""The pages are made before the engine runs: a build with no MkDocs hook at all gives the same site.

Open Graph, JSON-LD, the printed margins, the glossary's term links and the line breaks search needs
are written by the render phase into each page's Markdown and front matter (generator/render/), which
any engine reading `mkdocs.yml`, the theme's `custom_dir` and the Markdown builds alike. The one hook
left (generator/publish/hooks/theme_templates.py) only keeps the theme's compiled templates between
builds, for speed; without it, every byte of the site is the same.
"""

from __future__ import annotations

import pytest

from generator.publish import mkdocs_config
from generator.publish.build import build_site
from tests.plans import PLANS


def _files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("name", ["plan", "easy_japanese"])
def test_a_build_without_hooks_is_the_same_site(built_sites, name, tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_config, "HOOKS", [])
    bare = _files(build_site(PLANS[name], tmp_path / "site").out)
    with_hooks = _files(built_sites(name))
    assert sorted(bare) == sorted(with_hooks)
    different = [path for path in bare if bare[path] != with_hooks[path]]
    assert different == []
    home = bare["index.html"].decode("utf-8")
    for made_by_render in ('property="og:title"', 'application/ld+json', 'id="kk-print-page"'):
        assert made_by_render in home


def test_without_hooks_the_term_links_are_there(tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_config, "HOOKS", [])
    site = build_site(PLANS["minimal"], tmp_path / "site").out
    goal = (site / "strategy" / "basic-goal-1" / "index.html").read_text(encoding="utf-8")
    assert 'class="kk-term" href="../../glossary/#' in goal


def test_only_the_hooks_that_need_the_engine_remain():
    assert [hook.name for hook in mkdocs_config.HOOKS] == ["theme_templates.py"]
