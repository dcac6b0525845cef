"""Guards for the theme changes that keep pages small at scale, against Material 9.8.2.

site_overrides/assets/javascripts/lazy-search.js holds back the search index
and the search worker until the reader opens search. It relies on how Material for MkDocs 9.8.2 loads the index and on
the controls that open search; if an upgrade changes either, these fail before a reader notices
(an index that never loads, or one that loads on every page view again)."""

from __future__ import annotations

import re
from pathlib import Path

import material
from importlib.metadata import version

ROOT = Path(__file__).resolve().parents[2]
THEME = Path(material.__file__).resolve().parent / "templates"
SHIM = ROOT / "site_overrides" / "assets" / "javascripts" / "lazy-search.js"


def _bundle() -> str:
    (bundle,) = (THEME / "assets" / "javascripts").glob("bundle.*.min.js")
    return bundle.read_text(encoding="utf-8")


def test_material_is_the_version_the_shim_was_written_for():
    assert version("mkdocs-material") == "9.8.2", "re-check lazy-search.js against the new bundle, then update"


def test_bundle_fetches_the_index_with_an_xmlhttprequest_to_search_index_json():
    bundle = _bundle()
    assert '"search/search_index.json"' in bundle
    # request(): new XMLHttpRequest, open("GET", url), then send() — the send the shim holds back.
    assert re.search(r'new XMLHttpRequest;return \w+\.open\("GET",`\$\{\w+\}`\)', bundle)
    assert ".send()" in bundle
    assert "fetch(" not in bundle.split('"search/search_index.json"')[0][-400:]


def test_bundle_talks_to_its_search_worker_only_by_message_events_and_postmessage():
    """The shim hands the bundle a stand-in for the worker until search opens: an EventTarget with
    postMessage. That holds while the bundle creates the worker in one place and only listens to its
    "message" events (fromEvent) and posts to it."""
    bundle = _bundle()
    assert bundle.count("new Worker(") == 1
    made = re.search(r"function \w+\(\w+,(\w+)=new Worker\(\w+\)\)\{let \w+=(\w+)\(\1\),\w+=(\w+)\(\1\),", bundle)
    assert made, "the bundle no longer creates its worker as the shim expects"
    listen, post = made.group(2), made.group(3)
    assert re.search(rf'function {listen}\((\w+)\){{return h\(\1,"message",(\w+)=>\2\.data\)}}', bundle)
    assert re.search(rf"function {post}\((\w+)\){{let (\w+)=new T;return \2\.subscribe\((\w+)=>\1\.postMessage\(\3\)\),\2}}",
                     bundle)
    assert ".terminate(" not in bundle and ".onmessage" not in bundle


def test_the_controls_that_open_search_are_the_ones_the_shim_listens_to():
    search = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    header = (THEME / "partials" / "header.html").read_text(encoding="utf-8")
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert 'data-md-component="search-query"' in search
    assert 'for="__search"' in header
    assert 'id="__search"' in base
    shim = SHIM.read_text(encoding="utf-8")
    for selector in ("[data-md-component=search-query]", "label[for=__search]", "#__search", '"__search"'):
        assert selector in shim


def test_the_shim_runs_before_the_bundle():
    main = (ROOT / "site_overrides" / "main.html").read_text(encoding="utf-8")
    block = main[main.index("{% block scripts %}"):]
    assert block.index("lazy-search.js") < block.index("super()")


def test_the_navigation_copy_differs_from_materials_only_in_the_top_level_loop():
    """site_overrides/partials/nav.html is Material 9.8.2's, with the loop over top-level entries
    limited to the page's own document in a plan with many documents."""
    ours = (ROOT / "site_overrides" / "partials" / "nav.html").read_text(encoding="utf-8")
    theirs = (THEME / "partials" / "nav.html").read_text(encoding="utf-8")
    loop = ('    {% for nav_item in nav.items %}\n      {% set path = "__nav_" ~ loop.index %}\n'
            '      {{ item.render(nav_item, path, 1) }}\n    {% endfor %}')
    assert loop in theirs
    before, after = theirs.split(loop)
    before = before.split("-#}\n", 1)[1]  # Material's "automatically generated" header
    assert before in ours and after in ours
    assert '{% import "partials/nav-item.html" as item with context %}' in ours


def test_the_header_includes_the_language_switch_partial_that_keikaku_replaces():
    """site_overrides/partials/alternate.html (the switch that names the other language and keeps the
    #anchor with language-anchor.js) is used only while Material's header includes it by that name."""
    header = (THEME / "partials" / "header.html").read_text(encoding="utf-8")
    assert '{% if config.extra.alternate %}' in header
    assert '{% include "partials/alternate.html" %}' in header
    for code in ("ja", "en"):  # the switch's hidden words come from Material's own strings
        strings = (THEME / "partials" / "languages" / f"{code}.html").read_text(encoding="utf-8")
        assert '"select.language":' in strings
    ours = (ROOT / "site_overrides" / "partials" / "alternate.html").read_text(encoding="utf-8")
    script = (ROOT / "site_overrides" / "assets" / "javascripts" / "language-anchor.js").read_text(encoding="utf-8")
    assert 'class="md-select__link"' in ours and "a.md-select__link[hreflang]" in script


def _material_partial(name: str) -> str:
    return (THEME / "partials" / name).read_text(encoding="utf-8").split("-#}\n", 1)[1]


def _our_partial(name: str) -> str:
    return (ROOT / "site_overrides" / "partials" / name).read_text(encoding="utf-8").split("-#}\n", 1)[1]


def test_the_search_partial_differs_from_materials_only_by_the_dialogs_name():
    ours, theirs = _our_partial("search.html"), _material_partial("search.html")
    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    assert dialog + ">" in theirs
    assert ours == theirs.replace(dialog + ">", dialog + " aria-label=\"{{ lang.t('search') }}\">")


def test_the_footer_partial_differs_from_materials_only_by_printing_titles_once_escaped():
    ours, theirs = _our_partial("footer.html"), _material_partial("footer.html")
    for direction in ("previous", "next"):
        escaped_twice = f"{{{{ direction }}}}: {{{{ page.{direction}_page.title | e }}}}"
        assert escaped_twice in theirs
        theirs = theirs.replace(escaped_twice, escaped_twice.replace(" | e", ""))
    assert ours == theirs


def test_the_hidden_parts_keikaku_takes_out_of_the_tab_order_are_where_its_css_looks():
    """keikaku.css hides the closed search results and the closed navigation drawer (visibility), by
    the theme's toggles; if Material renames them, focus lands on invisible things again."""
    base = (THEME / "base.html").read_text(encoding="utf-8")
    css = (ROOT / "site_overrides" / "assets" / "stylesheets" / "keikaku.css").read_text(encoding="utf-8")
    assert 'data-md-toggle="search"' in base and 'data-md-toggle="drawer"' in base
    assert base.index('data-md-toggle="search"') < base.index('{% block header %}')
    assert base.index('data-md-toggle="drawer"') < base.index('<div class="md-container"')
    assert 'class="md-sidebar md-sidebar--primary"' in base
    assert 'class="md-search__scrollwrap" tabindex="0"' in _material_partial("search.html")
    assert '[data-md-toggle="search"]:not(:checked) ~ .md-header .md-search__scrollwrap' in css
    assert '[data-md-toggle="drawer"]:not(:checked) ~ .md-container .md-sidebar--primary' in css
    assert '<button type="button" class="md-top md-icon" data-md-component="top" hidden>' in \
        (THEME / "partials" / "top.html").read_text(encoding="utf-8")
    assert ".md-top[hidden] { visibility: hidden; }" in css
