"""How each part of a plan diff (prepare/compare.py) reads in one language: items, paths, numbers,
texts; every word from the labels' `plan_diff` section. Escaped by the caller's `escape` (Markdown for a
pull request's summary: diff/markdown.py; plain text for the site's history: render/history_view.py).

Plan text is untrusted: by default it is escaped for Markdown and kept to one line, so a title cannot add
a heading, a link or HTML to the pull request's summary.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from ..labels import Labels
from ..languages import all_languages, by_code
from ..model import Period, PeriodRange, Prose, Remark, Text
from ..prepare.compare import Amount, ItemChange, ItemRef, Named, Segment, ValueChange
from .formatting import format_number, format_period, format_period_range, locale_of

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&{}])")
_CONTEXT = 12   # characters of unchanged text kept on each side of a change
_LONGEST = 60   # an excerpt longer than this is cut
_SHORT = 5      # a rest this short is kept rather than cut to "…"


def md_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _in_language(text: Text | Prose, lang: str) -> str:
    return text.pick(by_code(lang))[0]  # an optional language's missing text falls back as on the site


class DiffWords:
    """Words each part of a diff; `words` is the `plan_diff` section of the language's labels."""

    def __init__(self, labels: Labels, escape=None):
        self.labels = labels
        self.words: dict = labels.plan_diff
        # Markdown for a pull request's summary; the site's history passes its own (render/history_view.py).
        self.escape = escape or md_escape

    def kind(self, ref: ItemRef) -> str:
        if ref.kind in self.words["kinds"]:
            return self.words["kinds"][ref.kind]
        level = self.labels.levels[ref.kind].format(number=ref.number or "").strip()
        return level or self.words["kinds"]["item"]

    def title(self, ref: ItemRef) -> str:
        return self.escape(_in_language(ref.title, self.labels.lang))

    def item(self, ref: ItemRef) -> str:
        return self.words["item"].format(kind=self.kind(ref), title=self.title(ref), id=ref.id)

    def placed(self, change: ItemChange, parent: ItemRef | None) -> str:
        if parent is None:
            return self.item(change.item)
        return self.words["placed"].format(item=self.item(change.item), parent=self.item(parent))

    def moved(self, change: ItemChange) -> str:
        where = [self.item(ref) if ref else self.words["nothing"] for ref in (change.old_parent, change.new_parent)]
        return self.words["moved"].format(item=self.item(change.item), old=where[0], new=where[1])

    def segment(self, segment: Segment) -> str:
        if segment.kind == "field":
            return self.words["fields"].get(segment.value, segment.value)
        if segment.kind == "period":
            return format_period(segment.value, self.labels)
        if segment.kind == "key":
            return f"`{segment.value}`" if _is_code(segment.value) else self.escape(str(segment.value))
        if segment.kind == "label":
            return self.escape(_in_language(segment.value, self.labels.lang))
        return self.words["position"].format(n=segment.value)

    def change_path(self, change: ValueChange) -> str:
        """What changed, e.g. 実績値（令和4年度）: a period reads as part of what precedes it."""
        what = ""
        for segment in change.path:
            text = self.segment(segment)
            what += (self.words["period"].format(period=text) if segment.kind == "period" and what
                     else self.words["path_separator"] + text if what else text)
        return what

    def change(self, change: ValueChange) -> str:
        old, new = self.values(change.old, change.new)
        what = self.change_path(change)
        return self.words["change"].format(title=self.title(change.item), what=what, old=old, new=new,
                                           kind=self.kind(change.item), id=change.item.id)

    def values(self, old: Any, new: Any) -> tuple[str, str]:
        if isinstance(old, (Text, Prose, Remark)) or isinstance(new, (Text, Prose, Remark)):
            return self.texts(old, new)
        return self.value(old), self.value(new)

    def texts(self, old: Text | Prose | None, new: Text | Prose | None) -> tuple[str, str]:
        """The language of the summary if its text changed, else the first language whose text did."""
        others = [language.code for language in all_languages() if language.code != self.labels.lang]
        codes = [self.labels.lang, *others]
        code = next((code for code in codes if _get(old, code) != _get(new, code)), codes[0])
        before, after = _get(old, code), _get(new, code)
        if before is None or after is None:
            return (self.quote(_excerpt(before, "")[0]) if before else self.words["nothing"],
                    self.quote(_excerpt(after, "")[0]) if after else self.words["nothing"])
        old_part, new_part = _excerpt(before, after)
        return self.quote(old_part), self.quote(new_part)

    def quote(self, text: str) -> str:
        return self.words["quote"].format(text=self.escape(text))

    def value(self, value: Any) -> str:
        if value is None:
            return self.words["nothing"]
        if isinstance(value, Amount):
            return self.amount(value)
        if isinstance(value, Named):
            return self.quote(_in_language(value.label, self.labels.lang)) if value.label else f"`{value.ident}`"
        if isinstance(value, Period):
            return format_period(value, self.labels)
        if isinstance(value, PeriodRange):
            return format_period_range(value, self.labels)
        if isinstance(value, list):
            return self.labels.list_separator.join(self.value(item) for item in value) or self.words["nothing"]
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 10 as the editor wrote it, not PyYAML-and-pydantic's 10.0
        return f"`{value}`" if isinstance(value, (bool, int, float)) or _is_code(value) else self.escape(str(value))

    def amount(self, amount: Amount) -> str:
        if amount.value is None:
            return self.labels.empty_cell
        if isinstance(amount.value, str):
            return self.escape(amount.value)
        number = format_number(amount.value, locale_of(self.labels), amount.decimals)
        return self.labels.units[amount.unit.value].format(n=number) if amount.unit else number


def _get(text: Text | Prose | None, code: str) -> str | None:
    return None if text is None else text.get(code)


def _is_code(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[a-z0-9_./:-]+", value) is not None


def _excerpt(old: str, new: str) -> tuple[str, str]:
    """The changed part of two texts with a little context either side, each cut to a short excerpt."""
    old, new = " ".join(old.split()), " ".join(new.split())
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = prefix - _CONTEXT if prefix > _CONTEXT + _SHORT else 0

    def cut(text: str) -> str:
        end = len(text) - suffix + _CONTEXT
        end = min(len(text) if end >= len(text) - _SHORT else end, start + _LONGEST)
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")

    return cut(old), cut(new)


__all__ = ["DiffWords", "md_escape"]
