"""The Jinja environment of one language: every printed value is escaped unless marked Safe."""

from __future__ import annotations

import html as html_module
import posixpath
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel

from ..labels import TEMPLATES_DIR, load_labels
from ..languages import Language, by_code
from ..model import Period, PeriodRange, Prose, Quantity, Remark, Text
from .template_cache import PLAN_TEMPLATES
from .formatting import format_number, format_period, format_period_range, format_quantity, locale_of
from .charts import numeric
from ..ruby import plain
from .safety import Safe, escape_html, escape_markdown, render_prose


class TemplateBug(Exception):
    """A template printed something it must not (a whole model object): a Keikaku bug, not a plan error."""


def make_environment(language: Language, templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    labels = load_labels(language.code, templates_dir, marked=True)  # furigana shows as ruby; `attr` drops it

    def runs_lang(written_in: Language) -> str | None:
        """The lang of another script quoted inside text written in `written_in` (Japanese names in English)."""
        return by_code(written_in.marks_runs_of).html_lang if written_in.marks_runs_of else None

    # How many of the plan's texts the page being rendered shows in this language and in a fallback
    # (render/markdown_site.py resets it per page): the page's own coverage and its fallback notice.
    shown = {"own": 0, "fallback": 0}

    def count(written_in: Language, around: Language = language) -> None:
        if around == language:
            shown["own" if written_in == language else "fallback"] += 1

    def marked(escaped: str, written_in: Language, around: Language = language) -> Safe:
        """Text shown in a fallback language carries that language's lang, for screen readers."""
        count(written_in, around)
        return Safe(escaped if written_in == around else f'<span lang="{written_in.html_lang}">{escaped}</span>')

    def text_of(value: Any, in_language: Language | None = None) -> str:
        if isinstance(value, (Text, Prose, Remark)):
            text, written_in = value.pick(in_language or language)
            count(written_in, in_language or language)
            return text
        return str(value)

    def prose(value: Prose) -> Safe:
        text, written_in = value.pick_written(language)
        count(written_in)
        return render_prose(text, japanese_lang=runs_lang(written_in),
                            lang=None if written_in == language else written_in.html_lang)

    def number(value: int | float, decimals: int | None = None) -> str:
        """The one call site of number formatting: the locale is the language's, from the registry."""
        return format_number(value, locale_of(labels), decimals)

    def finalize(value: Any) -> str:
        # The one place where template output is made safe: whatever a template prints passes here.
        if isinstance(value, Safe):
            return value
        if value is None:
            return ""
        if isinstance(value, Prose):
            return prose(value)
        if isinstance(value, (Text, Remark)):
            text, written_in = value.pick_written(language)
            return marked(escape_markdown(text, japanese_lang=runs_lang(written_in)), written_in)
        if isinstance(value, bool):
            return escape_markdown(str(value))
        if isinstance(value, (int, float)):
            return number(value)
        if isinstance(value, BaseModel):
            raise TemplateBug(f"a template printed a whole {type(value).__name__}; print one of its fields")
        return escape_markdown(str(value), japanese_lang=runs_lang(language))

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=finalize,
        bytecode_cache=PLAN_TEMPLATES,  # compiled once per process, not once per language and build
    )

    def html(value: Any, in_language: Language | None = None) -> Safe:
        """For text inside raw HTML blocks (tables), where Markdown escapes would show."""
        if isinstance(value, Safe):
            return value
        if value is None:  # an optional field left out shows nothing, never the word "None"
            return Safe("")
        if isinstance(value, Prose):
            return prose(value)
        if isinstance(value, (Text, Remark)):
            text, written_in = value.pick_written(in_language or language)
            return marked(escape_html(text, japanese_lang=runs_lang(written_in)), written_in, in_language or language)
        return escape_html(str(value), japanese_lang=runs_lang(language))

    def block(tag: str, value: Any, css: str | None = None) -> Safe:
        """A plan text as one whole element, e.g. a division's comment in a <dd>: marked with its language's lang
        on the element itself where it is not the page's (a comment written only in Japanese, on an English page)."""
        text, written_in = value.pick_written(language)
        count(written_in)
        lang = f' lang="{written_in.html_lang}"' if written_in.html_lang != language.html_lang else ""
        css_attr = f' class="{escape_html(css)}"' if css else ""
        inner = escape_html(text, japanese_lang=runs_lang(written_in) if not lang else None)
        return Safe(f"<{tag}{css_attr}{lang}>{inner}</{tag}>")

    def attr(value: Any) -> Safe:
        """For attribute values: escaped, and never marked up."""
        return Safe(escape_html(plain(text_of(value))))

    def heading_text(node: Any) -> str:
        """An item's heading as plain text, e.g. for navigation: 基本目標1 … / Basic goal 1: …"""
        label = plain(labels.levels[node.level.value].format(number=mark(node.number))).strip()
        title = text_of(node.title)
        return f"{label}{labels.heading_separator}{title}" if label else title

    def heading(node: Any, in_html: bool = False) -> Safe:
        """An item's heading in a page: as `heading_text`, with its furigana, and a fallback title marked by
        its lang; `in_html`: for raw HTML (a table), where Markdown's escapes would show."""
        title, written_in = node.title.pick_written(language)
        escape = escape_html if in_html else escape_markdown
        label = labels.levels[node.level.value].format(number=mark(node.number)).strip()
        shown = marked(escape(title, japanese_lang=runs_lang(written_in)), written_in)
        # The separator keeps its spaces (escaping collapses them); it is the labels' own ": " or "　".
        separator = html_module.escape(labels.heading_separator) if label else ""
        return Safe(f"{escape(label)}{separator}{shown}")

    def quantity(value: Quantity) -> str:
        """A number with its unit, and its label as written (furigana and all: the caller escapes it)."""
        text = format_quantity(value, labels)
        if value.label is None:
            return text
        label, written_in = value.label.pick_written(language)
        count(written_in)
        return f"{label} {text}"

    def period(value: Period | None, long: bool = False) -> str:
        return format_period(value, labels, long=long) if value is not None else ""

    def period_range(value: PeriodRange | None) -> str:
        return format_period_range(value, labels) if value is not None else ""

    def relative(target: str, source: str) -> Safe:
        """Link from the Markdown file `source` to the Markdown file `target`, as MkDocs checks it."""
        return Safe(posixpath.relpath(target, posixpath.dirname(source) or "."))

    def href(target: str, source: str) -> Safe:
        """URL from the page of Markdown file `source` to that of `target`, for links in raw HTML,
        which MkDocs leaves as written (directory URLs: `a/index.md` is served at `a/`)."""
        target_dir = posixpath.dirname(target) or "."
        link = posixpath.relpath(target_dir, posixpath.dirname(source) or ".")
        return Safe("./" if link == "." else link + "/")

    def mark(value: str | None) -> str:
        """A source's enumeration mark (ア, ①, (1)…) as this language reads it."""
        return "" if value is None else labels.marks.get(value, value)

    def anchor(*parts: str) -> Safe:
        """An element's id: the plan's own id as it is, or one derived from it with `_` (`goal-1_vision`),
        which no id of the plan can hold (ids are slugs), so the two never collide."""
        return Safe("_".join(parts))

    env.filters.update(html=html, heading=heading, heading_text=heading_text, quantity=quantity, period=period,
                       period_range=period_range, t=text_of, number=number, mark=mark, attr=attr)
    env.globals.update(labels=labels, lang=language.code, language=language, relative=relative, href=href, anchor=anchor,
                       Safe=Safe, block=block)
    # A table row with at least one figure (a number, not a mark such as "-"): what its chart can draw.
    env.tests["has_figure"] = lambda cells: any(numeric(cell) is not None for cell in cells)
    env.keikaku_texts_shown = shown
    return env
