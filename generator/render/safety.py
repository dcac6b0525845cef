"""Content is untrusted text: plain fields are escaped, prose is rendered and sanitised.

Plain text (`Text`) lands in Markdown, so it is escaped twice over: HTML
characters become entities (no tag can form) and Markdown punctuation gets a
backslash (no link, emphasis or table cell break can form).

Prose (`Prose`) is Markdown by declaration. We render it ourselves and pass the
HTML through an allow-list sanitiser (nh3, the Ammonia library): raw HTML and
`javascript:` links never survive. The result is a raw HTML block that MkDocs
passes through untouched.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

from .furigana import with_ruby


class Safe(str):
    """A string already safe to place in Markdown as it is (escaped or sanitised)."""


# Japanese inside English text (names in parentheses, e.g. "Tega-numa (手賀沼)") is marked as such,
# so that screen readers switch voice (WCAG 2.1 SC 3.1.2, Language of Parts).
_JAPANESE_RUN = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f"
                           r"\u3001-\u3003\u3008-\u3011\u301c\u30fb]+")


def mark_japanese(escaped: str, lang: str) -> str:
    """Wrap runs of Japanese characters in already-escaped text in <span lang=…>, `lang` being Japanese's tag."""
    return _JAPANESE_RUN.sub(lambda m: f'<span lang="{lang}">{m.group()}</span>', escaped)


# Characters Python-Markdown lets a backslash escape (its ESCAPED_CHARS, plus `|` from the tables
# extension). Escaping any other character would leave a visible backslash.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]{}()#+!|-])")
_ORDERED_LIST_START = re.compile(r"^(\d+)\.")


def escape_markdown(text: str, *, japanese_lang: str | None = None) -> Safe:
    """Plain text → Markdown that shows exactly that text, on one line."""
    flat = " ".join(text.split())
    escaped = with_ruby(flat, lambda piece: _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(piece, quote=True)))
    escaped = _ORDERED_LIST_START.sub(r"\1\\.", escaped)
    return Safe(mark_japanese(escaped, japanese_lang) if japanese_lang else escaped)


_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def escape_html(text: str, *, japanese_lang: str | None = None) -> Safe:
    """Plain text → HTML text, for text placed inside raw HTML blocks (tables).

    Spaces stay as written (a separator such as ", " keeps its space); only line breaks become
    spaces, since a blank line would end the raw HTML block.
    """
    escaped = with_ruby(_LINE_BREAKS.sub(" ", text), lambda piece: html.escape(piece, quote=True))
    return Safe(mark_japanese(escaped, japanese_lang) if japanese_lang else escaped)


_ALLOWED_TAGS = {"span", "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "sup", "sub", "hr",
                 "ruby", "rt"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "span": {"lang"}, "rt": {"data-search-exclude"}}
_URL_SCHEMES = {"http", "https", "mailto"}
# One converter, reset before each use: building a Markdown instance costs more than converting a prose field.
_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")


# Cached: a text such as a goal's summary shows on its own page, its document's, the home page and in
# lists, and converting it (Markdown, then the sanitiser) is most of rendering; the result depends on the
# arguments alone. Bounded, for a long `serve` session whose plan keeps changing.
@lru_cache(maxsize=16384)
def render_prose(text: str, *, japanese_lang: str | None = None, lang: str | None = None) -> Safe:
    """Markdown prose → sanitised HTML, as one raw HTML block for the page's Markdown.

    Raw HTML written in the prose is escaped before Markdown sees it, so it
    shows as text rather than vanishing; the sanitiser is the second wall.
    """
    source = with_ruby(text, lambda piece: html.escape(piece, quote=False))
    if japanese_lang:
        source = mark_japanese(source, japanese_lang)
    rendered = _MARKDOWN.reset().convert(source)
    # Validation allows only absolute http, https and mailto links (model/prose_rules.py); a relative one
    # (`//evil.example/`) that got past it would still be stripped here.
    clean = nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                      url_schemes=_URL_SCHEMES, url_relative="deny", link_rel="noopener noreferrer")
    # Blank lines would end the raw HTML block early. No `markdown` attribute: Markdown leaves a raw HTML block
    # alone unless md_in_html is on and the block asks for it (markdown="1"); any such attribute would stay
    # in the page, where it is not HTML (the Nu Html Checker reports it).
    lines = [line for line in clean.splitlines() if line.strip()]
    # `lang` is given when the prose is shown in another language than the page's (a fallback).
    lang_attribute = f' lang="{html.escape(lang)}"' if lang else ""
    return Safe(f'<div class="kk-prose"{lang_attribute}>\n' + "\n".join(lines) + "\n</div>")
