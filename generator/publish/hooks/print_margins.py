"""MkDocs hook that gives every printed page the site's name, the page's address and its date.

Chromium prints @page margin boxes on every sheet, so each page carries its own small @page rule
(site_overrides/main.html prints it in the page's head). Plan text lands in CSS strings here, escaped
so that it can neither end the string nor the <style> element. Where the page's address is not
known at build time (no `site_url` in the plan) or its plan has no date from git, the page's
script site_overrides/assets/javascripts/print-page.js adds the address it was opened at, and the
date it is printed on.
"""

from __future__ import annotations

import html
from datetime import date

from generator.labels import load_labels
from generator.render.formatting import format_date

STYLE_ID = "kk-print-page"


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: quotes, backslashes, `<`, `>`, `&` and control characters escaped."""
    out = []
    for char in text:
        if char in '"\\<>&' or not char.isprintable():
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _updated(page) -> date | None:
    value = page.meta.get("updated")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def print_margins(site_name: str, url: str | None, updated_text: str | None, printed_label: str) -> str:
    """The page's <style> with its @page margin boxes; what is unknown is left to print-page.js."""
    boxes = [f"@top-left{{content:{css_string(site_name)}}}"]
    if url:
        boxes.append(f"@top-right{{content:{css_string(url)}}}")
    if updated_text:
        boxes.append(f"@bottom-left{{content:{css_string(updated_text)}}}")
    boxes.append('@bottom-right{content:counter(page) " / " counter(pages)}')
    return (f'<style id="{STYLE_ID}" media="print" data-printed-label="{html.escape(printed_label)}"'
            f'{"" if url else " data-add-url"}{"" if updated_text else " data-add-date"}>'
            f"@page{{{''.join(boxes)}}}</style>")


def on_page_context(context, page, config, nav):
    labels = load_labels(config["extra"]["keikaku_print"]["labels"])
    day = _updated(page)
    updated_text = f"{labels.last_updated}: {format_date(day, labels)}" if day else None
    context["keikaku_print"] = print_margins(html.unescape(config["site_name"]), page.canonical_url,
                                             updated_text, labels.printed_on)
    return context
