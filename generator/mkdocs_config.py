"""Per-language MkDocs configs that INHERIT the project's mkdocs.yml.

One docs tree and one build per language, linked by Material's `extra.alternate`:
no i18n plugin, so search and the 404 page stay per language,
and `mkdocs.yml` stays plain for maintained successors of MkDocs that read it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import yaml

from .labels import DEFAULT_LANGUAGE, LANGUAGES, load_labels
from .model import Plan

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
OVERRIDES_DIR = PROJECT_ROOT / "site_overrides"

# Japanese search. lunr's TinySegmenter cuts 子育て支援 into 子育|て|支援 in the index, while Material's
# separator keeps a query such as 子育て whole, so a word inside longer text was never found. We split
# at every change of script (kanji | hiragana | katakana | Latin and digits) on both sides: the index
# holds 子育 て 支援 and the query 子育て becomes 子育 て. Kanji runs are then cut by TinySegmenter in
# the index and, in the query, by Material's segmenter along the words the index holds (認定農業者数 →
# 認定 農業 者 数), so query and index agree. Measured in tests/browser/test_site.py and bench/.
HAN = r"\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HIRAGANA = r"\u3040-\u309f"
KATAKANA = r"\u30a0-\u30ff\uff66-\uff9f"
LATIN = r"A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_SCRIPTS = (HAN, HIRAGANA, KATAKANA, LATIN)
_BOUNDARIES = "|".join(f"(?<=[{a}])(?=[{b}])" for a in _SCRIPTS for b in _SCRIPTS if a != b)
SEPARATORS = {
    "ja": r"[\s\-　、。，．・「」『』（）()〔〕【】［］〈〉《》]+|" + _BOUNDARIES,
    "en": r"[\s\-]+",
}


def site_subdir(lang: str) -> str:
    """Where a language's site lives below the output root: Japanese at the root, others below."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def _escaped_nav(nav: list[Any]) -> list[Any]:
    """The theme prints nav titles and the site name as they are, so plan text is escaped first."""
    out: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):  # a section's own index page
            out.append(entry)
            continue
        for title, target in entry.items():
            value = _escaped_nav(target) if isinstance(target, list) else target
            out.append({html.escape(title): value})
    return out


def mkdocs_config(plan: Plan, lang: str, nav: list[Any], docs_dir: Path, site_dir: Path) -> str:
    prefix_from_here = "../" * site_subdir(lang).count("/")
    alternate = [
        {
            "name": load_labels(code).language_name,
            "lang": code,
            # Path from this language's site root to the other's; the theme appends the page URL.
            "link": prefix_from_here + site_subdir(code) if code != lang else "",
        }
        for code in LANGUAGES
    ]
    config = {
        "INHERIT": str(MKDOCS_YML),
        "site_name": html.escape(getattr(plan.root.site_title, lang)),
        "site_description": html.escape(getattr(plan.root.description, lang)),
        "site_url": plan.root.site_url + site_subdir(lang) if plan.root.site_url else None,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"language": lang, "custom_dir": str(OVERRIDES_DIR)},
        "plugins": {"search": {"lang": lang, "separator": SEPARATORS[lang]}},
        "extra": {"alternate": alternate},
        "nav": _escaped_nav(nav),
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
