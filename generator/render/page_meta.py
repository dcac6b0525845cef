"""What a page says about itself to search engines and share previews: a short description taken
from the page's own content, cut at a sentence end, in the page's language."""

from __future__ import annotations

import html
import re
from typing import Any

from ..labels import Labels
from ..languages import Language
from ..model import Plan, Prose, Text
from .pages import PageSpec
from .safety import render_prose

# Search engines show about this many characters; Japanese ones about half as many, which a
# sentence end usually reaches first.
DESCRIPTION_LIMIT = 160
# A sentence ends at 。！？ (Japanese, no space after) or at . ! ? followed by a space (Latin scripts).
_SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])(?=\s)")
# Where a sentence too long to show whole may be cut: after a clause mark or between words.
_CLAUSE_END = re.compile(r"(?<=[、，,;；:：])|(?=\s)")
_TAG = re.compile(r"<[^>]+>")


def plain_text(value: Prose | Text, language: Language) -> str:
    """A text as one line of plain words: Markdown rendered, tags dropped, entities read, spaces joined."""
    text = value.pick(language)[0]
    if isinstance(value, Prose):
        text = html.unescape(_TAG.sub(" ", render_prose(text)))
    return re.sub(r"\s+", " ", text).strip()


def cut_at_sentence(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """As many whole sentences as fit in `limit` characters; a first sentence longer than that is cut
    at its last clause mark or word break that fits, and ends with an ellipsis."""
    if len(text) <= limit:
        return text
    ends = [match.start() for match in _SENTENCE_END.finditer(text) if 0 < match.start() <= limit]
    if ends:
        return text[:ends[-1]].strip()
    breaks = [match.start() for match in _CLAUSE_END.finditer(text) if 0 < match.start() < limit]
    cut = breaks[-1] if breaks else limit - 1
    return text[:cut].rstrip(" 、，,;；:：") + "…"


def _first_text(values: list[Any]) -> Prose | Text | None:
    return next((value for value in values if isinstance(value, (Prose, Text))), None)


def _node_text(node: Any) -> Prose | Text | None:
    """An item's own words, or those of the first item below it that has some (a chapter's sections)."""
    own = _first_text([node.vision, node.direction, node.body, *node.items, *(target.text for target in node.activity_targets)])
    return own or next(filter(None, map(_node_text, node.children)), None)


def page_description(page: PageSpec, plan: Plan, language: Language, labels: Labels,
                     title: str) -> str:
    """The page's description, plain text (escape it where it is printed); `title` is the page's title."""
    site = plan.root.site_title.pick(language)[0]
    words = {"site": site, "municipality": plan.root.municipality.pick(language)[0], "title": title}
    fallback = labels.page_descriptions["item"]
    if page.kind == "home":
        source = plan.root.description
    elif page.kind == "document":
        document = page.subject
        source = _first_text([document.summary, document.vision, document.body])
    elif page.kind == "node":
        source = _node_text(page.subject)
    else:  # the listing pages (glossary, divisions, progress …) say what they list
        return labels.page_descriptions.get(page.kind, fallback).format(**words)
    if source is None:
        return fallback.format(**words)
    return cut_at_sentence(plain_text(source, language))
