"""Translation coverage: how many of the plan's texts each published language has in its own words."""

from __future__ import annotations

from dataclasses import dataclass

from ..languages import Language
from ..model import Plan, Prose, Text
from ..model.walk import walk_models


@dataclass(frozen=True)
class Coverage:
    """The texts of a plan that `language` has of its own; the others show its fallback's text."""

    language: Language
    translated: int
    total: int

    def __str__(self) -> str:
        share = 100 * self.translated // self.total if self.total else 100
        return f"{self.language.code} {share}% ({self.translated}/{self.total})"


def translation_coverage(plan: Plan, languages: tuple[Language, ...]) -> list[Coverage]:
    texts = [item for _, item in walk_models(plan) if isinstance(item, (Text, Prose))]
    return [Coverage(language, sum(text.get(language.code) is not None for text in texts), len(texts))
            for language in languages]
