"""The first mention of a glossary term on a page links to the term's glossary entry.

The link's `title` holds the term's definition (plain text, escaped), so it shows on hover and is the
link's description for screen readers; site_overrides/assets/javascripts/term-tips.js also shows it
on keyboard focus. The definition stays out of the page's text, so search does not index it on every
page that mentions the term. Nothing is linked inside headings, links, code, charts or text hidden
from the eye, nor on the glossary page itself.

Linking happens in the render phase, on the page's Markdown as Keikaku writes it (escaped text, raw
HTML blocks, headings, links), so that any engine that reads the Markdown builds the same links.
`link_terms` is the same rule read on a page's HTML: tests hold the two to the same result.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..languages import Language
from ..model import Plan
from .page_meta import plain_text

GLOSSARY_PAGE = "glossary/index.md"
# Where a link would be wrong or useless: headings, links, code, scripts, charts, form controls, readings.
SKIP = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre", "kbd", "svg",
                  "button", "textarea", "select", "label", "title", "nav", "rt"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# A comment, or a tag whose quoted attribute values may hold '>'.
_HTML_TOKEN = r"""<!--[\s\S]*?-->|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>"""
# In Markdown also: a heading line, a link (its text is a link already) and an attribute list `{ #id }`.
_MARKDOWN_TOKEN = re.compile(rf"({_HTML_TOKEN}|^\#{{1,6}}[ \t][^\n]*$|\[(?:\\.|[^\]\\\n])*\]\([^)\n]*\)"
                             rf"|\{{[^{{}}\n]*\}})", re.M)
_HTML_TOKEN_RE = re.compile(f"({_HTML_TOKEN})")
# A character reference (&amp; &#38; &#x26;): never part of a term, so "AMP" is not linked inside "&amp;".
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
_TAG = re.compile(r"<\s*(/)?\s*([A-Za-z][A-Za-z0-9-]*)([^>]*?)(/)?\s*>", re.S)
_WORD = re.compile(r"[A-Za-z0-9]")
# What Keikaku's Markdown escaping puts a backslash before (render/safety.py).
_BACKSLASHED = set("\\`*_[]{}()#+!|-")


@dataclass(frozen=True)
class Term:
    """A glossary term with a definition, as one language shows it."""

    id: str
    text: str
    definition: str


def linked_terms(plan: Plan, language: Language) -> list[Term]:
    """The glossary terms that have a definition, as `language` shows them."""
    return [Term(term.id, term.term.pick(language)[0], plain_text(term.definition, language))
            for term in plan.glossary if term.definition is not None]


def _pattern(text: str) -> str:
    """A term as it appears in escaped text (HTML entities, and Markdown's backslashes before punctuation);
    a Latin word matches whole words only ("plan" not in "planning")."""
    parts = []
    for char in html.escape(text, quote=True):  # women's → women&#x27;s, and in Markdown women&\#x27;s
        parts.append(r"\\?" + re.escape(char) if char in _BACKSLASHED else re.escape(char))
    before = r"(?<![A-Za-z0-9])" if _WORD.match(text[0]) else ""
    after = r"(?![A-Za-z0-9])" if _WORD.match(text[-1]) else ""
    return before + "".join(parts) + after


def _plain(written: str) -> str:
    """What an escaped mention says: the key a term is found by."""
    return html.unescape(re.sub(r"\\(.)", r"\1", written)).casefold()


def _link(tokens: list[tuple[bool, str]], terms: list[Term], href: str) -> str:
    """`tokens`: (is it markup, its text), in order; the text between markup is where terms are linked."""
    folded_terms = [term for term in terms if len(term.text) >= 2]
    text = "".join(token for markup, token in tokens if not markup)
    folded = _plain(text)
    # Only the terms the page holds at all (a substring search, fast however long the glossary), longest first.
    present = sorted((term for term in folded_terms if term.text.casefold() in folded), key=lambda term: -len(term.text))
    if not present:
        return "".join(token for _, token in tokens)
    by_text = {term.text.casefold(): term for term in present}
    # Tried first at each position, an entity is consumed whole, so no term can match inside it.
    matcher = re.compile("|".join([f"({_ENTITY})", *(_pattern(term.text) for term in present)]), re.IGNORECASE)
    linked: set[str] = set()

    def link(match: re.Match) -> str:
        if match.group(1):
            return match.group(0)
        term = by_text.get(_plain(match.group(0)))
        if term is None or term.id in linked:
            return match.group(0)
        linked.add(term.id)
        return (f'<a class="kk-term" href="{html.escape(href)}#{html.escape(term.id)}" '
                f'title="{html.escape(term.definition)}">{match.group(0)}</a>')

    out, stack = [], []  # stack: (tag name, skipped?) of the open elements
    for markup, token in tokens:
        if not token:
            continue
        if not markup:
            out.append(token if any(skipped for _, skipped in stack) else matcher.sub(link, token))
            continue
        tag = _TAG.match(token) if token.startswith("<") else None
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
    return "".join(out)


def link_terms(content: str, terms: list[Term], glossary_href: str) -> str:
    """`content` (a page's HTML) with the first mention of each term linked to `glossary_href#id`: the rule.

    Longer terms are matched first, so a name that contains a shorter term links as the whole name."""
    return _link(_kinds(_HTML_TOKEN_RE.split(content)), terms, glossary_href)


def link_terms_in_markdown(body: str, terms: list[Term], glossary_href: str) -> str:
    """`body` (a page's Markdown, without its front matter) with the first mention of each term linked, as
    `link_terms` links them in the HTML the Markdown becomes."""
    return _link(_kinds(_MARKDOWN_TOKEN.split(body)), terms, glossary_href)


def _kinds(pieces: list[str]) -> list[tuple[bool, str]]:
    """re.split with one group puts the separators (the markup) at the odd places."""
    return [(index % 2 == 1, piece) for index, piece in enumerate(pieces)]


__all__ = ["GLOSSARY_PAGE", "Term", "link_terms", "link_terms_in_markdown", "linked_terms"]
