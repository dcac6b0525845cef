"""Facts taken by hand from the seed documents, checked against the built site.

Each fact names the page where a reader would look for it, the text that must be
visible on the Japanese page, and the figures that must be visible on its
English counterpart (same path under /en/).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fact:
    page: str
    """Page path relative to the site root, e.g. "strategy-2021/basic-goal-1/" ("" for the home page)."""
    ja: str
    """Text that must appear, as a reader sees it, on the Japanese page (a number with its unit, a name…)."""
    en: list[str] = field(default_factory=list)
    """Texts, usually the same figures, that must appear on the English page."""
