"""MkDocs hook: the first mention of a glossary term on a page links to the term's glossary entry.

The link's `title` holds the term's definition (plain text, escaped), so it shows on hover and is the
link's description for screen readers; site_overrides/assets/javascripts/term-tips.js also shows it
on keyboard focus. The definition stays out of the page's text, so search does not index it on every
page that mentions the term. Nothing is linked inside headings, links, code, charts or text hidden
from the eye, nor on the glossary page itself. Terms come from a JSON file beside the generated config
(`extra.keikaku_terms`, its path: generator/publish/mkdocs_config.py), those that have a definition; a glossary of
thousands of terms would make the config slow to read. Each page is matched only against the terms it
holds, found first by a plain search.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from pathlib import Path

GLOSSARY_URL = "glossary/"
# Where a link would be wrong or useless: headings, links, code, scripts, charts, form controls.
SKIP = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre", "kbd", "svg",
                  "button", "textarea", "select", "label", "title", "nav"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# A comment, or a tag whose quoted attribute values may hold '>': the text between them is what gets linked.
_TOKEN = re.compile(r"""(<!--.*?-->|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)""", re.S)
# A character reference (&amp; &#38; &#x26;): never part of a term, so "AMP" is not linked inside "&amp;".
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
_TAG = re.compile(r"<\s*(/)?\s*([A-Za-z][A-Za-z0-9-]*)([^>]*?)(/)?\s*>", re.S)
_WORD = re.compile(r"[A-Za-z0-9]")


def _pattern(text: str) -> str:
    """A term as it appears in HTML text; a Latin word matches whole words only ("plan" not in "planning")."""
    escaped = re.escape(html.escape(text, quote=False))
    before = r"(?<![A-Za-z0-9])" if _WORD.match(text[0]) else ""
    after = r"(?![A-Za-z0-9])" if _WORD.match(text[-1]) else ""
    return before + escaped + after


def link_terms(content: str, terms: list[dict], glossary_href: str) -> str:
    """`content` (a page's HTML) with the first mention of each term linked to `glossary_href#id`.

    `terms`: {id, text, definition}; longer terms are matched first, so a name that contains a
    shorter term links as the whole name."""
    folded = content.casefold()
    # Only the terms the page holds at all (a substring search, fast however long the glossary), longest first.
    terms = sorted((t for t in terms if len(t["text"]) >= 2 and html.escape(t["text"], quote=False).casefold() in folded),
                   key=lambda t: -len(t["text"]))
    if not terms:
        return content
    by_text = {html.escape(t["text"], quote=False).casefold(): t for t in terms}
    # Tried first at each position, an entity is consumed whole, so no term can match inside it.
    matcher = re.compile("|".join([f"({_ENTITY})", *(_pattern(t["text"]) for t in terms)]), re.IGNORECASE)
    linked: set[str] = set()

    def link(match: re.Match) -> str:
        if match.group(1):
            return match.group(0)
        term = by_text.get(match.group(0).casefold())
        if term is None or term["id"] in linked:
            return match.group(0)
        linked.add(term["id"])
        return (f'<a class="kk-term" href="{html.escape(glossary_href)}#{html.escape(term["id"])}" '
                f'title="{html.escape(term["definition"])}">{match.group(0)}</a>')

    out, stack = [], []  # stack: (tag name, skipped?) of the open elements
    for token in _TOKEN.split(content):
        if not token:
            continue
        if token.startswith("<"):
            tag = _TAG.match(token)
            if tag:
                closing, name, attributes, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
                if closing:
                    while stack:
                        if stack.pop()[0] == name:
                            break
                elif name not in VOID and not self_closing:
                    hidden = "kk-sr" in attributes or "aria-hidden" in attributes
                    stack.append((name, name in SKIP or hidden))
            out.append(token)
        elif any(skipped for _, skipped in stack):
            out.append(token)
        else:
            out.append(matcher.sub(link, token))
    return "".join(out)


@functools.cache
def _terms(path: str) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def on_page_content(html_content, page, config, files):
    if page.url == GLOSSARY_URL:
        return html_content
    path = config["extra"].get("keikaku_terms")
    terms = _terms(path) if path else []
    if not terms:
        return html_content
    href = posixpath.relpath(GLOSSARY_URL.rstrip("/"), page.url.rstrip("/") or ".") + "/"
    return link_terms(html_content, terms, href)
