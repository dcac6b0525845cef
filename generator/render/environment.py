"""The Jinja environment of one language: every printed value is escaped unless marked Safe."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel

from ..labels import TEMPLATES_DIR, load_labels
from ..model import Period, PeriodRange, Prose, Quantity, Text
from .formatting import format_number, format_period, format_period_range, format_quantity
from .safety import Safe, escape_html, escape_markdown, render_prose


class TemplateBug(Exception):
    """A template printed something it must not (a whole model object): a Keikaku bug, not a plan error."""


def make_environment(lang: str, templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    labels = load_labels(lang, templates_dir)
    foreign = lang != "ja"  # Japanese in a page of another language is marked lang="ja"

    def text_of(value: Any) -> str:
        if isinstance(value, (Text, Prose)):
            return getattr(value, lang)
        return str(value)

    def prose(value: Prose) -> Safe:
        return render_prose(getattr(value, lang), foreign_japanese=foreign)

    def finalize(value: Any) -> str:
        # The one place where template output is made safe: whatever a template prints passes here.
        if isinstance(value, Safe):
            return value
        if value is None:
            return ""
        if isinstance(value, Prose):
            return prose(value)
        if isinstance(value, Text):
            return escape_markdown(getattr(value, lang), foreign_japanese=foreign)
        if isinstance(value, bool):
            return escape_markdown(str(value))
        if isinstance(value, (int, float)):
            return format_number(value)
        if isinstance(value, BaseModel):
            raise TemplateBug(f"a template printed a whole {type(value).__name__}; print one of its fields")
        return escape_markdown(str(value), foreign_japanese=foreign)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=finalize,
    )

    def html(value: Any) -> Safe:
        """For text inside raw HTML blocks (tables), where Markdown escapes would show."""
        if isinstance(value, Safe):
            return value
        if isinstance(value, Prose):
            return prose(value)
        return escape_html(text_of(value), foreign_japanese=foreign)

    def attr(value: Any) -> Safe:
        """For attribute values: escaped, and never marked up."""
        return Safe(escape_html(text_of(value)))

    def heading(node: Any) -> str:
        label = labels.levels[node.level.value].format(number=mark(node.number)).strip()
        title = getattr(node.title, lang)
        return f"{label}{labels.heading_separator}{title}" if label else title

    def quantity(value: Quantity) -> str:
        text = format_quantity(value, labels)
        return f"{getattr(value.label, lang)} {text}" if value.label else text

    def period(value: Period | None, long: bool = False) -> str:
        return format_period(value, labels, long=long) if value is not None else ""

    def period_range(value: PeriodRange | None) -> str:
        return format_period_range(value, labels) if value is not None else ""

    def relative(target: str, source: str) -> Safe:
        """Link from the Markdown file `source` to the Markdown file `target`, as MkDocs checks it."""
        return Safe(posixpath.relpath(target, posixpath.dirname(source) or "."))

    def mark(value: str | None) -> str:
        """A source's enumeration mark (ア, ①, (1)…) as this language reads it."""
        return "" if value is None else labels.marks.get(value, value)

    def anchor(*parts: str) -> Safe:
        return Safe("-".join(parts))

    env.filters.update(html=html, heading=heading, quantity=quantity, period=period,
                       period_range=period_range, t=text_of, number=format_number, mark=mark, attr=attr)
    env.globals.update(labels=labels, lang=lang, relative=relative, anchor=anchor, Safe=Safe)
    return env
