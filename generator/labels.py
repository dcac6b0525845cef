"""Per-language labels (基準値 / Baseline …), the words readers see: templates/labels/<lang>.yaml.

One catalogue mechanism serves labels and messages (generator/catalogue.py): a label a language lacks
comes from its fallback, and a label no language has is named in the error, with the file to add it to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .ruby import RUBY, each_text, plain
from .resources import TEMPLATES_DIR


@dataclass(frozen=True)
class Labels:
    """The labels of one language; `labels.baseline` reads a key, `labels.data` is every label."""

    lang: str
    data: Mapping[str, Any]

    def __getattr__(self, key: str) -> Any:
        try:
            return self.data[key]
        except KeyError:
            raise AttributeError(f"label '{key}' is missing from templates/labels/{self.lang}.yaml") from None


def labels_catalogue(templates_dir: Path = TEMPLATES_DIR) -> Catalogue:
    return Catalogue("labels", templates_dir / "labels")


# A label may carry furigana, as plan texts do (`{計画|けいかく}`, generator/ruby.py).
class MarkedText(str):
    """A label with its furigana, for the templates: `format` fills its placeholders and leaves its readings."""

    def format(self, *args: Any, **kwargs: Any) -> str:
        protected = RUBY.sub(lambda match: "{{%s|%s}}" % (match.group(1), match.group(2)), self)
        return protected.format(*args, **kwargs)


@cache
def load_labels(lang: str, templates_dir: Path = TEMPLATES_DIR, *, marked: bool = False) -> Labels:
    """The labels of `lang`: as plain text, for everything that is not a page's HTML (titles, navigation,
    CSV, JSON, charts, messages); `marked`: with their furigana, for the templates, which show it as ruby."""
    words = labels_catalogue(templates_dir).words(lang)
    return Labels(lang, each_text(words, MarkedText if marked else plain))
