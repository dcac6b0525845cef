"""The real tags and attributes of an HTML document, as a browser would parse them."""

from __future__ import annotations

from html.parser import HTMLParser


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def dangerous(html: str) -> list[str]:
    """Every script, event handler, script URL and embedded object in the page."""
    found = []
    for tag, attrs in tags(html):
        if tag == "script" and attrs.get("type") != "application/json":
            found.append(f"<script src={attrs.get('src')}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{tag} {name}")
            if name in ("href", "src", "action", "formaction") and value and \
                    value.strip().lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                found.append(f"{tag} {name}={value}")
        if tag in ("img", "iframe", "object", "embed", "form"):
            found.append(f"<{tag}>")
    return found
