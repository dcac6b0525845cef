"""Fast guards on what site_overrides/ takes from Material: they fail when a Material update changes it.

main.html removes Material's own `<link rel="alternate">` tags by matching their exact markup, and
writes its own with rel=" alternate" (a leading space), which Material's script, selecting exactly
`link[rel=alternate]`, leaves alone. A forked partial names the Material version and file it came
from, with that file's hash: when Material changes the file, the fork must be reviewed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from importlib.resources import files

import pytest

from generator.resources import OVERRIDES_DIR, TEMPLATES_DIR

MATERIAL = files("material") / "templates"
_FORK_HEADER = re.compile(r"Forked from Material for MkDocs (?P<version>[\d.]+), (?P<path>\S+)\s+\(sha256 (?P<sha>[0-9a-f]{64})")


def _material(path: str) -> str:
    return (MATERIAL / path).read_text(encoding="utf-8")


def _hashed_asset(folder: str, name: str, suffix: str) -> str:
    """The text of Material's one asset named `<name>.<hash>.min.<suffix>` in `assets/<folder>`."""
    found = [entry for entry in (MATERIAL / "assets" / folder).iterdir()
             if re.fullmatch(rf"{name}\.[0-9a-f]+\.min\.{suffix}", entry.name)]
    assert len(found) == 1, found
    return found[0].read_text(encoding="utf-8")


def _bundle() -> str:
    return _hashed_asset("javascripts", "bundle", "js")


def test_main_html_matches_materials_alternate_links():
    # The markup main.html's `replace` rebuilds for each alternate, then removes from the theme's head.
    main = (OVERRIDES_DIR / "main.html").read_text(encoding="utf-8")
    assert """'<link rel="alternate" href="' ~ (alt.link | url) ~ '" hreflang="' ~ alt.lang ~ '">'""" in main
    assert ("""<link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t('language')) }}">"""
            in _material("base.html")), "Material's alternate <link> changed: update the replace in main.html"


def test_blocks_that_main_html_overrides_exist():
    base = _material("base.html")
    main = (OVERRIDES_DIR / "main.html").read_text(encoding="utf-8")
    assert '{% extends "base.html" %}' in main
    for block in re.findall(r"{%\s*block\s+(\w+)", main):
        assert re.search(rf"{{%\s*block\s+{block}\s*%}}", base), f"Material's base.html has no block {block}"
        assert "super()" in main.split(f"block {block}", 1)[1].split("endblock", 1)[0], block


def test_materials_script_selects_alternates_exactly():
    selectors = set(re.findall(r"\[rel\s*[~|^$*]?=\s*[\"']?alternate[\"']?\]", _bundle()))
    # Only exact matches: rel=" alternate" (our page-level links) must not be picked up.
    assert selectors == {"[rel=alternate]"}, selectors
    assert '"link[rel=alternate]"' in _bundle()


def test_header_includes_the_language_switcher_partial():
    assert re.search(r'{%\s*if config\.extra\.alternate\s*%}\s*{%\s*include "partials/alternate\.html"\s*%}',
                     _material("partials/header.html"))


def test_switcher_markup_exists_in_materials_stylesheet():
    css = "".join(entry.read_text(encoding="utf-8") for entry in (MATERIAL / "assets" / "stylesheets").iterdir()
                  if re.fullmatch(r"main\.[0-9a-f]+\.min\.css", entry.name))
    partial = (OVERRIDES_DIR / "partials" / "alternate.html").read_text(encoding="utf-8")
    classes = set(re.findall(r"\bmd-[a-z_-]+", partial))
    assert classes and all(f".{name}" in css for name in classes), classes - {c for c in classes if f".{c}" in css}
    for key in re.findall(r"lang\.t\('([^']+)'\)", partial):
        assert f'"{key}"' in _material("partials/languages/en.html"), key


@pytest.mark.parametrize("fork", sorted(p.relative_to(OVERRIDES_DIR).as_posix()
                                        for p in (OVERRIDES_DIR / "partials").rglob("*.html")))
def test_forked_partials_name_the_material_file_they_came_from(fork):
    header = _FORK_HEADER.search((OVERRIDES_DIR / fork).read_text(encoding="utf-8"))
    assert header, f"{fork}: name the Material version, file and its sha256 it was forked from"
    installed = importlib.metadata.version("mkdocs-material")
    assert header["version"] == installed, f"{fork} came from Material {header['version']}; {installed} is installed"
    upstream = hashlib.sha256((MATERIAL / header["path"]).read_bytes()).hexdigest()
    assert upstream == header["sha"], f"Material's {header['path']} changed since {fork} was forked: review the fork"


# Keikaku's tables (class kk-grid) come wrapped at build time as Material's script wraps a table without
# a class, and keikaku.css gives them Material's rules for such tables. Both hold only while Material
# keys its script and its styles to `table:not([class])` and uses these wrappers.
def _css_rules(css: str, media: bool = False) -> dict[str, str]:
    """Selector → declarations of a stylesheet's plain rules (outside @media), normalised for comparison."""
    if not media:
        css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)

    def norm(text: str) -> str:
        return re.sub(r"\s+", "", re.sub(r"(?<![\w.])0(?=\.\d)", "", text))

    return {norm(selector): norm(body).rstrip(";") for selector, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", css)}


def _material_css() -> str:
    return _hashed_asset("stylesheets", "main", "css")


def test_materials_script_wraps_only_tables_without_a_class_in_the_wrappers_keikaku_writes():
    bundle = _bundle()
    assert bundle.count("table:not([class])") == 1, "Material now finds tables another way: re-check kk-grid"
    assert re.search(r'\{class:"md-typeset__scrollwrap"\},\w+\("div",\{class:"md-typeset__table"\}', bundle)
    macro = TEMPLATES_DIR / "partials" / "grid_table.j2.md"
    assert ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="kk-grid"'
            in macro.read_text(encoding="utf-8"))
    # Every table a template writes goes through that one macro.
    writers = [path for path in TEMPLATES_DIR.rglob("*.j2.md") if "<table" in path.read_text(encoding="utf-8")]
    assert writers == [macro]


def test_kk_grid_tables_have_materials_rules_for_tables_without_a_class():
    theirs = {selector.replace("table:not([class])", "table.kk-grid"): body
              for selector, body in _css_rules(_material_css()).items() if "table:not([class])" in selector}
    ours = _css_rules((OVERRIDES_DIR / "assets" / "stylesheets" / "keikaku.css").read_text(encoding="utf-8"))
    assert len(theirs) >= 8, theirs  # the table itself, its cells, rows, hover, links
    for selector, body in theirs.items():
        assert ours.get(selector) == body, f"keikaku.css: {selector} should be {{{body}}} as in Material"
    # The wrapper's rules apply to any table inside it, with a class or without.
    assert "html.md-typeset__tabletable" in _css_rules(_material_css())
