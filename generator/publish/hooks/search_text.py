"""MkDocs hooks (the `hooks:` setting of the generated configs): what text the search index reads.

Material's search plugin (9.8.1) indexes the text of a page's HTML as it is, joining the text of
adjacent elements without a space: a table row's cells, a list's items or a term and its
description (<dt>Director-General</dt><dd>Ichikawa …) become one word, which no query finds. A
line break between such elements changes nothing on the page and keeps the words apart in the index.
"""

from __future__ import annotations

import re

# The end of an element that ends a block of text, or a line break, directly followed by a tag.
_BLOCK_END = re.compile(r"(</(?:td|th|dt|dd|li|tr|p|caption|figcaption|h[1-6]|div|summary)>|<br\s*/?>)(?=<)")


def on_page_content(html, page, config, files):
    """Runs before the search plugin reads the page (its on_page_context)."""
    return _BLOCK_END.sub("\\1\n", html)
