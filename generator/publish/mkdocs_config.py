"""Per-language MkDocs configs that INHERIT the base config, generator/mkdocs.yml.

One docs tree and one build per language, linked by Material's `extra.alternate`:
no i18n plugin, so search and the 404 page stay per language,
and `mkdocs.yml` stays plain for maintained successors of MkDocs that read it.
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit
from typing import Any

import yaml

from ..labels import load_labels
from ..load.identity import Identity
from ..languages import Language
from ..model import Plan
from ..resources import MKDOCS_YML, OVERRIDES_DIR

# The hooks that remain: each needs the engine's own objects (generator/publish/hooks/).
HOOKS_DIR = Path(__file__).resolve().parent / "hooks"
HOOKS = [HOOKS_DIR / "theme_templates.py"]


def site_subdir(language: Language) -> str:
    """Where a language's site lives below the output root (the default language at the root)."""
    return language.url_prefix


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


def fonts_css(language: Language, languages: tuple[Language, ...]) -> str:
    """The page's text font, and that of runs of another language's text it marks with their `lang`.

    Languages name their fonts in the registry (system fonts only: nothing is downloaded); a language
    without one keeps the theme's.
    """
    rules = [f":root {{ --md-text-font: {language.font_family}; }}"] if language.font_family else []
    rules += [f'[lang="{other.html_lang}"]:not(html) {{ font-family: {other.font_family}; }}'
              for other in languages if other.font_family and other.html_lang != language.html_lang]
    return " ".join(rules)


def mkdocs_config(plan: Plan, language: Language, languages: tuple[Language, ...], nav: list[Any],
                  docs_dir: Path, site_dir: Path, identity: Identity | None = None, footer: str = "") -> str:
    """The MkDocs config of `language`'s site; `languages` are all the languages the site is published in;
    `identity`: the city's colours, emblem and stylesheets (its mkdocs.yml, read by Keikaku, never by MkDocs);
    `footer`: the footer's line (HTML, escaped in the render phase), which the theme prints as `copyright`."""
    identity = identity or Identity()
    palette = identity.config.theme.palette
    theme: dict[str, Any] = {"language": language.theme_locale, "custom_dir": str(OVERRIDES_DIR),
                             "palette": {"scheme": palette.scheme, "primary": palette.primary, "accent": palette.accent}}
    for key in ("logo", "favicon"):
        if (written := getattr(identity.config.theme, key)) is not None:
            theme[key] = identity.site_path(written)
    prefix_from_here = "../" * site_subdir(language).count("/")
    alternate = [
        {
            "name": load_labels(other.code).language_name,
            "lang": other.code,  # Material prints it as hreflang
            "html_lang": other.html_lang,
            "current": other == language,
            "default": other.default,  # the x-default alternate
            # Path from this language's site root to the other's; the theme appends the page URL.
            "link": prefix_from_here + site_subdir(other) if other != language else "",
            # Search engines want hreflang URLs absolute: known only when the plan sets site_url.
            "url": plan.root.site_url + site_subdir(other) if plan.root.site_url else None,
            # From the host's root: for the 404 page, which is served at any address, so relative links from it
            # lead nowhere (MkDocs gives it an absolute base_url, "/" without site_url, for the same reason).
            "root_path": (urlsplit(plan.root.site_url).path if plan.root.site_url else "/") + site_subdir(other),
        }
        for other in languages
    ]
    config = {
        "INHERIT": str(MKDOCS_YML),
        "site_name": html.escape(plan.root.site_title.pick(language)[0]),
        "site_description": html.escape(plan.root.description.pick(language)[0]),
        "site_url": plan.root.site_url + site_subdir(language) if plan.root.site_url else None,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": theme,
        "extra_css": [identity.site_path(css) for css in identity.config.extra_css],
        "copyright": footer or None,
        "plugins": {"search": {"lang": language.search_lang, "separator": language.search_separator}},
        "extra": {"alternate": alternate,
                  # site_overrides/main.html: the fonts of the page's language and of the runs it marks.
                  "keikaku_fonts": fonts_css(language, languages)},
        "nav": _escaped_nav(nav),
        "hooks": [str(hook) for hook in HOOKS],
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
