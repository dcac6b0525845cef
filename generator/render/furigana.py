"""Furigana on the pages: `{柏市|かしわし}` (generator/ruby.py) as `<ruby>柏市<rt>かしわし</rt></ruby>`.

The reading is left out of the search index (`data-search-exclude`, which Material's indexer honours), so
search holds the base text as written, and out of copied text (`user-select: none` in keikaku.css), so a
copy does not read 柏市かしわし. A heading's entry in "on this page" is its plain text (`data-toc-label`).
A page with readings gets a switch to hide them: a checkbox that CSS alone obeys, which a script remembers.
"""

from __future__ import annotations

import html
import re
from typing import Callable

from ..ruby import has_ruby, parts

RT_OPEN = "<rt data-search-exclude>"
SWITCH_ID = "kk-furigana"


def with_ruby(text: str, escape: Callable[[str], str]) -> str:
    """`text` with each piece escaped by `escape` and each reading as ruby markup."""
    if not has_ruby(text):
        return escape(text)
    return "".join(escape(base) if reading is None else f"<ruby>{escape(base)}{RT_OPEN}{escape(reading)}</rt></ruby>"
                   for base, reading in parts(text))


# A Markdown heading written by the templates: `## title { #anchor }`.
_HEADING = re.compile(r"^(#{1,6} )(.*<ruby>.*?)( \{ #[^}\s]+)( \})$", re.MULTILINE)
_READING = re.compile(r"<rt\b[^>]*>.*?</rt>")
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"\[((?:\\.|[^\]\\\n])*)\]\([^)\n]*\)")


def heading_plain_text(markdown: str) -> str:
    """A heading's Markdown with readings, as the text a table of contents shows, still as Markdown text:
    the attribute's value is read as inline Markdown (escapes, entities) like the heading itself."""
    text = _LINK.sub(r"\1", _TAG.sub("", _READING.sub("", markdown)))
    # attr_list ends a value at `"` and the list at `}`: their full-width forms read the same.
    return text.replace('"', "＂").replace("\\{", "｛").replace("\\}", "｝").replace("}", "｝")


def label_headings(body: str) -> str:
    """Each heading with readings gets its plain text as its entry in the table of contents."""
    return _HEADING.sub(lambda m: f'{m[1]}{m[2]}{m[3]} data-toc-label="{heading_plain_text(m[2])}"{m[4]}', body)


def furigana_switch(label: str) -> str:
    """The switch for a page's readings, shown on: a checkbox keikaku.css obeys, furigana.js remembers."""
    return (f'<p class="kk-furigana-switch"><input type="checkbox" id="{SWITCH_ID}" checked> '
            f'<label for="{SWITCH_ID}">{with_ruby(label, html.escape)}</label></p>')


__all__ = ["RT_OPEN", "SWITCH_ID", "furigana_switch", "heading_plain_text", "label_headings", "with_ruby"]
