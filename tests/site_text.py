"""Read a built page as a reader sees it: the visible text of its main content."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_SKIP = {"script", "style", "template", "svg", "rt"}  # rt: a reading, shown above its kanji, not part of the line
# Elements inside a line of text: their edges part no words (a glossary term linked inside 公民連携手法).
_INLINE = {"a", "abbr", "ruby", "rt", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
           "sup", "time", "u"}


class _Text(HTMLParser):
    def __init__(self, *, main_only: bool, skip_lang: str | None):
        super().__init__(convert_charrefs=True)
        self.main_only = main_only
        self.skip_lang = skip_lang
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.in_main = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        hides = (tag in _SKIP or "headerlink" in classes
                 # Whole elements in the other language (switcher, glossary column) are not page text;
                # a <span lang> inside a sentence is, and must still obey the page's rules.
                or (self.skip_lang is not None and attributes.get("lang") == self.skip_lang and tag != "span"))
        if tag not in _INLINE:
            self.parts.append(" ")
        if tag in ("br", "img", "meta", "link", "input", "hr", "source"):
            return
        self.stack.append((tag, hides))
        if tag == "article":
            self.in_main += 1

    def handle_endtag(self, tag):
        if tag not in _INLINE:
            self.parts.append(" ")
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "article":
                self.in_main -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if any(hides for _, hides in self.stack):
            return
        if self.main_only and not self.in_main:
            return
        self.parts.append(data)


def page_text(html: str, *, main_only: bool = True, skip_lang: str | None = None) -> str:
    """Visible text, whitespace folded; `skip_lang` drops elements marked as another language."""
    parser = _Text(main_only=main_only, skip_lang=skip_lang)
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def page_file(site: Path, lang: str, page: str) -> Path:
    base = site if lang == "ja" else site / lang
    return base / page / "index.html" if page else base / "index.html"


_READING = re.compile(r"<rt\b[^>]*>.*?</rt>")
_RUBY_TAG = re.compile(r"</?ruby>")


def furigana_off(html: str) -> str:
    """The HTML as a reader sees it with furigana off: readings and ruby tags gone, every other tag kept."""
    return _RUBY_TAG.sub("", _READING.sub("", html))
