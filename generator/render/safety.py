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

import markdown
import nh3


class Safe(str):
    """A string already safe to place in Markdown as it is (escaped or sanitised)."""


# Characters Python-Markdown lets a backslash escape (its ESCAPED_CHARS, plus `|` from the tables
# extension). Escaping any other character would leave a visible backslash.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]{}()#+!|-])")
_ORDERED_LIST_START = re.compile(r"^(\d+)\.")


def escape_markdown(text: str) -> Safe:
    """Plain text → Markdown that shows exactly that text, on one line."""
    flat = " ".join(text.split())
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(flat, quote=True))
    return Safe(_ORDERED_LIST_START.sub(r"\1\\.", escaped))


def escape_html(text: str) -> Safe:
    """Plain text → HTML text, for text placed inside raw HTML blocks (tables)."""
    return Safe(html.escape(" ".join(text.split()), quote=True))


_ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "sup", "sub", "hr"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def render_prose(text: str) -> Safe:
    """Markdown prose → sanitised HTML, as one raw HTML block for the page's Markdown.

    Raw HTML written in the prose is escaped before Markdown sees it, so it
    shows as text rather than vanishing; the sanitiser is the second wall.
    """
    source = html.escape(text, quote=False)
    rendered = markdown.markdown(source, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                      url_schemes=_URL_SCHEMES, link_rel="noopener noreferrer")
    # Blank lines would end the raw HTML block early; the markdown="0" guard is for md_in_html users.
    lines = [line for line in clean.splitlines() if line.strip()]
    return Safe('<div class="kk-prose" markdown="0">\n' + "\n".join(lines) + "\n</div>")
